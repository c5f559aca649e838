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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs WebNN graphs on the ONNX Runtime backend through the public API, with tensor values
 * written and read as numbers of any WebNN data type: floats and integers as doubles (exact up
 * to 2<sup>53</sup>, unsigned types read as unsigned), or integers as their bits in a
 * {@code long} (unsigned ones zero-extended) for values beyond double's exact range.
 *
 * <p>Three ways to build a graph: {@link #run(BiFunction, Values...)} computes one operation over
 * fresh graph inputs; {@link #input}, {@link #constant} and {@link #builder()} build a graph of
 * several operators and outputs that {@link #run(List)} computes; or a test builds on its own
 * builders of {@link #context()}, with constants from {@link #encode}, and
 * {@link #result(MLGraphBuilder, MLOperand, Map)} feeds its inputs by name. The runner owns its
 * context and the native memory of every tensor; {@link #close} releases both.
 */
final class GraphRunner implements AutoCloseable {

    private final MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1));
    private final Arena arena = Arena.ofConfined();
    private final MLGraphBuilder builder = new MLGraphBuilder(context);
    private final Map<String, MemorySegment> feeds = new HashMap<>();

    /**
     * The values of a tensor, as numbers or as integer bits.
     *
     * @param descriptor its type and shape
     * @param numbers its values as numbers (float16 rounded to nearest even, integers truncated
     *     and wrapped to the type), or {@code null} when given as {@code bits}
     * @param bits its integer values as bits, or {@code null}
     */
    record Values(MLOperandDescriptor descriptor, double[] numbers, long[] bits) {
    }

    /** A tensor of numbers. */
    static Values tensor(MLOperandDataType type, long[] shape, double... numbers) {
        return new Values(MLOperandDescriptor.of(type, shape), numbers, null);
    }

    /** A 1-D tensor of numbers. */
    static Values vector(MLOperandDataType type, double... numbers) {
        return tensor(type, shape(numbers.length), numbers);
    }

    /** A tensor of integer bits, for values beyond double's exact range. */
    static Values bits(MLOperandDataType type, long[] shape, long... bits) {
        return new Values(MLOperandDescriptor.of(type, shape), null, bits);
    }

    /** A 1-D tensor of integer bits. */
    static Values bitVector(MLOperandDataType type, long... bits) {
        return bits(type, shape(bits.length), bits);
    }

    /** A shape, for readable calls. */
    static long[] shape(long... dimensions) {
        return dimensions;
    }

    /** The context, e.g. for its {@code opSupportLimits()}. */
    MLContext context() {
        return context;
    }

    // ---- one operation ----

    /**
     * Builds a graph of one operation over graph inputs made of {@code inputs}, computes it and
     * returns the output's values as numbers.
     *
     * @param operation makes the output from a builder and the input operands, in order
     * @param inputs the inputs' values
     * @return the output's values
     */
    double[] run(BiFunction<MLGraphBuilder, MLOperand[], MLOperand> operation, Values... inputs) {
        return result(operation, inputs).values();
    }

    /** Like {@link #run(BiFunction, Values...)}, returning the output's descriptor and bytes. */
    Result result(BiFunction<MLGraphBuilder, MLOperand[], MLOperand> operation, Values... inputs) {
        MLGraphBuilder single = new MLGraphBuilder(context);
        Map<String, MemorySegment> singleFeeds = new HashMap<>();
        MLOperand[] operands = new MLOperand[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            operands[i] = input(single, singleFeeds, "x" + i, inputs[i]);
        }
        return compute(single, singleFeeds, List.of(operation.apply(single, operands))).get(0);
    }

    // ---- a graph of several operators ----

    /** The builder of the graph that {@link #run(List)} computes. */
    MLGraphBuilder builder() {
        return builder;
    }

    /** A graph input of {@link #builder()} fed with {@code numbers} at compute time. */
    MLOperand input(String name, MLOperandDataType type, long[] shape, double... numbers) {
        return input(builder, feeds, name, tensor(type, shape, numbers));
    }

    /** A constant of {@link #builder()} holding {@code numbers}. */
    MLOperand constant(MLOperandDataType type, long[] shape, double... numbers) {
        return constant(tensor(type, shape, numbers));
    }

    /** A constant of {@link #builder()} holding {@code values}. */
    MLOperand constant(Values values) {
        return builder.constant(values.descriptor(), encode(values));
    }

    /** Builds and computes the graph of one output, as numbers. */
    double[] run(MLOperand output) {
        return run(List.of(output)).get(0);
    }

    /** Builds and computes the graph of several outputs, in order, as numbers. */
    List<double[]> run(List<MLOperand> outputs) {
        return results(outputs).stream().map(Result::values).toList();
    }

    /** Builds and computes the graph of several outputs, in order, as descriptors and bytes. */
    List<Result> results(List<MLOperand> outputs) {
        return compute(builder, feeds, outputs);
    }

    // ---- a graph on another builder ----

    /**
     * Builds and computes a graph made on a builder of {@link #context()}, feeding its inputs by
     * name.
     *
     * @param target the builder
     * @param output the graph's output
     * @param inputs the values of its inputs by name (only their type and element count matter)
     * @return the output's descriptor and bytes
     */
    Result result(MLGraphBuilder target, MLOperand output, Map<String, Values> inputs) {
        Map<String, MemorySegment> targetFeeds = new HashMap<>();
        inputs.forEach((name, values) -> targetFeeds.put(name, encode(values)));
        return compute(target, targetFeeds, List.of(output)).get(0);
    }

    /** Native memory holding values in their data type, e.g. for a builder's constant; lives as long as the runner. */
    MemorySegment encode(Values values) {
        MLOperandDescriptor descriptor = values.descriptor();
        MemorySegment data = allocate(descriptor.byteLength());
        int count = Math.toIntExact(descriptor.elementCount());
        for (int i = 0; i < count; i++) {
            double number = values.bits() == null ? values.numbers()[i] : values.bits()[i];
            long bits = values.bits() != null ? values.bits()[i]
                    : descriptor.dataType() == MLOperandDataType.UINT64 ? unsignedBits(number) : (long) number;
            switch (descriptor.dataType()) {
                case FLOAT32 -> data.setAtIndex(JAVA_FLOAT, i, (float) number);
                case FLOAT16 -> data.setAtIndex(JAVA_SHORT, i, Float.floatToFloat16((float) number));
                case INT8, UINT8 -> data.set(JAVA_BYTE, i, (byte) bits);
                case INT32, UINT32 -> data.setAtIndex(JAVA_INT, i, (int) bits);
                case INT64, UINT64 -> data.setAtIndex(JAVA_LONG, i, bits);
                case INT4, UINT4 -> data.set(JAVA_BYTE, i / 2, (byte) (data.get(JAVA_BYTE, i / 2) | (bits & 0xF) << i % 2 * 4));
            }
        }
        return data;
    }

    // ---- shared ----

    /** An output: its descriptor and bytes. */
    record Result(MLOperandDescriptor descriptor, byte[] bytes) {

        /** The values as numbers: exact for floats and for integers up to 2^53; unsigned types as unsigned. */
        double[] values() {
            MemorySegment data = MemorySegment.ofArray(bytes);
            double[] values = new double[count()];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (descriptor.dataType()) {
                    case FLOAT32 -> data.getAtIndex(JAVA_FLOAT.withByteAlignment(1), i);
                    case FLOAT16 -> Float.float16ToFloat(data.getAtIndex(JAVA_SHORT.withByteAlignment(1), i));
                    case UINT64 -> unsignedValue(bits(data, i));
                    default -> bits(data, i);
                };
            }
            return values;
        }

        /** Integer values as bits: sign-extended for signed types, zero-extended for unsigned. */
        long[] bits() {
            MemorySegment data = MemorySegment.ofArray(bytes);
            long[] values = new long[count()];
            for (int i = 0; i < values.length; i++) {
                values[i] = bits(data, i);
            }
            return values;
        }

        /** The output shape. */
        long[] shape() {
            return descriptor.shape();
        }

        private int count() {
            return Math.toIntExact(descriptor.elementCount());
        }

        private long bits(MemorySegment data, int i) {
            return switch (descriptor.dataType()) {
                case INT8 -> data.get(JAVA_BYTE, i);
                case UINT8 -> Byte.toUnsignedLong(data.get(JAVA_BYTE, i));
                case INT32 -> data.getAtIndex(JAVA_INT.withByteAlignment(1), i);
                case UINT32 -> Integer.toUnsignedLong(data.getAtIndex(JAVA_INT.withByteAlignment(1), i));
                case INT64, UINT64 -> data.getAtIndex(JAVA_LONG.withByteAlignment(1), i);
                case INT4 -> (long) (byte) (data.get(JAVA_BYTE, i / 2) << 4 - i % 2 * 4) >> 4;
                case UINT4 -> data.get(JAVA_BYTE, i / 2) >> i % 2 * 4 & 0xF;
                default -> throw new IllegalStateException("not an integer type: " + descriptor.dataType());
            };
        }
    }

    private MLOperand input(MLGraphBuilder target, Map<String, MemorySegment> targetFeeds, String name, Values values) {
        MLOperand operand = target.input(name, values.descriptor());
        targetFeeds.put(name, encode(values));
        return operand;
    }

    private List<Result> compute(MLGraphBuilder target, Map<String, MemorySegment> inputs, List<MLOperand> outputs) {
        Map<String, MLOperand> named = new LinkedHashMap<>();
        Map<String, MemorySegment> buffers = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            named.put("out" + i, outputs.get(i));
            buffers.put("out" + i, allocate(outputs.get(i).descriptor().byteLength()));
        }
        try (MLGraph graph = target.build(named)) {
            context.compute(graph, inputs, buffers);
        }
        List<Result> results = new ArrayList<>();
        named.forEach((name, output) -> results.add(new Result(output.descriptor(), buffers.get(name).toArray(JAVA_BYTE))));
        return results;
    }

    private MemorySegment allocate(long bytes) {
        return arena.allocate(Math.max(1, bytes), 64).asSlice(0, bytes);
    }

    /** A uint64 read as its unsigned value (rounded to double). */
    private static double unsignedValue(long bits) {
        return bits >= 0 ? bits : (double) (bits >>> 1) * 2 + (bits & 1);
    }

    /** The uint64 bits of a value below 2^64 (negative values wrap). */
    private static long unsignedBits(double v) {
        return v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v;
    }

    @Override
    public void close() {
        arena.close();
        context.close();
    }
}
