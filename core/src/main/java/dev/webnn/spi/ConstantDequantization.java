package dev.webnn.spi;

import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Quantization;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A {@code dequantizeLinear} whose input, scale and zero point are all constants, with int8
 * or uint8 data and a float32 scale: quantized weights, which a backend may hand to integer
 * kernels ({@link #channelwise}) or compute once at compile time ({@link #dequantize}),
 * exactly as the spec computes them: {@code (input - zeroPoint) * scale}, the product rounded
 * once to float32.
 *
 * <p>Scale and zero point broadcast block-wise as the spec defines it: along each dimension
 * the input's size is a whole multiple of the scale's (which has the input's rank, as the
 * builder checked), and each scale element covers a block of that many input elements.
 */
public final class ConstantDequantization {

    private final Graph graph;
    private final Operand input;
    private final Operand scale;
    private final Operand zeroPoint;

    private ConstantDequantization(Graph graph, Quantization op) {
        this.graph = graph;
        this.input = op.input();
        this.scale = op.scale();
        this.zeroPoint = op.zeroPoint();
    }

    /**
     * The node as quantized weights, when it is a {@code dequantizeLinear} of int8 or uint8
     * constants with a float32 scale.
     *
     * @param graph the graph holding the node
     * @param node any node, or null
     * @return the dequantization, or empty
     */
    public static Optional<ConstantDequantization> of(Graph graph, Node node) {
        if (node != null && node.operation() instanceof Quantization op && op.kind() == Quantization.Kind.DEQUANTIZE_LINEAR
                && graph.isConstant(op.input()) && graph.isConstant(op.scale()) && graph.isConstant(op.zeroPoint())
                && (op.input().descriptor().dataType() == MLOperandDataType.INT8
                        || op.input().descriptor().dataType() == MLOperandDataType.UINT8)
                && op.scale().descriptor().dataType() == MLOperandDataType.FLOAT32) {
            return Optional.of(new ConstantDequantization(graph, op));
        }
        return Optional.empty();
    }

    /**
     * The values as float32, in the input's logical layout.
     *
     * @param allocate gives memory of a byte length that outlives its use
     * @return the dequantized elements
     */
    public MemorySegment dequantize(LongFunction<MemorySegment> allocate) {
        long count = input.descriptor().elementCount();
        MemorySegment out = allocate.apply(count * Float.BYTES);
        Blocks blocks = new Blocks(input.descriptor().shape(), scale.descriptor().shape());
        MemorySegment data = graph.constant(input);
        MemorySegment scales = graph.constant(scale);
        MemorySegment zeroPoints = graph.constant(zeroPoint);
        for (long i = 0; i < count; i++) {
            long s = blocks.scaleIndex(i);
            float shifted = integer(data, i) - integer(zeroPoints, s);
            out.setAtIndex(ValueLayout.JAVA_FLOAT, i, shifted * scales.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, s));
        }
        return out;
    }

    /**
     * The weights as channelwise-quantized int8 (zero point 0, one positive normal float32
     * scale per channel), when they are exactly that: the scale and zero point vary along
     * {@code axis} only (or not at all), every {@code input - zeroPoint} fits int8, and every
     * scale is positive and normal.
     *
     * @param axis the input dimension of the output channels
     * @param allocate gives memory of a byte length that outlives its use
     * @return the int8 data in the input's layout and one scale per channel, or empty
     */
    public Optional<Channelwise> channelwise(int axis, LongFunction<MemorySegment> allocate) {
        long[] shape = input.descriptor().shape();
        long[] scaleShape = scale.descriptor().shape();
        for (int d = 0; d < shape.length; d++) {
            if (scaleShape[d] != 1 && (d != axis || scaleShape[d] != shape[d])) {
                return Optional.empty();
            }
        }
        int channels = Math.toIntExact(shape[axis]);
        float[] channelScales = new float[channels];
        MemorySegment scales = graph.constant(scale);
        for (int c = 0; c < channels; c++) {
            float value = scales.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, scaleShape[axis] == 1 ? 0 : c);
            if (!(value >= Float.MIN_NORMAL) || Float.isInfinite(value)) {
                return Optional.empty();
            }
            channelScales[c] = value;
        }
        long count = input.descriptor().elementCount();
        Blocks blocks = new Blocks(shape, scale.descriptor().shape());
        MemorySegment data = graph.constant(input);
        MemorySegment zeroPoints = graph.constant(zeroPoint);
        MemorySegment out = allocate.apply(count);
        for (long i = 0; i < count; i++) {
            int shifted = integer(data, i) - integer(zeroPoints, blocks.scaleIndex(i));
            if (shifted < Byte.MIN_VALUE || shifted > Byte.MAX_VALUE) {
                return Optional.empty();
            }
            out.set(ValueLayout.JAVA_BYTE, i, (byte) shifted);
        }
        return Optional.of(new Channelwise(out, channelScales));
    }

    private int integer(MemorySegment data, long index) {
        byte value = data.get(ValueLayout.JAVA_BYTE, index);
        return input.descriptor().dataType() == MLOperandDataType.UINT8 ? Byte.toUnsignedInt(value) : value;
    }

    /**
     * Channelwise-quantized int8 weights.
     *
     * @param data the int8 values (zero point 0), in the input's layout
     * @param scales one scale per channel
     */
    public record Channelwise(MemorySegment data, float[] scales) {
    }

    /** Maps an input element's index to the index of the scale (and zero point) element covering it. */
    private static final class Blocks {

        private final long[] shape;
        private final long[] blockSizes;
        private final long[] scaleShape;

        Blocks(long[] shape, long[] scaleShape) {
            this.shape = shape;
            this.scaleShape = scaleShape;
            this.blockSizes = new long[shape.length];
            for (int d = 0; d < shape.length; d++) {
                blockSizes[d] = shape[d] / this.scaleShape[d];
            }
        }

        long scaleIndex(long index) {
            long scaleIndex = 0;
            long scaleStride = 1;
            long rest = index;
            for (int d = shape.length - 1; d >= 0; d--) {
                long coordinate = rest % shape[d];
                rest /= shape[d];
                scaleIndex += coordinate / blockSizes[d] * scaleStride;
                scaleStride *= scaleShape[d];
            }
            return scaleIndex;
        }
    }
}
