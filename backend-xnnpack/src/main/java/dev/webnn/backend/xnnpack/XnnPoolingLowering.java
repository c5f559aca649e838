package dev.webnn.backend.xnnpack;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Resample2d;
import dev.webnn.spi.PoolWindows;

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

    /** resample2d: bilinear resizing over the height and width of an NCHW or NHWC image. */
    static void resample2d(Resample2d op, Node node, XnnLowering lowering) {
        int[] axes = op.axes();
        long[] sizes = op.sizes();
        boolean nchw = axes[0] == 2;
        int input = lowering.stored(op.input(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        int output = lowering.define(node.output(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        XnnStatus.check(Xnnpack.xnn_define_static_resize_bilinear_2d(lowering.subgraph().handle(), sizes[0], sizes[1],
                input, output, 0), "define a resample2d");
    }
}
