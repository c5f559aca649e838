package dev.webnn.samples.jmh;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import java.util.Map;

/** The graph of the microbenchmarks: {@code c = a + b} on [1,8] float32, one operation and no constant. */
final class TinyGraph {

    /** The descriptor of both inputs and the output. */
    static final MLOperandDescriptor DESCRIPTOR = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 8);

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
}
