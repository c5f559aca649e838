package dev.webnn.samples.jmh;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;

/** The graph of the microbenchmarks: {@code c = a + b} on [1,8] float32, one operation and no constant. */
final class TinyGraph {

    /** The descriptor of both inputs and the output. */
    static final MLOperandDescriptor DESCRIPTOR = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 8);

    /** The values of both inputs. */
    static final float[] VALUES = {1, 2, 3, 4, 5, 6, 7, 8};

    private TinyGraph() {
    }

    /**
     * Builds the graph.
     *
     * @param context the context to build it on
     * @return the graph with inputs {@code a}, {@code b} and output {@code c}
     */
    static MLGraph build(MLContext context) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        return builder.build(Map.of("c", builder.add(builder.input("a", DESCRIPTOR), builder.input("b", DESCRIPTOR))));
    }

    /**
     * Native segments holding {@link #VALUES} for inputs {@code a} and {@code b}.
     *
     * @param arena where to allocate them
     * @return input name to segment
     */
    static Map<String, MemorySegment> inputs(Arena arena) {
        return Map.of("a", arena.allocateFrom(ValueLayout.JAVA_FLOAT, VALUES),
                "b", arena.allocateFrom(ValueLayout.JAVA_FLOAT, VALUES));
    }

    /**
     * A native segment for the output, 64-byte aligned.
     *
     * @param arena where to allocate it
     * @return the segment
     */
    static MemorySegment output(Arena arena) {
        return arena.allocate(DESCRIPTOR.byteLength(), 64);
    }
}
