package dev.webnn.spi;

import java.lang.foreign.MemorySegment;

/**
 * A graph compiled by a backend, ready to run on caller memory.
 *
 * <p>Calls are serialised by the owning context. {@link #execute} must not allocate on the
 * Java heap in steady state.
 */
public interface CompiledGraph extends AutoCloseable {

    /**
     * Runs the graph once.
     *
     * @param inputs native segments, one per {@code Graph.inputs()} entry in its iteration
     *     order, each exactly the input's byte length; read-only for the backend
     * @param outputs native segments, one per {@code Graph.outputs()} entry in its iteration
     *     order, each exactly the output's byte length; fully written by the backend
     * @throws dev.webnn.MLOperationError if the native run fails
     */
    void execute(MemorySegment[] inputs, MemorySegment[] outputs);

    /** Releases the native objects of this graph. Called at most once. */
    @Override
    void close();
}
