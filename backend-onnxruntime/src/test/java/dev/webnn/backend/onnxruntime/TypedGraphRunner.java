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
import java.util.stream.IntStream;

/**
 * Test helper: builds a WebNN graph whose inputs and constants are given as numbers of any
 * data type, runs it through the public API and reads the outputs back as numbers. Values
 * are doubles, exact for every type as long as tests use numbers the type represents.
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
        inputs.put(name, encode(type, values));
        return operand;
    }

    /** A constant holding {@code values}. */
    MLOperand constant(MLOperandDataType type, long[] shape, double... values) {
        return builder.constant(MLOperandDescriptor.of(type, shape), encode(type, values));
    }

    /** Builds and computes a graph of one output. */
    double[] run(MLOperand output) {
        return run(List.of(output)).get(0);
    }

    /** Builds and computes a graph of several outputs, in order. */
    List<double[]> run(List<MLOperand> outputs) {
        Map<String, MLOperand> named = new LinkedHashMap<>();
        Map<String, MemorySegment> buffers = new HashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            named.put("out" + i, outputs.get(i));
            buffers.put("out" + i, arena.allocate(Math.max(1, outputs.get(i).descriptor().byteLength()), 64)
                    .asSlice(0, outputs.get(i).descriptor().byteLength()));
        }
        try (MLGraph graph = builder.build(named)) {
            context.compute(graph, inputs, buffers);
        }
        return IntStream.range(0, outputs.size())
                .mapToObj(i -> decode(outputs.get(i).descriptor().dataType(), buffers.get("out" + i))).toList();
    }

    /** Native memory holding {@code values} in a data type. */
    MemorySegment encode(MLOperandDataType type, double... values) {
        MemorySegment data = arena.allocate(Math.max(1, values.length * type.byteSize()), 64)
                .asSlice(0, values.length * type.byteSize());
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            switch (type) {
                case FLOAT32 -> data.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
                case FLOAT16 -> data.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16((float) v));
                case INT32, UINT32 -> data.setAtIndex(ValueLayout.JAVA_INT, i, (int) (long) v);
                case INT64, UINT64 -> data.setAtIndex(ValueLayout.JAVA_LONG, i, (long) v);
                case INT8, UINT8 -> data.setAtIndex(ValueLayout.JAVA_BYTE, i, (byte) (long) v);
            }
        }
        return data;
    }

    /** The numbers in memory of a data type. */
    static double[] decode(MLOperandDataType type, MemorySegment data) {
        double[] values = new double[(int) (data.byteSize() / type.byteSize())];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (type) {
                case FLOAT32 -> data.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                case FLOAT16 -> Float.float16ToFloat(data.getAtIndex(ValueLayout.JAVA_SHORT, i));
                case INT32 -> data.getAtIndex(ValueLayout.JAVA_INT, i);
                case UINT32 -> Integer.toUnsignedLong(data.getAtIndex(ValueLayout.JAVA_INT, i));
                case INT64 -> data.getAtIndex(ValueLayout.JAVA_LONG, i);
                case UINT64 -> Double.parseDouble(Long.toUnsignedString(data.getAtIndex(ValueLayout.JAVA_LONG, i)));
                case INT8 -> data.getAtIndex(ValueLayout.JAVA_BYTE, i);
                case UINT8 -> Byte.toUnsignedInt(data.getAtIndex(ValueLayout.JAVA_BYTE, i));
            };
        }
        return values;
    }

    @Override
    public void close() {
        arena.close();
    }
}
