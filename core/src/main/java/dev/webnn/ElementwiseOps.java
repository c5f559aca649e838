package dev.webnn;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Op;
import java.util.Arrays;
import java.util.Map;

/**
 * Validation and shape inference of the element-wise operations (spec: "Element-wise
 * binary operations", "Element-wise logical operations", "Element-wise unary
 * operations", cast, clamp, where).
 */
final class ElementwiseOps {

    private ElementwiseOps() {
    }

    /** add, sub, mul, div, max, min, pow: same data type, bidirectional broadcast. */
    static MLOperand binary(MLGraphBuilder builder, Op op, MLOperand a, MLOperand b, MLOperatorOptions options) {
        String label = Checks.options(op, options).label();
        builder.validateOperands(op, label, "a", a, "b", b);
        Map<String, MLOperand> inputs = MLGraphBuilder.roles("a", a, "b", b);
        Checks.inputLimits(op, label, inputs);
        long[] shape = Checks.broadcastBidirectional(a.shapeView(), b.shapeView());
        if (shape == null) {
            throw Checks.typeError(op, label, "shapes " + Arrays.toString(a.shapeView()) + " and "
                    + Arrays.toString(b.shapeView()) + " are not broadcastable");
        }
        return builder.addOperation(op, label, inputs, Attributes.NONE, Checks.output(op, label, a.dataType(), shape));
    }
}
