package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLConv2dOptions;
import dev.webnn.MLGemmOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensorLimits;
import dev.webnn.testing.QuantizedProducts;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dequantizeLinear} of constant int8/uint8 weights feeding matmul, gemm and conv2d:
 * channelwise int8 weights run XNNPACK's dynamically quantized integer kernels, whose
 * results differ from the float reference by the activations' int8 rounding only; other
 * quantized weights are dequantized at compile time and match the float reference exactly.
 */
class XnnQuantizedWeightsTest extends OneThreadXnnpackTest {

    private static final int M = 6;
    private static final int K = 40;
    private static final int N = 12;

    private final Random random = new Random(17);

    /** Uniform values in [-1, 1). */
    private float[] activations(int count) {
        float[] x = new float[count];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    /** Signed weights covering the whole int8 range, -128 included. */
    private byte[] weights(int count) {
        byte[] w = new byte[count];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (i == 0 ? -128 : random.nextInt(256) - 128);
        }
        return w;
    }

    private static float[] scales(int count) {
        float[] s = new float[count];
        for (int i = 0; i < count; i++) {
            s[i] = 0.002f + 0.0005f * i;
        }
        return s;
    }

    /** Runs the graph {@code f(x)} on {@code x} of {@code shape} and returns its output. */
    private static float[] run(long[] shape, float[] x, Function<MLGraphBuilder, Function<MLOperand, MLOperand>> f) {
        try (Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand out = f.apply(b).apply(b.input("x", MLOperandDescriptor.of(FLOAT32, shape)));
            try (MLGraph graph = b.build(Map.of("y", out))) {
                MemorySegment y = arena.allocate(ValueLayout.JAVA_FLOAT, MLOperandDescriptor.of(FLOAT32, out.shape()).elementCount());
                context.compute(graph, Map.of("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, x)), Map.of("y", y));
                return y.toArray(ValueLayout.JAVA_FLOAT);
            }
        }
    }

    /** {@code x[M,K] × w[K,N]} in double, w given as floats. */
    private static double[] product(float[] x, double[] w) {
        double[] out = new double[M * N];
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < N; n++) {
                double sum = 0;
                for (int k = 0; k < K; k++) {
                    sum += x[m * K + k] * w[k * N + n];
                }
                out[m * N + n] = sum;
            }
        }
        return out;
    }

    /**
     * Asserts the integer kernel's result: within the error of rounding each row of x to int8
     * ({@link QuantizedProducts}) and not exact (the float path is exact to 1e-5, so a larger
     * error shows x was quantized).
     */
    private static void assertQuantizedProduct(float[] x, double[] w, float[] actual) {
        double largest = QuantizedProducts.assertWithinActivationRounding(x, w, M, K, N, true, actual, "xnnpack");
        assertTrue(largest > 1e-5, "the largest error " + largest + " shows no int8 rounding of the activations");
    }

