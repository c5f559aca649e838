package dev.webnn.partition;

import dev.webnn.graph.Graph;
import java.util.Objects;

/**
 * One part of a {@link Plan}: nodes run by one backend as a graph of their own.
 *
 * @param engine index of the backend in the context's list
 * @param nodes indexes of the nodes in the whole graph's {@code nodes()}, ascending
 * @param graph the partition as a graph: the whole graph's inputs and boundary tensors it
 *     reads are its inputs, the graph outputs and boundary tensors it writes are its outputs
 * @param inputSlots where each input of {@code graph} lives, see {@link Plan}
 * @param outputSlots where each output of {@code graph} lives, see {@link Plan}
 */
public record Partition(int engine, int[] nodes, Graph graph, int[] inputSlots, int[] outputSlots) {

    /** Checks nothing is null. */
    public Partition {
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(inputSlots, "inputSlots");
        Objects.requireNonNull(outputSlots, "outputSlots");
    }
}
