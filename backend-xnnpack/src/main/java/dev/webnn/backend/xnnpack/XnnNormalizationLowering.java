package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.BatchNormalization;
import dev.webnn.graph.Operation.LayerNormalization;
import dev.webnn.spi.Permutations;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Optional;

/**
 * XNNPACK lowering of the normalizations, which XNNPACK has no node for
 * ({@code layerNormalization}: see {@link #normalize}). {@code instanceNormalization} is not
 * lowered: the same composition over the spatial axes left results of about 1e-7 where ONNX
 * Runtime gives exactly 0 (mixed-backend fuzzer, seeds 0x5eed0329 and 0x5eed0568).
 *
 * <p>The input runs in the layout it is stored in: the feature axis is the stored position
 * of the {@code axis} attribute, and every per-feature operand ({@code mean},
 * {@code variance}, {@code scale}, {@code bias}) is viewed as a tensor of the input's rank
 * with all dimensions 1 except that axis, so binary nodes broadcast it (a constant by
 * reshaping its data, which has the same linear order; a computed operand by a reshape
 * node).
 *
 * <p>It is the spec's formula node by node, for constant statistics too. Folding constant
 * mean, variance, scale and bias at compile time into a per-feature multiplier
 * {@code m = scale / sqrt(variance + epsilon)} and offset {@code bias - mean * m}
 * (computed in double, rounded once) leaves {@code x * m + offset}, whose two terms cancel
 * where x is near the mean: on WPT's float16 cases that is 7 ULP off, beyond the 6 ULP
 * tolerance. The per-feature nodes of the formula (variance plus epsilon, its square root)
 * run on constants and cost one value per feature.
 */
final class XnnNormalizationLowering {

    private XnnNormalizationLowering() {
    }

