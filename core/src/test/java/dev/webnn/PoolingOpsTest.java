package dev.webnn;

import static dev.webnn.MLInputOperandLayout.NCHW;
import static dev.webnn.MLInputOperandLayout.NHWC;
import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT8;
import static dev.webnn.MLRoundingType.CEIL;
import static dev.webnn.MLRoundingType.FLOOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Op;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class PoolingOpsTest extends OpsTestFixture {

    /** The three pooling operations with their IR op. */
    private final Map<Op, BiFunction<MLOperand, MLPool2dOptions, MLOperand>> pools = Map.of(
            Op.AVERAGE_POOL2D, builder::averagePool2d,
            Op.L2_POOL2D, builder::l2Pool2d,
            Op.MAX_POOL2D, builder::maxPool2d);

    /** Builds the graph of {@code output} and returns its only node, which has the output's shape. */
    @Override
    RecordedNode node(MLOperand output) {
        RecordedNode node = super.node(output);
        assertArrayEquals(output.shape(), node.output().descriptor().shape());
        return node;
    }

    /** The output shape of every pooling operation, which must agree. */
    private long[] poolShape(long[] inputShape, MLPool2dOptions options) {
        long[] shape = null;
        for (Map.Entry<Op, BiFunction<MLOperand, MLPool2dOptions, MLOperand>> pool : pools.entrySet()) {
            MLOperand out = pool.getValue().apply(f32(inputShape), options);
            assertEquals(FLOAT32, out.dataType());
            if (shape != null) {
                assertArrayEquals(shape, out.shape(), pool.getKey().specName());
            }
            shape = out.shape();
        }
        return shape;
    }

    /** Every pooling operation throws the same error, prefixed by its name. */
    private void assertPoolError(String message, long[] inputShape, MLPool2dOptions options) {
        pools.forEach((op, pool) -> assertTypeError(op.specName() + message, () -> pool.apply(f32(inputShape), options)));
    }

    private static MLPool2dOptions window(long height, long width) {
        return MLPool2dOptions.defaults().withWindowDimensions(height, width);
    }

    // ---------------------------------------------------------------------------------
    // pooling: shapes
    // ---------------------------------------------------------------------------------

    @Test
    void poolingDefaultsIsGlobalPooling() {
        // the spec's note: builder.maxPool2d(input) pools over the whole spatial extent
        assertArrayEquals(new long[] {1, 3, 1, 1}, builder.maxPool2d(f32(1, 3, 4, 4)).shape());
        assertArrayEquals(new long[] {2, 3, 1, 1}, builder.averagePool2d(f32(2, 3, 5, 7)).shape());
        assertArrayEquals(new long[] {1, 3, 1, 1}, builder.l2Pool2d(f32(1, 3, 4, 6)).shape());
        assertArrayEquals(new long[] {1, 1, 1, 2048},
                builder.averagePool2d(f32(1, 7, 7, 2048), MLPool2dOptions.defaults().withLayout(NHWC)).shape());
    }

    @Test
    void poolingOutputSizeFollowsTheSpecFormula() {
        // output size = floor or ceil of 1 + (input size - (window - 1) * dilation - 1 + padding) / stride
        assertArrayEquals(new long[] {1, 3, 2, 2}, poolShape(new long[] {1, 3, 4, 4}, window(3, 3)));
        assertArrayEquals(new long[] {1, 3, 5, 5}, poolShape(new long[] {1, 3, 5, 5}, window(5, 5).withPadding(2, 2, 2, 2)));
        assertArrayEquals(new long[] {1, 3, 2, 2}, poolShape(new long[] {1, 3, 5, 5}, window(2, 2).withStrides(2, 2)));
        assertArrayEquals(new long[] {1, 3, 3, 3},
                poolShape(new long[] {1, 3, 5, 5}, window(3, 3).withPadding(1, 1, 1, 1).withStrides(2, 2)));
        // 1 + (7 - 4 + 3) / 2 = 4
        assertArrayEquals(new long[] {1, 3, 4, 4},
                poolShape(new long[] {1, 3, 7, 7}, window(4, 4).withPadding(2, 1, 2, 1).withStrides(2, 2)));
        // dilations 2: effective window 3 -> 1 + (4 - 3) = 2 ; dilation 1: 1 + (6 - 2) = 5
        assertArrayEquals(new long[] {1, 3, 2, 5}, poolShape(new long[] {1, 3, 4, 6}, window(2, 2).withDilations(2, 1)));
    }

    @Test
    void poolingRoundsDownOrUp() {
        // 1 + (7 - 4 + 2) / 2 = 3.5
        MLPool2dOptions options = window(4, 4).withPadding(1, 1, 1, 1).withStrides(2, 2);
        assertArrayEquals(new long[] {1, 3, 3, 3}, poolShape(new long[] {1, 3, 7, 7}, options));
        assertArrayEquals(new long[] {1, 3, 3, 3}, poolShape(new long[] {1, 3, 7, 7}, options.withOutputShapeRounding(FLOOR)));
        assertArrayEquals(new long[] {1, 3, 4, 4}, poolShape(new long[] {1, 3, 7, 7}, options.withOutputShapeRounding(CEIL)));
        // the rounding of each dimension is separate: 1 + (7 - 4) / 2 = 2.5 ; 1 + (8 - 4) / 2 = 3
        assertArrayEquals(new long[] {1, 3, 3, 3}, poolShape(new long[] {1, 3, 7, 8},
                window(4, 4).withStrides(2, 2).withOutputShapeRounding(CEIL)));
    }

    @Test
    void poolingExplicitOutputSizesMayBeEitherRounding() {
        MLPool2dOptions options = window(4, 4).withPadding(1, 1, 1, 1).withStrides(2, 2);
        assertArrayEquals(new long[] {1, 3, 3, 3}, poolShape(new long[] {1, 3, 7, 7},
                options.withOutputShapeRounding(CEIL).withOutputSizes(3, 3)));
        assertArrayEquals(new long[] {1, 3, 4, 4}, poolShape(new long[] {1, 3, 7, 7}, options.withOutputSizes(4, 4)));
        assertArrayEquals(new long[] {1, 4, 4, 3}, poolShape(new long[] {1, 7, 7, 3},
                options.withOutputSizes(4, 4).withLayout(NHWC)));
    }

    @Test
    void poolingUsesTheLayout() {
        // nhwc: the default window is [height, width] = [5, 6]
        MLPool2dOptions nhwc = MLPool2dOptions.defaults().withLayout(NHWC);
        assertArrayEquals(new long[] {1, 1, 1, 3}, poolShape(new long[] {1, 5, 6, 3}, nhwc));
        assertArrayEquals(new long[] {1, 3, 3, 2}, poolShape(new long[] {1, 5, 5, 2}, nhwc.withWindowDimensions(3, 3)));
        assertArrayEquals(new long[] {1, 2, 3, 3}, poolShape(new long[] {1, 2, 5, 5}, window(3, 3).withLayout(NCHW)));
    }

    @Test
    void maxPool2dAcceptsEveryDataTypeAndTheOthersOnlyFloats() {
        for (MLOperandDataType type : MLOperandDataType.snapshotTypes()) {
            MLOperand out = builder.maxPool2d(input(type, 1, 3, 4, 4));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {1, 3, 1, 1}, out.shape());
        }
        assertEquals(FLOAT16, builder.averagePool2d(input(FLOAT16, 1, 3, 4, 4)).dataType());
        assertEquals(FLOAT16, builder.l2Pool2d(input(FLOAT16, 1, 3, 4, 4)).dataType());
        assertTypeError("averagePool2d: input data type int64 is not allowed (allowed: float32, float16)",
                () -> builder.averagePool2d(input(INT64, 1, 2, 3, 3)));
        assertTypeError("l2Pool2d [p]: input data type uint8 is not allowed (allowed: float32, float16)",
                () -> builder.l2Pool2d(input(UINT8, 1, 2, 4, 4), MLPool2dOptions.defaults().withLabel("p")));
        // the data type is checked before the rank
        assertTypeError("averagePool2d: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.averagePool2d(input(INT32, 2, 3, 3)));
    }

    // ---------------------------------------------------------------------------------
    // pooling: IR
    // ---------------------------------------------------------------------------------

    @Test
    void poolingRecordsEveryDefaultAttribute() {
        for (Op op : pools.keySet()) {
            MLGraphBuilder single = new MLGraphBuilder(context);
            MLOperand x = single.input("x", MLOperandDescriptor.of(FLOAT32, 1, 3, 4, 5));
            MLOperand out = switch (op) {
                case AVERAGE_POOL2D -> single.averagePool2d(x);
                case L2_POOL2D -> single.l2Pool2d(x);
                default -> single.maxPool2d(x);
            };
            try (MLGraph graph = single.build(Map.of("out", out))) {
                RecordedNode node = RecordedNode.all(graph.graph().nodes()).get(0);
                assertEquals(op, node.op());
                assertEquals(List.of("input"), roles(node));
                Attributes attributes = node.attributes();
                assertEquals(List.of("windowDimensions", "padding", "strides", "dilations", "layout", "outputShapeRounding",
                        "outputSizes"), attributes.keys());
                assertArrayEquals(new long[] {4, 5}, attributes.longs("windowDimensions"));
                assertArrayEquals(new long[] {0, 0, 0, 0}, attributes.longs("padding"));
                assertArrayEquals(new long[] {1, 1}, attributes.longs("strides"));
                assertArrayEquals(new long[] {1, 1}, attributes.longs("dilations"));
                assertEquals(NCHW, attributes.enumValue("layout", MLInputOperandLayout.class));
                assertEquals(FLOOR, attributes.enumValue("outputShapeRounding", MLRoundingType.class));
                assertArrayEquals(new long[] {1, 1}, attributes.longs("outputSizes"));
            }
        }
    }

    @Test
    void poolingRecordsGivenOptions() {
        MLPool2dOptions options = window(4, 3).withLabel("pool").withPadding(1, 1, 0, 2).withStrides(2, 3)
                .withDilations(1, 2).withLayout(NHWC).withOutputShapeRounding(CEIL);
        // height 1 + (7 - 4 + 2) / 2 = 3.5 -> 4 ; width: window 5 -> 1 + (9 - 5 + 2) / 3 = 3
        MLOperand out = builder.l2Pool2d(f32(2, 7, 9, 3), options);
        assertArrayEquals(new long[] {2, 4, 3, 3}, out.shape());
        RecordedNode node = node(out);
        assertEquals("pool", node.label());
        Attributes attributes = node.attributes();
        assertArrayEquals(new long[] {4, 3}, attributes.longs("windowDimensions"));
        assertArrayEquals(new long[] {1, 1, 0, 2}, attributes.longs("padding"));
        assertArrayEquals(new long[] {2, 3}, attributes.longs("strides"));
        assertArrayEquals(new long[] {1, 2}, attributes.longs("dilations"));
        assertEquals(NHWC, attributes.enumValue("layout", MLInputOperandLayout.class));
        assertEquals(CEIL, attributes.enumValue("outputShapeRounding", MLRoundingType.class));
        assertArrayEquals(new long[] {4, 3}, attributes.longs("outputSizes"));
    }

    @Test
    void poolingRecordsTheRoundingThatYieldsExplicitOutputSizes() {
        // floor 3, ceil 4: outputSizes [4, 4] with the default floor rounding is a ceil rounding
        MLPool2dOptions options = window(4, 4).withPadding(1, 1, 1, 1).withStrides(2, 2).withOutputSizes(4, 4);
        Attributes attributes = node(builder.maxPool2d(f32(1, 3, 7, 7), options)).attributes();
        assertEquals(CEIL, attributes.enumValue("outputShapeRounding", MLRoundingType.class));
        assertArrayEquals(new long[] {4, 4}, attributes.longs("outputSizes"));
        assertArrayEquals(new long[] {1, 1, 1, 1}, attributes.longs("padding"));
    }

    @Test
    void poolingKeepsTheGivenRoundingWhenBothMatch() {
        // 1 + (5 - 3) / 2 = 2 exactly
        MLPool2dOptions options = window(3, 3).withStrides(2, 2).withOutputSizes(2, 2).withOutputShapeRounding(CEIL);
        Attributes attributes = node(builder.averagePool2d(f32(1, 1, 5, 5), options)).attributes();
        assertEquals(CEIL, attributes.enumValue("outputShapeRounding", MLRoundingType.class));
        assertArrayEquals(new long[] {2, 2}, attributes.longs("outputSizes"));
    }

    // ---------------------------------------------------------------------------------
    // pooling: validation, in the spec's order
    // ---------------------------------------------------------------------------------

    @Test
    void poolingRejectsNullAndForeignOperands() {
        assertTypeError("maxPool2d: options are null", () -> builder.maxPool2d(f32(1, 1, 2, 2), null));
        assertTypeError("averagePool2d: input is null", () -> builder.averagePool2d(null));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 1, 1, 2, 2));
        assertTypeError("l2Pool2d [p]: input belongs to another MLGraphBuilder",
                () -> builder.l2Pool2d(foreign, MLPool2dOptions.defaults().withLabel("p")));
    }

    @Test
    void poolingChecksTheRank() {
        assertPoolError(": input rank 3 is not allowed (allowed: 4)", new long[] {1, 5, 5}, MLPool2dOptions.defaults());
        assertTypeError("maxPool2d: input rank 5 is not allowed (allowed: 4)", () -> builder.maxPool2d(input(UINT32, 1, 1, 1, 5, 5)));
    }

    @Test
    void poolingChecksWindowPaddingStridesOutputSizesAndDilations() {
        long[] shape = {1, 2, 5, 5};
        MLPool2dOptions d = MLPool2dOptions.defaults().withLabel("p");
        assertPoolError(" [p]: windowDimensions [1, 1, 1, 1] has 4 values, expected 2", shape,
                d.withWindowDimensions(1, 1, 1, 1));
        assertPoolError(" [p]: windowDimensions [0, 2] contains 0", shape, d.withWindowDimensions(0, 2));
        assertPoolError(" [p]: padding [2, 2] has 2 values, expected 4", shape, d.withPadding(2, 2));
        assertPoolError(" [p]: strides [2] has 1 values, expected 2", shape, d.withStrides(2));
        assertPoolError(" [p]: strides [0, 2] contains 0", shape, d.withStrides(0, 2));
        assertPoolError(" [p]: outputSizes [1, 2, 4, 4] has 4 values, expected 2", shape, d.withOutputSizes(1, 2, 4, 4));
        assertPoolError(" [p]: dilations [1, 1, 2] has 3 values, expected 2", shape, d.withDilations(1, 1, 2));
        assertPoolError(" [p]: dilations [1, 0] contains 0", shape, d.withDilations(1, 0));
        // the order: window, padding, strides, output sizes, dilations
        assertPoolError(" [p]: windowDimensions [0, 0] contains 0", shape,
                d.withWindowDimensions(0, 0).withPadding(1).withStrides(0, 0).withDilations(0, 0));
        assertPoolError(" [p]: padding [1] has 1 values, expected 4", shape,
                d.withPadding(1).withStrides(0, 0).withOutputSizes(1).withDilations(0, 0));
        assertPoolError(" [p]: strides [0, 0] contains 0", shape,
                d.withStrides(0, 0).withOutputSizes(1).withDilations(0, 0));
        assertPoolError(" [p]: outputSizes [1] has 1 values, expected 2", shape, d.withOutputSizes(1).withDilations(0, 0));
    }

    @Test
    void poolingChecksExplicitOutputSizesAgainstBothRoundings() {
        long[] shape = {1, 2, 5, 5};
        // 1 + (5 - 2 + 4) / 2 = 4.5: floor 4, ceil 5
        MLPool2dOptions options = window(2, 2).withPadding(2, 2, 2, 2).withStrides(2, 2);
        assertArrayEquals(new long[] {1, 2, 4, 4}, poolShape(shape, options.withOutputSizes(4, 4)));
        assertArrayEquals(new long[] {1, 2, 5, 5}, poolShape(shape, options.withOutputSizes(5, 5)));
        assertPoolError(": outputSizes [3, 3] are neither the rounded-down output sizes [4, 4] nor the rounded-up output "
                + "sizes [5, 5]", shape, options.withOutputSizes(3, 3));
        assertPoolError(": outputSizes [4, 5] are neither the rounded-down output sizes [4, 4] nor the rounded-up output "
                + "sizes [5, 5]", shape, options.withOutputSizes(4, 5));
        assertPoolError(": outputSizes [0, 4] are neither the rounded-down output sizes [4, 4] nor the rounded-up output "
                + "sizes [5, 5]", shape, options.withOutputSizes(0, 4));
    }

    @Test
    void poolingRejectsInvalidOutputSizes() {
        long[] shape = {1, 2, 5, 5};
        assertPoolError(": output height -2 is not a valid dimension (valid: 1 to 2147483647)", shape, window(8, 2));
        assertPoolError(": output width -2 is not a valid dimension (valid: 1 to 2147483647)", shape, window(2, 8));
        assertPoolError(": output height 0 is not a valid dimension (valid: 1 to 2147483647)", shape, window(6, 3));
        assertPoolError(": output width 0 is not a valid dimension (valid: 1 to 2147483647)", shape, window(3, 6));
        // an explicit output size that matches an invalid computed size: 1 + (5 - 6) = 0
        assertPoolError(": output height 0 is not a valid dimension (valid: 1 to 2147483647)", shape,
                window(6, 3).withOutputSizes(0, 3));
        // ceil rounding of -0.5 is 0: 1 + (5 - 8) / 2 = -0.5
        assertPoolError(": output height 0 is not a valid dimension (valid: 1 to 2147483647)", shape,
                window(8, 1).withStrides(2, 1).withOutputShapeRounding(CEIL));
        // 1 + (5 - 1 + 2 * 4294967295) = 8589934595
        assertPoolError(": output height 8589934595 is not a valid dimension (valid: 1 to 2147483647)", shape,
                window(1, 1).withPadding(4294967295L, 4294967295L, 0, 0));
        assertPoolError(": output width 8589934595 is not a valid dimension (valid: 1 to 2147483647)", shape,
                window(1, 1).withPadding(0, 0, 4294967295L, 4294967295L));
        // a window of 4294967295 with dilation 4294967295 does not overflow
        assertPoolError(": output height -9223372036854775801 is not a valid dimension (valid: 1 to 2147483647)", shape,
                window(4294967295L, 1).withDilations(4294967295L, 1));
    }

    @Test
    void poolOptionsDefaultsAndCopies() {
        MLPool2dOptions defaults = MLPool2dOptions.defaults();
        assertEquals(Optional.empty(), defaults.windowDimensions());
        assertArrayEquals(new long[] {0, 0, 0, 0}, defaults.padding());
        assertArrayEquals(new long[] {1, 1}, defaults.strides());
        assertArrayEquals(new long[] {1, 1}, defaults.dilations());
        assertEquals(NCHW, defaults.layout());
        assertEquals(FLOOR, defaults.outputShapeRounding());
        assertEquals(Optional.empty(), defaults.outputSizes());
        assertEquals("", defaults.label());
        MLPool2dOptions windowed = defaults.withWindowDimensions(2, 3);
        windowed.windowDimensions().orElseThrow()[0] = 7;
        assertArrayEquals(new long[] {2, 3}, windowed.windowDimensions().orElseThrow());
        assertEquals(Optional.empty(), windowed.withWindowDimensions((long[]) null).windowDimensions());
        assertTypeError("MLPool2dOptions.windowDimensions [-3, 3]: -3 is outside the unsigned long range [0, 4294967295]",
                () -> defaults.withWindowDimensions(-3, 3));
        assertTypeError("MLPool2dOptions.outputSizes [1, 4294967296]: 4294967296 is outside the unsigned long range "
                + "[0, 4294967295]", () -> defaults.withOutputSizes(1, 4294967296L));
    }

    @Test
    void poolingAfterBuildIsAnInvalidStateError() {
        MLOperand x = f32(1, 1, 4, 4);
        node(builder.maxPool2d(x));
        assertThrows(MLInvalidStateError.class, () -> builder.maxPool2d(x));
        assertThrows(MLInvalidStateError.class, () -> builder.averagePool2d(x));
        assertThrows(MLInvalidStateError.class, () -> builder.l2Pool2d(x));
        assertThrows(MLInvalidStateError.class, () -> builder.resample2d(x));
    }

    // ---------------------------------------------------------------------------------
    // resample2d
    // ---------------------------------------------------------------------------------

    private static MLResample2dOptions resample() {
        return MLResample2dOptions.defaults();
    }

    @Test
    void resample2dShapes() {
        assertArrayEquals(new long[] {1, 1, 2, 4}, builder.resample2d(f32(1, 1, 2, 4)).shape());
        assertArrayEquals(new long[] {1, 1, 4, 8}, builder.resample2d(f32(1, 1, 2, 4), resample().withScales(2, 2)).shape());
        assertArrayEquals(new long[] {1, 1, 2, 2}, builder.resample2d(f32(1, 1, 5, 5), resample().withScales(0.5f, 0.5f)).shape());
        assertArrayEquals(new long[] {1, 1, 2, 2},
                builder.resample2d(f32(1, 1, 5, 5), resample().withScales(0.5f, 0.5f).withAxes(2, 3)).shape());
        assertArrayEquals(new long[] {1, 2, 2, 4},
                builder.resample2d(f32(1, 1, 2, 4), resample().withScales(1, 2).withAxes(0, 1)).shape());
        assertArrayEquals(new long[] {1, 2, 4, 4},
                builder.resample2d(f32(1, 1, 2, 4), resample().withScales(2, 2).withAxes(1, 2)).shape());
        // axes in any order: the sizes follow the axes
        assertArrayEquals(new long[] {1, 1, 6, 12},
                builder.resample2d(f32(1, 1, 2, 4), resample().withScales(3, 3).withAxes(3, 2)).shape());
        assertArrayEquals(new long[] {3, 1, 2, 5},
                builder.resample2d(f32(1, 1, 2, 5), resample().withSizes(3, 2).withAxes(0, 2)).shape());
        // sizes win over scales
        assertArrayEquals(new long[] {1, 1, 3, 6},
                builder.resample2d(f32(1, 1, 2, 4), resample().withScales(2, 2).withSizes(3, 6)).shape());
        for (MLOperandDataType type : List.of(FLOAT32, FLOAT16, UINT8, INT8)) {
            MLOperand out = builder.resample2d(input(type, 1, 1, 5, 5), resample().withScales(0.5f, 0.5f));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {1, 1, 2, 2}, out.shape());
        }
    }

    @Test
    void resample2dTheSpecLinearExample() {
        // the spec's note: a [4, 4] input resampled linearly to [8, 8]
        MLOperand out = builder.resample2d(f32(1, 1, 4, 4), resample().withMode(MLInterpolationMode.LINEAR).withSizes(8, 8));
        assertArrayEquals(new long[] {1, 1, 8, 8}, out.shape());
        Attributes attributes = node(out).attributes();
        assertEquals(MLInterpolationMode.LINEAR, attributes.enumValue("mode", MLInterpolationMode.class));
        assertEquals(2.0, attributes.real("scales[0]"));
        assertEquals(2.0, attributes.real("scales[1]"));
        assertArrayEquals(new long[] {8, 8}, attributes.longs("sizes"));
    }

    @Test
    void resample2dRecordsEveryDefaultAttribute() {
        RecordedNode node = node(builder.resample2d(f32(1, 1, 2, 4)));
        assertEquals(Op.RESAMPLE2D, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("input"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("mode", "scales[0]", "scales[1]", "sizes", "axes"), attributes.keys());
        assertEquals(MLInterpolationMode.NEAREST_NEIGHBOR, attributes.enumValue("mode", MLInterpolationMode.class));
        assertEquals(1.0, attributes.real("scales[0]"));
        assertEquals(1.0, attributes.real("scales[1]"));
        assertArrayEquals(new long[] {2, 4}, attributes.longs("sizes"));
        assertArrayEquals(new long[] {2, 3}, attributes.longs("axes"));
    }

    @Test
    void resample2dRecordsSizesComputedFromScales() {
        // floor(5 * 0.7) = 3 ; floor(6 * 1.5) = 9
        MLResample2dOptions options = resample().withLabel("up").withScales(0.7f, 1.5f).withAxes(1, 2);
        MLOperand out = builder.resample2d(f32(1, 5, 6, 2), options);
        assertArrayEquals(new long[] {1, 3, 9, 2}, out.shape());
        RecordedNode node = node(out);
        assertEquals("up", node.label());
        Attributes attributes = node.attributes();
        assertEquals((double) 0.7f, attributes.real("scales[0]"));
        assertEquals(1.5, attributes.real("scales[1]"));
        assertArrayEquals(new long[] {3, 9}, attributes.longs("sizes"));
        assertArrayEquals(new long[] {1, 2}, attributes.longs("axes"));
    }

    @Test
    void resample2dRecordsScalesComputedFromSizes() {
        MLOperand out = builder.resample2d(f32(1, 1, 2, 4), resample().withScales(9, 9).withSizes(3, 6));
        Attributes attributes = node(out).attributes();
        assertEquals(1.5, attributes.real("scales[0]"));
        assertEquals(1.5, attributes.real("scales[1]"));
        assertArrayEquals(new long[] {3, 6}, attributes.longs("sizes"));
    }

    @Test
    void resample2dValidation() {
        MLOperand x = f32(1, 1, 2, 4);
        assertTypeError("resample2d: options are null", () -> builder.resample2d(x, null));
        assertTypeError("resample2d: input is null", () -> builder.resample2d(null));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 1, 1, 2, 2));
        assertTypeError("resample2d: input belongs to another MLGraphBuilder", () -> builder.resample2d(foreign));
        MLResample2dOptions l = resample().withLabel("r");
        // data type before rank
        assertTypeError("resample2d [r]: input data type int32 is not allowed (allowed: float32, float16, int8, uint8)",
                () -> builder.resample2d(input(INT32, 2, 4), l));
        assertTypeError("resample2d [r]: input rank 2 is not allowed (allowed: 4)", () -> builder.resample2d(f32(2, 4), l));
        assertTypeError("resample2d [r]: scales [1.0, 1.0, 2.0, 2.0] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withScales(1, 1, 2, 2)));
        assertTypeError("resample2d [r]: scales [1.0, -2.0] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withScales(1, -2)));
        assertTypeError("resample2d [r]: scales [0.0, 2.0] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withScales(0, 2)));
        assertTypeError("resample2d [r]: sizes [1, 1, 4, 6] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withSizes(1, 1, 4, 6)));
        assertTypeError("resample2d [r]: sizes [0, 1] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withSizes(0, 1)));
        assertTypeError("resample2d [r]: sizes [1, 0] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withSizes(1, 0)));
        assertTypeError("resample2d [r]: axes [0, 1, 2] has 3 values, expected 2",
                () -> builder.resample2d(x, l.withAxes(0, 1, 2)));
        assertTypeError("resample2d [r]: axes[1] 4 is out of range [0, 4)", () -> builder.resample2d(x, l.withAxes(3, 4)));
        assertTypeError("resample2d [r]: axes [0, 0] contains 0 twice", () -> builder.resample2d(x, l.withAxes(0, 0)));
        // the order: scales, sizes, axes
        assertTypeError("resample2d [r]: scales [0.0, 0.0] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withScales(0, 0).withSizes(0, 0).withAxes(9, 9)));
        assertTypeError("resample2d [r]: sizes [0, 0] must be 2 values greater than 0",
                () -> builder.resample2d(x, l.withSizes(0, 0).withAxes(9, 9)));
    }

    @Test
    void resample2dRejectsInvalidOutputSizes() {
        MLOperand x = f32(1, 1, 2, 4);
        // the float 4294967295 is 4294967296: 2 * 4294967296
        assertTypeError("resample2d: output size along axis 2 8589934592 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.resample2d(x, resample().withScales(4294967295f, 1)));
        assertTypeError("resample2d: output size along axis 2 0 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.resample2d(x, resample().withScales(0.02f, 0.8f)));
        assertTypeError("resample2d: output size along axis 3 0 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.resample2d(x, resample().withScales(0.7f, 0.1f)));
        assertTypeError("resample2d: output size along axis 3 4294967295 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.resample2d(x, resample().withSizes(2, 4294967295L)));
    }

    @Test
    void resample2dOptionsDefaultsAndConversions() {
        MLResample2dOptions defaults = MLResample2dOptions.defaults();
        assertEquals(MLInterpolationMode.NEAREST_NEIGHBOR, defaults.mode());
        assertArrayEquals(new float[] {1f, 1f}, defaults.scales());
        assertEquals(Optional.empty(), defaults.sizes());
        assertArrayEquals(new long[] {2, 3}, defaults.axes());
        assertEquals("", defaults.label());
        float[] scales = {2f, 3f};
        MLResample2dOptions options = defaults.withScales(scales);
        scales[0] = 5f;
        assertArrayEquals(new float[] {2f, 3f}, options.scales());
        assertEquals(Optional.empty(), defaults.withSizes(3, 4).withSizes((long[]) null).sizes());
        assertTypeError("MLResample2dOptions.scales [NaN, 1.0]: NaN is not a finite float",
                () -> defaults.withScales(Float.NaN, 1));
        assertTypeError("MLResample2dOptions.scales [1.0, Infinity]: Infinity is not a finite float",
                () -> defaults.withScales(1, Float.POSITIVE_INFINITY));
        assertTypeError("MLResample2dOptions.sizes [-1, 1]: -1 is outside the unsigned long range [0, 4294967295]",
                () -> defaults.withSizes(-1, 1));
        assertTypeError("MLResample2dOptions.axes [4294967296, 1]: 4294967296 is outside the unsigned long range "
                + "[0, 4294967295]", () -> defaults.withAxes(4294967296L, 1));
    }
}
