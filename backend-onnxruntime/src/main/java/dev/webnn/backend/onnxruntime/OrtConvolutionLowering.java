package dev.webnn.backend.onnxruntime;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Conv2d;
import dev.webnn.graph.Operation.ConvTranspose2d;
import dev.webnn.spi.Permutations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ONNX lowering of the convolutions. ONNX Conv and ConvTranspose work on NCHW data with OIHW
 * (Conv) or IOHW (ConvTranspose) filters: NHWC inputs are transposed around them, constant
 * filters permuted once at compile time (non-constant ones by a Transpose node). Attributes
 * at their ONNX defaults are left out, as ordinary exports write them.
 *
 * <p>A filter that is a dequantizeLinear of int8/uint8 constants arrives dequantized once, at
 * compile time ({@link OrtQuantizedWeights}).
 *
 * <p>Float16 nodes are emitted as they are: where ONNX Runtime's CPU kernel exists only for
 * float32, its graph transformer runs the node in float32 between Cast nodes, which is
 * exact for the conversions and rounds the float32 result once.
 */
final class OrtConvolutionLowering {

    /** From OIHW to the IOHW filters of ONNX ConvTranspose. */
    private static final int[] OIHW_TO_IOHW = {1, 0, 2, 3};

    private OrtConvolutionLowering() {
    }

    /** conv2d: ONNX Conv with an OIHW filter. */
    static void conv2d(Conv2d op, Node node, OrtLowering lowering) {
        int[] perm = Permutations.toOihw(op.filterLayout());
        convolution("Conv", op.input(), op.filter(), identityOrNull(perm), op.bias(), op.padding(), op.strides(),
                op.dilations(), op.groups(), op.inputLayout(), node, lowering);
    }

    /** convTranspose2d: ONNX ConvTranspose with an IOHW filter and the explicit output padding. */
    static void convTranspose2d(ConvTranspose2d op, Node node, OrtLowering lowering) {
        int[] perm = Permutations.compose(Permutations.toOihw(op.filterLayout()), OIHW_TO_IOHW);
        convolution("ConvTranspose", op.input(), op.filter(), identityOrNull(perm), op.bias(), op.padding(),
                op.strides(), op.dilations(), op.groups(), op.inputLayout(), node, lowering,
                OrtAttribute.integers("output_padding", op.outputPadding()));
    }

    /** A permutation, or null when it keeps every dimension in place. */
    private static int[] identityOrNull(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return perm;
            }
        }
        return null;
    }

    /**
     * Conv or ConvTranspose with the filter permuted into the ONNX layout and WebNN's
     * padding [beginH, endH, beginW, endW] as ONNX pads [beginH, beginW, endH, endW].
     */
    private static void convolution(String onnx, Operand input, Operand filter, int[] filterPerm, Optional<Operand> bias,
                                    long[] padding, long[] strides, long[] dilations, long groups,
                                    MLInputOperandLayout layout, Node node, OrtLowering lowering, OrtAttribute... extra) {
        List<String> inputs = new ArrayList<>(List.of("", lowering.permuted(filter, filterPerm)));
        lowering.name(bias).ifPresent(inputs::add);
        List<OrtAttribute> attributes = new ArrayList<>();
        OrtAttribute.addIntegersUnlessDefault(attributes, "pads", onnxPads(padding), 0);
        OrtAttribute.addIntegersUnlessDefault(attributes, "strides", strides, 1);
        OrtAttribute.addIntegersUnlessDefault(attributes, "dilations", dilations, 1);
        if (groups != 1) {
            attributes.add(OrtAttribute.integer("group", groups));
        }
        attributes.addAll(Arrays.asList(extra));
        lowering.emit(node, lowering.name(input), OrtLowering.toNchw(layout), (in, out) -> {
            inputs.set(0, in);
            lowering.model().node(onnx, inputs, out, attributes.toArray(OrtAttribute[]::new));
        });
    }

    /** WebNN's [beginH, endH, beginW, endW] as ONNX's [beginH, beginW, endH, endW]. */
    private static long[] onnxPads(long[] padding) {
        return new long[] {padding[0], padding[2], padding[1], padding[3]};
    }
}
