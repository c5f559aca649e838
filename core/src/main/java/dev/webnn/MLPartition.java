package dev.webnn;

import java.util.List;
import java.util.Objects;

/**
 * One partition of a compiled graph's plan ({@link MLGraph#describe()}): operations run by
 * one backend as a graph of their own.
 *
 * @param backend the backend's name
 * @param operations how many operations of the graph it runs
 * @param inputs the tensors it reads: graph input names, or {@code boundary:<id>} for a
 *     tensor another partition writes
 * @param outputs the tensors it writes: graph output names, or {@code boundary:<id>} for a
 *     tensor another partition reads
 */
public record MLPartition(String backend, int operations, List<String> inputs, List<String> outputs) {

    /** Copies the lists. */
    public MLPartition {
        Objects.requireNonNull(backend, "backend");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    @Override
    public String toString() {
        return backend + ": " + operations + " operations, inputs " + inputs + ", outputs " + outputs;
    }
}
