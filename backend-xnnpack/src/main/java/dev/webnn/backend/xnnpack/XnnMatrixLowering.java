package dev.webnn.backend.xnnpack;

import dev.webnn.graph.Op;
import java.util.Map;

/** XNNPACK lowering of the gemm, matmul and reduction operators. */
final class XnnMatrixLowering {

    private XnnMatrixLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, XnnOpLowering> map) {
    }
}
