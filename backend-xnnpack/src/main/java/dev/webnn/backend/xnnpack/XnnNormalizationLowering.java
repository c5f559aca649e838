package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * XNNPACK lowering of {@code batchNormalization}, {@code instanceNormalization} and
 * {@code layerNormalization}, which XNNPACK has no node for: each is the spec's formula
 * node by node, {@code (x - mean) / sqrt(variance + epsilon)}, times {@code scale}, plus
 * {@code bias}, each step rounded to the data type.
 *
 * <p>batchNormalization takes mean and variance as operands; instance and layer
 * normalization compute them as the spec's emulation does, {@code mean = reduceMean(x)}
 * and {@code variance = reduceMean((x - mean) * (x - mean))} over the normalized axes with
 * reduced dimensions kept, so both broadcast against the input.
 *
 * <p>Batch and instance normalization run the input in the layout it is stored in: the
 * feature axis (and instance normalization's spatial axes) are the stored positions of
 * the logical ones, and every per-feature operand ({@code mean}, {@code variance},
 * {@code scale}, {@code bias}) is viewed as a tensor of the input's rank with all
 * dimensions 1 except that axis, so binary nodes broadcast it (a constant by reshaping its
 * data, which has the same linear order; a computed operand by a reshape node). Layer
 * normalization runs in the logical layout; its {@code scale} and {@code bias} are shaped
 * as the input's dimensions at the axes, in the axes' order, so they are transposed first
 * when the axes are not ascending.
 *
 * <p>batchNormalization is the formula node by node for constant statistics too. Folding
 * constant mean, variance, scale and bias at compile time into a per-feature multiplier
 * {@code m = scale / sqrt(variance + epsilon)} and offset {@code bias - mean * m}
 * (computed in double, rounded once) leaves {@code x * m + offset}, whose two terms cancel
 * where x is near the mean: on WPT's float16 cases that is 7 ULP off, beyond the 6 ULP
 * tolerance. The per-feature nodes of the formula (variance plus epsilon, its square root)
 * run on constants and cost one value per feature.
 */
final class XnnNormalizationLowering {

    private XnnNormalizationLowering() {
    }

    static void register(Map<Op, XnnOpLowering> map) {
        map.put(Op.BATCH_NORMALIZATION, XnnNormalizationLowering::batchNormalization);
        map.put(Op.INSTANCE_NORMALIZATION, XnnNormalizationLowering::instanceNormalization);
        map.put(Op.LAYER_NORMALIZATION, XnnNormalizationLowering::layerNormalization);
    }

    /**
     * The node's input and the broadcast shape of its per-feature operands, as the input is
     * stored.
     *
     * @param input the input's value
     * @param feature the broadcast shape: the input's stored rank, 1 except at feature axes
     * @param order for operands whose dimensions are not in the stored order, the
     *     permutation into it (else null)
     */
    private record Frame(Node node, XnnLowering lowering, XnnLowering.Value input, MLOperandDataType type, long[] feature,
            int[] order) {

        /** A frame over the input as stored, whose per-feature operands are 1-D along the logical {@code axis}. */
        static Frame alongAxis(Node node, XnnLowering lowering, int axis) {
            Operand input = node.input("input");
            XnnLowering.Value value = lowering.value(input);
            long[] feature = new long[input.descriptor().rank()];
            Arrays.fill(feature, 1);
            feature[Layouts.storedAxis(axis, value.perm())] = input.descriptor().shape()[axis];
            return new Frame(node, lowering, value, input.descriptor().dataType(), feature, null);
        }

        /** The input's shape as stored. */
        long[] shape() {
            return Layouts.apply(node.input("input").descriptor().shape(), input.perm());
        }

        /** A new internal value shaped as the stored input. */
        int full() {
            return lowering.subgraph().internal(type, shape());
        }

        /** A new internal value of {@code shape}. */
        int internal(long[] shape) {
            return lowering.subgraph().internal(type, shape);
        }

        /** A per-feature operand viewed in the broadcast shape. */
        int broadcastable(Operand operand) {
            if (order == null && lowering.graph().isConstant(operand)) {
                return lowering.subgraph().constant(type, feature, lowering.graph().constant(operand));
            }
            int value = lowering.logical(operand);
            long[] shape = operand.descriptor().shape();
            if (order != null) {
                long[] ordered = new long[shape.length];
                for (int i = 0; i < ordered.length; i++) {
                    ordered[i] = shape[order[i]];
                }
                int transposed = internal(ordered);
                lowering.transpose(value, order, transposed);
                value = transposed;
                shape = ordered;
            }
            if (Arrays.equals(shape, feature)) {
                return value;
            }
            int id = internal(feature);
            XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), feature.length,
                    lowering.subgraph().sizes(feature), value, id, 0), "define " + node.op().specName() + "'s reshape");
            return id;
        }

        void binary(int type, int a, int b, int out) {
            XnnActivationLowering.defineBinary(lowering, type, a, b, out, node);
        }

        /** {@code input - mean}, shaped as the stored input. */
        int centered(int mean) {
            int centered = full();
            binary(Xnnpack.xnn_binary_subtract(), input.id(), mean, centered);
            return centered;
        }

        /**
         * Defines the node's output, stored as the input, from {@code centered = x - mean}:
         * {@code centered / sqrt(variance + epsilon)}, times the optional {@code scale}, plus
         * the optional {@code bias}.
         *
         * @param centered the centered input
         * @param variance the variance, broadcasting against the input
         * @param varianceShape its shape
         */
        void normalize(int centered, int variance, long[] varianceShape) {
            int rank = varianceShape.length;
            int shifted = internal(varianceShape);
            binary(Xnnpack.xnn_binary_add(), variance, lowering.scalar(type, rank, node.attributes().real("epsilon")),
                    shifted);
            int deviation = internal(varianceShape);
            XnnActivationLowering.squareRoot(lowering, type, rank, shifted, deviation, node);
            Optional<Operand> scale = node.optionalInput("scale");
            Optional<Operand> bias = node.optionalInput("bias");
            int output = lowering.define(node.output(), input.perm());
            int normalized = scale.isEmpty() && bias.isEmpty() ? output : full();
            binary(Xnnpack.xnn_binary_divide(), centered, deviation, normalized);
            int result = normalized;
            if (scale.isPresent()) {
                int scaled = bias.isEmpty() ? output : full();
                binary(Xnnpack.xnn_binary_multiply(), result, broadcastable(scale.get()), scaled);
                result = scaled;
            }
            if (bias.isPresent()) {
                binary(Xnnpack.xnn_binary_add(), result, broadcastable(bias.get()), output);
            }
        }

        /**
         * Normalizes by the input's own statistics over {@code axes} (of the input as
         * stored): mean and variance by keep-dimension mean reductions.
         */
        void normalizeOver(long[] axes) {
            long[] reducedShape = shape();
            for (long axis : axes) {
                reducedShape[(int) axis] = 1;
            }
            int mean = internal(reducedShape);
            int meanOperator = Xnnpack.xnn_reduce_mean();
            XnnReductionLowering.reduce(lowering, meanOperator, axes, true, input.id(), mean);
            int centered = centered(mean);
            int squared = full();
            binary(Xnnpack.xnn_binary_multiply(), centered, centered, squared);
            int variance = internal(reducedShape);
            XnnReductionLowering.reduce(lowering, meanOperator, axes, true, squared, variance);
            normalize(centered, variance, reducedShape);
        }
    }

    /** The spec's formula with the {@code mean} and {@code variance} operands. */
    private static void batchNormalization(Node node, XnnLowering lowering) {
        Frame frame = Frame.alongAxis(node, lowering, (int) node.attributes().integer("axis"));
        int centered = frame.centered(frame.broadcastable(node.input("mean")));
        frame.normalize(centered, frame.broadcastable(node.input("variance")), frame.feature());
    }

    /** Each channel of each sample normalized over the spatial axes of its layout. */
    private static void instanceNormalization(Node node, XnnLowering lowering) {
        boolean nchw = node.attributes().enumValue("layout", MLInputOperandLayout.class) == MLInputOperandLayout.NCHW;
        int[] spatial = nchw ? new int[] {2, 3} : new int[] {1, 2};
        Frame frame = Frame.alongAxis(node, lowering, nchw ? 1 : 3);
        long[] axes = new long[spatial.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = Layouts.storedAxis(spatial[i], frame.input().perm());
        }
        frame.normalizeOver(axes);
    }

    /** Normalized over the {@code axes} attribute, in the logical layout. */
    private static void layerNormalization(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        long[] axes = node.attributes().longs("axes");
        long[] shape = input.descriptor().shape();
        long[] feature = new long[shape.length];
        Arrays.fill(feature, 1);
        for (long axis : axes) {
            feature[(int) axis] = shape[(int) axis];
        }
        long[] ascending = axes.clone();
        Arrays.sort(ascending);
        int[] order = null;
        if (!Arrays.equals(ascending, axes)) {
            order = new int[axes.length];
            for (int i = 0; i < axes.length; i++) {
                for (int j = 0; j < axes.length; j++) {
                    if (axes[j] == ascending[i]) {
                        order[i] = j;
                    }
                }
            }
        }
        XnnLowering.Value logical = new XnnLowering.Value(lowering.logical(input), null);
        new Frame(node, lowering, logical, input.descriptor().dataType(), feature, order).normalizeOver(axes);
    }
}
