package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLLayerNormalizationOptions;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLReduceOptions;
import dev.webnn.MLResample2dOptions;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The operators the XNNPACK backend composes from several nodes (reductions, erf,
 * layerNormalization) or lowers by the operands' kind (matmul), run through the public API
 * against the spec's formulas computed in double.
 */
class XnnCompositionTest {

    /** x of shape [2, 3, 4]: element (i, j, k) is a small signed, positive-summing value. */
    private static final long[] SHAPE = {2, 3, 4};
    private static final float[] X = new float[24];

    static {
        for (int i = 0; i < X.length; i++) {
            X[i] = (float) (((i * 7) % 11) - 3) / 4f + (i % 5 == 0 ? 2.5f : 0.25f);
        }
    }

    /** Runs {@code f} on input "x" (with X) and returns the output. */
    private static float[] run(long[] shape, float[] x, BiFunction<MLGraphBuilder, MLOperand, MLOperand> f,
            Map<String, float[]> extraInputs) {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
                Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand out = f.apply(b, b.input("x", MLOperandDescriptor.of(FLOAT32, shape)));
            try (MLGraph graph = b.build(Map.of("y", out))) {
                Map<String, MemorySegment> inputs = new HashMap<>();
                inputs.put("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, x));
                extraInputs.forEach((name, data) -> inputs.put(name, arena.allocateFrom(ValueLayout.JAVA_FLOAT, data)));
                MemorySegment y = arena.allocate(ValueLayout.JAVA_FLOAT,
                        Arrays.stream(out.shape()).reduce(1, (p, d) -> p * d));
                context.compute(graph, inputs, Map.of("y", y));
                return y.toArray(ValueLayout.JAVA_FLOAT);
            }
        }
    }

    private static float[] run(BiFunction<MLGraphBuilder, MLOperand, MLOperand> f) {
        return run(SHAPE, X, f, Map.of());
    }

