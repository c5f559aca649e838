package dev.webnn.samples.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.samples.models.ImageClassifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reference column: the very model our {@code onnxruntime} backend builds, exported with
 * {@code webnn.onnxruntime.saveModel} and run by ONNX Runtime's own Java API (JNI). The session
 * uses the backend's settings (intra-op threads = N, one inter-op thread,
 * {@code ORT_ENABLE_ALL}); input and output are {@link OnnxTensor}s over direct buffers,
 * created once, the output pinned so that ORT writes into it.
 *
 * <p>ONNX Runtime's Java API loads its own copy of {@code libonnxruntime.so} (extracted from the
 * same jar to a temporary folder) next to the one our backend loads; the two copies are
 * independent and run side by side in one JVM.
 */
public final class OrtJavaRunner implements Runner {

    /** The backend's system property naming the file each compiled model is written to. */
    static final String SAVE_MODEL_PROPERTY = "webnn.onnxruntime.saveModel";

    private final OrtSession session;
    private final OnnxTensor input;
    private final OnnxTensor output;
    private final FloatBuffer outputBuffer;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;

    private OrtJavaRunner(OrtSession session, OnnxTensor input, OnnxTensor output, FloatBuffer outputBuffer, String inputName) {
        this.session = session;
        this.input = input;
        this.output = output;
        this.outputBuffer = outputBuffer;
        this.inputs = Map.of(inputName, input);
        this.outputs = Map.of(OUTPUT, output);
    }

    /**
     * Builds a model on the {@code onnxruntime} backend and writes the ONNX model it made.
     *
     * @param model the model
     * @param weights the model's weights folder
     * @param file where to write the {@code .onnx} file
     * @throws dev.webnn.MLNotSupportedError if the backend cannot build the model
     */
    public static void export(ImageClassifier model, Path weights, Path file) {
        export(file, context -> {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            builder.build(Map.of(OUTPUT, model.build(weights, builder))).close();
        });
    }

    /**
     * Lets {@code build} compile graphs on a one-thread {@code onnxruntime} context, which
     * writes the ONNX model of each graph to {@code file}.
     *
     * @param file where to write the {@code .onnx} file
     * @param build what builds the graphs on the context it is given
     * @throws dev.webnn.MLNotSupportedError if the backend cannot build a graph
     */
    public static void export(Path file, Consumer<MLContext> build) {
        String previous = System.getProperty(SAVE_MODEL_PROPERTY);
        System.setProperty(SAVE_MODEL_PROPERTY, file.toString());
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1))) {
            build.accept(context);
        } finally {
            if (previous == null) {
                System.clearProperty(SAVE_MODEL_PROPERTY);
            } else {
                System.setProperty(SAVE_MODEL_PROPERTY, previous);
            }
        }
    }

    /**
     * Opens an exported model with ONNX Runtime's Java API.
     *
     * @param file the {@code .onnx} file written by {@link #export}
     * @param threads intra-op threads
     * @param model the model, for its input name and shape
     * @param image the input values
     * @return the runner, owning its session and tensors
     * @throws IllegalStateException if ONNX Runtime rejects the model
     */
    public static OrtJavaRunner open(Path file, int threads, ImageClassifier model, float[] image) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        OnnxTensor input = null;
        try {
            session = session(file, threads);
            FloatBuffer inputBuffer = directFloats(image.length).put(image).flip();
            input = OnnxTensor.createTensor(environment, inputBuffer, model.inputDescriptor().shape());
            long[] outputShape = ((TensorInfo) session.getOutputInfo().get(OUTPUT).getInfo()).getShape();
            int outputLength = Math.toIntExact(Arrays.stream(outputShape).reduce(1, Math::multiplyExact));
            FloatBuffer outputBuffer = directFloats(outputLength);
            OnnxTensor output = OnnxTensor.createTensor(environment, outputBuffer, outputShape);
            return new OrtJavaRunner(session, input, output, outputBuffer, model.input());
        } catch (OrtException | RuntimeException e) {
            try {
                if (input != null) {
                    input.close();
                }
                if (session != null) {
                    session.close();
                }
            } catch (OrtException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("ONNX Runtime's Java API cannot run " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an exported model with ONNX Runtime's Java API and the backend's settings:
     * {@code threads} intra-op threads, one inter-op thread, {@code ORT_ENABLE_ALL}.
     *
     * @param file the {@code .onnx} file
     * @param threads intra-op threads
     * @return the session; close it after use
     * @throws OrtException if ONNX Runtime rejects the model
     */
    public static OrtSession session(Path file, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return OrtEnvironment.getEnvironment().createSession(file.toString(), options);
        }
    }

    @Override
    public void run() {
        try {
            // the output is pinned: ORT writes it into outputBuffer, the result owns nothing else
            session.run(inputs, outputs).close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime's Java API failed: " + e.getMessage(), e);
        }
    }

    @Override
    public float[] output() {
        float[] values = new float[outputBuffer.capacity()];
        outputBuffer.get(0, values);
        return values;
    }

    @Override
    public void close() {
        input.close();
        output.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(count, Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
