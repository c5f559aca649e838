package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.graph.Op;
import java.util.List;
import java.util.Map;

/** ONNX lowering of the element-wise WebNN operators. */
final class ElementwiseLowering {

    private ElementwiseLowering() {
    }

    static void register(Map<Op, OpLowering> map) {
        map.put(Op.ADD, binary("Add"));
        map.put(Op.SUB, binary("Sub"));
        map.put(Op.MUL, binary("Mul"));
        map.put(Op.DIV, binary("Div"));
    }

    /** Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run. */
    static MLOpSupportLimits narrow(MLOpSupportLimits limits) {
        return limits;
    }

    /** A WebNN binary operator with an ONNX equivalent of the same semantics. */
    private static OpLowering binary(String onnx) {
        return (node, lowering) -> lowering.model().node(onnx,
                List.of(lowering.input(node, "a"), lowering.input(node, "b")), lowering.output(node));
    }
}
