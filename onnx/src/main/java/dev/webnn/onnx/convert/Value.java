package dev.webnn.onnx.convert;

import dev.webnn.MLOperand;
import dev.webnn.onnx.internal.Tensor;

/**
 * What an ONNX value name stands for during import: a constant known in Java (folded or an
 * initializer) or an operand of the graph under construction. A constant may also have been
 * materialised as an operand already.
 *
 * @param constant the value, or null if only known at run time
 * @param operand the operand, or null if not materialised yet
 */
record Value(Tensor constant, MLOperand operand) {

    static Value of(Tensor constant) {
        return new Value(constant, null);
    }

    static Value of(MLOperand operand) {
        return new Value(null, operand);
    }

    boolean isConstant() {
        return constant != null;
    }
}