    private static void assertExact(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "element " + i);
        }
    }

    @Test
    void matmulWithPerColumnInt8WeightsRunsTheIntegerKernel() {
        float[] x = activations(M * K);
        byte[] w = weights(K * N);
        float[] s = scales(N);
        double[] dequantized = new double[K * N];
        for (int i = 0; i < dequantized.length; i++) {
            dequantized[i] = w[i] * s[i % N];
        }
        float[] y = run(new long[] {M, K}, x, b -> in -> b.matmul(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(INT8, K, N), w), b.constant(MLOperandDescriptor.of(FLOAT32, 1, N), s),
                b.constant(MLOperandDescriptor.of(INT8, 1, N), new byte[N]))));
        assertQuantizedProduct(x, dequantized, y);
    }

    @Test
    void matmulWithUint8WeightsAndZeroPoint128RunsTheIntegerKernelOnRank3Activations() {
        float[] x = activations(M * K);
        byte[] w = weights(K * N);
        byte[] unsigned = new byte[w.length];
        double[] dequantized = new double[K * N];
        for (int i = 0; i < w.length; i++) {
            unsigned[i] = (byte) (w[i] + 128);
            dequantized[i] = w[i] * 0.01f;
        }
        float[] y = run(new long[] {2, M / 2, K}, x, b -> in -> b.matmul(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(UINT8, K, N), unsigned),
                b.constant(MLOperandDescriptor.of(FLOAT32, 1, 1), new float[] {0.01f}),
                b.constant(MLOperandDescriptor.of(UINT8, 1, 1), new byte[] {(byte) 128}))));
        assertQuantizedProduct(x, dequantized, y);
    }

    @Test
    void gemmWithTransposedPerRowInt8WeightsAndBiasRunsTheIntegerKernel() {
        float[] x = activations(M * K);
        byte[] wt = weights(N * K);
        float[] s = scales(N);
        float[] bias = activations(N);
        double[] dequantized = new double[K * N];
        for (int n = 0; n < N; n++) {
            for (int k = 0; k < K; k++) {
                dequantized[k * N + n] = wt[n * K + k] * s[n];
            }
        }
        float[] y = run(new long[] {M, K}, x, b -> in -> b.gemm(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(INT8, N, K), wt), b.constant(MLOperandDescriptor.of(FLOAT32, N, 1), s),
                b.constant(MLOperandDescriptor.of(INT8, N, 1), new byte[N])),
                MLGemmOptions.defaults().withBTranspose(true).withC(b.constant(MLOperandDescriptor.of(FLOAT32, N), bias))));
        for (int i = 0; i < y.length; i++) {
            y[i] -= bias[i % N];
        }
        assertQuantizedProduct(x, dequantized, y);
    }

    @Test
    void weightsThatAreNotChannelwiseInt8AreDequantizedAtCompileTimeExactly() {
        float[] x = activations(M * K);
        byte[] w = weights(K * N);
        // zero point 100 puts -128 - 100 out of int8; block-wise scales (two blocks of rows) are not per channel
        float[] s = {0.01f, 0.02f};
        double[] dequantized = new double[K * N];
        for (int i = 0; i < dequantized.length; i++) {
            dequantized[i] = (w[i] - 100) * s[i / N < K / 2 ? 0 : 1]; // float32, rounded once as the spec computes it
        }
        float[] y = run(new long[] {M, K}, x, b -> in -> b.matmul(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(INT8, K, N), w), b.constant(MLOperandDescriptor.of(FLOAT32, 2, 1), s),
                b.constant(MLOperandDescriptor.of(INT8, 2, 1), new byte[] {100, 100}))));
        assertExact(product(x, dequantized), y);
    }

    @ParameterizedTest(name = "{0}x{0} filter")
    @ValueSource(ints = {3, 1})
    void conv2dWithPerOutputChannelInt8FilterRunsTheIntegerKernel(int kernel) {
        // NCHW [1, 3, 5, 5] input, OIHW [4, 3, k, k] filter, per output channel scales; a 1x1 filter is a per-pixel product
        int c = 3;
        int o = 4;
        int size = 5;
        int taps = kernel * kernel;
        int pad = kernel / 2;
        float[] x = activations(c * size * size);
        byte[] w = weights(o * c * taps);
        float[] s = scales(o);
        float[] y = run(new long[] {1, c, size, size}, x, b -> in -> b.conv2d(in, b.dequantizeLinear(
                b.constant(MLOperandDescriptor.of(INT8, o, c, kernel, kernel), w),
                b.constant(MLOperandDescriptor.of(FLOAT32, o, 1, 1, 1), s),
                b.constant(MLOperandDescriptor.of(INT8, o, 1, 1, 1), new byte[o])),
                MLConv2dOptions.defaults().withPadding(pad, pad, pad, pad)));
        double halfStep = 2.0 / 255 / 2;
        double largest = 0;
        for (int oc = 0; oc < o; oc++) {
            double sumAbs = 0;
            for (int i = 0; i < c * taps; i++) {
                sumAbs += Math.abs(w[oc * c * taps + i] * s[oc]);
            }
            for (int h = 0; h < size; h++) {
                for (int v = 0; v < size; v++) {
                    double expected = 0;
                    for (int ic = 0; ic < c; ic++) {
                        for (int kh = 0; kh < kernel; kh++) {
                            for (int kw = 0; kw < kernel; kw++) {
                                int ih = h + kh - pad;
                                int iw = v + kw - pad;
                                if (ih >= 0 && ih < size && iw >= 0 && iw < size) {
                                    expected += x[(ic * size + ih) * size + iw] * w[((oc * c + ic) * kernel + kh) * kernel + kw]
                                            * s[oc];
                                }
                            }
                        }
                    }
                    double error = Math.abs(expected - y[(oc * size + h) * size + v]);
                    assertTrue(error <= halfStep * sumAbs + 1e-5, "channel " + oc + " (" + h + ", " + v + "): " + error);
                    largest = Math.max(largest, error);
                }
            }
        }
        assertTrue(largest > 1e-5, "the largest error " + largest + " shows no int8 rounding of the activations");
    }

    @Test
    void dequantizeLinearOfAnInputIsRefusedAndTheLimitsNameTheQuantizedTypes() {
        Map<String, MLTensorLimits> limits = context.opSupportLimits().operator("dequantizeLinear").orElseThrow();
        assertEquals(Set.of(INT8, UINT8), limits.get("input").dataTypes());
        assertEquals(Set.of(FLOAT32), limits.get("scale").dataTypes());
        assertTrue(context.opSupportLimits().constant().dataTypes().contains(INT8));
        assertTrue(!context.opSupportLimits().input().dataTypes().contains(MLOperandDataType.INT8));
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand q = b.input("q", MLOperandDescriptor.of(INT8, 2, 2));
        MLNotSupportedError error = assertThrows(MLNotSupportedError.class, () -> b.build(Map.of("y",
                b.dequantizeLinear(q, b.constant(MLOperandDescriptor.of(FLOAT32, 1, 1), new float[] {1}),
                        b.constant(MLOperandDescriptor.of(INT8, 1, 1), new byte[1])))));
        assertTrue(error.getMessage().contains("graph input"), error.getMessage());
    }
}
