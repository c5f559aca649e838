package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;

import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Elu;
import dev.webnn.graph.Operation.HardSigmoid;
import dev.webnn.graph.Operation.LeakyRelu;
import dev.webnn.graph.Operation.Linear;
import dev.webnn.graph.Operation.Prelu;
import dev.webnn.graph.Operation.Softmax;
import dev.webnn.graph.Operation.Unary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX lowering of the activation operators. Most have an ONNX operator of the same
 * definition and attribute names (Elu, Gelu with its default exact erf form, HardSigmoid,
 * HardSwish, LeakyRelu, Relu, Sigmoid, Softmax over one axis, Softplus, Softsign, Tanh).
 * The rest are compositions:
 * <ul>
 *   <li>float32 sigmoid, hardSwish and elu, where ONNX Runtime's kernels are outside the
 *       WPT tolerances (see each method): exp-based and cancellation-free forms;</li>
 *   <li>linear: {@code Add(Mul(x, alpha), beta)}, the spec's two roundings;</li>
 *   <li>relu of int64 (no ONNX Runtime Relu kernel; its Max is wrong beyond the int32 range):
 *       {@code Where(Less(x, 0), 0, x)};</li>
 *   <li>prelu: ONNX PRelu broadcasts the slope only towards the input, and has no integer
 *       kernel; so floats whose slope broadcasts to the input use PRelu, everything else
 *       {@code Where(Less(x, 0), Mul(x, slope), x)}, int8 computed in int32.</li>
 * </ul>
 */
final class OrtActivationLowering {

    /** The integer prelu composition has no int8 Where kernel; int32 holds int8 products exactly. */
    private static final Map<MLOperandDataType, Integer> INT8_IN_INT32 = Map.of(INT8, OnnxTypes.of(INT32));

    private OrtActivationLowering() {
    }

    /** The activations without options. */
    static void unary(Unary op, Node node, OrtLowering lowering) {
        Operand input = op.input();
        switch (op.kind()) {
            case GELU -> OrtElementwiseLowering.unary("Gelu", input, node, lowering);
            case HARD_SWISH -> hardSwish(input, node, lowering);
            case RELU -> relu(input, node, lowering);
            case SIGMOID -> sigmoid(input, node, lowering);
            case SOFTPLUS -> OrtElementwiseLowering.unary("Softplus", input, node, lowering);
            case SOFTSIGN -> OrtElementwiseLowering.unary("Softsign", input, node, lowering);
            case TANH -> OrtElementwiseLowering.unary("Tanh", input, node, lowering);
            case ABS, CEIL, COS, ERF, EXP, FLOOR, IDENTITY, LOG, NEG, RECIPROCAL, ROUND_EVEN, SIGN, SIN, SQRT, TAN ->
                    OrtElementwiseLowering.unary(op, node, lowering);
        }
    }

    /** hardSigmoid: ONNX HardSigmoid. */
    static void hardSigmoid(HardSigmoid op, Node node, OrtLowering lowering) {
        OrtElementwiseLowering.unary("HardSigmoid", op.input(), node, lowering, OrtAttribute.real("alpha", op.alpha()),
                OrtAttribute.real("beta", op.beta()));
    }

    /** leakyRelu: ONNX LeakyRelu. */
    static void leakyRelu(LeakyRelu op, Node node, OrtLowering lowering) {
        OrtElementwiseLowering.unary("LeakyRelu", op.input(), node, lowering, OrtAttribute.real("alpha", op.alpha()));
    }

    /** softmax: ONNX Softmax along the axis. */
    static void softmax(Softmax op, Node node, OrtLowering lowering) {
        OrtElementwiseLowering.unary("Softmax", op.input(), node, lowering, OrtAttribute.integer("axis", op.axis()));
    }

    /**
     * sigmoid: float32 as {@code 1 / (1 + exp(-x))}, because ONNX Runtime's Sigmoid kernel is a
     * rational approximation whose relative error grows for negative inputs (0.65% at -11.75,
     * thousands of ULP); float16 keeps the Sigmoid kernel, within its tolerance.
     */
    private static void sigmoid(Operand operand, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        String input = lowering.name(operand);
        if (operand.descriptor().dataType() != MLOperandDataType.FLOAT32) {
            model.node("Sigmoid", List.of(input), lowering.output(node));
            return;
        }
        String one = model.scalar(MLOperandDataType.FLOAT32, MLNumber.of(1));
        String negated = model.intermediate("Neg", List.of(input));
        String exp = model.intermediate("Exp", List.of(negated));
        String denominator = model.intermediate("Add", List.of(exp, one));
        model.node("Reciprocal", List.of(denominator), lowering.output(node));
    }

