package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.backend.onnxruntime.OrtElementwiseLoweringTest.extremum;
import static dev.webnn.backend.onnxruntime.OrtElementwiseLoweringTest.nearLimits;
import static dev.webnn.backend.onnxruntime.OrtElementwiseLoweringTest.unary;
import static dev.webnn.backend.onnxruntime.GraphRunner.bitVector;
import static dev.webnn.backend.onnxruntime.GraphRunner.tensor;
import static dev.webnn.backend.onnxruntime.GraphRunner.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.webnn.MLEluOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLHardSigmoidOptions;
import dev.webnn.MLLeakyReluOptions;
import dev.webnn.MLLinearOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.backend.onnxruntime.GraphRunner.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The activation operators on ONNX Runtime: hand-computed cases for each, prelu's
 * compositions (bidirectional broadcasting, integer types) and every claimed data type
 * checked against a reference.
 */
class OrtActivationLoweringTest {

    private static final double LN3 = Math.log(3);

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void elu() {
        assertArrayEquals(new double[] {Math.exp(-1) - 1, 0, 2}, runner.run((g, x) -> g.elu(x[0]),
                vector(FLOAT32, -1, 0, 2)), 1e-7);
        assertArrayEquals(new double[] {0.5 * (Math.exp(-2) - 1), 3}, runner.run((g, x) -> g.elu(x[0],
                MLEluOptions.defaults().withAlpha(0.5)), vector(FLOAT32, -2, 3)), 1e-7);
    }

    @Test
    void geluIsTheExactErfForm() {
        // 0.5 x (1 + erf(x / sqrt 2)): erf(1/sqrt 2) = 0.6826894921370859
        assertArrayEquals(new double[] {-0.5 * (1 - 0.6826894921370859), 0, 0.5 * (1 + 0.6826894921370859)},
                runner.run((g, x) -> g.gelu(x[0]), vector(FLOAT32, -1, 0, 1)), 1e-7);
    }

    @Test
    void hardSigmoidAndHardSwish() {
        assertArrayEquals(new double[] {0, 0.5, 0.7, 1}, runner.run((g, x) -> g.hardSigmoid(x[0]),
                vector(FLOAT32, -3, 0, 1, 3)), 1e-7);
        assertArrayEquals(new double[] {0, 0.5, 1}, runner.run((g, x) -> g.hardSigmoid(x[0],
                MLHardSigmoidOptions.defaults().withAlpha(1).withBeta(0.5)), vector(FLOAT32, -1, 0, 1)), 1e-7);
        assertArrayEquals(new double[] {0, -1 / 3.0, 2 / 3.0, 4}, runner.run((g, x) -> g.hardSwish(x[0]),
                vector(FLOAT32, -4, -1, 1, 4)), 1e-7);
    }

    @Test
    void leakyReluAndLinear() {
        assertArrayEquals(new double[] {-0.02, 3}, runner.run((g, x) -> g.leakyRelu(x[0]), vector(FLOAT32, -2, 3)), 1e-8);
        assertArrayEquals(new double[] {-1, 3}, runner.run((g, x) -> g.leakyRelu(x[0],
                MLLeakyReluOptions.defaults().withAlpha(0.5)), vector(FLOAT32, -2, 3)));
        assertArrayEquals(new double[] {-1, 2}, runner.run((g, x) -> g.linear(x[0],
                MLLinearOptions.defaults().withAlpha(2).withBeta(1)), vector(FLOAT32, -1, 0.5)));
        assertArrayEquals(new double[] {-1, 0.5}, runner.run((g, x) -> g.linear(x[0]), vector(FLOAT32, -1, 0.5)));
    }

    @Test
    void preluBroadcastsTheSlopeBothWays() {
        // slope broadcast to the input: ONNX PRelu
        assertArrayEquals(new double[] {-0.5, 2, -0.5, 4}, runner.run((g, x) -> g.prelu(x[0], x[1]),
                tensor(FLOAT32, new long[] {2, 2}, -1, 2, -1, 4), vector(FLOAT32, 0.5, 3)));
        // slope of a larger shape than the input
        assertArrayEquals(new double[] {-0.5, 2, -3, 2}, runner.run((g, x) -> g.prelu(x[0], x[1]),
                vector(FLOAT32, -1, 2), tensor(FLOAT32, new long[] {2, 1}, 0.5, 3)));
        assertArrayEquals(new double[] {-0.5, 2, -3, 2}, runner.run((g, x) -> g.prelu(x[0], x[1]),
                vector(FLOAT16, -1, 2), tensor(FLOAT16, new long[] {2, 1}, 0.5, 3)));
    }

    @Test
    void integerPreluAndReluWrapLikeTheirType() {
        assertArrayEquals(new double[] {-15, 7, -44}, runner.run((g, x) -> g.prelu(x[0], x[1]),
                vector(INT8, -5, 7, -100), vector(INT8, 3, 3, 3)));
        assertArrayEquals(new double[] {-10, 7, 0}, runner.run((g, x) -> g.prelu(x[0], x[1]),
                vector(INT32, -5, 7, 0), vector(INT32, 2)));
        assertArrayEquals(new double[] {10, 7, -4_000_000_000.0}, runner.run((g, x) -> g.prelu(x[0], x[1]),
                vector(INT64, -5, 7, -2_000_000_000), vector(INT64, -2, 5, 2)));
        assertArrayEquals(new double[] {0, 7, 0, 127}, runner.run((g, x) -> g.relu(x[0]), vector(INT8, -5, 7, -128, 127)));
        assertArrayEquals(new double[] {0, 0x1p62}, runner.run((g, x) -> g.relu(x[0]), vector(INT64, -0x1p62, 0x1p62)));
    }

