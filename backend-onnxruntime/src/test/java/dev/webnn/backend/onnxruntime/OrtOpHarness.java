package dev.webnn.backend.onnxruntime;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs one WebNN operation on a context through the public API, with graph inputs given as
 * numbers of any data type and the output read back as numbers (integers exactly up to
 * 2<sup>53</sup>; uint64 read as unsigned).
 */
final class OrtOpHarness {

    private OrtOpHarness() {
    }

    /**
     * A graph input.
     *
     * @param type its data type
     * @param shape its shape
     * @param values its elements, as numbers (float16 rounded to nearest even)
     */
    record Input(MLOperandDataType type, long[] shape, double[] values) {
    }

    /** A 1-D input of the given elements. */
    static Input vector(MLOperandDataType type, double... values) {
        return new Input(type, new long[] {values.length}, values);
    }

    /** An input of any shape. */
    static Input tensor(MLOperandDataType type, long[] shape, double... values) {
        return new Input(type, shape, values);
    }

    /**
     * Builds a graph of one operation over graph inputs {@code x0, x1, ...}, computes it and
     * returns the output's elements.
     *
     * @param context the context
     * @param op makes the output from the builder and the input operands
     * @param inputs the inputs
     * @return the output elements
     */
    static double[] run(MLContext context, BiFunction<MLGraphBuilder, MLOperand[], MLOperand> op, Input... inputs) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        MLOperand[] operands = new MLOperand[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            operands[i] = builder.input("x" + i, MLOperandDescriptor.of(inputs[i].type(), inputs[i].shape()));
        }
        MLOperand output = op.apply(builder, operands);
        MLOperandDescriptor descriptor = output.descriptor();
        try (MLGraph graph = builder.build(Map.of("y", output)); Arena arena = Arena.ofConfined()) {
            Map<String, MemorySegment> feeds = new LinkedHashMap<>();
            for (int i = 0; i < inputs.length; i++) {
                feeds.put("x" + i, encode(arena, inputs[i].type(), inputs[i].values()));
            }
            MemorySegment result = arena.allocate(Math.max(1, descriptor.byteLength()), 8);
            context.compute(graph, feeds, Map.of("y", result.asSlice(0, descriptor.byteLength())));
            return decode(descriptor.dataType(), result, (int) descriptor.elementCount());
        }
    }

    /** Elements of a data type in native memory. */
    static MemorySegment encode(Arena arena, MLOperandDataType type, double... values) {
        MemorySegment segment = arena.allocate(Math.max(1, (long) values.length * type.byteSize()), 8)
                .asSlice(0, (long) values.length * type.byteSize());
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            switch (type) {
                case FLOAT32 -> segment.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
                case FLOAT16 -> segment.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16((float) v));
                case INT32, UINT32 -> segment.setAtIndex(ValueLayout.JAVA_INT, i, (int) (long) v);
                case INT64 -> segment.setAtIndex(ValueLayout.JAVA_LONG, i, (long) v);
                case UINT64 -> segment.setAtIndex(ValueLayout.JAVA_LONG, i, unsignedBits(v));
                case INT8, UINT8 -> segment.setAtIndex(ValueLayout.JAVA_BYTE, i, (byte) (long) v);
            }
        }
        return segment;
    }

    /** Elements read back as numbers, unsigned types as unsigned. */
    static double[] decode(MLOperandDataType type, MemorySegment segment, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (type) {
                case FLOAT32 -> segment.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                case FLOAT16 -> Float.float16ToFloat(segment.getAtIndex(ValueLayout.JAVA_SHORT, i));
                case INT32 -> segment.getAtIndex(ValueLayout.JAVA_INT, i);
                case UINT32 -> Integer.toUnsignedLong(segment.getAtIndex(ValueLayout.JAVA_INT, i));
                case INT64 -> segment.getAtIndex(ValueLayout.JAVA_LONG, i);
                case UINT64 -> unsignedValue(segment.getAtIndex(ValueLayout.JAVA_LONG, i));
                case INT8 -> segment.getAtIndex(ValueLayout.JAVA_BYTE, i);
                case UINT8 -> Byte.toUnsignedInt(segment.getAtIndex(ValueLayout.JAVA_BYTE, i));
            };
        }
        return values;
    }

    /** Reads a uint64 as its unsigned value (rounded to double). */
    private static double unsignedValue(long bits) {
        return bits >= 0 ? bits : (double) (bits >>> 1) * 2 + (bits & 1);
    }

    /** The uint64 bits of a non-negative value below 2^64 (negative values wrap). */
    private static long unsignedBits(double v) {
        return v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v;
    }
}
