package dev.webnn.backend.xnnpack;

import dev.webnn.MLConv2dFilterOperandLayout;
import dev.webnn.MLConvTranspose2dFilterOperandLayout;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInterpolationMode;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Attributes;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * XNNPACK lowering of convolutions, pooling and resampling. XNNPACK runs images in NHWC with
 * OHWI filters: NCHW inputs are taken stored as NHWC (see {@link XnnLowering#stored}), outputs
 * of NCHW operators are left stored as NHWC, and constant filters are permuted once at
 * compile time. A relu or clamp that follows is fused into the output bounds.
 *
 * <p>XNNPACK's float16 convolutions only accept float32 filters and biases (it converts
 * them back to float16 when packing), so float16 weights are widened, exactly, at compile
 * time.
 */
final class XnnConvolutionLowering {

    private XnnConvolutionLowering() {
    }

    static void register(Map<Op, XnnOpLowering> map) {
        map.put(Op.CONV2D, XnnConvolutionLowering::conv2d);
        map.put(Op.CONV_TRANSPOSE2D, XnnConvolutionLowering::convTranspose2d);
        map.put(Op.AVERAGE_POOL2D, (node, lowering) -> pool(node, lowering, true));
        map.put(Op.MAX_POOL2D, (node, lowering) -> pool(node, lowering, false));
        map.put(Op.RESAMPLE2D, XnnConvolutionLowering::resample2d);
    }

    /** Filters and biases must be constants: XNNPACK packs them when the runtime is created. */
    private static void requireConstantWeights(Node node, XnnLowering lowering) {
        for (String role : new String[] {"filter", "bias"}) {
            node.optionalInput(role).filter(o -> !lowering.graph().isConstant(o)).ifPresent(o -> {
                throw new MLNotSupportedError(node.op().specName() + ": the xnnpack backend needs a constant " + role);
            });
        }
    }

    private static void conv2d(Node node, XnnLowering lowering) {
        requireConstantWeights(node, lowering);
        Attributes a = node.attributes();
        boolean nchw = a.enumValue("inputLayout", MLInputOperandLayout.class) == MLInputOperandLayout.NCHW;
        Operand filter = node.input("filter");
        long[] fs = filter.descriptor().shape();
        // filter permutation from its layout to OHWI
        int[] toOhwi = switch (a.enumValue("filterLayout", MLConv2dFilterOperandLayout.class)) {
            case OIHW -> new int[] {0, 2, 3, 1};
            case HWIO -> new int[] {3, 0, 1, 2};
            case OHWI -> new int[] {0, 1, 2, 3};
            case IHWO -> new int[] {3, 1, 2, 0};
        };
        long[] ohwi = Layouts.apply(fs, toOhwi);
        long outputChannels = ohwi[0];
        long kernelH = ohwi[1];
        long kernelW = ohwi[2];
        long groupInputChannels = ohwi[3];
        long groups = a.integer("groups");
        long inputChannels = groups * groupInputChannels;
        long[] padding = a.longs("padding");
        long[] strides = a.longs("strides");
        long[] dilations = a.longs("dilations");
        int input = lowering.stored(node.input("input"), nchw ? Layouts.NCHW_AS_NHWC : null);
        int bias = bias(node, lowering);
        XnnLowering.Fusion fusion = lowering.fuseActivation(node);
        int output = lowering.define(fusion.output(), nchw ? Layouts.NCHW_AS_NHWC : null);
        if (groups == inputChannels && groups > 1 && groupInputChannels == 1) {
            // depthwise: filter [1, kH, kW, inputChannels * multiplier]
            int weights = permutedConstant(lowering, filter, toOhwi, new int[] {3, 1, 2, 0});
            XnnStatus.check(Xnnpack.xnn_define_depthwise_convolution_2d(lowering.subgraph().handle(),
                    (int) padding[0], (int) padding[3], (int) padding[1], (int) padding[2], (int) kernelH, (int) kernelW,
                    (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1],
                    (int) (outputChannels / inputChannels), (int) inputChannels, fusion.min(), fusion.max(),
                    input, weights, bias, output, 0), "define a depthwise conv2d");
        } else {
            int weights = permutedConstant(lowering, filter, toOhwi, null);
            XnnStatus.check(Xnnpack.xnn_define_convolution_2d(lowering.subgraph().handle(),
                    (int) padding[0], (int) padding[3], (int) padding[1], (int) padding[2], (int) kernelH, (int) kernelW,
                    (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1], (int) groups,
                    groupInputChannels, outputChannels / groups, fusion.min(), fusion.max(), input, weights, bias, output, 0),
                    "define a conv2d");
        }
    }

    private static void convTranspose2d(Node node, XnnLowering lowering) {
        requireConstantWeights(node, lowering);
        Attributes a = node.attributes();
        boolean nchw = a.enumValue("inputLayout", MLInputOperandLayout.class) == MLInputOperandLayout.NCHW;
        Operand filter = node.input("filter");
        long[] fs = filter.descriptor().shape();
        long groups = a.integer("groups");
        // WebNN iohw: [inputChannels, outputChannels/groups, kH, kW]; XNNPACK wants [groups*outPerGroup, kH, kW, inPerGroup]
        MLConvTranspose2dFilterOperandLayout layout = a.enumValue("filterLayout", MLConvTranspose2dFilterOperandLayout.class);
        int[] toOhwi = switch (layout) {
            case IOHW -> new int[] {1, 2, 3, 0};
            case HWOI -> new int[] {2, 0, 1, 3};
            case OHWI -> new int[] {0, 1, 2, 3};
        };
        long[] ohwi = Layouts.apply(fs, toOhwi);
        if (groups != 1) {
            throw new MLNotSupportedError("convTranspose2d with groups > 1 is not supported by the xnnpack backend");
        }
        long[] padding = a.longs("padding");
        long[] strides = a.longs("strides");
        long[] dilations = a.longs("dilations");
        long[] outputPadding = a.longs("outputPadding");
        int input = lowering.stored(node.input("input"), nchw ? Layouts.NCHW_AS_NHWC : null);
        int bias = bias(node, lowering);
        XnnLowering.Fusion fusion = lowering.fuseActivation(node);
        int output = lowering.define(fusion.output(), nchw ? Layouts.NCHW_AS_NHWC : null);
        int weights = permutedConstant(lowering, filter, toOhwi, null);
        XnnStatus.check(Xnnpack.xnn_define_deconvolution_2d(lowering.subgraph().handle(),
                (int) padding[0], (int) padding[3], (int) padding[1], (int) padding[2],
                (int) outputPadding[0], (int) outputPadding[1], (int) ohwi[1], (int) ohwi[2],
                (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1], (int) groups,
                ohwi[3], ohwi[0], fusion.min(), fusion.max(), input, weights, bias, output, 0), "define a convTranspose2d");
    }

    private static void pool(Node node, XnnLowering lowering, boolean average) {
        Attributes a = node.attributes();
        boolean nchw = a.enumValue("layout", MLInputOperandLayout.class) == MLInputOperandLayout.NCHW;
        Operand in = node.input("input");
        long[] inputShape = in.descriptor().shape();
        long inH = inputShape[nchw ? 2 : 1];
        long inW = inputShape[nchw ? 3 : 2];
        long[] window = a.longs("windowDimensions");
        long[] padding = a.longs("padding").clone();
        long[] strides = a.longs("strides");
        long[] dilations = a.longs("dilations");
        long[] outputSizes = a.longs("outputSizes");
        // extra bottom/right padding so XNNPACK's floor formula gives the rounded output size
        padding[1] += Math.max(0, (outputSizes[0] - 1) * strides[0] + (window[0] - 1) * dilations[0] + 1
                - (inH + padding[0] + padding[1]));
        padding[3] += Math.max(0, (outputSizes[1] - 1) * strides[1] + (window[1] - 1) * dilations[1] + 1
                - (inW + padding[2] + padding[3]));
        int input = lowering.stored(in, nchw ? Layouts.NCHW_AS_NHWC : null);
        XnnLowering.Fusion fusion = lowering.fuseActivation(node);
        int output = lowering.define(fusion.output(), nchw ? Layouts.NCHW_AS_NHWC : null);
        if (dilations[0] != 1 || dilations[1] != 1) {
            // XNNPACK's dilated max pooling gives wrong maxima next to padding (differential fuzzer)
            throw new MLNotSupportedError(node.op().specName() + " with dilations is not supported by the xnnpack backend");
        }
        if (average) {
            XnnStatus.check(Xnnpack.xnn_define_average_pooling_2d(lowering.subgraph().handle(), (int) padding[0],
                    (int) padding[3], (int) padding[1], (int) padding[2], (int) window[0], (int) window[1],
                    (int) strides[0], (int) strides[1], fusion.min(), fusion.max(), input, output, 0), "define an averagePool2d");
        } else {
            // xnn_define_max_pooling_2d rejects a pooling size of 1 and strides above the window
            // with xnn_status_invalid_parameter
            if (window[0] * window[1] == 1 || strides[0] > window[0] || strides[1] > window[1]) {
                throw new MLNotSupportedError("maxPool2d with a 1x1 window or strides " + java.util.Arrays.toString(strides)
                        + " above the window " + java.util.Arrays.toString(window) + " is not supported by the xnnpack backend");
            }
            XnnStatus.check(Xnnpack.xnn_define_max_pooling_2d(lowering.subgraph().handle(), (int) padding[0],
                    (int) padding[3], (int) padding[1], (int) padding[2], (int) window[0], (int) window[1],
                    (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1], fusion.min(), fusion.max(),
                    input, output, 0), "define a maxPool2d");
        }
    }

    private static void resample2d(Node node, XnnLowering lowering) {
        Attributes a = node.attributes();
        long[] axes = a.longs("axes");
        long[] sizes = a.longs("sizes");
        if (a.enumValue("mode", MLInterpolationMode.class) != MLInterpolationMode.LINEAR
                || !(axes[0] == 1 && axes[1] == 2 || axes[0] == 2 && axes[1] == 3)) {
            throw new MLNotSupportedError("resample2d: the xnnpack backend runs linear resampling over axes [1, 2] or [2, 3]");
        }
        boolean nchw = axes[0] == 2;
        int input = lowering.stored(node.input("input"), nchw ? Layouts.NCHW_AS_NHWC : null);
        int output = lowering.define(node.output(), nchw ? Layouts.NCHW_AS_NHWC : null);
        XnnStatus.check(Xnnpack.xnn_define_static_resize_bilinear_2d(lowering.subgraph().handle(), sizes[0], sizes[1],
                input, output, 0), "define a resample2d");
    }

    private static int bias(Node node, XnnLowering lowering) {
        return node.optionalInput("bias").map(b -> b.descriptor().dataType() == MLOperandDataType.FLOAT16
                ? lowering.constant(MLOperandDataType.FLOAT32, b.descriptor().shape(), lowering.constantValues(b))
                : lowering.stored(b, null)).orElse(Xnnpack.XNN_INVALID_VALUE_ID());
    }

    /**
     * A constant filter permuted to {@code first}, then optionally {@code then}, made once;
     * float16 filters are widened to float32.
     */
    private static int permutedConstant(XnnLowering lowering, Operand filter, int[] first, int[] then) {
        MLOperandDescriptor d = filter.descriptor();
        int[] perm = then == null ? first : compose(first, then);
        long[] shape = Layouts.apply(d.shape(), perm);
        if (d.dataType() == MLOperandDataType.FLOAT16) {
            MemorySegment halves = lowering.subgraph().scratch().allocate(d.byteLength(), 2);
            Layouts.permute(lowering.graph().constant(filter), d.shape(), perm, d.dataType().byteSize(), halves);
            return lowering.constant(MLOperandDataType.FLOAT32, shape,
                    XnnLowering.values(halves, d.dataType(), d.elementCount()));
        }
        MemorySegment data = lowering.subgraph().allocateConstant(d.byteLength());
        Layouts.permute(lowering.graph().constant(filter), d.shape(), perm, d.dataType().byteSize(), data);
        return lowering.subgraph().constant(d.dataType(), shape, data);
    }

    /** The permutation applying {@code first}, then {@code then}. */
    private static int[] compose(int[] first, int[] then) {
        int[] result = new int[then.length];
        for (int i = 0; i < then.length; i++) {
            result[i] = first[then[i]];
        }
        return result;
    }
}
