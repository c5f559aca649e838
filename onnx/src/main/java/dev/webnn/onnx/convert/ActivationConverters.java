package dev.webnn.onnx.convert;

import dev.webnn.MLArgMinMaxOptions;
import dev.webnn.MLClampOptions;
import dev.webnn.MLEluOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLHardSigmoidOptions;
import dev.webnn.MLLeakyReluOptions;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLReduceOptions;
import dev.webnn.onnx.internal.Tensor;

import java.util.List;

/**
 * Activations: the direct WebNN ones, Clip across opsets, Softmax/LogSoftmax (with the
 * flatten-to-2D semantics before opset 13) and the compositions Selu, Celu, ThresholdedRelu,
 * Shrink, Mish and tanh-approximated Gelu.
 */
final class ActivationConverters {

    private ActivationConverters() {
    }

    static void register(Registry registry) {
        registry.add("Relu", List.of("relu"), node -> node.output(0, node.builder().relu(node.operand(0), node.options())));
        registry.add("Sigmoid", List.of("sigmoid"), node -> node.output(0,
                node.builder().sigmoid(node.operand(0), node.options())));
        registry.add("Tanh", List.of("tanh"), node -> node.output(0, node.builder().tanh(node.operand(0), node.options())));
        registry.add("Softplus", List.of("softplus"), node -> node.output(0,
                node.builder().softplus(node.operand(0), node.options())));
        registry.add("Softsign", List.of("softsign"), node -> node.output(0,
                node.builder().softsign(node.operand(0), node.options())));
        registry.add("HardSwish", List.of("hardSwish"), node -> node.output(0,
                node.builder().hardSwish(node.operand(0), node.options())));
        registry.add("Elu", List.of("elu"), node -> node.output(0, node.builder().elu(node.operand(0),
                MLEluOptions.defaults().withAlpha(node.floatAttribute("alpha", 1f)).withLabel(node.label()))));
        registry.add("LeakyRelu", List.of("leakyRelu"), node -> node.output(0, node.builder().leakyRelu(node.operand(0),
                MLLeakyReluOptions.defaults().withAlpha(node.floatAttribute("alpha", 0.01f)).withLabel(node.label()))));
        registry.add("HardSigmoid", List.of("hardSigmoid"), node -> node.output(0, node.builder().hardSigmoid(
                node.operand(0), MLHardSigmoidOptions.defaults().withAlpha(node.floatAttribute("alpha", 0.2f))
                        .withBeta(node.floatAttribute("beta", 0.5f)).withLabel(node.label()))));
        registry.add("PRelu", List.of("prelu"), ActivationConverters::prelu);
        registry.add("Selu", List.of("elu", "mul"), ActivationConverters::selu);
        registry.add("Celu", List.of("elu", "mul", "div"), ActivationConverters::celu);
        registry.add("ThresholdedRelu", List.of("greater", "where"), ActivationConverters::thresholdedRelu);
        registry.add("Shrink", List.of("greater", "lesser", "where"), ActivationConverters::shrink);
        registry.add("Mish", List.of("softplus", "tanh", "mul"), node -> {
            MLGraphBuilder b = node.builder();
            MLOperand x = node.operand(0);
            node.output(0, b.mul(x, b.tanh(b.softplus(x)), node.options()));
        });
        registry.add("Gelu", List.of("gelu"), ActivationConverters::gelu);
        registry.add("Clip", List.of("clamp"), ActivationConverters::clip);
        registry.add("Softmax", List.of("softmax"), node -> softmax(node, Kind.SOFTMAX));
        registry.add("LogSoftmax", List.of("log", "reduceMax|softmax"),
                node -> softmax(node, Kind.LOG_SOFTMAX));
        registry.add("Hardmax", List.of("argMax", "equal", "cast"), node -> softmax(node, Kind.HARDMAX));
    }

    /** Before opset 7 a 1-D slope runs along the channel axis (1), not the last. */
    private static void prelu(OnnxNode node) {
        MLOperand x = node.operand(0);
        MLOperand slope = node.operand(1, x.dataType());
        long[] shape = x.shape();
        if (node.opset() < 7 && slope.rank() == 1 && shape.length > 2 && slope.shape()[0] == shape[1]) {
            long[] channels = new long[shape.length - 1];
            java.util.Arrays.fill(channels, 1);
            channels[0] = shape[1];
            slope = node.builder().reshape(slope, channels);
        }
        node.output(0, node.builder().prelu(x, slope, node.options()));
    }

    private static void selu(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        MLOperand elu = b.elu(x, MLEluOptions.defaults().withAlpha(node.floatAttribute("alpha", 1.67326319217681884765625f)));
        node.output(0, b.mul(elu, b.constant(x.dataType(), node.floatAttribute("gamma", 1.05070102214813232421875f)),
                node.options()));
    }

    /** celu(x) = alpha · elu(x / alpha). */
    private static void celu(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        MLOperand alpha = b.constant(x.dataType(), node.floatAttribute("alpha", 1f));
        node.output(0, b.mul(b.elu(b.div(x, alpha)), alpha, node.options()));
    }

