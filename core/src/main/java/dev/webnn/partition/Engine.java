package dev.webnn.partition;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.spi.CompiledGraph;
import java.util.Optional;

/**
 * One backend of a context as the partitioner sees it: whether it runs an operation, and
 * compilation of the partitions given to it.
 */
public interface Engine {

    /**
     * The backend's name.
     *
     * @return the name, e.g. {@code "xnnpack"}
     */
    String name();

    /**
     * Why the backend cannot run a node as it stands in a graph (operator, data types, ranks,
     * options, constant-ness of weights), decided without compiling.
     *
     * @param graph the whole graph
     * @param node one of its nodes
     * @return empty if the backend runs the node, else the reason
     */
    Optional<String> unsupportedReason(Graph graph, Node node);

    /**
     * Compiles a graph whose every node this backend runs.
     *
     * @param graph the graph, possibly a partition of a larger one
     * @return the compiled graph
     * @throws dev.webnn.MLNotSupportedError if the backend refuses it after all
     * @throws dev.webnn.MLOperationError if native compilation fails
     */
    CompiledGraph compile(Graph graph);

    /**
     * Compiles a partition that runs in turn with other backends' partitions (see
     * {@link dev.webnn.spi.BackendContext#compilePartition}).
     *
     * @param graph the partition
     * @return the compiled graph
     * @throws dev.webnn.MLNotSupportedError if the backend refuses it after all
     * @throws dev.webnn.MLOperationError if native compilation fails
     */
    default CompiledGraph compilePartition(Graph graph) {
        return compile(graph);
    }
}
