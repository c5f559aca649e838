package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
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
 * The reductions the XNNPACK backend composes from several nodes, run through the public
 * API against the spec's formulas computed in double.
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
}