    @Test
    void int64ReluBeyondTheInt32Range() {
        // Lowered as Max(x, 0), ONNX Runtime gave relu(4e9) = 0 for tensors of two or more elements.
        assertArrayEquals(new double[] {4e9, 0, 0x1p31, 3, 0}, runner.run((g, x) -> g.relu(x[0]),
                vector(INT64, 4e9, -4e9, 0x1p31, 3, -0x1p31)));
    }

    @TestFactory
    Stream<DynamicTest> reluNearTheLimitsOfEveryIntegerType() {
        return runner.context().opSupportLimits().operator("relu").orElseThrow().get("input").dataTypes().stream()
                .filter(OrtElementwiseLoweringTest::isInteger)
                .map(type -> dynamicTest("relu " + type, () -> {
                    long[] values = nearLimits(type);
                    long[] expected = Arrays.stream(values).map(v -> extremum(type, true, v, 0)).toArray();
                    assertArrayEquals(expected, runner.result((g, x) -> g.relu(x[0]), bitVector(type, values)).bits());
                }));
    }

    @Test
    void reluSigmoidTanhSoftplusSoftsign() {
        assertArrayEquals(new double[] {0, 0, 2.5}, runner.run((g, x) -> g.relu(x[0]), vector(FLOAT32, -1, 0, 2.5)));
        assertArrayEquals(new double[] {0.5, 0.75}, runner.run((g, x) -> g.sigmoid(x[0]), vector(FLOAT32, 0, LN3)), 1e-7);
        assertArrayEquals(new double[] {0, 0.5, -0.5}, runner.run((g, x) -> g.tanh(x[0]),
                vector(FLOAT32, 0, 0.5493061443340549, -0.5493061443340549)), 1e-7);
        assertArrayEquals(new double[] {Math.log(2), Math.log(4), 100}, runner.run((g, x) -> g.softplus(x[0]),
                vector(FLOAT32, 0, LN3, 100)), 1e-6);
        assertArrayEquals(new double[] {-0.75, 0.5}, runner.run((g, x) -> g.softsign(x[0]), vector(FLOAT32, -3, 1)));
    }

    @Test
    void softmaxAlongTheGivenAxis() {
        Values x = tensor(FLOAT32, new long[] {2, 2}, 0, LN3, 0, 0);
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, runner.run((g, o) -> g.softmax(o[0], 1), x), 1e-7);
        assertArrayEquals(new double[] {0.5, 0.75, 0.5, 0.25}, runner.run((g, o) -> g.softmax(o[0], 0), x), 1e-7);
        // a middle axis of a rank-3 input
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 0.5}, runner.run((g, o) -> g.softmax(o[0], 1),
                tensor(FLOAT32, new long[] {1, 2, 2}, 0, 0, LN3, 0)), 1e-7);
    }

    // ---- data-type coverage of what opSupportLimits claims ----

    @Test
    void claimsEverySpecDataType() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        for (String op : List.of("elu", "gelu", "hardSigmoid", "hardSwish", "leakyRelu", "linear", "prelu", "relu",
                "sigmoid", "softmax", "softplus", "softsign", "tanh")) {
            assertEquals(MLOpSupportLimits.specification().operator(op).orElseThrow(), limits.operator(op).orElseThrow(), op);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyClaimedType() {
        double[] x = {-2, -0.5, 0, 1.5};
        List<DynamicTest> tests = new ArrayList<>();
        unary(runner, tests, "elu", MLGraphBuilder::elu, x, v -> v > 0 ? v : Math.exp(v) - 1);
        unary(runner, tests, "gelu", MLGraphBuilder::gelu, new double[] {-1, 0, 1},
                v -> v == 0 ? 0 : 0.5 * v * (1 + Math.signum(v) * 0.6826894921370859));
        unary(runner, tests, "hardSigmoid", MLGraphBuilder::hardSigmoid, x, v -> Math.max(0, Math.min(1, 0.2 * v + 0.5)));
        unary(runner, tests, "hardSwish", MLGraphBuilder::hardSwish, x, v -> v * Math.max(0, Math.min(6, v + 3)) / 6);
        unary(runner, tests, "leakyRelu", (g, o) -> g.leakyRelu(o, MLLeakyReluOptions.defaults().withAlpha(0.5)), x,
                v -> v > 0 ? v : 0.5 * v);
        unary(runner, tests, "linear", (g, o) -> g.linear(o, MLLinearOptions.defaults().withAlpha(2).withBeta(0.25)), x,
                v -> 2 * v + 0.25);
        unary(runner, tests, "relu", MLGraphBuilder::relu, new double[] {-2, 0, 3}, v -> Math.max(0, v));
        unary(runner, tests, "prelu", (g, o) -> g.prelu(o, g.constant(o.dataType(), 3)), new double[] {-2, 0, 3},
                v -> v < 0 ? 3 * v : v);
        unary(runner, tests, "sigmoid", MLGraphBuilder::sigmoid, x, v -> 1 / (1 + Math.exp(-v)));
        unary(runner, tests, "softmax", (g, o) -> g.softmax(o, 0), new double[] {0, LN3}, v -> v == 0 ? 0.25 : 0.75);
        unary(runner, tests, "softplus", MLGraphBuilder::softplus, x, v -> Math.log1p(Math.exp(v)));
        unary(runner, tests, "softsign", MLGraphBuilder::softsign, x, v -> v / (1 + Math.abs(v)));
        unary(runner, tests, "tanh", MLGraphBuilder::tanh, x, Math::tanh);
        return tests.stream();
    }
}
