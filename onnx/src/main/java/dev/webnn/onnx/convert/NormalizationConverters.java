package dev.webnn.onnx.convert;

import dev.webnn.MLBatchNormalizationOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInstanceNormalizationOptions;
import dev.webnn.MLLayerNormalizationOptions;
import dev.webnn.MLOperand;
import dev.webnn.MLPool2dOptions;
import dev.webnn.MLReduceOptions;

import dev.webnn.onnx.internal.Tensor;

import java.util.List;

/**
 * BatchNormalization (inference and training_mode), InstanceNormalization, LayerNormalization,
 * and the compositions GroupNormalization, LpNormalization, LRN and MeanVarianceNormalization.
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
        registry.add("GroupNormalization", List.of("reduceMean", "sub", "sqrt", "div"),
                NormalizationConverters::groupNormalization);
        registry.add("LpNormalization", List.of("div"), node -> {
            MLGraphBuilder b = node.builder();
            MLOperand x = node.operand(0);
            long p = node.intAttribute("p", 2);
            MLReduceOptions keep = MLReduceOptions.defaults().withKeepDimensions(true)
                    .withAxes(Axes.normalize(node, node.intAttribute("axis", -1), x.rank()));
            MLOperand norm = switch ((int) p) {
                case 1 -> b.reduceL1(x, keep);
                case 2 -> b.reduceL2(x, keep);
                default -> throw node.unsupported("p = " + p);
            };
            node.output(0, b.div(x, norm, node.options()));
        });
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
        if (node.intAttribute("training_mode", 0) == 1) {
            batchNormalizationTraining(node);
            return;
        }
        for (int i = 1; i < node.outputCount(); i++) {
            if (node.hasOutput(i)) {
                throw node.unsupported("running mean/variance outputs outside training_mode");
            }
        }
        MLOperand x = node.operand(0);
        MLBatchNormalizationOptions options = MLBatchNormalizationOptions.defaults().withLabel(node.label())
                .withScale(node.operand(1, x.dataType())).withBias(node.operand(2, x.dataType()))
                .withEpsilon(node.floatAttribute("epsilon", 1e-5f)).withAxis(x.rank() > 1 ? 1 : 0);
        node.output(0, node.builder().batchNormalization(x, node.operand(3, x.dataType()), node.operand(4, x.dataType()),
                options));
    }

    /**
     * training_mode = 1 (opset 14 on): normalizes with the batch's own statistics and outputs the
     * updated running statistics, input · momentum + batch · (1 − momentum).
     */
    private static void batchNormalizationTraining(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        int rank = x.rank();
        long[] axes = java.util.stream.LongStream.range(0, rank).filter(axis -> axis != 1).toArray();
        long[] channelShape = new long[rank];
        java.util.Arrays.fill(channelShape, 1);
        channelShape[1] = x.shape()[1];
        MLReduceOptions keep = MLReduceOptions.defaults().withAxes(axes).withKeepDimensions(true);
        MLOperand mean = b.reduceMean(x, keep);
        MLOperand centered = b.sub(x, mean);
        MLOperand variance = b.reduceMean(b.mul(centered, centered), keep);
        MLOperand deviation = b.sqrt(b.add(variance, b.constant(x.dataType(), node.floatAttribute("epsilon", 1e-5f))));
        MLOperand scale = b.reshape(node.operand(1, x.dataType()), channelShape);
        MLOperand bias = b.reshape(node.operand(2, x.dataType()), channelShape);
        node.output(0, b.add(b.mul(b.div(centered, deviation), scale), bias, node.options()));
        double momentum = node.floatAttribute("momentum", 0.9f);
        MLOperand keepRunning = b.constant(x.dataType(), momentum);
        MLOperand takeBatch = b.constant(x.dataType(), 1 - momentum);
        long[] channels = {x.shape()[1]};
        node.output(1, b.add(b.mul(node.operand(3, x.dataType()), keepRunning), b.mul(b.reshape(mean, channels), takeBatch)));
        node.output(2, b.add(b.mul(node.operand(4, x.dataType()), keepRunning),
                b.mul(b.reshape(variance, channels), takeBatch)));
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

    /**
     * Mean and variance over each group of channels (and the spatial dimensions); scale and bias
     * per group before opset 21, per channel from 21.
     */
    private static void groupNormalization(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        long[] shape = x.shape();
        long groups = node.intAttribute("num_groups", 1);
        if (shape.length < 2 || groups < 1 || shape[1] % groups != 0) {
            throw node.unsupported("num_groups " + groups + " does not divide the channels of "
                    + java.util.Arrays.toString(shape));
        }
        MLOperand grouped = b.reshape(x, shape[0], groups, Tensor.elementCount(shape) / shape[0] / groups);
        MLReduceOptions keep = MLReduceOptions.defaults().withAxes(2).withKeepDimensions(true);
        MLOperand centered = b.sub(grouped, b.reduceMean(grouped, keep));
        MLOperand variance = b.reduceMean(b.mul(centered, centered), keep);
        MLOperand normalized = b.div(centered, b.sqrt(b.add(variance,
                b.constant(x.dataType(), node.floatAttribute("epsilon", 1e-5f)))));
        MLOperand scale = node.operand(1, x.dataType());
        MLOperand bias = node.operand(2, x.dataType());
        if (node.opset() < 21) {
            normalized = b.add(b.mul(normalized, b.reshape(scale, 1, groups, 1)), b.reshape(bias, 1, groups, 1));
            node.output(0, b.reshape(normalized, shape, node.options()));
            return;
        }
        long[] channelShape = new long[shape.length];
        java.util.Arrays.fill(channelShape, 1);
        channelShape[1] = shape[1];
        MLOperand restored = b.reshape(normalized, shape);
        node.output(0, b.add(b.mul(restored, b.reshape(scale, channelShape)), b.reshape(bias, channelShape),
                node.options()));
    }

    /** Composed, because the Mean and InvStdDev outputs are wanted too. */
    private static void layerNormalizationWithStatistics(OnnxNode node, MLOperand x, long[] axes) {
        MLGraphBuilder b = node.builder();
        MLReduceOptions keep = MLReduceOptions.defaults().withAxes(axes).withKeepDimensions(true);
        MLOperand mean = b.reduceMean(x, keep);
        MLOperand centered = b.sub(x, mean);
        MLOperand variance = b.reduceMean(b.mul(centered, centered), keep);
        MLOperand inverse = b.div(b.constant(x.dataType(), 1), b.sqrt(b.add(variance,
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
