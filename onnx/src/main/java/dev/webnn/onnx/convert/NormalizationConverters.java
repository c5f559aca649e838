package dev.webnn.onnx.convert;

import dev.webnn.MLBatchNormalizationOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInstanceNormalizationOptions;
import dev.webnn.MLLayerNormalizationOptions;
import dev.webnn.MLOperand;
import dev.webnn.MLPool2dOptions;
import dev.webnn.MLReduceOptions;

import java.util.List;

/**
 * BatchNormalization (inference), InstanceNormalization, LayerNormalization, and the
 * compositions LRN and MeanVarianceNormalization.
 */
final class NormalizationConverters {

    private NormalizationConverters() {
    }

    static void register(Registry registry) {
        registry.add("BatchNormalization", List.of("batchNormalization"), NormalizationConverters::batchNormalization);
        registry.add("InstanceNormalization", List.of("instanceNormalization"), node -> {
            MLOperand x = node.operand(0);
            if (x.rank() != 4) {
                throw node.unsupported("input of rank " + x.rank() + "; WebNN instanceNormalization takes rank 4");
            }
            node.output(0, node.builder().instanceNormalization(x, MLInstanceNormalizationOptions.defaults()
                    .withLabel(node.label()).withScale(node.operand(1, x.dataType()))
                    .withBias(node.operand(2, x.dataType())).withEpsilon(node.floatAttribute("epsilon", 1e-5f))));
        });
        registry.add("LayerNormalization", List.of("layerNormalization"), NormalizationConverters::layerNormalization);
        registry.add("LRN", List.of("pad", "averagePool2d", "pow", "div"), NormalizationConverters::lrn);
        registry.add("MeanVarianceNormalization", List.of("reduceMean", "sub", "sqrt", "div"), node -> {
            MLGraphBuilder b = node.builder();
            MLOperand x = node.operand(0);
            long[] axes = node.intsAttribute("axes");
            MLReduceOptions keep = MLReduceOptions.defaults().withKeepDimensions(true)
                    .withAxes(Axes.normalize(node, axes == null ? new long[] {0, 2, 3} : axes, x.rank()));
            MLOperand centered = b.sub(x, b.reduceMean(x, keep));
            MLOperand variance = b.reduceMean(b.mul(centered, centered), keep);
            MLOperand deviation = b.add(b.sqrt(variance), b.constant(x.dataType(), 1e-9));
            node.output(0, b.div(centered, deviation, node.options()));
        });
    }

    private static void batchNormalization(OnnxNode node) {
        for (int i = 1; i < node.outputCount(); i++) {
            if (node.hasOutput(i)) {
                throw node.unsupported("training outputs (running mean/variance) have no WebNN equivalent");
            }
        }
        if (node.intAttribute("training_mode", 0) == 1) {
            throw node.unsupported("training_mode = 1");
        }
        MLOperand x = node.operand(0);
        MLBatchNormalizationOptions options = MLBatchNormalizationOptions.defaults().withLabel(node.label())
                .withScale(node.operand(1, x.dataType())).withBias(node.operand(2, x.dataType()))
                .withEpsilon(node.floatAttribute("epsilon", 1e-5f)).withAxis(x.rank() > 1 ? 1 : 0);
        node.output(0, node.builder().batchNormalization(x, node.operand(3, x.dataType()), node.operand(4, x.dataType()),
                options));
    }

    private static void layerNormalization(OnnxNode node) {
        MLOperand x = node.operand(0);
        int axis = Axes.normalize(node, node.intAttribute("axis", -1), x.rank());
        long[] axes = Axes.range(axis, x.rank());
        if (node.hasOutput(1) || node.hasOutput(2)) {
            layerNormalizationWithStatistics(node, x, axes);
            return;
        }
        long[] normalizedShape = java.util.Arrays.copyOfRange(x.shape(), axis, x.rank());
        MLGraphBuilder b = node.builder();
        MLLayerNormalizationOptions options = MLLayerNormalizationOptions.defaults().withLabel(node.label())
                .withAxes(axes).withEpsilon(node.floatAttribute("epsilon", 1e-5f))
                .withScale(expandTo(b, node.operand(1, x.dataType()), normalizedShape));
        if (node.has(2)) {
            options = options.withBias(expandTo(b, node.operand(2, x.dataType()), normalizedShape));
        }
        node.output(0, b.layerNormalization(x, options));
    }

    /** Composed, because the Mean and InvStdDev outputs are wanted too. */
    private static void layerNormalizationWithStatistics(OnnxNode node, MLOperand x, long[] axes) {
        MLGraphBuilder b = node.builder();
        MLReduceOptions keep = MLReduceOptions.defaults().withAxes(axes).withKeepDimensions(true);
        MLOperand mean = b.reduceMean(x, keep);
        MLOperand centered = b.sub(x, mean);
        MLOperand variance = b.reduceMean(b.mul(centered, centered), keep);
        MLOperand inverse = b.reciprocal(b.sqrt(b.add(variance,
                b.constant(x.dataType(), node.floatAttribute("epsilon", 1e-5f)))));
        MLOperand y = b.mul(b.mul(centered, inverse), node.operand(1, x.dataType()));
        if (node.has(2)) {
            y = b.add(y, node.operand(2, x.dataType()));
        }
        node.output(0, b.identity(y, node.options()));
        node.output(1, mean);
        node.output(2, inverse);
    }

    /** ONNX broadcasts scale and bias; WebNN wants them in the normalized shape. */
    private static MLOperand expandTo(MLGraphBuilder b, MLOperand operand, long[] shape) {
        return java.util.Arrays.equals(operand.shape(), shape) ? operand : b.expand(operand, shape);
    }

    /** x / (bias + alpha/size · Σ x² over `size` neighbouring channels)^beta. */
    private static void lrn(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        long[] shape = x.shape();
        if (shape.length != 4) {
            throw node.unsupported("input of rank " + shape.length + "; only NCHW is converted");
        }
        long size = node.intAttribute("size", 1);
        double alpha = node.floatAttribute("alpha", 1e-4f);
        double beta = node.floatAttribute("beta", 0.75f);
        double bias = node.floatAttribute("bias", 1f);
        MLOperand squares = b.reshape(b.mul(x, x), shape[0], 1, shape[1], shape[2] * shape[3]);
        long before = (size - 1) / 2;
        long after = size - 1 - before;
        MLOperand padded = b.pad(squares, new long[] {0, 0, before, 0}, new long[] {0, 0, after, 0});
        MLOperand mean = b.averagePool2d(padded, MLPool2dOptions.defaults().withWindowDimensions(size, 1));
        MLOperand scaled = b.add(b.mul(b.reshape(mean, shape), b.constant(x.dataType(), alpha)),
                b.constant(x.dataType(), bias));
        node.output(0, b.div(x, b.pow(scaled, b.constant(x.dataType(), beta)), node.options()));
    }
}
