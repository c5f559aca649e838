package dev.webnn.samples.bench;

/**
 * One benchmark configuration ready to run: a model compiled for one engine and thread count,
 * with its input and output memory allocated once and bound.
 */
public interface Runner extends AutoCloseable {

    /** The name of the graph output of every benchmarked model. */
    String OUTPUT = "output";

    /** Runs the model once on the fixed input; returns when the output is written. */
    void run();

    /**
     * The output of the last run.
     *
     * @return a copy of the output values
     */
    float[] output();

    /** Releases the compiled model and its memory. */
    @Override
    void close();
}
