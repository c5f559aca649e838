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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper for graphs of several operators and outputs: inputs and constants are given as
 * numbers of any data type and outputs read back as numbers, with {@link SingleOpRunner}'s
 * conversions (exact as long as tests use numbers the type represents).
 */
final class TypedGraphRunner implements AutoCloseable {

    private final MLContext context;
    private final MLGraphBuilder builder;
    private final Arena arena = Arena.ofConfined();
    private final Map<String, MemorySegment> inputs = new HashMap<>();

    TypedGraphRunner(MLContext context) {
        this.context = context;
        this.builder = new MLGraphBuilder(context);
    }

    /** The graph builder, for the operators under test. */
    MLGraphBuilder builder() {
        return builder;
    }

    /** A graph input fed with {@code values} at compute time. */
    MLOperand input(String name, MLOperandDataType type, long[] shape, double... values) {
        MLOperand operand = builder.input(name, MLOperandDescriptor.of(type, shape));
        inputs.put(name, encode(type, shape, values));
        return operand;
    }

    /** A constant holding {@code values}. */
    MLOperand constant(MLOperandDataType type, long[] shape, double... values) {
        return builder.constant(MLOperandDescriptor.of(type, shape), encode(type, shape, values));
    }

    /** A constant holding raw 64-bit integers, for values beyond double's exact range. */
    MLOperand constantBits(MLOperandDataType type, long[] shape, long... bits) {
        return builder.constant(MLOperandDescriptor.of(type, shape),
                SingleOpRunner.write(arena, SingleOpRunner.bits("constant", type, shape, bits)));
    }

    /** Builds and computes a graph of one output. */
    double[] run(MLOperand output) {
        return run(List.of(output)).get(0);
    }

    /** Builds and computes a graph of several outputs, in order, as numbers. */
    List<double[]> run(List<MLOperand> outputs) {
        return results(outputs).stream().map(SingleOpRunner.Result::values).toList();
    }

    /** Builds and computes a graph of several outputs, in order, as bytes. */
    List<SingleOpRunner.Result> results(List<MLOperand> outputs) {
        Map<String, MLOperand> named = new LinkedHashMap<>();
        Map<String, MemorySegment> buffers = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            long bytes = outputs.get(i).descriptor().byteLength();
            named.put("out" + i, outputs.get(i));
            buffers.put("out" + i, arena.allocate(Math.max(1, bytes), 64).asSlice(0, bytes));
        }
        try (MLGraph graph = builder.build(named)) {
            context.compute(graph, inputs, buffers);
        }
        return named.entrySet().stream().map(output -> new SingleOpRunner.Result(output.getValue().descriptor(),
                buffers.get(output.getKey()).toArray(ValueLayout.JAVA_BYTE))).toList();
    }

    private MemorySegment encode(MLOperandDataType type, long[] shape, double... values) {
        return SingleOpRunner.write(arena, SingleOpRunner.input("data", type, shape, values));
    }

    @Override
    public void close() {
        arena.close();
    }
}
