package dev.webnn.samples.bench;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLOperandDataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reference engine: an ONNX file run by ONNX Runtime's own Java API (JNI), with the
 * settings of our {@code onnxruntime} backend (intra-op threads = N, one inter-op thread,
 * {@code ORT_ENABLE_ALL}). Inputs and outputs are {@link OnnxTensor}s over direct buffers,
 * created once; the outputs are pinned so that ORT writes into them.
 *
 * <p>ONNX Runtime's Java API loads its own copy of {@code libonnxruntime.so} (extracted from the
 * same jar to a temporary folder) next to the one our backend loads; the two copies are
 * independent and run side by side in one JVM.
 */
public final class OrtJavaRunner implements Runner {

    /** The backend's system property naming the file each compiled model is written to. */
    static final String SAVE_MODEL_PROPERTY = "webnn.onnxruntime.saveModel";

    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final FloatBuffer checked;

    private OrtJavaRunner(OrtSession session, Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> outputs, FloatBuffer checked) {
        this.session = session;
        this.inputs = Map.copyOf(inputs);
        this.outputs = Map.copyOf(outputs);
        this.checked = checked;
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
     * Opens an ONNX file with ONNX Runtime's Java API and binds the inputs. One untimed run
     * tells the output shapes (which may depend on the inputs'); their buffers are then pinned.
     *
     * @param file the {@code .onnx} file
     * @param threads intra-op threads
     * @param values a value for every model input, by name; the tensors refer to this memory
     * @param checkedOutput the float32 output whose values {@link #output()} returns
     * @return the runner, owning its session and tensors
     * @throws UnsupportedOperationException if an input's data type has no Java API equivalent
     * @throws IllegalStateException if ONNX Runtime rejects the model or its inputs
     */
    public static OrtJavaRunner open(Path file, int threads, Map<String, BenchTensor> values, String checkedOutput) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            OrtSession session = session(file, threads);
            owned.add(session);
            Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
            for (String name : session.getInputNames()) {
                BenchTensor value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for model input " + name);
                }
                OnnxTensor input = OnnxTensor.createTensor(environment, value.data().asByteBuffer().order(ByteOrder.nativeOrder()),
                        value.descriptor().shape(), javaType(value.descriptor().dataType()));
                owned.add(input);
                inputs.put(name, input);
            }
            Map<String, OnnxTensor> outputs = new LinkedHashMap<>();
            FloatBuffer checked = null;
            try (OrtSession.Result first = session.run(inputs)) {
                for (Map.Entry<String, OnnxValue> result : first) {
                    TensorInfo info = (TensorInfo) result.getValue().getInfo();
                    ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(Math.multiplyExact(info.getNumElements(),
                            info.type.size))).order(ByteOrder.nativeOrder());
                    OnnxTensor output = OnnxTensor.createTensor(environment, buffer, info.getShape(), info.type);
                    owned.add(output);
                    outputs.put(result.getKey(), output);
                    if (result.getKey().equals(checkedOutput) && info.type == OnnxJavaType.FLOAT) {
                        checked = buffer.asFloatBuffer();
                    }
                }
            }
            if (checked == null) {
                throw new IllegalArgumentException("the model has no float32 output " + checkedOutput + ": " + outputs.keySet());
            }
            return new OrtJavaRunner(session, inputs, outputs, checked);
        } catch (OrtException | RuntimeException e) {
            for (AutoCloseable resource : owned.reversed()) {
                try {
                    resource.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof UnsupportedOperationException unsupported) {
                throw unsupported;
            }
            throw new IllegalStateException("ONNX Runtime's Java API cannot run " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an ONNX file with ONNX Runtime's Java API and the backend's settings:
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

    /** The Java API's element type of a WebNN data type. */
    private static OnnxJavaType javaType(MLOperandDataType type) {
        return switch (type) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case INT8 -> OnnxJavaType.INT8;
            case UINT8 -> OnnxJavaType.UINT8;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            default -> throw new UnsupportedOperationException("ONNX Runtime's Java API has no " + type + " tensors");
        };
    }

    @Override
    public void run() {
        try {
            // the outputs are pinned: ORT writes into their buffers, the result owns nothing else
            session.run(inputs, outputs).close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime's Java API failed: " + e.getMessage(), e);
        }
    }

    @Override
    public float[] output() {
        float[] values = new float[checked.capacity()];
        checked.get(0, values);
        return values;
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        outputs.values().forEach(OnnxTensor::close);
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