    private static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    /** {@code post(sum(pre(x)))} over axis 1 of X, in double. */
    private static double[] overAxis1(DoubleUnaryOperator pre, DoubleUnaryOperator post) {
        double[] out = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += pre.applyAsDouble(X[i * 12 + j * 4 + k]);
                }
                out[i * 4 + k] = post.applyAsDouble(sum);
            }
        }
        return out;
    }

    @Test
    void composedReductionsOverAnAxis() {
        MLReduceOptions axis1 = MLReduceOptions.defaults().withAxes(1);
        DoubleUnaryOperator id = v -> v;
        assertClose(overAxis1(Math::abs, id), run((b, x) -> b.reduceL1(x, axis1)));
        assertClose(overAxis1(v -> v * v, id), run((b, x) -> b.reduceSumSquare(x, axis1)));
        assertClose(overAxis1(v -> v * v, Math::sqrt), run((b, x) -> b.reduceL2(x, axis1)));
        assertClose(overAxis1(id, Math::log), run((b, x) -> b.reduceLogSum(x, axis1)));
    }

    @Test
    void keptDimensionsAndEveryAxis() {
        double total = 0;
        for (float v : X) {
            total += v * (double) v;
        }
        float[] kept = run((b, x) -> {
            MLOperand y = b.reduceL2(x, MLReduceOptions.defaults().withKeepDimensions(true));
            assertArrayEquals(new long[] {1, 1, 1}, y.shape());
            return y;
        });
        assertClose(new double[] {Math.sqrt(total)}, kept);
    }

    @Test
    void emptyAxesApplyTheElementwiseSteps() {
        MLReduceOptions none = MLReduceOptions.defaults().withAxes();
        double[] abs = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            abs[i] = Math.abs(X[i]);
        }
        assertClose(abs, run((b, x) -> b.reduceL1(x, none)));
        assertClose(abs, run((b, x) -> b.reduceL2(x, none)));
    }

    /** Element (i, j, k) of X. */
    private static double x(int i, int j, int k) {
        return X[i * 12 + j * 4 + k];
    }

    @Test
    void reduceMaxAndMinOverAxesOutOfOrder() {
        double[] max = new double[3];
        double[] min = new double[3];
        for (int j = 0; j < 3; j++) {
            max[j] = Double.NEGATIVE_INFINITY;
            min[j] = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 4; k++) {
                    max[j] = Math.max(max[j], x(i, j, k));
                    min[j] = Math.min(min[j], x(i, j, k));
                }
            }
        }
        MLReduceOptions axes = MLReduceOptions.defaults().withAxes(2, 0);
        assertClose(max, run((b, x) -> b.reduceMax(x, axes)));
        assertClose(min, run((b, x) -> b.reduceMin(x, axes)));
        float[] kept = run((b, x) -> b.reduceMin(x, MLReduceOptions.defaults().withAxes(1).withKeepDimensions(true)));
        assertEquals(8, kept.length);
        assertEquals(Math.min(x(1, 0, 3), Math.min(x(1, 1, 3), x(1, 2, 3))), kept[7]);
    }

    /** B of shape [4, 5]. */
    private static final float[] B = new float[20];

    static {
        for (int i = 0; i < B.length; i++) {
            B[i] = (i % 7 - 3) / 8f;
        }
    }

    /** X [2, 3, 4] times B [4, 5], in double: [2, 3, 5]. */
    private static double[] xTimesB() {
        double[] out = new double[30];
        for (int r = 0; r < 6; r++) {
            for (int n = 0; n < 5; n++) {
                for (int k = 0; k < 4; k++) {
                    out[r * 5 + n] += X[r * 4 + k] * (double) B[k * 5 + n];
                }
            }
        }
        return out;
    }

    @Test
    void matmulWithConstantWeightsAndWithABroadcastOperand() {
        double[] expected = xTimesB();
        assertClose(expected, run((b, x) -> b.matmul(x, b.constant(MLOperandDescriptor.of(FLOAT32, 4, 5), B))));
        assertClose(expected, run((b, x) -> {
            MLOperand y = b.matmul(x, b.constant(MLOperandDescriptor.of(FLOAT32, 1, 1, 4, 5), B));
            assertArrayEquals(new long[] {1, 2, 3, 5}, y.shape());
            return y;
        }));
        assertClose(expected, run(SHAPE, X, (b, x) -> b.matmul(x, b.input("b", MLOperandDescriptor.of(FLOAT32, 4, 5))),
                Map.of("b", B)));
        assertClose(expected, run(SHAPE, X, (b, x) -> b.relu(b.matmul(x, b.input("b",
                MLOperandDescriptor.of(FLOAT32, 1, 4, 5)))), Map.of("b", B)), v -> Math.max(0, v));
        assertClose(expected, run((b, x) -> b.relu(b.matmul(x, b.constant(MLOperandDescriptor.of(FLOAT32, 4, 5), B)))),
                v -> Math.max(0, v));
    }

    @Test
    void aPerColumnConstantAddedToAConstantWeightMatmulIsItsBias() {
        float[] bias = {0.5f, -1f, 2f, -0.25f, 3f};
        double[] expected = xTimesB();
        for (int i = 0; i < expected.length; i++) {
            expected[i] += bias[i % 5];
        }
        MLOperandDescriptor column = MLOperandDescriptor.of(FLOAT32, 5);
        MLOperandDescriptor weights = MLOperandDescriptor.of(FLOAT32, 4, 5);
        assertClose(expected, run((b, x) -> b.add(b.matmul(x, b.constant(weights, B)), b.constant(column, bias))));
        assertClose(expected, run((b, x) -> b.add(b.constant(MLOperandDescriptor.of(FLOAT32, 1, 1, 5), bias),
                b.matmul(x, b.constant(weights, B)))));
        assertClose(expected, run((b, x) -> b.relu(b.add(b.matmul(x, b.constant(weights, B)), b.constant(column, bias)))),
                v -> Math.max(0, v));
        // the importer's form: rows flattened for the product, reshaped back before the add
        assertClose(expected, run((b, x) -> b.add(b.reshape(b.matmul(b.reshape(x, 6, 4), b.constant(weights, B)), 2, 3, 5),
                b.constant(column, bias))));
        // not a bias: a bias input, and a per-row constant, stay separate adds
        assertClose(expected, run(SHAPE, X, (b, x) -> b.add(b.matmul(x, b.constant(weights, B)), b.input("c", column)),
                Map.of("c", bias)));
        float[] rows = new float[15];
        double[] perRow = xTimesB();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i - 7;
        }
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] += rows[(i / 5) % 3 * 5 + i % 5];
        }
        assertClose(perRow, run((b, x) -> b.add(b.matmul(x, b.constant(weights, B)),
                b.constant(MLOperandDescriptor.of(FLOAT32, 3, 5), rows))));
    }

    @Test
    void aMatmulThatIsAlsoAGraphOutputKeepsItsAddSeparate() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
                Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand product = b.matmul(b.input("x", MLOperandDescriptor.of(FLOAT32, SHAPE)),
                    b.constant(MLOperandDescriptor.of(FLOAT32, 4, 5), B));
            MLOperand sum = b.add(product, b.constant(MLOperandDescriptor.of(FLOAT32, 5), new float[] {1, 1, 1, 1, 1}));
            try (MLGraph graph = b.build(Map.of("product", product, "sum", sum))) {
                MemorySegment p = arena.allocate(ValueLayout.JAVA_FLOAT, 30);
                MemorySegment s = arena.allocate(ValueLayout.JAVA_FLOAT, 30);
                context.compute(graph, Map.of("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, X)), Map.of("product", p, "sum", s));
                double[] expected = xTimesB();
                assertClose(expected, p.toArray(ValueLayout.JAVA_FLOAT));
                assertClose(Arrays.stream(expected).map(v -> v + 1).toArray(), s.toArray(ValueLayout.JAVA_FLOAT));
            }
        }
    }

    @Test
    void powByAConstantTwoIsAnExactSquare() {
        float[] x = {-3.5f, -0f, 0f, 1e-23f, 1.1f, 3e19f, Float.NaN, Float.NEGATIVE_INFINITY, 7.25f, -1f, 2f, 1e20f};
        float[] squared = run(new long[] {3, 4}, x, (b, in) -> b.pow(in, b.constant(MLOperandDescriptor.of(FLOAT32, 4),
                new float[] {2, 2, 2, 2})), Map.of());
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] * x[i], squared[i], "element " + i);
        }
        // an exponent that is not 2 everywhere stays a power
        float[] mixed = run(new long[] {3, 4}, x, (b, in) -> b.pow(in, b.constant(MLOperandDescriptor.of(FLOAT32, 4),
                new float[] {2, 2, 1, 2})), Map.of());
        assertEquals(x[2], mixed[2]);
        assertEquals(x[6], mixed[6]);
    }

    @Test
    void nearestNeighborResamplingByWholeFactorsReplicatesPixels() {
        // NCHW [1, 2, 2, 3] upscaled 2x vertically and 3x horizontally, then NHWC [1, 2, 3, 2] 8x by 1x
        float[] image = new float[12];
        for (int i = 0; i < image.length; i++) {
            image[i] = i + 0.5f;
        }
        float[] nchw = run(new long[] {1, 2, 2, 3}, image, (b, x) -> b.resample2d(x, MLResample2dOptions.defaults()
                .withSizes(4, 9)), Map.of());
        for (int c = 0; c < 2; c++) {
            for (int h = 0; h < 4; h++) {
                for (int w = 0; w < 9; w++) {
                    assertEquals(image[c * 6 + (h / 2) * 3 + w / 3], nchw[c * 36 + h * 9 + w], "c" + c + " h" + h + " w" + w);
                }
            }
        }
        float[] nhwc = run(new long[] {1, 2, 3, 2}, image, (b, x) -> b.resample2d(x, MLResample2dOptions.defaults()
                .withScales(8, 1).withAxes(1, 2)), Map.of());
        assertEquals(96, nhwc.length);
        for (int h = 0; h < 16; h++) {
            for (int w = 0; w < 3; w++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(image[(h / 8) * 6 + w * 2 + c], nhwc[h * 6 + w * 2 + c], "h" + h + " w" + w + " c" + c);
                }
            }
        }
    }

    @Test
    void nearestNeighborResamplingToOtherSizesIsDeclaredUnsupported() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"))) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand y = b.resample2d(b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 2, 2)),
                    MLResample2dOptions.defaults().withSizes(3, 4));
            MLNotSupportedError refusal = assertThrows(MLNotSupportedError.class, () -> b.build(Map.of("y", y)));
            assertTrue(refusal.getMessage().contains("resample2d in nearest-neighbor mode to sizes that are not whole multiples"),
                    refusal.getMessage());
        }
    }

    private static void assertClose(double[] expected, float[] actual, DoubleUnaryOperator f) {
        double[] mapped = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            mapped[i] = f.applyAsDouble(expected[i]);
        }
        assertClose(mapped, actual);
    }

    /** erf by its Taylor series, in double; 1 beyond 6, where erf rounds to 1 in float32. */
    private static double erf(double v) {
        if (Double.isNaN(v) || Math.abs(v) > 6) {
            return Double.isNaN(v) ? v : Math.signum(v);
        }
        double term = v;
        double sum = v;
        for (int n = 1; n < 200; n++) {
            term *= -v * v / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void erfWithinItsApproximationEverywhere() {
        float[] inputs = new float[2001];
        for (int i = 0; i < 2000; i++) {
            inputs[i] = (i - 1000) / 200f;
        }
        inputs[2000] = -0f;
        float[] actual = run(new long[] {inputs.length}, inputs, (b, x) -> b.erf(x), Map.of());
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(erf(inputs[i]), actual[i], 5e-7, "erf(" + inputs[i] + ")");
        }
        float[] special = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e30f, -1e-30f};
        float[] edges = run(new long[] {special.length}, special, (b, x) -> b.erf(x), Map.of());
        assertEquals(1f, edges[0]);
        assertEquals(-1f, edges[1]);
        assertTrue(Float.isNaN(edges[2]));
        assertEquals(1f, edges[3]);
        assertTrue(edges[4] <= 0 && edges[4] > -5e-7, "erf(-1e-30) = " + edges[4]);
    }

    @Test
    void layerNormalizationOverAxesInTheirGivenOrder() {
        // axes [2, 1]: scale holds dimension 2 then dimension 1, [4, 3]
        float[] scale = new float[12];
        for (int s = 0; s < 12; s++) {
            scale[s] = 0.5f + s / 8f;
        }
        double epsilon = 1e-3;
        double[] expected = new double[24];
        for (int i = 0; i < 2; i++) {
            double mean = 0;
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    mean += x(i, j, k) / 12;
                }
            }
            double variance = 0;
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    variance += (x(i, j, k) - mean) * (x(i, j, k) - mean) / 12;
                }
            }
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    expected[i * 12 + j * 4 + k] = (x(i, j, k) - mean) / Math.sqrt(variance + epsilon) * scale[k * 3 + j]
                            + 0.25;
                }
            }
        }
        float[] actual = run(SHAPE, X, (b, x) -> b.layerNormalization(x, MLLayerNormalizationOptions.defaults()
                .withAxes(2, 1).withEpsilon(epsilon).withScale(b.input("scale", MLOperandDescriptor.of(FLOAT32, 4, 3)))
                .withBias(b.constant(MLOperandDescriptor.of(FLOAT32, 4, 3), filled(12, 0.25f)))), Map.of("scale", scale));
        assertClose(expected, actual);
        float[] constantScale = run((b, x) -> b.layerNormalization(x, MLLayerNormalizationOptions.defaults()
                .withAxes(2, 1).withEpsilon(epsilon).withScale(b.constant(MLOperandDescriptor.of(FLOAT32, 4, 3), scale))
                .withBias(b.constant(MLOperandDescriptor.of(FLOAT32, 4, 3), filled(12, 0.25f)))));
        assertClose(expected, constantScale);
    }

    private static float[] filled(int count, float value) {
        float[] values = new float[count];
        Arrays.fill(values, value);
        return values;
    }
}
