package dev.webnn.backend.xnnpack;

import dev.webnn.graph.Op;
import java.util.Map;

/** XNNPACK lowering of the shape and data movement operators. */
final class XnnShapeLowering {

    private XnnShapeLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, XnnOpLowering> map) {
    }
}
