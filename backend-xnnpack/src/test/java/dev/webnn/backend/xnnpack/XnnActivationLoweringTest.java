package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLClampOptions;
import dev.webnn.MLEluOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLHardSigmoidOptions;
import dev.webnn.MLLeakyReluOptions;
import dev.webnn.MLLinearOptions;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.testing.Ulp;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The activation and element-wise unary operators on the xnnpack backend: graphs built and
 * run through the public API, compared with values worked out from the spec's formulas.
 */
class XnnActivationLoweringTest extends OneThreadXnnpackTest {

    /** Inputs covering both signs, halves (rounding ties), zeros of both signs and large magnitudes. */
    private static final float[] MIXED = {-7.25f, -2.5f, -1.5f, -0.5f, -0.0f, 0.0f, 0.5f, 1.5f, 2.5f, 3.75f, 1e-3f, -40f};

    /** Builds {@code op(x)} for an input {@code x} of {@code shape}, runs it on {@code data}. */
    private static float[] run(long[] shape, float[] data, BiFunction<MLGraphBuilder, MLOperand, MLOperand> op) {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, shape));
        return runGraph(b, Map.of("x", data), op.apply(b, x));
    }

    /** Runs a one-output graph on the given inputs. */
    private static float[] runGraph(MLGraphBuilder b, Map<String, float[]> inputs, MLOperand output) {
        return runGraph(b, inputs, Map.of("y", output)).get("y");
    }

    /** Runs a graph on the given inputs; the values of each output by name. */
    private static Map<String, float[]> runGraph(MLGraphBuilder b, Map<String, float[]> inputs,
            Map<String, MLOperand> outputs) {
        try (MLGraph graph = b.build(outputs); Arena arena = Arena.ofConfined()) {
            Map<String, MemorySegment> in = new LinkedHashMap<>();
            inputs.forEach((name, values) -> in.put(name, arena.allocateFrom(JAVA_FLOAT, values)));
            Map<String, MemorySegment> out = new LinkedHashMap<>();
            outputs.forEach((name, operand) -> out.put(name,
                    arena.allocate(JAVA_FLOAT, Arrays.stream(operand.shape()).reduce(1, (p, d) -> p * d))));
            context.compute(graph, in, out);
            Map<String, float[]> results = new LinkedHashMap<>();
            out.forEach((name, segment) -> results.put(name, segment.toArray(JAVA_FLOAT)));
            return results;
        }
    }

    private static float[] map(float[] values, DoubleUnaryOperator f) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) f.applyAsDouble(values[i]);
        }
        return result;
    }

    /** Element-wise comparison within {@code ulps} ({@link Ulp}); infinities and NaN must match exactly. */
    private static void assertClose(float[] expected, float[] actual, int ulps) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Float.isFinite(expected[i])) {
                long distance = Ulp.distance(expected[i], actual[i]);
                assertTrue(distance <= ulps, "element " + i + ": expected " + expected[i] + ", got " + actual[i] + " ("
                        + distance + " ULP)");
            } else {
                assertEquals(expected[i], actual[i], "element " + i);
            }
        }
    }

    private static long[] shape(long... dims) {
        return dims;
    }

    @Test
    void roundingAndSignOperatorsAreExact() {
        long[] s = shape(3, 4);
        assertArrayEquals(map(MIXED, Math::abs), run(s, MIXED, MLGraphBuilder::abs));
        assertArrayEquals(map(MIXED, x -> -x), run(s, MIXED, MLGraphBuilder::neg));
        assertArrayEquals(map(MIXED, Math::ceil), run(s, MIXED, MLGraphBuilder::ceil));
        assertArrayEquals(map(MIXED, Math::floor), run(s, MIXED, MLGraphBuilder::floor));
        // Math.rint rounds halves to even, as roundEven
        assertArrayEquals(map(MIXED, Math::rint), run(s, MIXED, MLGraphBuilder::roundEven));
        assertArrayEquals(MIXED, run(s, MIXED, MLGraphBuilder::identity));
    }

    @Test
    void negFlipsTheSignOfZeros() {
        float[] in = {0.0f, -0.0f, 1.5f, Float.NEGATIVE_INFINITY, Float.NaN};
        assertArrayEquals(new float[] {-0.0f, 0.0f, -1.5f, Float.POSITIVE_INFINITY, Float.NaN},
                run(shape(5), in, MLGraphBuilder::neg));
    }

    @Test
    void sqrtIsRightOverTheWholeFloatRange() {
        float[] in = {0f, 1e-30f, 2f, 1e20f, 9e37f, 3e38f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, -1f, Float.NaN};
        assertClose(map(in, Math::sqrt), run(shape(10), in, MLGraphBuilder::sqrt), 1);
    }

    @Test
    void sigmoidSaturatesForHugeMagnitudes() {
        float[] in = {-3e38f, -1e30f, -9e26f, -150f, -20f, 0f, 20f, 150f, 9e26f, 1e30f, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.NaN};
        float[] expected = map(in, x -> 1 / (Math.exp(-x) + 1));
        float[] actual = run(shape(13), in, MLGraphBuilder::sigmoid);
        assertClose(expected, actual, 8);
    }

    @Test
    void signIsZeroForZerosAndNaN() {
        float[] in = {-3f, -0.0f, 0.0f, Float.NaN, 1e-30f, Float.NEGATIVE_INFINITY};
        assertArrayEquals(new float[] {-1, 0, 0, 0, 1, -1}, run(shape(6), in, MLGraphBuilder::sign));
    }

    @Test
    void exactOperatorsKeepNaNAndInfinity() {
        float[] in = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2f};
        assertArrayEquals(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 2f},
                run(shape(4), in, MLGraphBuilder::abs));
        assertArrayEquals(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2f},
                run(shape(4), in, MLGraphBuilder::floor));
        assertArrayEquals(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -2f},
                run(shape(4), in, MLGraphBuilder::neg));
    }

    @Test
    void transcendentalOperatorsMatchTheirFormulas() {
        float[] in = {-9f, -3f, -1f, -0.25f, 0f, 0.25f, 1f, 2.5f, 6f, 15f};
        long[] s = shape(2, 5);
        assertClose(map(in, Math::exp), run(s, in, MLGraphBuilder::exp), 4);
        assertClose(map(in, x -> 1 / (Math.exp(-x) + 1)), run(s, in, MLGraphBuilder::sigmoid), 8);
        assertClose(map(in, Math::tanh), run(s, in, MLGraphBuilder::tanh), 8);
        float[] positive = {1e-6f, 0.01f, 0.5f, 1f, 2f, 10f, 123.5f, 1e6f, 3e38f, 7f};
        float[] moderate = {1e-6f, 0.01f, 0.5f, 1f, 2f, 10f, 123.5f, 1e6f, 2e38f, 7f};
        assertClose(map(moderate, Math::log), run(s, moderate, MLGraphBuilder::log), 4);
        // WPT allows sqrt 1 ULP; XNNPACK's x86 kernel refines a reciprocal square root estimate
        assertClose(map(positive, Math::sqrt), run(s, positive, MLGraphBuilder::sqrt), 1);
        assertArrayEquals(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.NaN},
                run(shape(3), new float[] {-1f, 0f, Float.NaN}, MLGraphBuilder::log));
    }

    @Test
    void eluAndLeakyReluUseAlpha() {
        float[] in = {-5f, -1f, -0.1f, 0f, 0.1f, 2f};
        long[] s = shape(6);
        assertClose(map(in, x -> x >= 0 ? x : Math.expm1(x)), run(s, in, MLGraphBuilder::elu), 4);
        assertClose(map(in, x -> x >= 0 ? x : 0.5 * Math.expm1(x)),
                run(s, in, (b, x) -> b.elu(x, MLEluOptions.defaults().withAlpha(0.5))), 4);
        assertArrayEquals(map(in, x -> x >= 0 ? x : 0.01f * (float) x), run(s, in, MLGraphBuilder::leakyRelu));
        assertArrayEquals(map(in, x -> x >= 0 ? x : 3f * (float) x),
                run(s, in, (b, x) -> b.leakyRelu(x, MLLeakyReluOptions.defaults().withAlpha(3))));
    }

    @Test
    void hardSwishAndHardSigmoid() {
        float[] in = {-4f, -3f, -2.9999f, -2.99f, -2.7f, -1.5f, 0f, 1f, 2.5f, 3f, 5f, 3e38f};
        long[] s = shape(2, 3, 2);
        assertClose(map(in, x -> x * Math.max(0, Math.min(6, x + 3)) / 6), run(s, in, MLGraphBuilder::hardSwish), 4);
        assertClose(map(in, x -> Math.max(0, Math.min(1, 0.2f * (float) x + 0.5f))),
                run(s, in, MLGraphBuilder::hardSigmoid), 2);
        assertClose(map(in, x -> Math.max(0, Math.min(1, -0.75f * (float) x + 0.25f))),
                run(s, in, (b, x) -> b.hardSigmoid(x, MLHardSigmoidOptions.defaults().withAlpha(-0.75).withBeta(0.25))), 2);
    }

    @Test
    void linearIsAlphaTimesXPlusBeta() {
        float[] in = {-2f, -0.5f, 0f, 1f, 3.25f, 100f};
        assertArrayEquals(map(in, x -> 2.5f * (float) x - 1f),
                run(shape(6), in, (b, x) -> b.linear(x, MLLinearOptions.defaults().withAlpha(2.5).withBeta(-1))));
        assertArrayEquals(in, run(shape(3, 2), in, MLGraphBuilder::linear));
        // a scalar
        assertArrayEquals(new float[] {7f},
                run(shape(), new float[] {2f}, (b, x) -> b.linear(x, MLLinearOptions.defaults().withAlpha(3).withBeta(1))));
    }

    @Test
    void softsignIsXOverOnePlusAbsX() {
        float[] in = {-1e30f, -3f, -1f, -0.25f, 0f, 0.25f, 1f, 7f};
        assertClose(map(in, x -> x / (1 + Math.abs(x))), run(shape(8), in, MLGraphBuilder::softsign), 3);
    }

    @Test
    void reluAndClamp() {
        long[] s = shape(3, 4);
        assertClose(map(MIXED, x -> Math.max(0, x)), run(s, MIXED, MLGraphBuilder::relu), 0);
        assertArrayEquals(map(MIXED, x -> Math.min(Math.max(x, -1.5), 2)),
                run(s, MIXED, (b, x) -> b.clamp(x, MLClampOptions.defaults().withMinValue(-1.5).withMaxValue(2))));
        assertArrayEquals(map(MIXED, x -> Math.min(x, 0.25)),
                run(s, MIXED, (b, x) -> b.clamp(x, MLClampOptions.defaults().withMaxValue(0.25))));
        assertArrayEquals(map(MIXED, x -> Math.max(x, 1)),
                run(s, MIXED, (b, x) -> b.clamp(x, MLClampOptions.defaults().withMinValue(1))));
        assertArrayEquals(MIXED, run(s, MIXED, MLGraphBuilder::clamp));
        assertArrayEquals(new float[] {3, 3, 3}, run(shape(3), new float[] {-1, 3, 9},
                (b, x) -> b.clamp(x, MLClampOptions.defaults().withMinValue(3).withMaxValue(3))));
    }

    @Test
    void clampWithNaNMinimumKeepsTheInput() {
        float[] in = {-3e35f, -2f, 0f, 1f, 2147483647f};
        assertArrayEquals(in, run(shape(5), in, (b, x) -> b.clamp(x, MLClampOptions.defaults().withMinValue(Double.NaN))));
    }

    @Test
    void chainedClampsWithDisjointRangesAreComposedNotIntersected() {
        float[] in = {-4f, 0.5f, 9f};
        assertArrayEquals(new float[] {2, 2, 2}, run(shape(3), in, (b, x) -> b.clamp(
                b.clamp(x, MLClampOptions.defaults().withMinValue(0).withMaxValue(1)),
                MLClampOptions.defaults().withMinValue(2).withMaxValue(3))));
        assertArrayEquals(new float[] {0, 0, 0}, run(shape(3), in, (b, x) -> b.relu(
                b.clamp(x, MLClampOptions.defaults().withMinValue(-5).withMaxValue(-1)))));
        assertArrayEquals(new float[] {2, 2, 2}, run(shape(3), in, (b, x) -> b.clamp(b.hardSigmoid(x),
                MLClampOptions.defaults().withMinValue(2))));
        // a NaN bound is no bound, also when ranges are fused
        assertArrayEquals(new float[] {2, 2, 2}, run(shape(3), in, (b, x) -> b.clamp(
                b.clamp(x, MLClampOptions.defaults().withMinValue(Double.NaN).withMaxValue(1)),
                MLClampOptions.defaults().withMinValue(2))));
        assertArrayEquals(new float[] {0, 0.5f, 1}, run(shape(3), in, (b, x) -> b.clamp(
                b.relu(x), MLClampOptions.defaults().withMinValue(Double.NaN).withMaxValue(1))));
        // overlapping ranges: one clamp to the intersection
        assertArrayEquals(new float[] {5, 5, 9}, run(shape(3), in, (b, x) -> b.clamp(
                b.clamp(x, MLClampOptions.defaults().withMinValue(0).withMaxValue(10)),
                MLClampOptions.defaults().withMinValue(5).withMaxValue(20))));
        // the fused [5, 10] must not hide that 12 is above everything it lets through
        assertArrayEquals(new float[] {12, 12, 12}, run(shape(3), in, (b, x) -> b.clamp(b.clamp(
                b.clamp(x, MLClampOptions.defaults().withMinValue(0).withMaxValue(10)),
                MLClampOptions.defaults().withMinValue(5).withMaxValue(20)),
                MLClampOptions.defaults().withMinValue(12).withMaxValue(30))));
    }

    @Test
    void preluBroadcastsTheSlopeBothWays() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 3));
        MLOperand slope = b.constant(MLOperandDescriptor.of(FLOAT32, 3), new float[] {0.5f, 2f, -1f});
        assertArrayEquals(new float[] {-0.5f, 2f, 3f, -2f, 0f, 6f},
                runGraph(b, Map.of("x", new float[] {-1, 2, -3, -4, 0, 6}), b.prelu(x, slope)));

        MLGraphBuilder b2 = new MLGraphBuilder(context);
        MLOperand x2 = b2.input("x", MLOperandDescriptor.of(FLOAT32, 3));
        MLOperand slope2 = b2.input("slope", MLOperandDescriptor.of(FLOAT32, 2, 1));
        assertArrayEquals(new float[] {-0.5f, 0f, 3f, 2f, 0f, 3f},
                runGraph(b2, Map.of("x", new float[] {-1, 0, 3}, "slope", new float[] {0.5f, -2f}), b2.prelu(x2, slope2)));
    }

    @Test
    void powWithTensorAndScalarExponents() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand base = b.input("a", MLOperandDescriptor.of(FLOAT32, 2, 2));
        MLOperand exponent = b.input("b", MLOperandDescriptor.of(FLOAT32, 2, 2));
        float[] bases = {2f, 9f, 1.5f, -2f};
        float[] exponents = {10f, 0.5f, -2f, 3f};
        float[] expected = {1024f, 3f, (float) Math.pow(1.5, -2), -8f};
        assertClose(expected, runGraph(b, Map.of("a", bases, "b", exponents), b.pow(base, exponent)), 2);

        float[] squares = run(shape(4), bases, (g, a) -> g.pow(a, g.constant(FLOAT32, 2)));
        assertArrayEquals(new float[] {4f, 81f, 2.25f, 4f}, squares);
    }

    @Test
    void softmaxOnTheLastAxis() {
        float[] in = {1f, 2f, 3f, -1f, 0f, 1000f};
        float[] actual = run(shape(2, 3), in, (b, x) -> b.softmax(x, 1));
        assertClose(softmax(in, new long[] {2, 3}, 1), actual, 12);
        assertEquals(1f, actual[5], 0f);
    }

    @Test
    void softmaxOnOtherAxesIsTransposedAroundXnnpacksLastAxisKernel() {
        float[] in = new float[24];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(i * 1.7) * 3;
        }
        long[] s = {2, 3, 4};
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            assertClose(softmax(in, s, a), run(s, in, (b, x) -> b.softmax(x, a)), 3 * (int) s[a] + 3);
        }
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand constant = b.constant(MLOperandDescriptor.of(FLOAT32, s), in);
        assertClose(softmax(in, s, 1), runGraph(b, Map.of(), b.softmax(constant, 1)), 12);
    }

    @Test
    void activationsChainAndReadConstants() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 4));
        MLOperand bias = b.constant(MLOperandDescriptor.of(FLOAT32, 4), new float[] {-1, -1, 1, 1});
        MLOperand y = b.relu(b.add(b.neg(b.abs(x)), b.identity(bias)));
        assertArrayEquals(new float[] {0, 0, 0.5f, 0}, runGraph(b, Map.of("x", new float[] {3, -0.5f, 0.5f, -2}), y));
    }

    @Test
    void unaryOperatorsOnAScalar() {
        assertArrayEquals(new float[] {(float) Math.exp(0.5)}, run(shape(), new float[] {0.5f}, MLGraphBuilder::exp));
        assertArrayEquals(new float[] {3f}, run(shape(), new float[] {-3f}, MLGraphBuilder::abs));
        assertArrayEquals(new float[] {1f}, run(shape(1), new float[] {7f}, (b, x) -> b.softmax(x, 0)));
    }

    @Test
    void supportLimitsListTheLoweredOperatorsButNotGeluOrSoftplus() {
        for (String op : new String[] {"abs", "ceil", "floor", "neg", "exp", "log", "sqrt", "sigmoid", "tanh", "relu",
            "clamp", "elu", "hardSwish", "leakyRelu", "roundEven", "sign", "identity", "linear", "hardSigmoid",
            "softsign", "prelu", "pow", "softmax"}) {
            assertTrue(context.opSupportLimits().operator(op).isPresent(), op);
        }
        assertFalse(context.opSupportLimits().operator("gelu").isPresent());
        assertFalse(context.opSupportLimits().operator("softplus").isPresent());
    }

    @Test
    void operatorsKeepTheNhwcStorageOfAnNchwConvolution() {
        // an identity 1x1 convolution: its NCHW output equals x and is stored as NHWC
        long[] s = {1, 3, 2, 2};
        float[] x = {-2f, -0.5f, 0.25f, 1f, 3f, -4f, 0.5f, 2f, -1f, 1.5f, -3f, 6f};
        float[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand conv = b.conv2d(b.input("x", MLOperandDescriptor.of(FLOAT32, s)),
                b.constant(MLOperandDescriptor.of(FLOAT32, 3, 3, 1, 1), eye));
        MLOperand slope = b.constant(MLOperandDescriptor.of(FLOAT32, 3, 1, 1), new float[] {0.5f, 2f, -1f});
        Map<String, MLOperand> outputs = new LinkedHashMap<>();
        outputs.put("sigmoid", b.sigmoid(conv));
        outputs.put("hardSwish", b.hardSwish(conv));
        outputs.put("neg", b.neg(conv));
        outputs.put("linear", b.linear(conv, MLLinearOptions.defaults().withAlpha(2).withBeta(1)));
        outputs.put("softmax1", b.softmax(conv, 1));
        outputs.put("softmax2", b.softmax(conv, 2));
        outputs.put("prelu", b.prelu(conv, slope));
        outputs.put("pow", b.pow(conv, b.abs(conv)));
        Map<String, float[]> results = runGraph(b, Map.of("x", x), outputs);

        assertClose(map(x, v -> 1 / (Math.exp(-v) + 1)), results.get("sigmoid"), 8);
        assertClose(map(x, v -> v * Math.max(0, Math.min(6, v + 3)) / 6), results.get("hardSwish"), 4);
        assertArrayEquals(map(x, v -> -v), results.get("neg"));
        assertArrayEquals(map(x, v -> 2 * v + 1), results.get("linear"));
        assertClose(softmax(x, s, 1), results.get("softmax1"), 12);
        assertClose(softmax(x, s, 2), results.get("softmax2"), 9);
        float[] slopes = {0.5f, 2f, -1f};
        float[] prelu = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            prelu[i] = x[i] < 0 ? x[i] * slopes[i / 4] : x[i];
        }
        assertArrayEquals(prelu, results.get("prelu"));
        assertClose(map(x, v -> Math.pow(v, Math.abs(v))), results.get("pow"), 2);
    }

    /** Softmax of a row-major tensor along one axis, in double precision. */
    private static float[] softmax(float[] in, long[] shape, int axis) {
        long inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int n = (int) shape[axis];
        float[] out = new float[in.length];
        for (int base = 0; base < in.length; base++) {
            if ((base / inner) % n != 0) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, in[(int) (base + k * inner)]);
            }
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += Math.exp(in[(int) (base + k * inner)] - max);
            }
            for (int k = 0; k < n; k++) {
                int i = (int) (base + k * inner);
                out[i] = (float) (Math.exp(in[i] - max) / sum);
            }
        }
        return out;
    }
}
