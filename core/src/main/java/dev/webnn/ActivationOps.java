package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;

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
    static MLOperand plain(GraphRecorder recorder, Op op, MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, op, input, options);
    }

    /** elu: {@code alpha} cast to the input's data type. */
    static MLOperand elu(GraphRecorder recorder, MLOperand input, MLEluOptions options) {
        MLEluOptions o = recorder.begin(Op.ELU, options);
        return ElementwiseOps.unary(recorder, Op.ELU, input, o.label(),
                operand -> new Operation.Elu(operand.operand(), cast(o.alpha(), operand)));
    }

    /** hardSigmoid: {@code alpha} and {@code beta} cast to the input's data type. */
    static MLOperand hardSigmoid(GraphRecorder recorder, MLOperand input, MLHardSigmoidOptions options) {
        MLHardSigmoidOptions o = recorder.begin(Op.HARD_SIGMOID, options);
        return ElementwiseOps.unary(recorder, Op.HARD_SIGMOID, input, o.label(), operand -> new Operation.HardSigmoid(
                operand.operand(), cast(o.alpha(), operand), cast(o.beta(), operand)));
    }

    /** leakyRelu: {@code alpha} cast to the input's data type. */
    static MLOperand leakyRelu(GraphRecorder recorder, MLOperand input, MLLeakyReluOptions options) {
        MLLeakyReluOptions o = recorder.begin(Op.LEAKY_RELU, options);
        return ElementwiseOps.unary(recorder, Op.LEAKY_RELU, input, o.label(),
                operand -> new Operation.LeakyRelu(operand.operand(), cast(o.alpha(), operand)));
    }

    /** linear: {@code alpha} and {@code beta} cast to the input's data type. */
    static MLOperand linear(GraphRecorder recorder, MLOperand input, MLLinearOptions options) {
        MLLinearOptions o = recorder.begin(Op.LINEAR, options);
        return ElementwiseOps.unary(recorder, Op.LINEAR, input, o.label(), operand -> new Operation.Linear(
                operand.operand(), cast(o.alpha(), operand), cast(o.beta(), operand)));
    }

    /**
     * A double option cast to the input's data type (spec: "Set options.alpha to the result of
     * casting options.alpha to input's dataType"), after the input is validated.
     */
    private static double cast(double value, MLOperand input) {
        return MLNumber.of(value).castTo(input.dataType()).doubleValue();
    }

    /** softmax: {@code axis} must index a dimension of the input. */
    static MLOperand softmax(GraphRecorder recorder, MLOperand input, long axis, MLOperatorOptions options) {
        Op op = Op.SOFTMAX;
        String label = recorder.begin(op, options).label();
        return ElementwiseOps.unary(recorder, op, input, label, operand -> new Operation.Softmax(operand.operand(),
                Checks.axis(op, label, "axis", axis, operand.rank())));
    }

    /** prelu: slope has input's data type; output shape is the broadcast of slope and input. */
    static MLOperand prelu(GraphRecorder recorder, MLOperand input, MLOperand slope, MLOperatorOptions options) {
        Op op = Op.PRELU;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input, "slope", slope);
        var inputs = Checks.roles("input", input, "slope", slope);
        Checks.inputLimits(op, label, inputs);
        long[] shape = ElementwiseOps.broadcast(op, label, slope.shapeView(), input.shapeView(), "slope and input");
        return recorder.record(new Operation.Prelu(input.operand(), slope.operand()), label,
                Checks.output(op, label, input.dataType(), shape));
    }

}
