package dev.webnn.samples.bench;

/**
 * A model the bench times: its title for the table, and how each engine opens it on the
 * model's fixed input. Owns that input; close it after the runners it opened.
 */
public interface BenchModel extends AutoCloseable {

    /**
     * The model's row title, with its input shape when that is not obvious.
     *
     * @return the title
     */
    String title();

    /**
     * Compiles the model on an engine, ready to run on its fixed input.
     *
     * @param engine a name {@link Engines} knows
     * @param threads the engine's intra-op thread count
     * @return the runner, owning what it compiled
     * @throws UnsupportedOperationException if the engine cannot run the model (the message says why)
     * @throws IllegalStateException if ONNX Runtime's Java API rejects the model
     */
    Runner open(String engine, int threads);

    /** Frees the model's input memory and any file it wrote. */
    @Override
    void close();
}