    /**
     * hardSwish: float32 as {@code x * (clip(x + 3, 0, 6) / 6)}, because ONNX Runtime's
     * HardSwish computes {@code x * (x / 6 + 0.5)}, which cancels near -3 (15 ULP at -2.875);
     * float16 keeps the HardSwish kernel.
     */
    private static void hardSwish(Operand operand, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        String input = lowering.name(operand);
        MLOperandDataType type = operand.descriptor().dataType();
        if (type != MLOperandDataType.FLOAT32) {
            model.node("HardSwish", List.of(input), lowering.output(node));
            return;
        }
        String shifted = model.intermediate("Add", List.of(input, model.scalar(type, MLNumber.of(3))));
        String ramp = model.intermediate("Clip", List.of(shifted, model.scalar(type, MLNumber.of(0)),
                model.scalar(type, MLNumber.of(6))));
        String gate = model.intermediate("Div", List.of(ramp, model.scalar(type, MLNumber.of(6))));
        model.node("Mul", List.of(input, gate), lowering.output(node));
    }

    /**
     * elu: float32 as {@code x > 0 ? x : alpha * expm1(x)} with
     * {@code expm1(x) = tanh(x / 2) * (exp(x) + 1)}, because ONNX Runtime's Elu computes
     * {@code exp(x) - 1}, which cancels for small negative x (64 ULP at -0.00625); float16
     * keeps the Elu kernel.
     */
    static void elu(Elu op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        String input = lowering.name(op.input());
        MLOperandDataType type = op.input().descriptor().dataType();
        if (type != MLOperandDataType.FLOAT32) {
            model.node("Elu", List.of(input), lowering.output(node), OrtAttribute.real("alpha", op.alpha()));
            return;
        }
        String half = model.intermediate("Mul", List.of(input, model.scalar(type, MLNumber.of(0.5))));
        String tanh = model.intermediate("Tanh", List.of(half));
        String exp = model.intermediate("Exp", List.of(input));
        String expPlusOne = model.intermediate("Add", List.of(exp, model.scalar(type, MLNumber.of(1))));
        String expm1 = model.intermediate("Mul", List.of(tanh, expPlusOne));
        String negative = model.intermediate("Mul", List.of(expm1, model.scalar(type, MLNumber.of(op.alpha()))));
        String positive = model.intermediate("Greater", List.of(input, model.scalar(type,
                MLNumber.of(0))));
        model.node("Where", List.of(positive, input, negative), lowering.output(node));
    }

    /** linear: {@code alpha * x + beta}, multiply then add, both constants of the input's type. */
    static void linear(Linear op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = op.input().descriptor().dataType();
        String product = model.intermediate("Mul",
                List.of(lowering.name(op.input()), model.scalar(type, MLNumber.of(op.alpha()))));
        model.node("Add", List.of(product, model.scalar(type, MLNumber.of(op.beta()))), lowering.output(node));
    }

    /**
     * relu: ONNX Relu, except int64 which has no Relu kernel and whose Max kernel misorders
     * values beyond the int32 range (see {@link OrtElementwiseLowering}): zero replaces the
     * negative values.
     */
    private static void relu(Operand operand, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = operand.descriptor().dataType();
        String input = lowering.name(operand);
        if (type == INT64) {
            OrtElementwiseLowering.replaceWhere(model, "Less", input, model.scalar(type, MLNumber.of(0)), lowering.output(node));
        } else {
            model.node("Relu", List.of(input), lowering.output(node));
        }
    }

    /**
     * prelu: ONNX PRelu when it applies (floating point, slope broadcasting to the input's
     * shape), else {@code Where(Less(x, 0), Mul(x, slope), x)}, which broadcasts both ways.
     */
    static void prelu(Prelu op, Node node, OrtLowering lowering) {
        MLOperandDataType type = op.input().descriptor().dataType();
        boolean floating = type == MLOperandDataType.FLOAT32 || type == MLOperandDataType.FLOAT16;
        if (floating && Arrays.equals(op.input().descriptor().shape(), node.output().descriptor().shape())) {
            lowering.model().node("PRelu", List.of(lowering.name(op.input()), lowering.name(op.slope())),
                    lowering.output(node));
            return;
        }
        OrtElementwiseLowering.carried(INT8_IN_INT32, (model, input, carrier, output) -> {
            String x = input.apply(op.input());
            String zero = model.scalar(type, MLNumber.of(0));
            if (carrier != OnnxTypes.of(type)) {
                zero = model.cast(zero, carrier);
            }
            String negative = model.intermediate("Less", List.of(x, zero));
            String scaled = model.intermediate("Mul", List.of(x, input.apply(op.slope())));
            model.node("Where", List.of(negative, scaled, x), output);
        }, node, lowering);
    }
}
