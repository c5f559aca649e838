package dev.webnn.backend.xnnpack;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInterpolationMode;
import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Resample2d;
import dev.webnn.spi.PoolWindows;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * XNNPACK lowering of pooling and resampling. Like the convolutions, these run on NHWC
 * images: NCHW inputs are taken stored as NHWC and outputs of NCHW operators are left
 * stored as NHWC. A relu or clamp after a pooling is fused into its output bounds.
 */
final class XnnPoolingLowering {

    private XnnPoolingLowering() {
    }

    /**
     * averagePool2d and maxPool2d (l2Pool2d has no XNNPACK node). Windows that lie wholly in
     * the padding give 0, as on ONNX Runtime ({@link PoolWindows}): they are the leading and
     * trailing output rows and columns, so XNNPACK pools the positions between them (its
     * beginning padding reduced by the skipped strides) and a constant pad writes the zeros
     * around the result; a fused activation would miss those zeros, so such pools fuse none.
     */
    static void pool2d(Pool2d op, Node node, XnnLowering lowering) {
        boolean average = switch (op.kind()) {
            case AVERAGE_POOL2D -> true;
            case MAX_POOL2D -> false;
            case L2_POOL2D -> throw XnnLowering.unsupported(node);
        };
        boolean nchw = op.layout() == MLInputOperandLayout.NCHW;
        Operand in = op.input();
        long[] inputShape = in.descriptor().shape();
        long[] spatial = {inputShape[nchw ? 2 : 1], inputShape[nchw ? 3 : 2]};
        long[] window = op.windowDimensions();
        long[] padding = op.padding().clone();
        long[] strides = op.strides();
        long[] dilations = op.dilations();
        PoolWindows windows = PoolWindows.of(op);
        boolean trimmed = windows.anyEmpty();
        long[] leading = {windows.leadingEmpty(0), windows.leadingEmpty(1)};
        long[] trailing = {windows.trailingEmpty(0), windows.trailingEmpty(1)};
        for (int i = 0; i < 2; i++) {
            long outputSize = op.outputSizes()[i] - leading[i] - trailing[i];
            padding[2 * i] -= leading[i] * strides[i];
            if (trailing[i] > 0) {
                padding[2 * i + 1] = 0;
            }
            // extra ending padding so XNNPACK's floor formula gives the rounded output size
            padding[2 * i + 1] += Math.max(0, (outputSize - 1) * strides[i] + (window[i] - 1) * dilations[i] + 1
                    - (spatial[i] + padding[2 * i] + padding[2 * i + 1]));
        }
        int[] perm = nchw ? XnnLayouts.NCHW_AS_NHWC : null;
        int input = lowering.stored(in, perm);
        XnnLowering.Fusion fusion = trimmed ? new XnnLowering.Fusion(node.output(), Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY) : lowering.fuseActivation(node);
        int output = trimmed ? lowering.subgraph().internal(node.output().descriptor().dataType(), new long[] {
            inputShape[0], op.outputSizes()[0] - leading[0] - trailing[0], op.outputSizes()[1] - leading[1] - trailing[1],
            inputShape[nchw ? 1 : 3]}) : lowering.define(fusion.output(), perm);
        if (average) {
            XnnStatus.check(Xnnpack.xnn_define_average_pooling_2d(lowering.subgraph().handle(), (int) padding[0],
                    (int) padding[3], (int) padding[1], (int) padding[2], (int) window[0], (int) window[1],
                    (int) strides[0], (int) strides[1], fusion.min(), fusion.max(), input, output, 0), "define an averagePool2d");
        } else {
            XnnStatus.check(Xnnpack.xnn_define_max_pooling_2d(lowering.subgraph().handle(), (int) padding[0],
                    (int) padding[3], (int) padding[1], (int) padding[2], (int) window[0], (int) window[1],
                    (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1], fusion.min(), fusion.max(),
                    input, output, 0), "define a maxPool2d");
        }
        if (trimmed) {
            XnnStatus.check(Xnnpack.xnn_define_static_constant_pad(lowering.subgraph().handle(),
                    lowering.subgraph().sizes(new long[] {0, leading[0], leading[1], 0}),
                    lowering.subgraph().sizes(new long[] {0, trailing[0], trailing[1], 0}), 0f, output,
                    lowering.define(node.output(), perm), 0), "define the zeros of windows wholly in padding");
        }
    }

