package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInstanceNormalizationOptions;
import dev.webnn.MLLayerNormalizationOptions;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLReduceOptions;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The reductions and normalizations the XNNPACK backend composes from several nodes, run
 * through the public API against the spec's formulas computed in double.
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
                        java.util.Arrays.stream(out.shape()).reduce(1, (p, d) -> p * d));
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
        assertClose(overAxis1(Math::exp, Math::log), run((b, x) -> b.reduceLogSumExp(x, axis1)));
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
        double[] exp = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            abs[i] = Math.abs(X[i]);
            exp[i] = X[i];
        }
        assertClose(abs, run((b, x) -> b.reduceL1(x, none)));
        assertClose(abs, run((b, x) -> b.reduceL2(x, none)));
        assertClose(exp, run((b, x) -> b.reduceLogSumExp(x, none)));
    }

    /** The spec's normalization of X over the axes selected by {@code group}, scale and bias by {@code feature}. */
    private static double[] normalized(java.util.function.IntUnaryOperator group, java.util.function.IntUnaryOperator feature,
            double epsilon, float[] scale, float[] bias) {
        Map<Integer, double[]> stats = new HashMap<>();
        for (int i = 0; i < X.length; i++) {
            double[] s = stats.computeIfAbsent(group.applyAsInt(i), g -> new double[3]);
            s[0] += X[i];
            s[2]++;
        }
        for (int i = 0; i < X.length; i++) {
            double[] s = stats.get(group.applyAsInt(i));
            double d = X[i] - s[0] / s[2];
            s[1] += d * d;
        }
        double[] out = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            double[] s = stats.get(group.applyAsInt(i));
            int f = feature.applyAsInt(i);
            out[i] = (X[i] - s[0] / s[2]) / Math.sqrt(s[1] / s[2] + epsilon) * scale[f] + bias[f];
        }
        return out;
    }

    @Test
    void layerNormalizationOverUnsortedAxesWithComputedScale() {
        // axes [2, 1]: scale and bias are [4, 3]; element (i, j, k) takes scale[k][j]
        float[] scale = new float[12];
        float[] bias = new float[12];
        for (int i = 0; i < 12; i++) {
            scale[i] = 0.5f + i / 8f;
            bias[i] = i % 3 - 1f;
        }
        float[] actual = run(SHAPE, X, (b, x) -> b.layerNormalization(x, MLLayerNormalizationOptions.defaults()
                .withAxes(2, 1).withEpsilon(1e-3)
                .withScale(b.input("scale", MLOperandDescriptor.of(FLOAT32, 4, 3)))
                .withBias(b.constant(MLOperandDescriptor.of(FLOAT32, 4, 3), bias))),
                Map.of("scale", scale));
        assertClose(normalized(i -> i / 12, i -> (i % 4) * 3 + (i / 4) % 3, 1e-3, scale, bias), actual);
    }

    @Test
    void layerNormalizationWithDefaultAxes() {
        float[] ones = new float[12];
        java.util.Arrays.fill(ones, 1);
        assertClose(normalized(i -> i / 12, i -> i % 12, 1e-5, ones, new float[12]),
                run((b, x) -> b.layerNormalization(x)));
    }

    @Test
    void instanceNormalizationInBothLayouts() {
        // X as [1, 2, 3, 4]: nchw normalizes each of the 2 channels over 3 x 4; nhwc each of the 4 over 2 x 3
        long[] shape = {1, 2, 3, 4};
        float[] scale = {1.5f, -0.5f, 2f, 0.25f};
        float[] bias = {0.5f, -1f, 0f, 3f};
        float[] nchw = run(shape, X, (b, x) -> b.instanceNormalization(x, MLInstanceNormalizationOptions.defaults()
                .withScale(b.constant(MLOperandDescriptor.of(FLOAT32, 2), new float[] {1.5f, -0.5f}))
                .withBias(b.constant(MLOperandDescriptor.of(FLOAT32, 2), new float[] {0.5f, -1f}))), Map.of());
        assertClose(normalized(i -> i / 12, i -> i / 12, 1e-5, scale, bias), nchw);
        float[] nhwc = run(shape, X, (b, x) -> b.instanceNormalization(x, MLInstanceNormalizationOptions.defaults()
                .withLayout(MLInputOperandLayout.NHWC).withEpsilon(1e-2)
                .withScale(b.input("scale", MLOperandDescriptor.of(FLOAT32, 4)))
                .withBias(b.constant(MLOperandDescriptor.of(FLOAT32, 4), bias))), Map.of("scale", scale));
        assertClose(normalized(i -> i % 4, i -> i % 4, 1e-2, scale, bias), nhwc);
    }

    @Test
    void instanceNormalizationOfAConvolutionStoredAsNhwc() {
        // a 1x1 identity convolution leaves X, stored as NHWC; the result is read back as NCHW
        long[] shape = {1, 2, 3, 4};
        float[] ones = {1, 1};
        float[] nchw = run(shape, X, (b, x) -> b.instanceNormalization(b.conv2d(x,
                b.constant(MLOperandDescriptor.of(FLOAT32, 2, 2, 1, 1), new float[] {1, 0, 0, 1}))), Map.of());
        assertClose(normalized(i -> i / 12, i -> i / 12, 1e-5, ones, new float[2]), nchw);
    }
}
