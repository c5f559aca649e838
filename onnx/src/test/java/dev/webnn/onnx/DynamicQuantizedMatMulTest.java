package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.testing.QuantizedProducts;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime's dynamically quantized MatMul (DynamicQuantizeLinear, MatMulInteger, Cast and
 * the two scale Muls) imports as a matmul of the float activations and the dequantized int8
 * weights: XNNPACK, which has no run-time quantizeLinear, then runs the whole model, and every
 * engine (ONNX Runtime's Java API on the file included) stays within the activations'
 * quantization error of the float product.
 */
class DynamicQuantizedMatMulTest extends ImportTestBase {

    private static final int M = 3;
    private static final int K = 8;
    private static final int N = 4;

    private final Random random = new Random(5);
    private final float[] x = new float[M * K];
    private final byte[] weights = new byte[K * N];
    private final byte[] zeroPoints = {0, 3, -2, 1};
    private final float[] scales = {0.02f, 0.01f, 0.03f, 0.015f};

    DynamicQuantizedMatMulTest() {
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 4 - 1;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (random.nextInt(200) - 100);
        }
    }

    /** The quantized MatMul; with {@code castAlsoOutput} the Cast's result is a graph output too. */
    private Path model(boolean castAlsoOutput) {
        TestModels model = TestModels.opset(11)
                .input("x", OnnxDataType.FLOAT, (long) M, (long) K)
                .initializer(TestModels.tensor("w", OnnxDataType.INT8, new long[] {K, N})
                        .setRawData(ByteString.copyFrom(weights)).build())
                .initializer(TestModels.tensor("w_zero_point", OnnxDataType.INT8, new long[] {N})
                        .setRawData(ByteString.copyFrom(zeroPoints)).build())
                .initializer(TestModels.floats("w_scale", new long[] {N}, scales))
                .node("DynamicQuantizeLinear", new String[] {"x"}, new String[] {"q", "s", "zp"})
                .node("MatMulInteger", new String[] {"q", "w", "zp", "w_zero_point"}, new String[] {"product"})
                .node("Cast", new String[] {"product"}, new String[] {"c"}, "to", (long) OnnxDataType.FLOAT.code())
                .node("Mul", new String[] {"s", "w_scale"}, new String[] {"scale"})
                .node("Mul", new String[] {"c", "scale"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT, (long) M, (long) N);
        if (castAlsoOutput) {
            model.output("c", OnnxDataType.FLOAT, (long) M, (long) N);
        }
        return model.write(folder);
    }

    /** The weights dequantized, (w - zero point) × scale, in double. */
    private double[] dequantizedWeights() {
        double[] w = new double[K * N];
        for (int i = 0; i < w.length; i++) {
            w[i] = (weights[i] - zeroPoints[i % N]) * (double) scales[i % N];
        }
        return w;
    }

    /**
     * Asserts y within the error of rounding x to uint8 over its whole range (the coarsest
     * rounding any engine applies: DynamicQuantizeLinear's one scale per tensor) of the float
     * product ({@link QuantizedProducts}).
     */
    private void assertNearFloatProduct(float[] y, String engine) {
        QuantizedProducts.assertWithinActivationRounding(x, dequantizedWeights(), M, K, N, false, y, engine);
    }

    @Test
    void importsAsAMatmulOfDequantizedWeightsThatXnnpackRunsWhole() throws OrtException {
        Path file = model(false);
        OnnxModel model = OnnxModel.read(file);
        try (MLContext xnnpack = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack").withNumThreads(1))) {
            assertEquals(List.of(), model.check(xnnpack, OnnxImportOptions.defaults()));
            try (MLGraph graph = model.compile(xnnpack, OnnxImportOptions.defaults())) {
                assertNearFloatProduct(Runs.run(xnnpack, graph, "y", Map.of("x", x)), "xnnpack");
            }
        }
        try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults())) {
            assertNearFloatProduct(Runs.run(context, graph, "y", Map.of("x", x)), "onnxruntime");
        }
        assertNearFloatProduct(ortJava(file, "y"), "ONNX Runtime's Java API");
    }

    @Test
    void aChainWhoseIntermediateIsReadElsewhereIsImportedOpByOp() throws OrtException {
        Path file = model(true);
        OnnxModel model = OnnxModel.read(file);
        try (MLContext xnnpack = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack").withNumThreads(1))) {
            List<OnnxUnsupported> gaps = model.check(xnnpack, OnnxImportOptions.defaults());
            assertTrue(gaps.stream().anyMatch(gap -> gap.opType().equals("DynamicQuantizeLinear")), gaps.toString());
        }
        try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults()); Arena arena = Arena.ofConfined()) {
            MemorySegment y = arena.allocate(ValueLayout.JAVA_FLOAT, M * N);
            MemorySegment c = arena.allocate(ValueLayout.JAVA_FLOAT, M * N);
            context.compute(graph, Map.of("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, x)), Map.of("y", y, "c", c));
            assertNearFloatProduct(y.toArray(ValueLayout.JAVA_FLOAT), "onnxruntime, op by op");
            // the integer product of the quantized activations, exactly as ONNX Runtime's kernels compute it
            assertArrayEquals(ortJava(file, "c"), c.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    private float[] ortJava(Path file, String output) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(x), new long[] {M, K});
             OrtSession.Result result = session.run(Map.of("x", input))) {
            FloatBuffer values = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
            float[] elements = new float[values.remaining()];
            values.get(elements);
            return elements;
        }
    }
}