    /**
     * resample2d over the height and width of an NCHW or NHWC image: linear as XNNPACK's
     * bilinear resize; nearest-neighbor by whole factors (the only nearest-neighbor the
     * backend takes, see {@link #upscaleFactors}) as replication, see {@link #replicate}.
     */
    static void resample2d(Resample2d op, Node node, XnnLowering lowering) {
        int[] axes = op.axes();
        long[] sizes = op.sizes();
        boolean nchw = axes[0] == 2;
        int input = lowering.stored(op.input(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        int output = lowering.define(node.output(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        if (op.mode() == MLInterpolationMode.LINEAR) {
            XnnStatus.check(Xnnpack.xnn_define_static_resize_bilinear_2d(lowering.subgraph().handle(), sizes[0], sizes[1],
                    input, output, 0), "define a resample2d");
            return;
        }
        long[] factors = upscaleFactors(op);
        long[] shape = op.input().descriptor().shape();
        long[] nhwc = nchw ? new long[] {shape[0], shape[2], shape[3], shape[1]} : shape;
        replicate(lowering, node.output().descriptor().dataType(), input, nhwc, factors, output);
    }

    /**
     * The whole upscale factors of a resample2d: output size ÷ input size on each of its two
     * axes, when both divide exactly. Nearest-neighbor sampling then takes source pixel
     * {@code floor(i / factor)}: the spec's half-pixel position {@code (i + 0.5) / factor - 0.5}
     * lies strictly within half a pixel of it.
     *
     * @param op the operation
     * @return the factors of the two axes, or null if one is not whole
     */
    static long[] upscaleFactors(Resample2d op) {
        long[] shape = op.input().descriptor().shape();
        long[] factors = new long[2];
        for (int i = 0; i < 2; i++) {
            long in = shape[op.axes()[i]];
            if (op.sizes()[i] % in != 0) {
                return null;
            }
            factors[i] = op.sizes()[i] / in;
        }
        return factors;
    }

    /**
     * Nearest-neighbor upscaling of an NHWC image by whole factors: viewed as
     * [N, H, 1, W, 1, C], each unit axis is filled with copies by concatenation, and the result
     * is viewed as [N, H × fh, W × fw, C].
     */
    private static void replicate(XnnLowering lowering, MLOperandDataType type, int input, long[] nhwc, long[] factors,
                                  int output) {
        long[] shape = {nhwc[0], nhwc[1], 1, nhwc[2], 1, nhwc[3]};
        int value = reshape(lowering, input, shape, lowering.subgraph().internal(type, shape));
        for (int i = 0; i < 2; i++) {
            value = concatenateCopies(lowering, type, value, shape, 2 + 2 * i, factors[i]);
            shape[2 + 2 * i] = factors[i];
        }
        reshape(lowering, value, new long[] {nhwc[0], nhwc[1] * factors[0], nhwc[2] * factors[1], nhwc[3]}, output);
    }

    /** {@code count} copies of a value with a unit axis, concatenated along that axis (at most five at a time). */
    private static int concatenateCopies(XnnLowering lowering, MLOperandDataType type, int value, long[] shape, int axis,
                                         long count) {
        List<Integer> parts = new ArrayList<>(Collections.nCopies((int) count, value));
        List<Long> lengths = new ArrayList<>(Collections.nCopies((int) count, 1L));
        while (parts.size() > 1) {
            List<Integer> joined = new ArrayList<>();
            List<Long> joinedLengths = new ArrayList<>();
            for (int start = 0; start < parts.size(); start += 5) {
                List<Integer> group = parts.subList(start, Math.min(start + 5, parts.size()));
                long length = lengths.subList(start, start + group.size()).stream().mapToLong(Long::longValue).sum();
                joined.add(group.size() == 1 ? group.get(0) : concatenate(lowering, type, group, shape, axis, length));
                joinedLengths.add(length);
            }
            parts = joined;
            lengths = joinedLengths;
        }
        return parts.get(0);
    }

    private static int concatenate(XnnLowering lowering, MLOperandDataType type, List<Integer> group, long[] shape, int axis,
                                   long length) {
        long[] joinedShape = shape.clone();
        joinedShape[axis] = length;
        int out = lowering.subgraph().internal(type, joinedShape);
        MemorySegment subgraph = lowering.subgraph().handle();
        int status = switch (group.size()) {
            case 2 -> Xnnpack.xnn_define_concatenate2(subgraph, axis, group.get(0), group.get(1), out, 0);
            case 3 -> Xnnpack.xnn_define_concatenate3(subgraph, axis, group.get(0), group.get(1), group.get(2), out, 0);
            case 4 -> Xnnpack.xnn_define_concatenate4(subgraph, axis, group.get(0), group.get(1), group.get(2), group.get(3),
                    out, 0);
            default -> Xnnpack.xnn_define_concatenate5(subgraph, axis, group.get(0), group.get(1), group.get(2), group.get(3),
                    group.get(4), out, 0);
        };
        XnnStatus.check(status, "define resample2d's concatenation");
        return out;
    }

    private static int reshape(XnnLowering lowering, int input, long[] shape, int output) {
        XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), shape.length,
                lowering.subgraph().sizes(shape), input, output, 0), "define resample2d's reshape");
        return output;
    }
}
