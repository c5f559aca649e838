package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.MLGraph;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attribute-versus-input and semantic differences between opsets, each side checked by value. */
class OpsetVariantTest extends ImportTestBase {

    private float[] run(TestModels models, float[] x) {
        try (MLGraph graph = models.read(folder).compile(context, OnnxImportOptions.defaults())) {
            return Runs.run(context, graph, "y", Map.of("x", x));
        }
    }

    private long[] shape(TestModels models) {
        try (MLGraph graph = models.read(folder).compile(context, OnnxImportOptions.defaults())) {
            return graph.outputDescriptors().get("y").shape();
        }
    }

    @Test
    void squeezeAxesAttributeBeforeOpset13InputAfter() {
        TestModels old = TestModels.opset(11).input("x", OnnxDataType.FLOAT, 1L, 3L, 1L)
                .node("Squeeze", new String[] {"x"}, new String[] {"y"}, "axes", new long[] {-1})
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new long[] {1, 3}, shape(old));
        TestModels current = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L, 3L, 1L)
                .initializer(TestModels.longs("axes", new long[] {1}, 0))
                .node("Squeeze", new String[] {"x", "axes"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new long[] {3, 1}, shape(current));
    }

    @Test
    void reduceAxesAttributeOrInputByOpset() {
        float[] x = {1, 2, 3, 4, 5, 6};
        TestModels sum11 = TestModels.opset(11).input("x", OnnxDataType.FLOAT, 2L, 3L)
                .node("ReduceSum", new String[] {"x"}, new String[] {"y"}, "axes", new long[] {1}, "keepdims", 0L)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {6, 15}, run(sum11, x));
        TestModels sum13 = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 2L, 3L)
                .initializer(TestModels.longs("axes", new long[] {1}, 0))
                .node("ReduceSum", new String[] {"x", "axes"}, new String[] {"y"}, "keepdims", 0L)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {5, 7, 9}, run(sum13, x));
        TestModels mean13 = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 2L, 3L)
                .node("ReduceMean", new String[] {"x"}, new String[] {"y"}, "axes", new long[] {0}, "keepdims", 0L)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, run(mean13, x));
        TestModels mean18 = TestModels.opset(18).input("x", OnnxDataType.FLOAT, 2L, 3L)
                .node("ReduceMean", new String[] {"x"}, new String[] {"y"}, "keepdims", 0L)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {3.5f}, run(mean18, x));
    }

    @Test
    void clipBoundsAttributesBeforeOpset11InputsAfter() {
        float[] x = {-3, -1, 0, 2, 5};
        TestModels old = TestModels.opset(7).input("x", OnnxDataType.FLOAT, 5L)
                .node("Clip", new String[] {"x"}, new String[] {"y"}, "min", -1.5f, "max", 2.5f)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {-1.5f, -1, 0, 2, 2.5f}, run(old, x));
        TestModels current = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 5L)
                .initializer(TestModels.floats("hi", new long[0], 1))
                .node("Clip", new String[] {"x", "", "hi"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {-3, -1, 0, 1, 1}, run(current, x));
    }

    @Test
    void softmaxBeforeOpset13FlattensFromTheAxis() {
        float[] x = {0, 1, 2, 3};
        TestModels old = TestModels.opset(11).input("x", OnnxDataType.FLOAT, 1L, 2L, 2L)
                .node("Softmax", new String[] {"x"}, new String[] {"y"}, "axis", 1L)
                .output("y", OnnxDataType.FLOAT);
        float[] flat = run(old, x);
        double sum = Math.exp(0) + Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.exp(i) / sum, flat[i], 1e-6);
        }
        TestModels current = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L, 2L, 2L)
                .node("Softmax", new String[] {"x"}, new String[] {"y"}, "axis", 1L)
                .output("y", OnnxDataType.FLOAT);
        float[] perAxis = run(current, x);
        double pair = Math.exp(0) + Math.exp(2);
        assertEquals(Math.exp(0) / pair, perAxis[0], 1e-6);
        assertEquals(Math.exp(2) / pair, perAxis[2], 1e-6);
    }

    @Test
    void splitSizesAttributeBeforeOpset13InputAfter() {
        float[] x = {1, 2, 3, 4, 5};
        TestModels old = TestModels.opset(11).input("x", OnnxDataType.FLOAT, 5L)
                .node("Split", new String[] {"x"}, new String[] {"a", "y"}, "split", new long[] {2, 3})
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {3, 4, 5}, run(old, x));
        TestModels current = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 5L)
                .initializer(TestModels.longs("split", new long[] {2}, 4, 1))
                .node("Split", new String[] {"x", "split"}, new String[] {"a", "y"})
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {5}, run(current, x));
    }

    @Test
    void poolCeilModeAndSamePadding() {
        float[] x = Runs.ramp(25);
        TestModels ceil = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L, 1L, 5L, 5L)
                .node("MaxPool", new String[] {"x"}, new String[] {"y"}, "kernel_shape", new long[] {2, 2},
                        "strides", new long[] {2, 2}, "ceil_mode", 1L)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {-6.5f, -4.5f, -3.5f, 3.5f, 5.5f, 6.5f, 8.5f, 10.5f, 11.5f}, run(ceil, x));
        TestModels same = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L, 1L, 5L, 5L)
                .node("AveragePool", new String[] {"x"}, new String[] {"y"}, "kernel_shape", new long[] {3, 3},
                        "strides", new long[] {2, 2}, "auto_pad", "SAME_UPPER", "count_include_pad", 1L)
                .output("y", OnnxDataType.FLOAT);
        float[] y = run(same, x);
        assertEquals(9, y.length);
        // top-left window covers x[0..1][0..1] and five zeros of padding, divided by 9
        assertEquals((-12.5f - 11.5f - 7.5f - 6.5f) / 9f, y[0], 1e-5);
    }

    @Test
    void upsampleScalesAttributeBeforeOpset9ResizeInputsAfter() {
        float[] x = {1, 2, 3, 4};
        float[] doubled = {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4};
        TestModels upsample = TestModels.opset(7).input("x", OnnxDataType.FLOAT, 1L, 1L, 2L, 2L)
                .node("Upsample", new String[] {"x"}, new String[] {"y"}, "scales", new float[] {1, 1, 2, 2})
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(doubled, run(upsample, x));
        TestModels resize = TestModels.opset(11).input("x", OnnxDataType.FLOAT, 1L, 1L, 2L, 2L)
                .initializer(TestModels.floats("roi", new long[] {0}))
                .initializer(TestModels.floats("scales", new long[] {4}, 1, 1, 2, 2))
                .node("Resize", new String[] {"x", "roi", "scales"}, new String[] {"y"}, "mode", "nearest")
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(doubled, run(resize, x));
        TestModels linear = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L, 1L, 1L, 2L)
                .initializer(TestModels.floats("scales", new long[] {4}, 1, 1, 1, 2))
                .node("Resize", new String[] {"x", "", "scales"}, new String[] {"y"}, "mode", "linear")
                .output("y", OnnxDataType.FLOAT);
        // half-pixel centres: source positions -0.25, 0.25, 0.75, 1.25, clamped at the edges
        assertArrayEquals(new float[] {1, 1.25f, 1.75f, 2}, run(linear, new float[] {1, 2}), 1e-6f);
    }

    /** GroupNormalization: scale and bias per group at opset 18, per channel at 21; LpNormalization. */
    @Test
    void groupNormalizationScalePerGroupThenPerChannel() {
        float[] x = {1, 3, 2, 6}; // [1, 2 channels, 2]: one group per channel
        TestModels per18 = TestModels.opset(18).input("x", OnnxDataType.FLOAT, 1L, 2L, 2L)
                .initializer(TestModels.floats("scale", new long[] {2}, 1, 2))
                .initializer(TestModels.floats("bias", new long[] {2}, 0, 10))
                .node("GroupNormalization", new String[] {"x", "scale", "bias"}, new String[] {"y"}, "num_groups", 2L,
                        "epsilon", 0f)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {-1, 1, 8, 12}, run(per18, x), 1e-5f);
        TestModels per21 = TestModels.opset(21).input("x", OnnxDataType.FLOAT, 1L, 2L, 2L)
                .initializer(TestModels.floats("scale", new long[] {2}, 1, 2))
                .initializer(TestModels.floats("bias", new long[] {2}, 0, 10))
                .node("GroupNormalization", new String[] {"x", "scale", "bias"}, new String[] {"y"}, "num_groups", 1L,
                        "epsilon", 0f)
                .output("y", OnnxDataType.FLOAT);
        // one group over all four values: mean 3, standard deviation sqrt(3.5)
        double sd = Math.sqrt(3.5);
        assertArrayEquals(new float[] {(float) (-2 / sd), 0, (float) (2 * -1 / sd + 10), (float) (2 * 3 / sd + 10)},
                run(per21, x), 1e-5f);
        TestModels lp = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L, 2L, 2L)
                .node("LpNormalization", new String[] {"x"}, new String[] {"y"}, "p", 1L)
                .output("y", OnnxDataType.FLOAT);
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.25f, 0.75f}, run(lp, x), 1e-6f);
    }
}
