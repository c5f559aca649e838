package dev.webnn.samples.bench;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A model on a WebNN context, run the spec's way: {@code dispatch} on input and output
 * {@link MLTensor}s created and written once.
 */
public final class WebnnRunner implements Runner {

    private final MLContext context;
    private final MLGraph graph;
    private final Map<String, MLTensor> inputs;
    private final Map<String, MLTensor> outputs;
    private final MLTensor checked;

    private WebnnRunner(MLContext context, MLGraph graph, Map<String, MLTensor> inputs, Map<String, MLTensor> outputs,
            MLTensor checked) {
        this.context = context;
        this.graph = graph;
        this.inputs = Map.copyOf(inputs);
        this.outputs = Map.copyOf(outputs);
        this.checked = checked;
    }

    /**
     * Compiles a model on an engine's context and binds its inputs and outputs.
     *
     * @param engine the engine (see {@link Engines#open})
     * @param threads {@code numThreads} of the context
     * @param compile builds and compiles the model on the context
     * @param values a value for every graph input, by name
     * @param checkedOutput the float32 output whose values {@link #output()} returns
     * @return the runner, owning its context
     * @throws dev.webnn.MLNotSupportedError if the engine cannot run the model
     * @throws IllegalArgumentException if an input has no value or a value of another type or
     *     shape, or the checked output is not a float32 output of the graph
     */
    public static WebnnRunner open(String engine, int threads, Function<MLContext, MLGraph> compile,
            Map<String, BenchTensor> values, String checkedOutput) {
        MLContext context = Engines.open(engine, threads);
        try {
            MLGraph graph = compile.apply(context);
            Map<String, MLTensor> inputs = new LinkedHashMap<>();
            graph.inputDescriptors().forEach((name, descriptor) -> {
                BenchTensor value = values.get(name);
                if (value == null || !value.descriptor().equals(descriptor)) {
                    throw new IllegalArgumentException("graph input " + name + " takes " + descriptor + ", the bench has "
                            + (value == null ? "no value" : value.descriptor()));
                }
                MLTensor input = context.createTensor(MLTensorDescriptor.writable(descriptor));
                context.writeTensor(input, value.data());
                inputs.put(name, input);
            });
            Map<String, MLTensor> outputs = new LinkedHashMap<>();
            graph.outputDescriptors().forEach((name, descriptor) ->
                    outputs.put(name, context.createTensor(MLTensorDescriptor.readable(descriptor))));
            MLOperandDescriptor checked = graph.outputDescriptors().get(checkedOutput);
            if (checked == null || checked.dataType() != MLOperandDataType.FLOAT32) {
                throw new IllegalArgumentException("the graph has no float32 output " + checkedOutput + ": "
                        + graph.outputDescriptors());
            }
            return new WebnnRunner(context, graph, inputs, outputs, outputs.get(checkedOutput));
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    @Override
    public void run() {
        context.dispatch(graph, inputs, outputs);
    }

    @Override
    public float[] output() {
        return context.readTensor(checked).toArray(ValueLayout.JAVA_FLOAT);
    }

    @Override
    public void close() {
        context.close();
    }
}
