package dev.webnn.samples;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a one-input, one-output float32 model on the chosen backend, runs it on an input
 * and times it: the part of {@code classify} and {@code lenet} that does not depend on the model.
 *
 * @param backend the backend that ran the model
 * @param threads the threads it was allowed
 * @param output the model's output, flattened
 * @param buildMillis how long {@code build} (compilation) took
 * @param latency the timing of {@code compute}
 */
record ModelRun(String backend, int threads, float[] output, double buildMillis, Latency latency) {

    private static final String OUTPUT = "output";

    /**
     * Builds the model, checks that the backend runs all its operators, compiles it, runs it
     * once to warm up and then {@code options.runs()} times.
     *
     * @param options backend, threads and runs
     * @param name the model's name, for messages
     * @param operators the spec names of the operators the model uses
     * @param model adds the model to a builder and returns its output; may throw
     *     {@link IllegalArgumentException} for missing or malformed weights
     * @param input the input values, as many as the model's single input has elements
     * @return the output and timings
     * @throws SampleException if the weights cannot be read (exit code 2) or the backend
     *     lacks an operator (exit code 1)
     */
    static ModelRun run(ModelOptions options, String name, Collection<String> operators,
            Function<MLGraphBuilder, MLOperand> model, float[] input) {
        int runs = options.runs();
        try (MLContext context = options.openContext(operators); Arena arena = Arena.ofConfined()) {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            MLOperand output;
            try {
                output = model.apply(builder);
            } catch (IllegalArgumentException e) {
                throw SampleException.badInput("cannot build " + name + ": " + e.getMessage(), e);
            }
            ModelOptions.requireOperators(context, name, operators);
            long start = System.nanoTime();
            try (MLGraph graph = builder.build(Map.of(OUTPUT, output))) {
                double buildMillis = (System.nanoTime() - start) / 1e6;
                Map.Entry<String, MLOperandDescriptor> in = graph.inputDescriptors().entrySet().iterator().next();
                if (in.getValue().elementCount() != input.length) {
                    throw new IllegalArgumentException(name + " takes " + in.getValue() + ", got " + input.length + " values");
                }
                MemorySegment inputData = arena.allocate(in.getValue().byteLength(), 64);
                MemorySegment.copy(input, 0, inputData, ValueLayout.JAVA_FLOAT, 0, input.length);
                MemorySegment outputData = arena.allocate(graph.outputDescriptors().get(OUTPUT).byteLength(), 64);
                Map<String, MemorySegment> inputs = Map.of(in.getKey(), inputData);
                Map<String, MemorySegment> outputs = Map.of(OUTPUT, outputData);
                Latency latency = Latency.measure(runs, () -> context.compute(graph, inputs, outputs));
                return new ModelRun(context.backendName(), context.options().numThreads(),
                        outputData.toArray(ValueLayout.JAVA_FLOAT), buildMillis, latency);
            }
        }
    }

    /**
     * Prints the backend line and the timing line.
     *
     * @param out where to print
     */
    void printTiming(PrintWriter out) {
        out.printf("backend: %s, %d thread%s; graph built in %.0f ms%n", backend, threads, threads == 1 ? "" : "s", buildMillis);
        out.println("latency: " + latency.describe());
    }
}
