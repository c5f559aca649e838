package dev.webnn.samples.jmh;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.webnn.samples.bench.OrtJavaRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference for {@link DispatchBenchmark}: the same one-operation graph, exported by the
 * {@code onnxruntime} backend ({@code webnn.onnxruntime.saveModel}) and run by ONNX Runtime's
 * own Java API (JNI) on one thread, inputs and a pinned output as {@link OnnxTensor}s over
 * direct buffers created once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class OrtJavaRunBenchmark {

    private OrtSession session;
    private OnnxTensor a;
    private OnnxTensor b;
    private OnnxTensor c;
    private Map<String, OnnxTensor> inputs;
    private Map<String, OnnxTensor> outputs;

    /** Created by JMH. */
    public OrtJavaRunBenchmark() {
    }

    /**
     * Exports the graph and opens it with ONNX Runtime's Java API.
     *
     * @throws IOException if the temporary model file cannot be made
     * @throws OrtException if ONNX Runtime rejects the model
     */
    @Setup
    public void setUp() throws IOException, OrtException {
        Path model = Files.createTempFile("webnn-tiny", ".onnx");
        OrtJavaRunner.export(model, context -> TinyGraph.build(context).close());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try {
            session = OrtJavaRunner.session(model, 1);
        } finally {
            Files.delete(model);
        }
        long[] shape = TinyGraph.DESCRIPTOR.shape();
        a = OnnxTensor.createTensor(environment, floats(1, 2, 3, 4, 5, 6, 7, 8), shape);
        b = OnnxTensor.createTensor(environment, floats(1, 2, 3, 4, 5, 6, 7, 8), shape);
        c = OnnxTensor.createTensor(environment, floats(new float[8]), shape);
        inputs = Map.of("a", a, "b", b);
        outputs = Map.of("c", c);
    }

    /**
     * Closes the tensors and the session.
     *
     * @throws OrtException if ONNX Runtime fails to close the session
     */
    @TearDown
    public void tearDown() throws OrtException {
        a.close();
        b.close();
        c.close();
        session.close();
    }

    /**
     * One run with the output pinned.
     *
     * @throws OrtException if the run fails
     */
    @Benchmark
    public void run() throws OrtException {
        session.run(inputs, outputs).close(); // c's buffer holds the sum
    }

    private static FloatBuffer floats(float... values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        return buffer.put(values).flip();
    }
}
