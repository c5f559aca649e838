package dev.webnn;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Op;

/**
 * Validation and shape inference of the activations (spec: elu, gelu, hardSigmoid,
 * hardSwish, leakyRelu, linear, prelu, relu, sigmoid, softmax, softplus, softsign, tanh).
 *
 * <p>Every single-input activation follows the same steps as the element-wise unary
 * operations ({@link ElementwiseOps#unary(MLGraphBuilder, Op, MLOperand, String,
 * java.util.function.Function)}); only the attributes differ.
 */
final class ActivationOps {

    private ActivationOps() {
    }

    /** gelu, hardSwish, relu, sigmoid, softplus, softsign, tanh: no attributes. */
    static MLOperand plain(MLGraphBuilder builder, Op op, MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(builder, op, input, options);
    }

    /** elu: {@code alpha} cast to the input's data type. */
    static MLOperand elu(MLGraphBuilder builder, MLOperand input, MLEluOptions options) {
        MLEluOptions o = builder.begin(Op.ELU, options);
        return scalars(builder, Op.ELU, input, o.label(), "alpha", o.alpha());
    }

    /** hardSigmoid: {@code alpha} and {@code beta} cast to the input's data type. */
    static MLOperand hardSigmoid(MLGraphBuilder builder, MLOperand input, MLHardSigmoidOptions options) {
        MLHardSigmoidOptions o = builder.begin(Op.HARD_SIGMOID, options);
        return scalars(builder, Op.HARD_SIGMOID, input, o.label(), "alpha", o.alpha(), "beta", o.beta());
    }

    /** leakyRelu: {@code alpha} cast to the input's data type. */
    static MLOperand leakyRelu(MLGraphBuilder builder, MLOperand input, MLLeakyReluOptions options) {
        MLLeakyReluOptions o = builder.begin(Op.LEAKY_RELU, options);
        return scalars(builder, Op.LEAKY_RELU, input, o.label(), "alpha", o.alpha());
    }

    /** linear: {@code alpha} and {@code beta} cast to the input's data type. */
    static MLOperand linear(MLGraphBuilder builder, MLOperand input, MLLinearOptions options) {
        MLLinearOptions o = builder.begin(Op.LINEAR, options);
        return scalars(builder, Op.LINEAR, input, o.label(), "alpha", o.alpha(), "beta", o.beta());
    }

    /**
     * A single-input activation with double options: each is cast to the input's data type
     * after the input is validated (spec: "Set options.alpha to the result of casting
     * options.alpha to input's dataType").
     *
     * @param namesAndValues option name ({@code String}) and value ({@code Double}), alternating
     */
    private static MLOperand scalars(MLGraphBuilder builder, Op op, MLOperand input, String label,
                                     Object... namesAndValues) {
        return ElementwiseOps.unary(builder, op, input, label, operand -> {
            Attributes.Builder attributes = Attributes.builder();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                double value = (Double) namesAndValues[i + 1];
                attributes.real((String) namesAndValues[i], MLNumber.of(value).castTo(operand.dataType()).doubleValue());
            }
            return attributes.build();
        });
    }

    /** softmax: {@code axis} must index a dimension of the input. */
    static MLOperand softmax(MLGraphBuilder builder, MLOperand input, long axis, MLOperatorOptions options) {
        Op op = Op.SOFTMAX;
        String label = builder.begin(op, options).label();
        return ElementwiseOps.unary(builder, op, input, label, operand -> Attributes.builder()
                .integer("axis", Checks.axis(op, label, "axis", axis, operand.rank())).build());
    }

    /** prelu: slope has input's data type; output shape is the broadcast of slope and input. */
    static MLOperand prelu(MLGraphBuilder builder, MLOperand input, MLOperand slope, MLOperatorOptions options) {
        Op op = Op.PRELU;
        String label = builder.begin(op, options).label();
        builder.validateOperands(op, label, "input", input, "slope", slope);
        var inputs = MLGraphBuilder.roles("input", input, "slope", slope);
        Checks.inputLimits(op, label, inputs);
        long[] shape = ElementwiseOps.broadcast(op, label, slope.shapeView(), input.shapeView(), "slope and input");
        return builder.addOperation(op, label, inputs, Attributes.NONE, Checks.output(op, label, input.dataType(), shape));
    }

    /**
     * The WebIDL conversion of a {@code double} option: NaN and infinities are rejected.
     *
     * @param dictionary the options class, e.g. {@code "MLEluOptions"}
     * @param member the option, e.g. {@code "alpha"}
     * @param value the value given
     * @return the value
     * @throws MLTypeError if the value is not finite
     */
    static double finite(String dictionary, String member, double value) {
        if (!Double.isFinite(value)) {
            throw new MLTypeError(dictionary + ": " + member + " must be a finite number, got " + value);
        }
        return value;
    }
}