    private static void thresholdedRelu(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        MLOperand alpha = b.constant(x.dataType(), node.floatAttribute("alpha", 1f));
        node.output(0, b.where(b.greater(x, alpha), x, b.constant(x.dataType(), 0), node.options()));
    }

    private static void shrink(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        float lambd = node.floatAttribute("lambd", 0.5f);
        float bias = node.floatAttribute("bias", 0f);
        MLOperand low = b.constant(x.dataType(), -lambd);
        MLOperand high = b.constant(x.dataType(), lambd);
        MLOperand shift = b.constant(x.dataType(), bias);
        MLOperand zero = b.constant(x.dataType(), 0);
        MLOperand upper = b.where(b.greater(x, high), b.sub(x, shift), zero);
        node.output(0, b.where(b.lesser(x, low), b.add(x, shift), upper, node.options()));
    }

    private static void gelu(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        String approximate = node.stringAttribute("approximate", "none");
        if (approximate.equals("none")) {
            node.output(0, b.gelu(x, node.options()));
            return;
        }
        if (!approximate.equals("tanh")) {
            throw node.unsupported("approximate='" + approximate + "'");
        }
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
        MLOperand cube = b.mul(b.mul(x, x), x);
        MLOperand inner = b.mul(b.add(x, b.mul(cube, b.constant(x.dataType(), 0.044715))),
                b.constant(x.dataType(), Math.sqrt(2 / Math.PI)));
        MLOperand one = b.add(b.tanh(inner), b.constant(x.dataType(), 1));
        node.output(0, b.mul(b.mul(x, one), b.constant(x.dataType(), 0.5), node.options()));
    }

    private static void clip(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        if (node.opset() < 11) {
            node.output(0, b.clamp(x, MLClampOptions.defaults()
                    .withMinValue(node.floatAttribute("min", Float.NEGATIVE_INFINITY))
                    .withMaxValue(node.floatAttribute("max", Float.POSITIVE_INFINITY)).withLabel(node.label())));
            return;
        }
        boolean constantBounds = (!node.has(1) || node.isConstant(1)) && (!node.has(2) || node.isConstant(2));
        if (constantBounds) {
            MLClampOptions options = MLClampOptions.defaults().withLabel(node.label());
            if (node.has(1)) {
                options = options.withMinValue(scalar(node, node.constant(1)));
            }
            if (node.has(2)) {
                options = options.withMaxValue(scalar(node, node.constant(2)));
            }
            node.output(0, b.clamp(x, options));
            return;
        }
        MLOperand result = x;
        if (node.has(1)) {
            result = b.max(result, node.operand(1, x.dataType()));
        }
        if (node.has(2)) {
            result = b.min(result, node.operand(2, x.dataType()));
        }
        node.output(0, b.identity(result, node.options()));
    }

    private static double scalar(OnnxNode node, Tensor tensor) {
        if (tensor.elementCount() != 1) {
            throw node.unsupported("the bound " + tensor + " is not a scalar");
        }
        return tensor.getDouble(0);
    }

    /** The members of the softmax family, which share their axis rules. */
    private enum Kind { SOFTMAX, LOG_SOFTMAX, HARDMAX }

    private static void softmax(OnnxNode node, Kind kind) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        int rank = x.rank();
        long[] shape = x.shape();
        if (node.opset() < 13) {
            // before opset 13 the input is seen as 2-D: [product of dims before axis, product from axis on]
            int axis = Axes.normalize(node, node.intAttribute("axis", 1), Math.max(rank, 1));
            MLOperand flat = b.reshape(x, Axes.product(shape, 0, axis), Axes.product(shape, axis, rank));
            node.output(0, b.reshape(softmaxAt(node, flat, 1, kind), shape));
            return;
        }
        int axis = Axes.normalize(node, node.intAttribute("axis", -1), rank);
        node.output(0, softmaxAt(node, x, axis, kind));
    }

    private static MLOperand softmaxAt(OnnxNode node, MLOperand x, int axis, Kind kind) {
        MLGraphBuilder b = node.builder();
        if (kind == Kind.SOFTMAX) {
            return b.softmax(x, axis, node.options());
        }
        if (kind == Kind.HARDMAX) {
            MLOperand index = b.argMax(x, axis, MLArgMinMaxOptions.defaults().withKeepDimensions(true)
                    .withOutputDataType(MLOperandDataType.INT64));
            long[] rampShape = new long[x.rank()];
            java.util.Arrays.fill(rampShape, 1);
            long n = x.shape()[axis];
            rampShape[axis] = n;
            long[] ramp = new long[(int) n];
            for (int i = 0; i < n; i++) {
                ramp[i] = i;
            }
            MLOperand rampOperand = b.constant(MLOperandDescriptor.of(MLOperandDataType.INT64, rampShape), ramp);
            return b.cast(b.equal(index, rampOperand), x.dataType(), node.options());
        }
        if (!node.backendHas("reduceMax")) {
            return b.log(b.softmax(x, axis), node.options());
        }
        MLReduceOptions keep = MLReduceOptions.defaults().withAxes(axis).withKeepDimensions(true);
        MLOperand shifted = b.sub(x, b.reduceMax(x, keep));
        return b.sub(shifted, b.log(b.reduceSum(b.exp(shifted), keep)), node.options());
    }
}