    /** The node's operands and their per-feature broadcast shape in the input's stored layout. */
    private record Frame(Operand operand, XnnLowering lowering, XnnLowering.Value input, MLOperandDataType type,
                         long[] feature) {

        static Frame of(BatchNormalization op, XnnLowering lowering) {
            Operand input = op.input();
            XnnLowering.Value value = lowering.value(input);
            int axis = op.axis();
            long[] feature = new long[input.descriptor().rank()];
            Arrays.fill(feature, 1);
            feature[XnnLayouts.storedAxis(axis, value.perm())] = input.descriptor().shape()[axis];
            return new Frame(input, lowering, value, input.descriptor().dataType(), feature);
        }

        /** A new internal value shaped as the stored input. */
        int full() {
            return lowering.subgraph().internal(type, Permutations.apply(operand.descriptor().shape(), input.perm()));
        }

        /** A new internal value of the per-feature shape. */
        int perFeature() {
            return lowering.subgraph().internal(type, feature);
        }

        /** A per-feature operand viewed in the broadcast shape. */
        int broadcastable(Operand operand) {
            if (lowering.graph().isConstant(operand)) {
                return lowering.subgraph().constant(type, feature, lowering.graph().constant(operand));
            }
            int id = perFeature();
            XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), feature.length,
                    lowering.subgraph().sizes(feature), lowering.logical(operand), id, 0), "define batchNormalization's reshape");
            return id;
        }

        void binary(int type, int a, int b, int out) {
            XnnStatus.check(Xnnpack.xnn_define_binary(lowering.subgraph().handle(), type, NULL, a, b, out, 0),
                    "define batchNormalization");
        }
    }

    /**
     * The spec's formula node by node: {@code (x - mean) / sqrt(variance + epsilon)}, times
     * {@code scale}, plus {@code bias}, each step rounded to the data type.
     */
    static void batchNormalization(BatchNormalization op, Node node, XnnLowering lowering) {
        Frame frame = Frame.of(op, lowering);
        int rank = frame.feature().length;
        int shifted = frame.perFeature();
        frame.binary(Xnnpack.xnn_binary_add(), frame.broadcastable(op.variance()),
                lowering.scalar(frame.type(), rank, op.epsilon()), shifted);
        int deviation = frame.perFeature();
        lowering.squareRoot(frame.type(), rank, shifted, deviation, node);
        Optional<Operand> scale = op.scale();
        Optional<Operand> bias = op.bias();
        int output = lowering.define(node.output(), frame.input().perm());
        int centered = frame.full();
        frame.binary(Xnnpack.xnn_binary_subtract(), frame.input().id(), frame.broadcastable(op.mean()), centered);
        int normalized = scale.isEmpty() && bias.isEmpty() ? output : frame.full();
        frame.binary(Xnnpack.xnn_binary_divide(), centered, deviation, normalized);
        int result = normalized;
        if (scale.isPresent()) {
            int scaled = bias.isEmpty() ? output : frame.full();
            frame.binary(Xnnpack.xnn_binary_multiply(), result, frame.broadcastable(scale.get()), scaled);
            result = scaled;
        }
        if (bias.isPresent()) {
            frame.binary(Xnnpack.xnn_binary_add(), result, frame.broadcastable(bias.get()), output);
        }
    }

    /**
     * layerNormalization over {@code axes}, composed in float32 (see {@link #normalize}).
     * scale and bias hold the reduced dimensions in the order of {@code axes}.
     */
    static void layerNormalization(LayerNormalization op, Node node, XnnLowering lowering) {
        normalize(op.input(), op.axes(), op.scale(), op.bias(), op.axes(), op.epsilon(), node, lowering);
    }

    /**
     * The normalization of layerNormalization, composed in float32 whatever the input type (a
     * float16 input, scale and bias are widened exactly and the result rounded once):
     * {@code mean} and {@code variance = mean((x - mean)^2)} by XNNPACK's mean reduction over
     * {@code reduced} (kept as 1s), then {@code (x - mean) / sqrt(variance + epsilon)} times
     * {@code scale} plus {@code bias}. scale and bias hold the input's dimensions at
     * {@code scaleAxes}, in that order; they are put in the input's order (constants at
     * compile time, others by a transpose) and viewed with 1s at the other axes, so the binary
     * nodes broadcast them.
     */
    private static void normalize(Operand input, int[] reduced, Optional<Operand> scale, Optional<Operand> bias,
                                  int[] scaleAxes, double epsilon, Node node, XnnLowering lowering) {
        MLOperandDescriptor d = input.descriptor();
        long[] shape = d.shape();
        int rank = shape.length;
        long[] sortedAxes = Arrays.stream(reduced).sorted().asLongStream().toArray();
        long[] kept = shape.clone();
        for (long axis : sortedAxes) {
            kept[(int) axis] = 1;
        }
        Wide f = new Wide(lowering, node);
        int x = f.widened(lowering.logical(input), d);
        int mean = f.value(kept);
        XnnReductionLowering.reduce(lowering, Xnnpack.xnn_reduce_mean(), sortedAxes, true, x, mean);
        int centered = f.binary(Xnnpack.xnn_binary_subtract(), x, mean, shape);
        int squares = f.binary(Xnnpack.xnn_binary_multiply(), centered, centered, shape);
        int variance = f.value(kept);
        XnnReductionLowering.reduce(lowering, Xnnpack.xnn_reduce_mean(), sortedAxes, true, squares, variance);
        int shifted = f.binary(Xnnpack.xnn_binary_add(), variance, lowering.scalar(FLOAT32, rank, epsilon), kept);
        int deviation = f.value(kept);
        lowering.squareRoot(FLOAT32, rank, shifted, deviation, node);
        int result = f.binary(Xnnpack.xnn_binary_divide(), centered, deviation, shape);
        if (scale.isPresent()) {
            result = f.binary(Xnnpack.xnn_binary_multiply(), result, f.perAxes(scale.get(), scaleAxes, shape), shape);
        }
        if (bias.isPresent()) {
            result = f.binary(Xnnpack.xnn_binary_add(), result, f.perAxes(bias.get(), scaleAxes, shape), shape);
        }
        int output = lowering.define(node.output(), null);
        if (d.dataType() == FLOAT32) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), result, output, 0), "define a copy");
        } else {
            lowering.defineUnary(Xnnpack.xnn_unary_convert(), NULL, result, output, node);
        }
    }

    /** Float32 values and nodes of a composition computed in float32. */
    private record Wide(XnnLowering lowering, Node node) {

        int value(long[] shape) {
            return lowering.subgraph().internal(FLOAT32, shape);
        }

        int binary(int type, int a, int b, long[] shape) {
            int out = value(shape);
            lowering.defineBinary(type, a, b, out, node);
            return out;
        }

        /** A logical value in float32: itself, or a float16 one converted (exactly). */
        int widened(int id, MLOperandDescriptor d) {
            if (d.dataType() == FLOAT32) {
                return id;
            }
            int wide = value(d.shape());
            lowering.defineUnary(Xnnpack.xnn_unary_convert(), NULL, id, wide, node);
            return wide;
        }

        /**
         * An operand holding the input's dimensions at {@code axes} (in that order), in float32,
         * in the input's axis order and with 1s at the other axes of {@code shape}.
         */
        int perAxes(Operand operand, int[] axes, long[] shape) {
            Integer[] order = new Integer[axes.length];
            for (int i = 0; i < axes.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(axes[a], axes[b]));
            int[] perm = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            long[] broadcast = new long[shape.length];
            Arrays.fill(broadcast, 1);
            for (int axis : axes) {
                broadcast[axis] = shape[axis];
            }
            MLOperandDescriptor d = operand.descriptor();
            if (lowering.graph().isConstant(operand)) {
                MemorySegment permuted = lowering.subgraph().allocateConstant(d.byteLength());
                Permutations.permute(lowering.graph().constant(operand), d.shape(), perm, d.dataType().byteSize(), permuted);
                return lowering.constant(FLOAT32, broadcast, XnnLowering.values(permuted, d.dataType(), d.elementCount()));
            }
            int wide = widened(lowering.logical(operand), d);
            long[] sorted = Permutations.apply(d.shape(), perm);
            if (!XnnLayouts.linearOrderPreserved(d.shape(), perm)) {
                int moved = value(sorted);
                lowering.transpose(wide, perm, moved);
                wide = moved;
            }
            int viewed = value(broadcast);
            XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), broadcast.length,
                    lowering.subgraph().sizes(broadcast), wide, viewed, 0), "define layerNormalization's reshape");
            return viewed;
        }
    }
}
