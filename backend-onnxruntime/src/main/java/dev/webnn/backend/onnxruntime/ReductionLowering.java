package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.graph.Op;
import java.util.Map;

/** ONNX lowering of the reduction, argMin/argMax and cumulativeSum operators. */
final class ReductionLowering {

    private ReductionLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, OpLowering> map) {
    }

    /** Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run. */
    static MLOpSupportLimits narrow(MLOpSupportLimits limits) {
        return limits;
    }
}
