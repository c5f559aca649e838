package dev.webnn.backend.xnnpack;

import dev.webnn.graph.Op;
import java.util.Map;

/** XNNPACK lowering of the activation and element-wise unary operators. */
final class XnnActivationLowering {

    private XnnActivationLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, XnnOpLowering> map) {
    }
}
