package dev.webnn.samples.bench;

/**
 * One benchmark configuration ready to run: a model compiled for one engine and thread count,
 * with its input and output memory allocated once and bound.
 */
public interface Runner extends AutoCloseable {

    /** Runs the model once on the fixed input; returns when the outputs are written. */
    void run();

    /**
     * The values of the checked output (one float32 output chosen by the model) after the
     * last run, to compare engines.
     *
     * @return a copy of the values
     */
    float[] output();

    /** Releases the compiled model and its memory. */
    @Override
    void close();
}
