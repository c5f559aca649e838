package dev.webnn.samples.bench;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import dev.webnn.samples.models.ImageClassifier;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model on a WebNN backend, run the spec's way: {@code dispatch} on an input and an output
 * {@link MLTensor} created and written once.
 */
public final class WebnnRunner implements Runner {

    private final MLContext context;
    private final MLGraph graph;
    private final MLTensor output;
    private final Map<String, MLTensor> inputs;
    private final Map<String, MLTensor> outputs;

    private WebnnRunner(MLContext context, MLGraph graph, MLTensor input, MLTensor output, String inputName) {
        this.context = context;
        this.graph = graph;
        this.output = output;
        this.inputs = Map.of(inputName, input);
        this.outputs = Map.of(OUTPUT, output);
    }

    /**
     * Compiles a model on a backend.
     *
     * @param backend the backend name, or several joined by {@code +} for a mixed context
     *     (e.g. {@code xnnpack+onnxruntime}, the default context's list)
     * @param threads {@code numThreads} of the context
     * @param model the model
     * @param weights the model's weights folder
     * @param image the input values
     * @return the runner, owning its context
     * @throws dev.webnn.MLNotSupportedError if the backend cannot run the model
     */
    public static WebnnRunner open(String backend, int threads, ImageClassifier model, Path weights, float[] image) {
        MLContext context = ML.createContext(MLContextOptions.defaults().withBackends(backend.split("\\+")).withNumThreads(threads));
        try {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            MLGraph graph = builder.build(Map.of(OUTPUT, model.build(weights, builder)));
            MLTensor input = context.createTensor(MLTensorDescriptor.writable(model.inputDescriptor()));
            context.writeTensor(input, MemorySegment.ofArray(image));
            MLOperandDescriptor outputDescriptor = graph.outputDescriptors().get(OUTPUT);
            MLTensor output = context.createTensor(MLTensorDescriptor.readable(outputDescriptor));
            return new WebnnRunner(context, graph, input, output, model.input());
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
        return context.readTensor(output).toArray(ValueLayout.JAVA_FLOAT);
    }

    @Override
    public void close() {
        context.close();
    }
}
