package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.backend.onnxruntime.GraphRunner.vector;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLEluOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.testing.Ulp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Float32 sigmoid, hardSwish and elu stay within their WPT ULP budgets over a dense sweep of
 * inputs, including the ranges where ONNX Runtime's own kernels are not (regressions found
 * by the differential fuzzer: sigmoid(-11.75) was 0.65% off, hardSwish(-2.875) 15 ULP,
 * elu(-0.00625) 64 ULP).
 */
class ActivationAccuracyTest {

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    /** -30 to 30 in steps of 1/64, and ±2^-k for small magnitudes. */
    private static double[] sweep() {
        List<Double> values = new ArrayList<>();
        for (int i = -30 * 64; i <= 30 * 64; i++) {
            values.add(i / 64.0);
        }
        for (int k = 1; k <= 40; k++) {
            values.add(Math.scalb(1.0, -k));
            values.add(-Math.scalb(1.0, -k));
            values.add(-0.00625 * k);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void assertWithin(String name, long budget, BiFunction<MLGraphBuilder, MLOperand[], MLOperand> op,
                              DoubleUnaryOperator reference) {
        double[] inputs = sweep();
        double[] actual = runner.run(op, vector(FLOAT32, inputs));
        long worst = 0;
        double worstInput = 0;
        for (int i = 0; i < inputs.length; i++) {
            float x = (float) inputs[i];
            float expected = (float) reference.applyAsDouble(x);
            float got = (float) actual[i];
            long distance = Ulp.distance(expected, got);
            if (distance > worst) {
                worst = distance;
                worstInput = x;
            }
        }
        assertTrue(worst <= budget, name + ": " + worst + " ULP at " + worstInput + ", WPT allows " + budget);
    }

    @Test
    void sigmoidWithinBudget() {
        assertWithin("sigmoid", 34, (g, x) -> g.sigmoid(x[0]), x -> 1 / (1 + Math.exp(-x)));
    }

    @Test
    void hardSwishWithinBudget() {
        assertWithin("hardSwish", 4, (g, x) -> g.hardSwish(x[0]), x -> x * Math.max(0, Math.min(6, x + 3)) / 6);
    }

    @Test
    void eluWithinBudget() {
        assertWithin("elu", 18, (g, x) -> g.elu(x[0], MLEluOptions.defaults().withAlpha(1.25)),
                x -> x > 0 ? x : 1.25 * Math.expm1(x));
    }
}
