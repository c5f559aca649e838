package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.testing.QuantizedProducts;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * matmul of float32 activations and dequantizeLinear of constant int8/uint8 weights runs on
 * ONNX Runtime's integer kernels (DynamicQuantizeLinear and MatMulInteger in the model it is
 * given, no DequantizeLinear), within the error of rounding the activations to uint8 of the
 * float product; weights that are not per tensor or per column keep the float path, exact.
 * Quantized conv2d filters are dequantized at compile time: a float Conv, exact, and no
 * DequantizeLinear at run time.
 */
class OrtQuantizedWeightsTest {

    private static final int M = 5;
    private static final int K = 16;
    private static final int N = 6;

    @TempDir
    Path temp;

    private final Random random = new Random(11);

    /** Runs {@code x × dequantizeLinear(w, scale, zeroPoint)}; saves the model it hands ONNX Runtime to {@code saved}. */
    private float[] run(float[] x, MLOperandDataType type, byte[] w, long[] scaleShape, float[] scale, byte[] zeroPoint,
                        Path saved) {
        return run(x, new long[] {M, K}, (b, in) -> b.matmul(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(type, K, N), w), b.constant(MLOperandDescriptor.of(FLOAT32, scaleShape), scale),
                b.constant(MLOperandDescriptor.of(type, scaleShape), zeroPoint))), saved);
    }

    /** Runs {@code f(x)} for x of {@code shape}; saves the model it hands ONNX Runtime to {@code saved}. */
    private static float[] run(float[] x, long[] shape, BiFunction<MLGraphBuilder, MLOperand, MLOperand> f, Path saved) {
        String previous = System.setProperty(OnnxRuntimeContext.SAVE_MODEL_PROPERTY, saved.toString());
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand y = f.apply(b, b.input("x", MLOperandDescriptor.of(FLOAT32, shape)));
            try (MLGraph graph = b.build(Map.of("y", y))) {
                MemorySegment out = arena.allocate(MLOperandDescriptor.of(FLOAT32, y.shape()).byteLength());
                context.compute(graph, Map.of("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, x)), Map.of("y", out));
                return out.toArray(ValueLayout.JAVA_FLOAT);
            }
        } finally {
            if (previous == null) {
                System.clearProperty(OnnxRuntimeContext.SAVE_MODEL_PROPERTY);
            } else {
                System.setProperty(OnnxRuntimeContext.SAVE_MODEL_PROPERTY, previous);
            }
        }
    }

    private float[] activations() {
        float[] x = new float[M * K];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 3 - 1;
        }
        return x;
    }

    private byte[] bytes(int count) {
        byte[] values = new byte[count];
        random.nextBytes(values);
        return values;
    }

    private static String operators(Path model) throws IOException {
        return new String(Files.readAllBytes(model), StandardCharsets.ISO_8859_1);
    }

    /**
     * Asserts y within the error of rounding x to uint8 with one scale ({@link QuantizedProducts})
     * and not exact (so x was quantized).
     */
    private static void assertQuantizedProduct(float[] x, double[] w, float[] y) {
        double largest = QuantizedProducts.assertWithinActivationRounding(x, w, M, K, N, false, y, "onnxruntime");
        assertTrue(largest > 1e-5, "no rounding of the activations: largest error " + largest);
    }

    @Test
    void perColumnInt8WeightsRunMatMulInteger() throws IOException {
        float[] x = activations();
        byte[] w = bytes(K * N);
        byte[] zeroPoint = {0, 1, -1, 2, 0, -3};
        float[] scale = {0.01f, 0.02f, 0.015f, 0.01f, 0.03f, 0.005f};
        Path saved = temp.resolve("per-column.onnx");
        float[] y = run(x, INT8, w, new long[] {1, N}, scale, zeroPoint, saved);
        double[] dequantized = new double[K * N];
        for (int i = 0; i < dequantized.length; i++) {
            dequantized[i] = (w[i] - zeroPoint[i % N]) * (double) scale[i % N];
        }
        assertQuantizedProduct(x, dequantized, y);
        String model = operators(saved);
        assertTrue(model.contains("DynamicQuantizeLinear") && model.contains("MatMulInteger"), "the saved model's operators");
        assertFalse(model.contains("DequantizeLinear"), "the weights are not dequantized by a node");
    }

    @Test
    void perTensorUint8WeightsRunMatMulInteger() throws IOException {
        float[] x = activations();
        byte[] w = bytes(K * N);
        Path saved = temp.resolve("per-tensor.onnx");
        float[] y = run(x, UINT8, w, new long[] {1, 1}, new float[] {0.02f}, new byte[] {(byte) 128}, saved);
        double[] dequantized = new double[K * N];
        for (int i = 0; i < dequantized.length; i++) {
            dequantized[i] = (Byte.toUnsignedInt(w[i]) - 128) * 0.02;
        }
        assertQuantizedProduct(x, dequantized, y);
        assertTrue(operators(saved).contains("MatMulInteger"), "the saved model's operators");
    }

    @Test
    void blockWiseWeightsKeepTheExactFloatProduct() throws IOException {
        float[] x = activations();
        byte[] w = bytes(K * N);
        // two blocks of rows: not per column
        Path saved = temp.resolve("blocks.onnx");
        float[] y = run(x, INT8, w, new long[] {2, 1}, new float[] {0.01f, 0.02f}, new byte[] {0, 0}, saved);
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < N; n++) {
                double expected = 0;
                for (int k = 0; k < K; k++) {
                    expected += x[m * K + k] * (double) (w[k * N + n] * (k < K / 2 ? 0.01f : 0.02f));
                }
                assertEquals(expected, y[m * N + n], 1e-5, "y[" + m + "][" + n + "]");
            }
        }
        assertFalse(operators(saved).contains("MatMulInteger"), "the saved model's operators");
    }

    @Test
    void quantizedConv2dFiltersAreDequantizedAtCompileTime() throws IOException {
        // x [1, 2, 3, 3], int8 filter [3, 2, 1, 1] with one scale per output channel: y[o] = sum_c x[c] * w[o][c] * s[o]
        float[] x = new float[18];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5f - 4;
        }
        byte[] w = {10, -20, 30, 40, -50, 60};
        float[] scale = {0.5f, 0.25f, 0.125f};
        Path saved = temp.resolve("conv.onnx");
        float[] y = run(x, new long[] {1, 2, 3, 3}, (b, in) -> b.conv2d(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(INT8, 3, 2, 1, 1), w),
                b.constant(MLOperandDescriptor.of(FLOAT32, 3, 1, 1, 1), scale),
                b.constant(MLOperandDescriptor.of(INT8, 3, 1, 1, 1), new byte[3]))), saved);
        for (int o = 0; o < 3; o++) {
            for (int p = 0; p < 9; p++) {
                double expected = x[p] * w[o * 2] * scale[o] + x[9 + p] * w[o * 2 + 1] * scale[o];
                assertEquals(expected, y[o * 9 + p], 1e-5, "y[" + o + "][" + p + "]");
            }
        }
        String model = operators(saved);
        assertTrue(model.contains("Conv"), "the saved model's operators");
        assertFalse(model.contains("DequantizeLinear"), "the filter is not dequantized by a node");
    }
}
