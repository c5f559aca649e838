package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT64;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebNN graphs compiled to ONNX Runtime sessions and run through the public API. */
class OnnxRuntimeBackendTest {

    private final MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1));

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void broadcastingAddRunsOnCallerMemoryWithoutCopies() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 3));
        MLOperand bias = b.constant(MLOperandDescriptor.of(FLOAT32, 3), new float[] {10, 20, 30});
        try (MLGraph graph = b.build(Map.of("y", b.add(x, bias))); Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(JAVA_FLOAT, 1, 2, 3, 4, 5, 6);
            MemorySegment out = arena.allocate(JAVA_FLOAT, 6);
            for (int run = 0; run < 3; run++) {
                in.setAtIndex(JAVA_FLOAT, 0, run);
                context.compute(graph, Map.of("x", in), Map.of("y", out));
                assertArrayEquals(new float[] {10 + run, 22, 33, 14, 25, 36}, out.toArray(JAVA_FLOAT));
            }
        }
    }

    @Test
    void int64AdditionDispatchesOnTensors() {
        MLOperandDescriptor desc = MLOperandDescriptor.of(INT64, 2);
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand a = b.input("a", desc);
        MLOperand c = b.input("c", desc);
        try (MLGraph graph = b.build(Map.of("d", b.add(a, c)))) {
            MLTensor ta = context.createTensor(MLTensorDescriptor.writable(desc));
            MLTensor tc = context.createTensor(MLTensorDescriptor.writable(desc));
            MLTensor td = context.createTensor(MLTensorDescriptor.readable(desc));
            context.writeTensor(ta, MemorySegment.ofArray(new long[] {Long.MAX_VALUE - 5, 5}));
            context.writeTensor(tc, MemorySegment.ofArray(new long[] {1, -7}));
            context.dispatch(graph, Map.of("a", ta, "c", tc), Map.of("d", td));
            assertArrayEquals(new long[] {Long.MAX_VALUE - 4, -2}, context.readTensor(td).toArray(JAVA_LONG));
        }
    }

    @Test
    void theSameOperandCanBeSeveralOutputs() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1));
        MLOperand twice = b.add(x, x);
        try (MLGraph graph = b.build(Map.of("p", twice, "q", twice)); Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(JAVA_FLOAT, 1);
            MemorySegment q = arena.allocate(JAVA_FLOAT, 1);
            context.compute(graph, Map.of("x", arena.allocateFrom(JAVA_FLOAT, 1.5f)), Map.of("p", p, "q", q));
            assertEquals(3f, p.get(JAVA_FLOAT, 0));
            assertEquals(3f, q.get(JAVA_FLOAT, 0));
        }
    }

    @Test
    void optimizationLevelComesFromASystemPropertyAndEveryLevelRuns() {
        try {
            for (String level : new String[] {"disabled", "basic", "extended", "layout", "all"}) {
                System.setProperty(OnnxRuntimeContext.OPTIMIZATION_LEVEL_PROPERTY, level);
                try (MLContext c = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
                     Arena arena = Arena.ofConfined()) {
                    MLGraphBuilder b = new MLGraphBuilder(c);
                    MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2));
                    try (MLGraph graph = b.build(Map.of("y", b.add(x, x)))) {
                        MemorySegment out = arena.allocate(JAVA_FLOAT, 2);
                        c.compute(graph, Map.of("x", arena.allocateFrom(JAVA_FLOAT, 1, 2)), Map.of("y", out));
                        assertArrayEquals(new float[] {2, 4}, out.toArray(JAVA_FLOAT), level);
                    }
                }
            }
            System.setProperty(OnnxRuntimeContext.OPTIMIZATION_LEVEL_PROPERTY, "fastest");
            dev.webnn.MLTypeError e = org.junit.jupiter.api.Assertions.assertThrows(dev.webnn.MLTypeError.class,
                    () -> ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime")));
            assertEquals("webnn.onnxruntime.optimizationLevel is 'fastest'; use disabled, basic, extended, layout or all",
                    e.getMessage());
        } finally {
            System.clearProperty(OnnxRuntimeContext.OPTIMIZATION_LEVEL_PROPERTY);
        }
    }

    @Test
    void savesTheBuiltModelWhenAskedAndOnnxRuntimesJavaApiRunsIt(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("add.onnx");
        float[] constant = new float[64];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = i;
        }
        System.setProperty(OnnxRuntimeContext.SAVE_MODEL_PROPERTY, file.toString());
        try {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 64));
            b.build(Map.of("y", b.add(x, b.constant(MLOperandDescriptor.of(FLOAT32, 64), constant)))).close();
        } finally {
            System.clearProperty(OnnxRuntimeContext.SAVE_MODEL_PROPERTY);
        }
        assertTrue(Files.size(file) > 256, "the model with its 256-byte initializer was written");
        float[] ones = new float[64];
        Arrays.fill(ones, 1f);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(ones), new long[] {64});
             OrtSession.Result result = session.run(Map.of("x", input))) {
            float[] y = ((OnnxTensor) result.get("y").orElseThrow()).getFloatBuffer().array();
            for (int i = 0; i < y.length; i++) {
                assertEquals(i + 1f, y[i]);
            }
        }
    }
}
