package dev.webnn.backend.onnxruntime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one-operator WebNN graphs on the ONNX Runtime backend through the public API, with
 * tensor values written and read as numbers of any WebNN data type (integers as their bits in
 * a {@code long}, unsigned ones zero-extended; floats as doubles).
 */
final class SingleOpRunner implements AutoCloseable {

    private final MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1));

    /** The context, e.g. for its {@code opSupportLimits()}. */
    MLContext context() {
        return context;
    }

    /**
     * A graph input with its values.
     *
     * @param name the input's name
     * @param descriptor its type and shape
     * @param values its values as numbers, or {@code null} when given as {@code bits}
     * @param bits its integer values as bits, or {@code null}
     */
    record Input(String name, MLOperandDescriptor descriptor, double[] values, long[] bits) {
    }

    /** An input tensor of numbers, converted to its type (integers truncated). */
    static Input input(String name, MLOperandDataType type, long[] shape, double... values) {
        return new Input(name, MLOperandDescriptor.of(type, shape), values, null);
    }

    /** An input tensor of integer bits, for values beyond double's exact range. */
    static Input bits(String name, MLOperandDataType type, long[] shape, long... values) {
        return new Input(name, MLOperandDescriptor.of(type, shape), null, values);
    }

    /** A shape, for readable calls. */
    static long[] shape(long... dimensions) {
        return dimensions;
    }

    /**
     * Builds the graph {@code operation} makes from the inputs, runs it and returns its single
     * output {@code "y"} as raw bytes.
     *
     * @param operation makes the output from the builder and the input operands, by name
     * @param inputs the graph inputs and their values
     * @return the output's descriptor and bytes
     */
    Result run(Function<Operands, MLOperand> operation, Input... inputs) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        Map<String, MLOperand> operands = new LinkedHashMap<>();
        for (Input input : inputs) {
            operands.put(input.name(), builder.input(input.name(), input.descriptor()));
        }
        MLOperand output = operation.apply(new Operands(builder, operands));
        MLOperandDescriptor descriptor = MLOperandDescriptor.of(output.dataType(), output.shape());
        try (MLGraph graph = builder.build(Map.of("y", output)); Arena arena = Arena.ofConfined()) {
            Map<String, MemorySegment> segments = new LinkedHashMap<>();
            for (Input input : inputs) {
                segments.put(input.name(), write(arena, input));
            }
            MemorySegment out = arena.allocate(Math.max(1, descriptor.byteLength()), 8).asSlice(0, descriptor.byteLength());
            context.compute(graph, segments, Map.of("y", out));
            return new Result(descriptor, out.toArray(JAVA_BYTE));
        }
    }

    /** The builder and the graph's input operands by name. */
    record Operands(MLGraphBuilder builder, Map<String, MLOperand> inputs) {
        MLOperand get(String name) {
            return inputs.get(name);
        }
    }

    /** An output: its descriptor and bytes. */
    record Result(MLOperandDescriptor descriptor, byte[] bytes) {

        /** The values as doubles (exact for floats and integers up to 2^53). */
        double[] values() {
            MemorySegment data = MemorySegment.ofArray(bytes);
            int count = (int) descriptor.elementCount();
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = switch (descriptor.dataType()) {
                    case FLOAT32 -> data.getAtIndex(JAVA_FLOAT.withByteAlignment(1), i);
                    case FLOAT16 -> Float.float16ToFloat(data.getAtIndex(JAVA_SHORT.withByteAlignment(1), i));
                    default -> bits()[i];
                };
            }
            return values;
        }

        /** Integer values as bits: sign-extended for signed types, zero-extended for unsigned. */
        long[] bits() {
            MemorySegment data = MemorySegment.ofArray(bytes);
            int count = (int) descriptor.elementCount();
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = switch (descriptor.dataType()) {
                    case INT8 -> data.get(JAVA_BYTE, i);
                    case UINT8 -> Byte.toUnsignedLong(data.get(JAVA_BYTE, i));
                    case INT32 -> data.getAtIndex(JAVA_INT.withByteAlignment(1), i);
                    case UINT32 -> Integer.toUnsignedLong(data.getAtIndex(JAVA_INT.withByteAlignment(1), i));
                    case INT64, UINT64 -> data.getAtIndex(JAVA_LONG.withByteAlignment(1), i);
                    default -> throw new IllegalStateException("not an integer type: " + descriptor.dataType());
                };
            }
            return values;
        }

        /** The output shape. */
        long[] shape() {
            return descriptor.shape();
        }
    }

    /** Native memory holding an input's values in its data type. */
    static MemorySegment write(Arena arena, Input input) {
        MLOperandDescriptor descriptor = input.descriptor();
        MemorySegment data = arena.allocate(Math.max(1, descriptor.byteLength()), 8).asSlice(0, descriptor.byteLength());
        int count = (int) descriptor.elementCount();
        for (int i = 0; i < count; i++) {
            double v = input.bits() == null ? input.values()[i] : input.bits()[i];
            long bits = input.bits() == null ? (long) v : input.bits()[i];
            switch (descriptor.dataType()) {
                case FLOAT32 -> data.setAtIndex(JAVA_FLOAT, i, (float) v);
                case FLOAT16 -> data.setAtIndex(JAVA_SHORT, i, Float.floatToFloat16((float) v));
                case INT8, UINT8 -> data.set(JAVA_BYTE, i, (byte) bits);
                case INT32, UINT32 -> data.setAtIndex(JAVA_INT, i, (int) bits);
                case INT64, UINT64 -> data.setAtIndex(JAVA_LONG, i, bits);
            }
        }
        return data;
    }

    @Override
    public void close() {
        context.close();
    }
}
