package dev.webnn.spi;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import java.util.Optional;

/**
 * A backend's side of one {@code MLContext}: compiles graphs and owns the native state
 * they share (thread pools, environments). Closed by the context after every graph
 * compiled by it has been closed.
 *
 * <p>Calls are serialised by the owning context; implementations need not be thread-safe.
 */
public interface BackendContext extends AutoCloseable {

    /**
     * What this backend runs, given the spec's limits: the same object narrowed to the
     * operators, operand data types and ranks the backend really supports. An operator
     * missing from the result is unsupported; {@code MLGraphBuilder.build} fails with
     * {@code MLNotSupportedError} for graphs that use it.
     *
     * @param specLimits the limits of the specification (every operator, every allowed type)
     * @return the narrowed limits
     */
    MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits);

    /**
     * Whether this backend can run one operation as it stands in a graph, beyond what
     * {@link #supportLimits} says of its operator, data types and ranks: its options, the
     * shapes of its operands and whether its weights are constants. A context of several
     * backends asks this of each operation to choose where it runs, before compiling
     * anything; the answer must match what {@link #compile} accepts.
     *
     * @param graph the graph holding the node
     * @param node a node of {@code graph} whose operator and operands are within
     *     {@link #supportLimits}
     * @return empty if the backend runs the operation, else why not (for error messages)
     */
    default Optional<String> unsupportedReason(Graph graph, Node node) {
        return Optional.empty();
    }

    /**
     * Compiles a validated graph whose operators and operand types are within
     * {@link #supportLimits}.
     *
     * @param graph the graph; its constants stay valid until the compiled graph is closed
     * @return the executable graph
     * @throws dev.webnn.MLNotSupportedError if the graph uses something the backend cannot run
     * @throws dev.webnn.MLOperationError if native compilation fails
     */
    CompiledGraph compile(Graph graph);

    /**
     * Compiles one partition of a graph split among several backends. Its runs alternate
     * with the other partitions' on the same {@code numThreads} cores, so its worker threads
     * should sleep once a run is done instead of spinning on cores the next partition's
     * backend needs. By default the same as {@link #compile}.
     *
     * @param graph the partition, validated like a whole graph
     * @return the executable graph
     * @throws dev.webnn.MLNotSupportedError if the graph uses something the backend cannot run
     * @throws dev.webnn.MLOperationError if native compilation fails
     */
    default CompiledGraph compilePartition(Graph graph) {
        return compile(graph);
    }

    /** Releases the backend's native state for this context. */
    @Override
    void close();
}
