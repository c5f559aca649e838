package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.BatchNormalization;
import dev.webnn.spi.Permutations;
import java.util.Arrays;
import java.util.Optional;

/**
 * XNNPACK lowering of {@code batchNormalization}, which XNNPACK has no node for.
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
}
