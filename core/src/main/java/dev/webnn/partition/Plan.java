package dev.webnn.partition;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Operand;
import java.util.Arrays;
import java.util.List;

/**
 * How a graph runs on the backends of a context: partitions in execution order, and the
 * memory each partition's inputs and outputs are bound to.
 *
 * <p>A slot numbers a tensor crossing a partition's edge: {@code [0, callerInputs)} are the
 * caller's input segments in graph-input order, the next {@code callerOutputs} the caller's
 * output segments in graph-output order, and the rest the boundary tensors listed in
 * {@link #boundaries()}, which live in memory owned by the compiled graph.
 *
 * @param partitions the partitions in an order that respects every data dependency
 * @param callerInputs the number of graph inputs
 * @param callerOutputs the number of graph outputs
 * @param boundaries the intermediate tensors that cross from one partition to another
 */
public record Plan(List<Partition> partitions, int callerInputs, int callerOutputs, List<Operand> boundaries) {

    /** Copies the lists. */
    public Plan {
        partitions = List.copyOf(partitions);
        boundaries = List.copyOf(boundaries);
    }

    /**
     * The plan of a graph run whole by one backend: one partition, no boundaries.
     *
     * @param graph the graph
     * @param engine index of the backend
     * @return the plan
     */
    public static Plan whole(Graph graph, int engine) {
        int inputs = graph.inputs().size();
        int outputs = graph.outputs().size();
        Partition partition = new Partition(engine, range(0, graph.nodes().size()), graph, range(0, inputs),
                range(inputs, outputs));
        return new Plan(List.of(partition), inputs, outputs, List.of());
    }

    private static int[] range(int from, int count) {
        int[] values = new int[count];
        Arrays.setAll(values, k -> from + k);
        return values;
    }
}
