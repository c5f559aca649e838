package dev.webnn.backend.xnnpack;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Resample2d;

/**
 * XNNPACK lowering of pooling and resampling. Like the convolutions, these run on NHWC
 * images: NCHW inputs are taken stored as NHWC and outputs of NCHW operators are left
 * stored as NHWC. A relu or clamp after a pooling is fused into its output bounds.
 */
final class XnnPoolingLowering {

    private XnnPoolingLowering() {
    }

    /** averagePool2d and maxPool2d (l2Pool2d has no XNNPACK node). */
    static void pool2d(Pool2d op, Node node, XnnLowering lowering) {
        boolean average = switch (op.kind()) {
            case AVERAGE_POOL2D -> true;
            case MAX_POOL2D -> false;
            case L2_POOL2D -> throw XnnLowering.unsupported(node);
        };
        boolean nchw = op.layout() == MLInputOperandLayout.NCHW;
        Operand in = op.input();
        long[] inputShape = in.descriptor().shape();
        long inH = inputShape[nchw ? 2 : 1];
        long inW = inputShape[nchw ? 3 : 2];
        long[] window = op.windowDimensions();
        long[] padding = op.padding().clone();
        long[] strides = op.strides();
        long[] dilations = op.dilations();
        long[] outputSizes = op.outputSizes();
        // extra bottom/right padding so XNNPACK's floor formula gives the rounded output size
        padding[1] += Math.max(0, (outputSizes[0] - 1) * strides[0] + (window[0] - 1) * dilations[0] + 1
                - (inH + padding[0] + padding[1]));
        padding[3] += Math.max(0, (outputSizes[1] - 1) * strides[1] + (window[1] - 1) * dilations[1] + 1
                - (inW + padding[2] + padding[3]));
        int input = lowering.stored(in, nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        XnnLowering.Fusion fusion = lowering.fuseActivation(node);
        int output = lowering.define(fusion.output(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
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
