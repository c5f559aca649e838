package dev.webnn;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Operand;
import dev.webnn.spi.CompiledGraph;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled graph, ready to run on its context with {@link MLContext#dispatch} or
 * {@link MLContext#compute} (spec: {@code MLGraph}). Its inputs, outputs and validated graph
 * never change after {@code build}; its one state change is being destroyed.
 *
 * <p>{@link #close()} (the spec's {@code destroy()}) frees the backend's native objects and
 * the constant data; it waits for a running dispatch to finish and is idempotent.
 */
public final class MLGraph implements AutoCloseable {

    private final MLContext context;
    private final Graph graph;
    private final CompiledGraph compiled;
    private final Arena constants;
    private final List<MLPartition> plan;
    private final List<String> inputNames;
    private final MLOperandDescriptor[] inputDescriptors;
    private final List<String> outputNames;
    private final MLOperandDescriptor[] outputDescriptors;
    /** Reused per dispatch under the context's timeline lock: no allocation on the hot path. */
    final MemorySegment[] inputScratch;
    final MemorySegment[] outputScratch;
    final MLTensor[] tensorScratch;
    private volatile boolean destroyed;

    MLGraph(MLContext context, Graph graph, CompiledGraph compiled, Arena constants, List<MLPartition> plan) {
        this.context = context;
        this.plan = List.copyOf(plan);
        this.graph = graph;
        this.compiled = compiled;
        this.constants = constants;
        this.inputNames = List.copyOf(graph.inputs().keySet());
        this.inputDescriptors = graph.inputs().values().stream().map(Operand::descriptor).toArray(MLOperandDescriptor[]::new);
        this.outputNames = List.copyOf(graph.outputs().keySet());
        this.outputDescriptors = graph.outputs().values().stream().map(Operand::descriptor).toArray(MLOperandDescriptor[]::new);
        this.inputScratch = new MemorySegment[inputNames.size()];
        this.outputScratch = new MemorySegment[outputNames.size()];
        this.tensorScratch = new MLTensor[inputNames.size() + outputNames.size()];
    }

    /**
     * The graph's inputs (spec: {@code [[inputDescriptors]]}).
     *
     * @return descriptors by input name, in input creation order
     */
    public Map<String, MLOperandDescriptor> inputDescriptors() {
        return describe(inputNames, inputDescriptors);
    }

    /**
     * The graph's outputs (spec: {@code [[outputDescriptors]]}).
     *
     * @return descriptors by output name, in the order given to build
     */
    public Map<String, MLOperandDescriptor> outputDescriptors() {
        return describe(outputNames, outputDescriptors);
    }

    /**
     * How the graph runs: its partitions in execution order, each with its backend, its
     * operation count and the tensors it reads and writes. A graph its context's first
     * backend runs whole has one partition.
     *
     * @return the partitions
     */
    public List<MLPartition> describe() {
        return plan;
    }

    /**
     * Whether {@link #close()} has been called (directly or by closing the context).
     *
     * @return true once destroyed
     */
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Frees the graph's native objects and constants (spec: {@code destroy()}). Idempotent. */
    @Override
    public void close() {
        context.destroy(this);
    }

    /** Same as {@link #close()}, with the spec's name. */
    public void destroy() {
        close();
    }

    /** The validated graph as given to the backend (for tests of the builder). */
    Graph graph() {
        return graph;
    }

    MLContext context() {
        return context;
    }

    List<String> inputNames() {
        return inputNames;
    }

    List<String> outputNames() {
        return outputNames;
    }

    MLOperandDescriptor inputDescriptor(int index) {
        return inputDescriptors[index];
    }

    MLOperandDescriptor outputDescriptor(int index) {
        return outputDescriptors[index];
    }

    CompiledGraph compiled() {
        return compiled;
    }

    /** Called by the context under its timeline lock: native objects first, then constants. */
    void release() {
        if (!destroyed) {
            destroyed = true;
            try {
                compiled.close();
            } finally {
                constants.close();
            }
        }
    }

    private static Map<String, MLOperandDescriptor> describe(List<String> names, MLOperandDescriptor[] descriptors) {
        Map<String, MLOperandDescriptor> map = new LinkedHashMap<>();
        for (int i = 0; i < descriptors.length; i++) {
            map.put(names.get(i), descriptors[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
