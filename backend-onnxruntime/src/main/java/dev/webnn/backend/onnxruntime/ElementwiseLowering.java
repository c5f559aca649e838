package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Op;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static Set<MLOperandDataType> dataTypes(Op op) {
        return EnumSet.allOf(MLOperandDataType.class);
    }

    /** A WebNN binary operator with an ONNX equivalent of the same semantics. */
    private static OpLowering binary(String onnx) {
        return (node, lowering) -> lowering.model().node(onnx,
                List.of(lowering.input(node, "a"), lowering.input(node, "b")), lowering.output(node));
    }
}
