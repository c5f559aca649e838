package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT8;
import static dev.webnn.backend.onnxruntime.GraphRunner.bitVector;
import static dev.webnn.backend.onnxruntime.GraphRunner.tensor;
import static dev.webnn.backend.onnxruntime.GraphRunner.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLBatchNormalizationOptions;
import dev.webnn.MLConv2dFilterOperandLayout;
import dev.webnn.MLConv2dOptions;
import dev.webnn.MLConvTranspose2dFilterOperandLayout;
import dev.webnn.MLConvTranspose2dOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLInstanceNormalizationOptions;
import dev.webnn.MLInterpolationMode;
import dev.webnn.MLLayerNormalizationOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPool2dOptions;
import dev.webnn.MLResample2dOptions;
import dev.webnn.MLRoundingType;
import dev.webnn.MLTensorLimits;
import dev.webnn.backend.onnxruntime.GraphRunner.Values;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Convolution, pooling, resampling and normalization operators computed by ONNX Runtime
 * through the public API, against hand-computed values and a direct reference convolution.
 */
class OrtConvolutionLoweringTest {

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    // ---- conv2d ----

    @Test
    void conv2dSumsEachWindow() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 3, 3));
        MLOperand w = constant(b, FLOAT32, new long[] {1, 1, 2, 2}, 1, 1, 1, 1);
        float[] y = run(b, b.conv2d(x, w), Map.of("x", range(9)));
        assertArrayEquals(new float[] {8, 12, 20, 24}, y);
    }

    @Test
    void conv2dWithPaddingStridesAndBias() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 3, 3));
        MLOperand w = constant(b, FLOAT32, new long[] {1, 1, 2, 2}, 1, 1, 1, 1);
        MLOperand bias = constant(b, FLOAT32, new long[] {1}, 100);
        // Padded by one row on top and one column on the right: rows -1..2, columns 0..3.
        MLOperand y = b.conv2d(x, w, MLConv2dOptions.defaults().withPadding(1, 0, 0, 1).withStrides(2, 2).withBias(bias));
        assertArrayEquals(new long[] {1, 1, 2, 2}, y.shape());
        // windows: rows -1..0 x cols 0..1 -> 0+1; rows -1..0 x cols 2..3 -> 2; rows 1..2 x cols 0..1 -> 3+4+6+7;
        // rows 1..2 x cols 2..3 -> 5+8
        assertArrayEquals(new float[] {101, 102, 120, 113}, run(b, y, Map.of("x", range(9))));
    }

    /** Every filter layout, constant or not, in both input layouts, against the reference convolution. */
    @ParameterizedTest
    @EnumSource(MLConv2dFilterOperandLayout.class)
    void conv2dFilterLayoutsMatchTheReference(MLConv2dFilterOperandLayout filterLayout) {
        long[] inputShape = {2, 4, 5, 6};
        long[] filterShape = {6, 2, 3, 2};
        float[] input = values(2 * 4 * 5 * 6, 7);
        float[] filter = values(6 * 2 * 3 * 2, 3);
        float[] bias = values(6, 5);
        long[] padding = {1, 2, 0, 1};
        long[] strides = {2, 1};
        long[] dilations = {1, 2};
        int groups = 2;
        float[] expected = referenceConv2d(input, inputShape, filter, filterShape, bias, padding, strides, dilations, groups);
        int[] filterPerm = switch (filterLayout) {
            case OIHW -> new int[] {0, 1, 2, 3};
            case HWIO -> new int[] {2, 3, 1, 0};
            case OHWI -> new int[] {0, 2, 3, 1};
            case IHWO -> new int[] {1, 2, 3, 0};
        };
        assertEveryInputLayout(inputShape, input, filterShape, filter, filterPerm, new long[] {2, 6, 3, 5}, expected,
                (b, x, w, inputLayout) -> b.conv2d(x, w, MLConv2dOptions.defaults().withPadding(padding)
                        .withStrides(strides).withDilations(dilations).withGroups(groups).withInputLayout(inputLayout)
                        .withFilterLayout(filterLayout).withBias(constant(b, FLOAT32, new long[] {6}, bias))));
    }

    @Test
    void conv2dFloat16() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT16, 1, 3, 3, 1));
        MLOperand w = b.input("w", MLOperandDescriptor.of(FLOAT16, 2, 2, 1, 1));
        MLOperand y = b.conv2d(x, w, MLConv2dOptions.defaults().withInputLayout(MLInputOperandLayout.NHWC)
                .withFilterLayout(MLConv2dFilterOperandLayout.HWIO)
                .withBias(constant(b, FLOAT16, new long[] {1}, 0.5f)));
        assertArrayEquals(new float[] {8.5f, 12.5f, 20.5f, 24.5f}, run(b, y, Map.of("x", range(9), "w", new float[] {1, 1, 1, 1})));
    }

    // ---- convTranspose2d ----

    @Test
    void convTranspose2dScattersEachInput() {
        assertScattersEachInput(FLOAT32);
    }

    /** A 2x2 input by a 2x2 filter of ones: each input value lands on the 2x2 block below and right of it. */
    private void assertScattersEachInput(MLOperandDataType type) {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 2, 2));
        MLOperand w = constant(b, type, new long[] {1, 1, 2, 2}, 1, 1, 1, 1);
        float[] y = run(b, b.convTranspose2d(x, w), Map.of("x", new float[] {1, 2, 3, 4}));
        assertArrayEquals(new float[] {1, 3, 2, 4, 10, 6, 3, 7, 4}, y);
    }

    @Test
    void convTranspose2dOutputPaddingAndSizes() {
        // stride 2: input [1, 2] lands at columns 0 and 2 of a 1x3 result, one more (zero) column of output padding
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 1, 2));
        MLOperand w = constant(b, FLOAT32, new long[] {1, 1, 1, 1}, 10);
        MLOperand padded = b.convTranspose2d(x, w, MLConvTranspose2dOptions.defaults().withStrides(1, 2).withOutputPadding(0, 1));
        assertArrayEquals(new long[] {1, 1, 1, 4}, padded.shape());
        assertArrayEquals(new float[] {10, 0, 20, 0}, run(b, padded, Map.of("x", new float[] {1, 2})));

        MLGraphBuilder c = new MLGraphBuilder(runner.context());
        MLOperand x2 = c.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 1, 2));
        MLOperand sized = c.convTranspose2d(x2, constant(c, FLOAT32, new long[] {1, 1, 1, 1}, 10),
                MLConvTranspose2dOptions.defaults().withStrides(1, 2).withOutputSizes(1, 4));
        assertArrayEquals(new float[] {10, 0, 20, 0}, run(c, sized, Map.of("x", new float[] {1, 2})));
    }

    @ParameterizedTest
    @EnumSource(MLConvTranspose2dFilterOperandLayout.class)
    void convTranspose2dFilterLayoutsMatchTheReference(MLConvTranspose2dFilterOperandLayout filterLayout) {
        long[] inputShape = {1, 4, 3, 4};
        long[] filterShape = {4, 3, 3, 2}; // iohw: input channels, output channels per group, height, width
        float[] input = values(4 * 3 * 4, 11);
        float[] filter = values(4 * 3 * 3 * 2, 13);
        float[] bias = values(6, 17);
        long[] padding = {1, 0, 0, 2};
        long[] strides = {2, 3};
        long[] dilations = {2, 1};
        long[] outputPadding = {1, 2};
        int groups = 2;
        long[] outputSizes = {(3 - 1) * 2 + (3 - 1) * 2 + 1 - 1 + 1, (4 - 1) * 3 + (2 - 1) + 1 - 2 + 2};
        float[] expected = referenceConvTranspose2d(input, inputShape, filter, filterShape, bias, padding, strides,
                dilations, groups, outputSizes);
        int[] filterPerm = switch (filterLayout) {
            case IOHW -> new int[] {0, 1, 2, 3};
            case HWOI -> new int[] {2, 3, 1, 0};
            case OHWI -> new int[] {1, 2, 3, 0};
        };
        assertEveryInputLayout(inputShape, input, filterShape, filter, filterPerm,
                new long[] {1, 6, outputSizes[0], outputSizes[1]}, expected,
                (b, x, w, inputLayout) -> b.convTranspose2d(x, w, MLConvTranspose2dOptions.defaults().withPadding(padding)
                        .withStrides(strides).withDilations(dilations).withOutputPadding(outputPadding).withGroups(groups)
                        .withInputLayout(inputLayout).withFilterLayout(filterLayout)
                        .withBias(constant(b, FLOAT32, new long[] {6}, bias))));
    }

    /** A convolution of {@code x} by {@code w} in an input layout, made on a builder. */
    @FunctionalInterface
    private interface Convolution {
        MLOperand apply(MLGraphBuilder builder, MLOperand x, MLOperand w, MLInputOperandLayout inputLayout);
    }

    /**
     * Checks a float32 convolution in every input layout, with the filter a constant and a graph
     * input, against its NCHW reference: the input and the filter are given in NCHW and the
     * filter's reference layout, and permuted here.
     *
     * @param filterPerm the permutation of the reference filter into the filter layout under test
     * @param nchwShape the expected output shape in NCHW
     * @param expected the reference output in NCHW
     */
    private void assertEveryInputLayout(long[] inputShape, float[] input, long[] filterShape, float[] filter,
                                        int[] filterPerm, long[] nchwShape, float[] expected, Convolution convolution) {
        for (MLInputOperandLayout inputLayout : MLInputOperandLayout.values()) {
            for (boolean constantFilter : new boolean[] {true, false}) {
                int[] inputPerm = inputLayout == MLInputOperandLayout.NCHW ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3, 1};
                MLGraphBuilder b = new MLGraphBuilder(runner.context());
                MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, permute(inputShape, inputPerm)));
                long[] wShape = permute(filterShape, filterPerm);
                float[] wData = transpose(filter, filterShape, filterPerm);
                MLOperand w = constantFilter ? constant(b, FLOAT32, wShape, wData)
                        : b.input("w", MLOperandDescriptor.of(FLOAT32, wShape));
                MLOperand y = convolution.apply(b, x, w, inputLayout);
                Map<String, float[]> feeds = new LinkedHashMap<>();
                feeds.put("x", transpose(input, inputShape, inputPerm));
                if (!constantFilter) {
                    feeds.put("w", wData);
                }
                float[] actual = run(b, y, feeds);
                long[] outShape = inputLayout == MLInputOperandLayout.NCHW ? y.shape()
                        : permute(y.shape(), new int[] {0, 3, 1, 2});
                float[] nchw = inputLayout == MLInputOperandLayout.NCHW ? actual
                        : transpose(actual, y.shape(), new int[] {0, 3, 1, 2});
                assertArrayEquals(nchwShape, outShape);
                assertArrayEquals(expected, nchw, 1e-4f, inputLayout + (constantFilter ? " constant" : " input"));
            }
        }
    }

    @Test
    void convTranspose2dFloat16() {
        assertScattersEachInput(FLOAT16);
    }

    // ---- pooling ----

    @Test
    void averagePool2dDoesNotCountPadding() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 3, 3));
        MLOperand y = b.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withPadding(1, 0, 1, 0));
        assertArrayEquals(new float[] {1, 1.5f, 2.5f, 2.5f, 3, 4, 5.5f, 6, 7}, run(b, y, Map.of("x", range(1, 9))));
    }

    @Test
    void averagePool2dCeilRoundingAveragesPartialWindows() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 3, 3));
        MLOperand y = b.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withStrides(2, 2)
                .withOutputShapeRounding(MLRoundingType.CEIL));
        assertArrayEquals(new long[] {1, 1, 2, 2}, y.shape());
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, run(b, y, Map.of("x", range(1, 9))));
    }

    @Test
    void averagePool2dOutputSizesSelectTheRounding() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 3, 3, 1));
        MLOperand y = b.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withStrides(2, 2)
                .withOutputSizes(2, 2).withLayout(MLInputOperandLayout.NHWC));
        assertArrayEquals(new long[] {1, 2, 2, 1}, y.shape());
        assertArrayEquals(new float[] {3, 4.5f, 7.5f, 9}, run(b, y, Map.of("x", range(1, 9))));
    }

    @Test
    void globalAveragePool2dFloat16() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT16, 1, 2, 2, 2));
        assertArrayEquals(new float[] {2.5f, 6.5f}, run(b, b.averagePool2d(x), Map.of("x", range(1, 8))));
    }

    @Test
    void l2Pool2dTakesTheNormOfEachWindow() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 2, 3));
        MLOperand y = b.l2Pool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withPadding(0, 0, 0, 1));
        assertArrayEquals(new float[] {5, 6, 4}, run(b, y, Map.of("x", new float[] {2, 4, 0, 1, 2, 4})));
    }

    @Test
    void l2Pool2dFloat16() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT16, 1, 2, 3, 1));
        MLOperand y = b.l2Pool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withPadding(0, 0, 0, 1)
                .withLayout(MLInputOperandLayout.NHWC));
        assertArrayEquals(new float[] {5, 6, 4}, run(b, y, Map.of("x", new float[] {2, 4, 0, 1, 2, 4})));
    }

    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT32", "INT8", "UINT8", "INT32"})
    void maxPool2dWithDilationsSkipsTheCentre(MLOperandDataType type) {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 3, 3));
        MLOperand y = b.maxPool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withDilations(2, 2));
        assertArrayEquals(new float[] {8}, run(b, y, Map.of("x", new float[] {1, 2, 3, 4, 99, 5, 6, 7, 8})));
    }

    /** Padding never wins a maximum, also for negative integers. */
    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT32", "FLOAT16", "INT8"})
    void maxPool2dIgnoresPadding(MLOperandDataType type) {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 2, 2));
        MLOperand y = b.maxPool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withPadding(1, 1, 1, 1)
                .withStrides(2, 2));
        assertArrayEquals(new float[] {-5, -3, -7, -1}, run(b, y, Map.of("x", new float[] {-5, -3, -7, -1})));
    }

    /** Windows wholly in padding give 0 (webmachinelearning/webnn#935, as upstream WPT expects). */
    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT32", "FLOAT16", "INT8", "INT32"})
    void maxPool2dWindowsWhollyInPaddingGiveZero(MLOperandDataType type) {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 5, 5));
        MLOperand y = b.maxPool2d(x, ceilPoolOverPadding());
        assertArrayEquals(new float[] {-1, -3, 0, -11, -13, 0, 0, 0, 0}, run(b, y, Map.of("x", negatives(25))));
    }

    @Test
    void averagePool2dWindowsWhollyInPaddingGiveZero() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 5, 5));
        MLOperand y = b.averagePool2d(x, ceilPoolOverPadding());
        assertArrayEquals(new float[] {-4, -6.5f, 0, -16.5f, -19, 0, 0, 0, 0}, run(b, y, Map.of("x", negatives(25))));
    }

    @Test
    void l2Pool2dWindowsWhollyInPaddingGiveZero() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 5, 5));
        MLOperand y = b.l2Pool2d(x, ceilPoolOverPadding());
        float[] expected = {(float) Math.sqrt(90), (float) Math.sqrt(295), 0, (float) Math.sqrt(1735), (float) Math.sqrt(3405), 0, 0, 0, 0};
        assertArrayEquals(expected, run(b, y, Map.of("x", negatives(25))), 1e-4f);
    }

    /** Padding wider than the window, and dilations stepping over a small image, leave windows wholly in padding. */
    @Test
    void averagePool2dLargePaddingAndDilationsGiveZeroInEmptyWindows() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 2, 2, 1));
        // rows: windows start at -3, -2, -1 and 0 over 2 rows; columns: at -2, -1 and 0, dilation 3 steps over both
        MLOperand y = b.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withPadding(3, 0, 2, 2)
                .withDilations(1, 3).withLayout(MLInputOperandLayout.NHWC));
        assertArrayEquals(new long[] {1, 4, 3, 1}, y.shape());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 2, 0, 1, 3, 0, 2}, run(b, y, Map.of("x", new float[] {1, 2, 3, 4})));
    }

    /** 5x5 image, window 3, strides 3, padding 1 and ceil rounding: the third row and column of windows start at 5. */
    private static MLPool2dOptions ceilPoolOverPadding() {
        return MLPool2dOptions.defaults().withWindowDimensions(3, 3).withStrides(3, 3).withPadding(1, 1, 1, 1)
                .withOutputShapeRounding(MLRoundingType.CEIL);
    }

    @Test
    void maxPool2dUint8() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(UINT8, 1, 2, 2, 1));
        MLOperand y = b.maxPool2d(x, MLPool2dOptions.defaults().withLayout(MLInputOperandLayout.NHWC));
        assertArrayEquals(new float[] {250}, run(b, y, Map.of("x", new float[] {3, 250, 7, 200})));
    }

    /** 32-bit integers beyond float precision keep every bit, also with explicit padding. */
    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"INT32", "UINT32"})
    void maxPool2dOf32BitIntegersIsExact(MLOperandDataType type) {
        int big = type == MLOperandDataType.INT32 ? -2_000_000_001 : 0x7fff_ffff + 3;
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 2, 2));
        MLOperand y = b.maxPool2d(x, MLPool2dOptions.defaults().withWindowDimensions(1, 2).withDilations(1, 2)
                .withPadding(0, 0, 2, 0).withStrides(1, 2));
        // the only window per row reads columns -2 (padding) and 0
        assertArrayEquals(new long[] {1, 1, 2, 1}, y.shape());
        long[] out = runner.result(b, y, Map.of("x", bitVector(type, big, 1, big - 1, 7))).bits();
        assertArrayEquals(new int[] {big, big - 1}, Arrays.stream(out).mapToInt(v -> (int) v).toArray());
    }

    @Test
    void maxPool2dSupportsTheTypesOfOnnxMaxPoolAndInt32() {
        Set<MLOperandDataType> types = Set.of(FLOAT32, FLOAT16, INT8, UINT8, MLOperandDataType.INT32, MLOperandDataType.UINT32);
        assertEquals(types, runner.context().opSupportLimits().operator("maxPool2d").orElseThrow().get("input").dataTypes());
        assertEquals(types, runner.context().opSupportLimits().operator("maxPool2d").orElseThrow().get("output").dataTypes());
    }

    /**
     * Pads not smaller than the window, which ONNX Runtime's pooling rejects: rows and columns
     * 2 and 3 apart, the first window starting two rows and columns into the padding.
     */
    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT32", "FLOAT16"})
    void poolingWithPaddingAsWideAsTheWindow(MLOperandDataType type) {
        MLPool2dOptions options = MLPool2dOptions.defaults().withWindowDimensions(2, 2).withDilations(3, 3)
                .withPadding(2, 0, 2, 0);
        // the windows' rows (and columns) in the input: {1}, {2}, {0, 3}
        int[][] rows = {{1}, {2}, {0, 3}};
        float[] averages = new float[9];
        float[] norms = new float[9];
        float[] maxima = new float[9];
        for (int i = 0; i < 9; i++) {
            double sum = 0;
            double squares = 0;
            double max = Double.NEGATIVE_INFINITY;
            int count = 0;
            for (int r : rows[i / 3]) {
                for (int c : rows[i % 3]) {
                    int v = r * 4 + c;
                    sum += v;
                    squares += v * v;
                    max = Math.max(max, v);
                    count++;
                }
            }
            averages[i] = (float) (sum / count);
            norms[i] = (float) Math.sqrt(squares);
            maxima[i] = (float) max;
        }
        float tolerance = type == FLOAT16 ? 0.02f : 1e-5f;
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 4, 4));
        MLOperand average = b.averagePool2d(x, options);
        assertArrayEquals(new long[] {1, 1, 3, 3}, average.shape());
        assertArrayEquals(averages, run(b, average, Map.of("x", range(16))), tolerance);
        MLGraphBuilder c = new MLGraphBuilder(runner.context());
        MLOperand x2 = c.input("x", MLOperandDescriptor.of(type, 1, 1, 4, 4));
        assertArrayEquals(norms, run(c, c.l2Pool2d(x2, options), Map.of("x", range(16))), tolerance);
        MLGraphBuilder d = new MLGraphBuilder(runner.context());
        MLOperand x3 = d.input("x", MLOperandDescriptor.of(type, 1, 4, 4, 1));
        assertArrayEquals(maxima, run(d, d.maxPool2d(x3, options.withLayout(MLInputOperandLayout.NHWC)), Map.of("x", range(16))));
    }

    /** Rounding up can add windows entirely beyond the input, which give 0; the others are as usual. */
    @Test
    void maxPool2dCeilRoundingWithWindowsBeyondTheInput() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(INT8, 1, 1, 4, 4));
        MLOperand y = b.maxPool2d(x, MLPool2dOptions.defaults().withWindowDimensions(1, 1).withStrides(2, 2)
                .withOutputShapeRounding(MLRoundingType.CEIL));
        assertArrayEquals(new long[] {1, 1, 3, 3}, y.shape());
        assertArrayEquals(new float[] {0, 2, 0, 8, 10, 0, 0, 0, 0}, run(b, y, Map.of("x", range(16))));
    }

    // ---- resample2d ----

    @Test
    void resample2dNearestNeighbourRepeats() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 2, 2));
        MLOperand y = b.resample2d(x, MLResample2dOptions.defaults().withScales(2, 1.5f));
        assertArrayEquals(new long[] {1, 1, 4, 3}, y.shape());
        // columns: (c + 0.5) / 1.5 - 0.5 = -1/6, 1/2, 7/6 -> ceil(x - 0.5) = 0, 0, 1
        assertArrayEquals(new float[] {1, 1, 2, 1, 1, 2, 3, 3, 4, 3, 3, 4}, run(b, y, Map.of("x", new float[] {1, 2, 3, 4})));

        MLGraphBuilder c = new MLGraphBuilder(runner.context());
        MLOperand x2 = c.input("x", MLOperandDescriptor.of(FLOAT32, 1, 2, 1, 2));
        MLOperand y2 = c.resample2d(x2, MLResample2dOptions.defaults().withScales(2, 1).withAxes(3, 1));
        assertArrayEquals(new long[] {1, 2, 1, 4}, y2.shape());
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 4, 4}, run(c, y2, Map.of("x", new float[] {1, 2, 3, 4})));
    }

    /** The example of the spec's note: a 4x4 input resized linearly to 8x8. */
    @Test
    void resample2dLinearFollowsTheSpecExample() {
        float[] input = {0, 1, 2, 3, 0, 1, 2, 3, 12, 13, 14, 15, 12, 13, 14, 15};
        float[] row = {0, 0.25f, 0.75f, 1.25f, 1.75f, 2.25f, 2.75f, 3};
        float[] offsets = {0, 0, 0, 3, 9, 12, 12, 12};
        float[] expected = new float[64];
        for (int i = 0; i < 64; i++) {
            expected[i] = row[i % 8] + offsets[i / 8];
        }
        for (long[] axes : new long[][] {{2, 3}, {1, 2}, {0, 1}, {3, 0}}) {
            long[] shape = {1, 1, 1, 1};
            shape[(int) axes[0]] = 4;
            shape[(int) axes[1]] = 4;
            MLGraphBuilder b = new MLGraphBuilder(runner.context());
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, shape));
            MLOperand y = b.resample2d(x, MLResample2dOptions.defaults().withMode(MLInterpolationMode.LINEAR)
                    .withSizes(8, 8).withAxes(axes));
            float[] actual = run(b, y, Map.of("x", axes[0] < axes[1] ? input : transpose(input, new long[] {4, 4}, new int[] {1, 0})));
            if (axes[0] > axes[1]) {
                actual = transpose(actual, new long[] {8, 8}, new int[] {1, 0});
            }
            assertArrayEquals(expected, actual, 1e-6f, "axes " + axes[0] + "," + axes[1]);
        }
    }

    /** Downscaling by sizes uses the scale outputSize / inputSize, not the given scales. */
    @Test
    void resample2dScaleIsOutputOverInputSize() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 1, 3));
        // scale 0.5 gives one output; with scale 1/3 its coordinate is (0.5) * 3 - 0.5 = 1, the middle element
        MLOperand y = b.resample2d(x, MLResample2dOptions.defaults().withMode(MLInterpolationMode.LINEAR).withScales(1, 0.5f));
        assertArrayEquals(new float[] {20}, run(b, y, Map.of("x", new float[] {10, 20, 40})));
    }

    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"FLOAT16", "INT8", "UINT8"})
    void resample2dOtherTypes(MLOperandDataType type) {
        for (MLInterpolationMode mode : MLInterpolationMode.values()) {
            MLGraphBuilder b = new MLGraphBuilder(runner.context());
            MLOperand x = b.input("x", MLOperandDescriptor.of(type, 1, 1, 1, 2));
            MLOperand y = b.resample2d(x, MLResample2dOptions.defaults().withMode(mode).withScales(1, 2));
            float[] expected = mode == MLInterpolationMode.LINEAR ? new float[] {10, 15, 25, 30} : new float[] {10, 10, 30, 30};
            assertArrayEquals(expected, run(b, y, Map.of("x", new float[] {10, 30})), mode.toString());
        }
    }

    // ---- normalization ----

    @Test
    void batchNormalizationAlongChannels() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 2, 1, 2));
        MLOperand mean = constant(b, FLOAT32, new long[] {2}, 1, 10);
        MLOperand variance = constant(b, FLOAT32, new long[] {2}, 4, 16);
        MLOperand y = b.batchNormalization(x, mean, variance, MLBatchNormalizationOptions.defaults().withEpsilon(0));
        assertArrayEquals(new float[] {0, 0.5f, -0.5f, 0.25f}, run(b, y, Map.of("x", new float[] {1, 2, 8, 11})));
    }

    @Test
    void batchNormalizationAlongOtherAxesWithScaleAndBias() {
        for (int rank = 1; rank <= 4; rank++) {
            long[] shape = new long[rank];
            java.util.Arrays.fill(shape, 1);
            shape[rank - 1] = 2;
            MLGraphBuilder b = new MLGraphBuilder(runner.context());
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, shape));
            MLOperand mean = b.input("mean", MLOperandDescriptor.of(FLOAT32, 2));
            MLOperand variance = constant(b, FLOAT32, new long[] {2}, 4, 16);
            MLOperand y = b.batchNormalization(x, mean, variance, MLBatchNormalizationOptions.defaults().withAxis(rank - 1)
                    .withEpsilon(0).withScale(constant(b, FLOAT32, new long[] {2}, 2, 4))
                    .withBias(constant(b, FLOAT32, new long[] {2}, 100, 200)));
            assertArrayEquals(new float[] {101, 199}, run(b, y, Map.of("x", new float[] {2, 9}, "mean", new float[] {1, 10})),
                    "rank " + rank);
        }
    }

    /** (x - mean) / sqrt(variance) keeps its precision where x * a + b would cancel. */
    @Test
    void batchNormalizationSubtractsTheMeanFirst() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 1, 2));
        MLOperand mean = constant(b, FLOAT32, new long[] {2}, 10000, -10000);
        MLOperand variance = constant(b, FLOAT32, new long[] {2}, 9, 9);
        MLOperand y = b.batchNormalization(x, mean, variance, MLBatchNormalizationOptions.defaults().withAxis(0).withEpsilon(0));
        float third = 1 / 3f;
        assertArrayEquals(new float[] {third, -third, -third, third},
                run(b, y, Map.of("x", new float[] {10001, 9999, -10001, -9999})));
    }

    @Test
    void batchNormalizationFloat16() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT16, 2, 2));
        MLOperand mean = constant(b, FLOAT16, new long[] {2}, 1, 10);
        MLOperand variance = constant(b, FLOAT16, new long[] {2}, 4, 16);
        MLOperand y = b.batchNormalization(x, mean, variance, MLBatchNormalizationOptions.defaults().withEpsilon(0)
                .withBias(constant(b, FLOAT16, new long[] {2}, 1, 2)));
        assertArrayEquals(new float[] {1, 1.75f, 1.5f, 2.5f}, run(b, y, Map.of("x", new float[] {1, 9, 2, 12})));
    }

    @Test
    void instanceNormalizationPerChannelOfEachSample() {
        for (MLInputOperandLayout layout : MLInputOperandLayout.values()) {
            boolean nchw = layout == MLInputOperandLayout.NCHW;
            MLGraphBuilder b = new MLGraphBuilder(runner.context());
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, nchw ? new long[] {1, 2, 1, 2} : new long[] {1, 1, 2, 2}));
            MLOperand y = b.instanceNormalization(x, MLInstanceNormalizationOptions.defaults().withEpsilon(0)
                    .withLayout(layout).withBias(constant(b, FLOAT32, new long[] {2}, 10, 20)));
            // channel 0: [1, 3] -> mean 2, variance 1; channel 1: [5, 5] -> 0 / sqrt(0) is NaN, so use [4, 8]: mean 6, variance 4
            float[] in = nchw ? new float[] {1, 3, 4, 8} : new float[] {1, 4, 3, 8};
            float[] expected = nchw ? new float[] {9, 11, 19, 21} : new float[] {9, 19, 11, 21};
            assertArrayEquals(expected, run(b, y, Map.of("x", in)), 1e-6f, layout.toString());
        }
    }

    @Test
    void instanceNormalizationFloat16() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT16, 1, 2, 2, 1));
        MLOperand y = b.instanceNormalization(x, MLInstanceNormalizationOptions.defaults().withEpsilon(0)
                .withScale(constant(b, FLOAT16, new long[] {2}, 2, 3)));
        assertArrayEquals(new float[] {-2, 2, -3, 3}, run(b, y, Map.of("x", new float[] {1, 3, 4, 8})), 1e-3f);
    }

    @Test
    void layerNormalizationOverTrailingAxes() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 2));
        MLOperand y = b.layerNormalization(x, MLLayerNormalizationOptions.defaults().withEpsilon(0));
        assertArrayEquals(new float[] {-1, 1, -1, 1}, run(b, y, Map.of("x", new float[] {1, 3, 4, 8})), 1e-6f);
    }

    @Test
    void layerNormalizationOverLeadingAndUnorderedAxes() {
        // x[i][j]: normalized over axis 0 for each column j, then scaled by scale[i] and shifted by bias[i]
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 3));
        MLOperand y = b.layerNormalization(x, MLLayerNormalizationOptions.defaults().withAxes(0).withEpsilon(0)
                .withScale(constant(b, FLOAT32, new long[] {2}, 1, 10)).withBias(constant(b, FLOAT32, new long[] {2}, 0, 5)));
        assertArrayEquals(new float[] {-1, -1, 1, 15, 15, -5}, run(b, y, Map.of("x", new float[] {1, 2, 9, 3, 6, 7})), 1e-6f);

        // axes [2, 0] of a [2, 1, 2] tensor: one group of four elements; the scale is indexed [axis 2][axis 0]
        MLGraphBuilder c = new MLGraphBuilder(runner.context());
        MLOperand x3 = c.input("x", MLOperandDescriptor.of(FLOAT32, 2, 1, 2));
        MLOperand y3 = c.layerNormalization(x3, MLLayerNormalizationOptions.defaults().withAxes(2, 0).withEpsilon(0)
                .withScale(constant(c, FLOAT32, new long[] {2, 2}, 1, 2, 3, 4)));
        // x = [[[0, 2]], [[4, 6]]]: mean 3, variance 5; normalized (x - 3) / sqrt(5)
        float s = (float) Math.sqrt(5);
        // x[0][0][0] scale[0][0]=1, x[0][0][1] scale[1][0]=3, x[1][0][0] scale[0][1]=2, x[1][0][1] scale[1][1]=4
        float[] expected = {-3 / s * 1, -1 / s * 3, 1 / s * 2, 3 / s * 4};
        assertArrayEquals(expected, run(c, y3, Map.of("x", new float[] {0, 2, 4, 6})), 1e-5f);
    }

    @Test
    void layerNormalizationWithoutAxesIsTheBias() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32));
        MLOperand y = b.layerNormalization(x, MLLayerNormalizationOptions.defaults()
                .withScale(b.constant(FLOAT32, 3)).withBias(b.constant(FLOAT32, 7)));
        assertArrayEquals(new float[] {7}, run(b, y, Map.of("x", new float[] {42})));

        MLGraphBuilder c = new MLGraphBuilder(runner.context());
        MLOperand x2 = c.input("x", MLOperandDescriptor.of(FLOAT32, 3));
        MLOperand y2 = c.layerNormalization(x2, MLLayerNormalizationOptions.defaults().withAxes());
        float[] result = run(c, y2, Map.of("x", new float[] {1, -2, Float.POSITIVE_INFINITY}));
        assertEquals(0f, result[0]);
        assertEquals(0f, result[1]);
        assertTrue(Float.isNaN(result[2]), "infinity has no mean");
    }

    /** ORT's LayerNormalization refuses one normalized element; the result is the bias (fuzzer finding). */
    @Test
    void layerNormalizationOverOneElementIsTheBias() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 1, 3));
        MLOperand y = b.layerNormalization(x, MLLayerNormalizationOptions.defaults().withAxes(1)
                .withScale(b.constant(MLOperandDescriptor.of(FLOAT32, 1), new float[] {3}))
                .withBias(b.constant(MLOperandDescriptor.of(FLOAT32, 1), new float[] {0.5f})));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f},
                run(b, y, Map.of("x", new float[] {1, -2, 3, 40, 5, -6})));
    }

    @Test
    void layerNormalizationFloat16() {
        MLGraphBuilder b = new MLGraphBuilder(runner.context());
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT16, 2, 1, 2));
        MLOperand y = b.layerNormalization(x, MLLayerNormalizationOptions.defaults().withEpsilon(0).withAxes(0, 2)
                .withBias(constant(b, FLOAT16, new long[] {2, 2}, 1, 1, 1, 1)));
        float s = (float) Math.sqrt(5);
        assertArrayEquals(new float[] {1 - 3 / s, 1 - 1 / s, 1 + 1 / s, 1 + 3 / s}, run(b, y, Map.of("x", new float[] {0, 2, 4, 6})),
                2e-3f);
    }

    // ---- support limits ----

    @Test
    void everyOperatorOfTheFamilyIsSupportedForFloats() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        for (String op : new String[] {"conv2d", "convTranspose2d", "averagePool2d", "l2Pool2d", "maxPool2d", "resample2d",
                "batchNormalization", "instanceNormalization", "layerNormalization"}) {
            MLTensorLimits input = limits.operator(op).orElseThrow(() -> new AssertionError(op)).get("input");
            assertTrue(input.dataTypes().containsAll(EnumSet.of(FLOAT32, FLOAT16)), op);
        }
        assertEquals(Set.of(FLOAT32, FLOAT16, INT8, UINT8),
                limits.operator("resample2d").orElseThrow().get("input").dataTypes());
    }

    // ---- helpers ----

    /**
     * Builds a graph with the single output "y", runs it with inputs of the output's data type
     * and returns the output as floats.
     */
    private float[] run(MLGraphBuilder b, MLOperand y, Map<String, float[]> inputs) {
        Map<String, Values> values = new HashMap<>();
        inputs.forEach((name, floats) -> values.put(name, vector(y.dataType(), doubles(floats))));
        double[] output = runner.result(b, y, values).values();
        float[] result = new float[output.length];
        for (int i = 0; i < output.length; i++) {
            result[i] = (float) output[i];
        }
        return result;
    }

    private MLOperand constant(MLGraphBuilder b, MLOperandDataType type, long[] shape, float... values) {
        return b.constant(MLOperandDescriptor.of(type, shape), runner.encode(tensor(type, shape, doubles(values))));
    }

    private static double[] doubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** 0, 1, ..., count - 1. */
    private static float[] range(int count) {
        return range(0, count - 1);
    }

    /** first, first + 1, ..., last. */
    private static float[] range(int first, int last) {
        float[] values = new float[last - first + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = first + i;
        }
        return values;
    }

    /** -1, -2, ..., -count. */
    private static float[] negatives(int count) {
        float[] values = range(1, count);
        for (int i = 0; i < count; i++) {
            values[i] = -values[i];
        }
        return values;
    }

    /** Small deterministic values in [-1, 1]. */
    private static float[] values(int count, int seed) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) Math.sin(seed * 0.37 + i * 1.13);
        }
        return values;
    }

    private static long[] permute(long[] shape, int[] perm) {
        long[] result = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            result[i] = shape[perm[i]];
        }
        return result;
    }

    /** The elements of a row-major tensor of {@code shape} transposed by {@code perm}. */
    private static float[] transpose(float[] data, long[] shape, int[] perm) {
        int rank = shape.length;
        long[] outShape = permute(shape, perm);
        int[] strides = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= (int) shape[axis];
        }
        float[] result = new float[data.length];
        int[] index = new int[rank];
        for (int i = 0; i < data.length; i++) {
            int source = 0;
            for (int axis = 0; axis < rank; axis++) {
                source += index[axis] * strides[perm[axis]];
            }
            result[i] = data[source];
            for (int axis = rank - 1; axis >= 0 && ++index[axis] == outShape[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return result;
    }

    /** Direct NCHW / OIHW grouped convolution in double precision. */
    private static float[] referenceConv2d(float[] x, long[] xs, float[] w, long[] ws, float[] bias, long[] pad, long[] stride,
                                           long[] dilation, int groups) {
        int n = (int) xs[0];
        int c = (int) xs[1];
        int h = (int) xs[2];
        int wd = (int) xs[3];
        int o = (int) ws[0];
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        int oh = (int) ((h - (kh - 1) * dilation[0] - 1 + pad[0] + pad[1]) / stride[0] + 1);
        int ow = (int) ((wd - (kw - 1) * dilation[1] - 1 + pad[2] + pad[3]) / stride[1] + 1);
        int cg = c / groups;
        int og = o / groups;
        float[] y = new float[n * o * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                int g = oc / og;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        double sum = bias[oc];
                        for (int ic = 0; ic < cg; ic++) {
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    long r = i * stride[0] - pad[0] + p * dilation[0];
                                    long s = j * stride[1] - pad[2] + q * dilation[1];
                                    if (r >= 0 && r < h && s >= 0 && s < wd) {
                                        sum += (double) x[((b * c + g * cg + ic) * h + (int) r) * wd + (int) s]
                                                * w[((oc * cg + ic) * kh + p) * kw + q];
                                    }
                                }
                            }
                        }
                        y[((b * o + oc) * oh + i) * ow + j] = (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** Direct NCHW / IOHW grouped transposed convolution in double precision. */
    private static float[] referenceConvTranspose2d(float[] x, long[] xs, float[] w, long[] ws, float[] bias, long[] pad,
                                                    long[] stride, long[] dilation, int groups, long[] outputSizes) {
        int n = (int) xs[0];
        int c = (int) xs[1];
        int h = (int) xs[2];
        int wd = (int) xs[3];
        int og = (int) ws[1];
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        int o = og * groups;
        int cg = c / groups;
        int oh = (int) outputSizes[0];
        int ow = (int) outputSizes[1];
        double[] y = new double[n * o * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < o; oc++) {
                for (int i = 0; i < oh * ow; i++) {
                    y[(b * o + oc) * oh * ow + i] = bias[oc];
                }
            }
            for (int ic = 0; ic < c; ic++) {
                int g = ic / cg;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < wd; j++) {
                        double v = x[((b * c + ic) * h + i) * wd + j];
                        for (int k = 0; k < og; k++) {
                            int oc = g * og + k;
                            for (int p = 0; p < kh; p++) {
                                for (int q = 0; q < kw; q++) {
                                    long r = i * stride[0] - pad[0] + p * dilation[0];
                                    long s = j * stride[1] - pad[2] + q * dilation[1];
                                    if (r >= 0 && r < oh && s >= 0 && s < ow) {
                                        y[((b * o + oc) * oh + (int) r) * ow + (int) s] += v * w[((ic * og + k) * kh + p) * kw + q];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        float[] result = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            result[i] = (float) y[i];
        }
        return result;
    }
}
