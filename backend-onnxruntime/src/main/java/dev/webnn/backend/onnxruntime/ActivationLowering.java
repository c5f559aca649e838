package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;

import dev.webnn.MLNumber;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX lowering of the activation operators. Most have an ONNX operator of the same
 * definition and attribute names (Elu, Gelu with its default exact erf form, HardSigmoid,
 * HardSwish, LeakyRelu, Relu, Sigmoid, Softmax over one axis, Softplus, Softsign, Tanh).
 * The rest are compositions:
 * <ul>
 *   <li>linear: {@code Add(Mul(x, alpha), beta)}, the spec's two roundings;</li>
 *   <li>relu of int64 (no ONNX Runtime Relu kernel; its Max is wrong beyond the int32 range):
 *       {@code Where(Less(x, 0), 0, x)};</li>
 *   <li>prelu: ONNX PRelu broadcasts the slope only towards the input, and has no integer
 *       kernel; so floats whose slope broadcasts to the input use PRelu, everything else
 *       {@code Where(Less(x, 0), Mul(x, slope), x)}, int8 computed in int32.</li>
 * </ul>
 */
final class ActivationLowering {

    /** The integer prelu composition has no int8 Where kernel; int32 holds int8 products exactly. */
    private static final Map<MLOperandDataType, Integer> INT8_IN_INT32 = Map.of(INT8, OnnxTypes.of(INT32));

    private ActivationLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, OpLowering> map) {
        map.put(Op.ELU, ElementwiseLowering.unary("Elu", "alpha"));
        map.put(Op.GELU, ElementwiseLowering.unary("Gelu"));
        map.put(Op.HARD_SIGMOID, ElementwiseLowering.unary("HardSigmoid", "alpha", "beta"));
        map.put(Op.HARD_SWISH, ElementwiseLowering.unary("HardSwish"));
        map.put(Op.LEAKY_RELU, ElementwiseLowering.unary("LeakyRelu", "alpha"));
        map.put(Op.LINEAR, ActivationLowering::linear);
        map.put(Op.PRELU, ActivationLowering::prelu);
        map.put(Op.RELU, ActivationLowering::relu);
        map.put(Op.SIGMOID, ElementwiseLowering.unary("Sigmoid"));
        map.put(Op.SOFTMAX, (node, lowering) -> lowering.model().node("Softmax", List.of(lowering.input(node, "input")),
                lowering.output(node), OrtAttribute.integer("axis", node.attributes().integer("axis"))));
        map.put(Op.SOFTPLUS, ElementwiseLowering.unary("Softplus"));
        map.put(Op.SOFTSIGN, ElementwiseLowering.unary("Softsign"));
        map.put(Op.TANH, ElementwiseLowering.unary("Tanh"));
    }

    /**
     * Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run:
     * nothing to remove, every spec data type runs (see the compositions above).
     */
    static MLOpSupportLimits narrow(MLOpSupportLimits limits) {
        return limits;
    }

    /** linear: {@code alpha * x + beta}, multiply then add, both constants of the input's type. */
    private static void linear(Node node, Lowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = node.input("input").descriptor().dataType();
        String product = ElementwiseLowering.intermediate(model, "Mul",
                List.of(lowering.input(node, "input"), constant(model, type, node, "alpha")));
        model.node("Add", List.of(product, constant(model, type, node, "beta")), lowering.output(node));
    }

    /**
     * relu: ONNX Relu, except int64 which has no Relu kernel and whose Max kernel misorders
     * values beyond the int32 range (see {@link ElementwiseLowering}): zero replaces the
     * negative values.
     */
    private static void relu(Node node, Lowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = node.input("input").descriptor().dataType();
        String input = lowering.input(node, "input");
        if (type == INT64) {
            ElementwiseLowering.replaceWhere(model, "Less", input, model.scalar(type, MLNumber.of(0)), lowering.output(node));
        } else {
            model.node("Relu", List.of(input), lowering.output(node));
        }
    }

    /**
     * prelu: ONNX PRelu when it applies (floating point, slope broadcasting to the input's
     * shape), else {@code Where(Less(x, 0), Mul(x, slope), x)}, which broadcasts both ways.
     */
    private static void prelu(Node node, Lowering lowering) {
        MLOperandDataType type = node.input("input").descriptor().dataType();
        boolean floating = type == MLOperandDataType.FLOAT32 || type == MLOperandDataType.FLOAT16;
        if (floating && Arrays.equals(node.input("input").descriptor().shape(), node.output().descriptor().shape())) {
            lowering.model().node("PRelu", List.of(lowering.input(node, "input"), lowering.input(node, "slope")),
                    lowering.output(node));
            return;
        }
        ElementwiseLowering.carried(INT8_IN_INT32, (model, input, carrier, output) -> {
            String x = input.apply("input");
            String zero = model.scalar(type, MLNumber.of(0));
            if (carrier != OnnxTypes.of(type)) {
                zero = ElementwiseLowering.cast(model, zero, carrier);
            }
            String negative = ElementwiseLowering.intermediate(model, "Less", List.of(x, zero));
            String scaled = ElementwiseLowering.intermediate(model, "Mul", List.of(x, input.apply("slope")));
            model.node("Where", List.of(negative, scaled, x), output);
        }).lower(node, lowering);
    }

    /** A real attribute of the node as a scalar constant of {@code type} (it is already cast to it). */
    private static String constant(OrtModelBuilder model, MLOperandDataType type, Node node, String attribute) {
        return model.scalar(type, MLNumber.of(node.attributes().real(attribute)));
    }
}
