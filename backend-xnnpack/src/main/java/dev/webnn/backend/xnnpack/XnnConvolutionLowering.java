package dev.webnn.backend.xnnpack;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Conv2d;
import dev.webnn.graph.Operation.ConvTranspose2d;
import dev.webnn.spi.Permutations;
import dev.webnn.spi.ConstantDequantization;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * XNNPACK lowering of the convolutions. XNNPACK runs images in NHWC with
 * OHWI filters: NCHW inputs are taken stored as NHWC (see {@link XnnLowering#stored}), outputs
 * of NCHW operators are left stored as NHWC, and constant filters are permuted once at
 * compile time. A relu or clamp that follows is fused into the output bounds.
 *
 * <p>A filter that is a {@code dequantizeLinear} of constants ({@link ConstantDequantization})
 * with channelwise int8 values per output channel runs a conv2d (not depthwise) on XNNPACK's
 * dynamically quantized integer kernel, the input quantized to int8 per image at run time;
 * any other such filter is dequantized once, at compile time.
 *
 * <p>XNNPACK's float16 convolutions only accept float32 filters and biases (it converts
 * them back to float16 when packing), so float16 weights are widened, exactly, at compile
 * time.
 */
final class XnnConvolutionLowering {

    /** From OIHW to the OHWI filters XNNPACK takes. */
    private static final int[] OIHW_TO_OHWI = {0, 2, 3, 1};

    private XnnConvolutionLowering() {
    }


    /** conv2d: a convolution node, or a depthwise one when each group has one input channel. */
    static void conv2d(Conv2d op, Node node, XnnLowering lowering) {
        boolean nchw = op.inputLayout() == MLInputOperandLayout.NCHW;
        Operand filter = op.filter();
        long[] fs = filter.descriptor().shape();
        // filter permutation from its layout to OHWI
        int[] toOhwi = Permutations.compose(Permutations.toOihw(op.filterLayout()), OIHW_TO_OHWI);
        long[] ohwi = Permutations.apply(fs, toOhwi);
        long outputChannels = ohwi[0];
        long kernelH = ohwi[1];
        long kernelW = ohwi[2];
        long groupInputChannels = ohwi[3];
        long groups = op.groups();
        long inputChannels = groups * groupInputChannels;
        long[] padding = op.padding();
        long[] strides = op.strides();
        long[] dilations = op.dilations();
        int input = lowering.stored(op.input(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        int bias = bias(op.bias(), lowering);
        XnnLowering.Fusion fusion = lowering.fuseActivation(node);
        int output = lowering.define(fusion.output(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        if (groups == inputChannels && groups > 1 && groupInputChannels == 1) {
            // depthwise: filter [1, kH, kW, inputChannels * multiplier]
            int weights = permutedConstant(lowering, filter, toOhwi, new int[] {3, 1, 2, 0});
            XnnStatus.check(Xnnpack.xnn_define_depthwise_convolution_2d(lowering.subgraph().handle(),
                    (int) padding[0], (int) padding[3], (int) padding[1], (int) padding[2], (int) kernelH, (int) kernelW,
                    (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1],
                    (int) (outputChannels / inputChannels), (int) inputChannels, fusion.min(), fusion.max(),
                    input, weights, bias, output, 0), "define a depthwise conv2d");
        } else {
            // int8 weights run XNNPACK's integer kernel on the input quantized per image at run time
            Optional<ConstantDequantization.Channelwise> quantized = lowering.channelwise(filter, toOhwi[0]);
            int weights = quantized.map(q -> {
                MemorySegment permuted = lowering.subgraph().allocateConstant(q.data().byteSize());
                Permutations.permute(q.data(), fs, toOhwi, 1, permuted);
                return lowering.subgraph().channelwiseConstant(ohwi, 0, permuted, q.scales());
            }).orElseGet(() -> permutedConstant(lowering, filter, toOhwi, null));
            if (quantized.isPresent()) {
                long[] inputShape = op.input().descriptor().shape();
                input = lowering.dynamicallyQuantized(input, nchw ? Permutations.apply(inputShape, XnnLayouts.NCHW_AS_NHWC)
                        : inputShape, 3);
            }
            XnnStatus.check(Xnnpack.xnn_define_convolution_2d(lowering.subgraph().handle(),
                    (int) padding[0], (int) padding[3], (int) padding[1], (int) padding[2], (int) kernelH, (int) kernelW,
                    (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1], (int) groups,
                    groupInputChannels, outputChannels / groups, fusion.min(), fusion.max(), input, weights, bias, output, 0),
                    "define a conv2d");
        }
    }

    /** convTranspose2d: a deconvolution node (one group only). */
    static void convTranspose2d(ConvTranspose2d op, Node node, XnnLowering lowering) {
        boolean nchw = op.inputLayout() == MLInputOperandLayout.NCHW;
        Operand filter = op.filter();
        long[] fs = filter.descriptor().shape();
        long groups = op.groups();
        // WebNN iohw: [inputChannels, outputChannels/groups, kH, kW]; XNNPACK wants [groups*outPerGroup, kH, kW, inPerGroup]
        int[] toOhwi = Permutations.compose(Permutations.toOihw(op.filterLayout()), OIHW_TO_OHWI);
        long[] ohwi = Permutations.apply(fs, toOhwi);
        long[] padding = op.padding();
        long[] strides = op.strides();
        long[] dilations = op.dilations();
        long[] outputPadding = op.outputPadding();
        int input = lowering.stored(op.input(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        int bias = bias(op.bias(), lowering);
        XnnLowering.Fusion fusion = lowering.fuseActivation(node);
        int output = lowering.define(fusion.output(), nchw ? XnnLayouts.NCHW_AS_NHWC : null);
        int weights = permutedConstant(lowering, filter, toOhwi, null);
        XnnStatus.check(Xnnpack.xnn_define_deconvolution_2d(lowering.subgraph().handle(),
                (int) padding[0], (int) padding[3], (int) padding[1], (int) padding[2],
                (int) outputPadding[0], (int) outputPadding[1], (int) ohwi[1], (int) ohwi[2],
                (int) strides[0], (int) strides[1], (int) dilations[0], (int) dilations[1], (int) groups,
                ohwi[3], ohwi[0], fusion.min(), fusion.max(), input, weights, bias, output, 0), "define a convTranspose2d");
    }

    private static int bias(Optional<Operand> bias, XnnLowering lowering) {
        return bias.map(b -> b.descriptor().dataType() == MLOperandDataType.FLOAT16
                ? lowering.constant(MLOperandDataType.FLOAT32, b.descriptor().shape(), lowering.constantValues(b))
                : lowering.stored(b, null)).orElse(Xnnpack.XNN_INVALID_VALUE_ID());
    }

    /**
     * A constant filter permuted to {@code first}, then optionally {@code then}, made once;
     * float16 filters are widened to float32.
     */
    private static int permutedConstant(XnnLowering lowering, Operand filter, int[] first, int[] then) {
        MLOperandDescriptor d = filter.descriptor();
        int[] perm = then == null ? first : Permutations.compose(first, then);
        long[] shape = Permutations.apply(d.shape(), perm);
        if (d.dataType() == MLOperandDataType.FLOAT16) {
            MemorySegment halves = lowering.subgraph().scratch().allocate(d.byteLength(), 2);
            Permutations.permute(lowering.staticData(filter), d.shape(), perm, d.dataType().byteSize(), halves);
            return lowering.constant(MLOperandDataType.FLOAT32, shape,
                    XnnLowering.values(halves, d.dataType(), d.elementCount()));
        }
        MemorySegment data = lowering.subgraph().allocateConstant(d.byteLength());
        Permutations.permute(lowering.staticData(filter), d.shape(), perm, d.dataType().byteSize(), data);
        return lowering.subgraph().constant(d.dataType(), shape, data);
    }
}
