package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.graph.Op;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReductionOpsTest extends OpsTestFixture {

    /** A reduction method with options. */
    interface Reduce {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, MLReduceOptions options);
    }

    /** A reduction method with default options. */
    interface ReduceAll {
        MLOperand apply(MLGraphBuilder builder, MLOperand input);
    }

    /** argMin or argMax with options. */
    interface Arg {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, long axis, MLArgMinMaxOptions options);
    }

    /** argMin or argMax with default options. */
    interface ArgDefault {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, long axis);
    }

    private static final Set<MLOperandDataType> NUMBERS = EnumSet.of(FLOAT32, FLOAT16, INT32, UINT32, INT64, UINT64);
    private static final Set<MLOperandDataType> ANY = MLOperandDataType.snapshotTypes();

    /** Each graph this test builds takes a new builder. */
    ReductionOpsTest() {
        super(true);
    }

    static Stream<Arguments> reductions() {
        return Stream.of(
                Arguments.of(Op.REDUCE_L1, (Reduce) MLGraphBuilder::reduceL1, (ReduceAll) MLGraphBuilder::reduceL1, NUMBERS),
                Arguments.of(Op.REDUCE_L2, (Reduce) MLGraphBuilder::reduceL2, (ReduceAll) MLGraphBuilder::reduceL2, FLOATS),
                Arguments.of(Op.REDUCE_LOG_SUM, (Reduce) MLGraphBuilder::reduceLogSum,
                        (ReduceAll) MLGraphBuilder::reduceLogSum, FLOATS),
                Arguments.of(Op.REDUCE_LOG_SUM_EXP, (Reduce) MLGraphBuilder::reduceLogSumExp,
                        (ReduceAll) MLGraphBuilder::reduceLogSumExp, FLOATS),
                Arguments.of(Op.REDUCE_MAX, (Reduce) MLGraphBuilder::reduceMax, (ReduceAll) MLGraphBuilder::reduceMax, ANY),
                Arguments.of(Op.REDUCE_MEAN, (Reduce) MLGraphBuilder::reduceMean, (ReduceAll) MLGraphBuilder::reduceMean, FLOATS),
                Arguments.of(Op.REDUCE_MIN, (Reduce) MLGraphBuilder::reduceMin, (ReduceAll) MLGraphBuilder::reduceMin, ANY),
                Arguments.of(Op.REDUCE_PRODUCT, (Reduce) MLGraphBuilder::reduceProduct,
                        (ReduceAll) MLGraphBuilder::reduceProduct, NUMBERS),
                Arguments.of(Op.REDUCE_SUM, (Reduce) MLGraphBuilder::reduceSum, (ReduceAll) MLGraphBuilder::reduceSum, NUMBERS),
                Arguments.of(Op.REDUCE_SUM_SQUARE, (Reduce) MLGraphBuilder::reduceSumSquare,
                        (ReduceAll) MLGraphBuilder::reduceSumSquare, NUMBERS));
    }

    static Stream<Arguments> argMinMax() {
        return Stream.of(
                Arguments.of(Op.ARG_MIN, (Arg) MLGraphBuilder::argMin, (ArgDefault) MLGraphBuilder::argMin),
                Arguments.of(Op.ARG_MAX, (Arg) MLGraphBuilder::argMax, (ArgDefault) MLGraphBuilder::argMax));
    }

    private MLOperand input(String name, MLOperandDataType type, long... shape) {
        return builder.input(name, MLOperandDescriptor.of(type, shape));
    }

    private static MLReduceOptions axes(long... axes) {
        return MLReduceOptions.defaults().withAxes(axes);
    }

    // ---- calculate reduction output sizes ---------------------------------------------

    @Test
    void reductionOutputSizesFollowsTheSpecAlgorithm() {
        long[] shape = {2, 3, 4};
        ReductionOps.Reduction all = ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", shape, null, false);
        assertArrayEquals(new int[] {0, 1, 2}, all.axes());
        assertArrayEquals(new long[] {}, all.shape());
        ReductionOps.Reduction allKept = ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", shape, null, true);
        assertArrayEquals(new long[] {1, 1, 1}, allKept.shape());
        // The spec's note: shape [2, 3, 4], axis 1, keepDimensions true -> [2, 1, 4]; false -> [2, 4].
        assertArrayEquals(new long[] {2, 1, 4},
                ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", shape, new long[] {1}, true).shape());
        assertArrayEquals(new long[] {2, 4},
                ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", shape, new long[] {1}, false).shape());
        ReductionOps.Reduction none = ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", shape, new long[0], false);
        assertArrayEquals(new int[] {}, none.axes());
        assertArrayEquals(shape, none.shape());
        ReductionOps.Reduction unordered = ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", shape, new long[] {2, 0}, false);
        assertArrayEquals(new int[] {2, 0}, unordered.axes());
        assertArrayEquals(new long[] {3}, unordered.shape());
        assertArrayEquals(new long[] {}, ReductionOps.reductionOutputSizes(Op.REDUCE_SUM, "", new long[0], null, true).shape());
        assertArrayEquals(new long[] {2, 3, 4}, shape, "the input shape is not modified");
    }

    // ---- reductions ---------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("reductions")
    void reductionWithoutAxesReducesEveryDimension(Op op, Reduce reduce, ReduceAll reduceAll, Set<MLOperandDataType> types) {
        MLOperand output = reduceAll.apply(builder, input("x", FLOAT32, 2, 3, 4));
        assertArrayEquals(new long[] {}, output.shape());
        assertEquals(FLOAT32, output.dataType());
        RecordedNode node = node(output);
        assertEquals(op, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("axes", "keepDimensions"), node.attributes().keys());
        assertArrayEquals(new long[] {0, 1, 2}, node.attributes().longs("axes"));
        assertFalse(node.attributes().bool("keepDimensions"));
        assertArrayEquals(new long[] {}, node.output().descriptor().shape());

        MLOperand kept = reduce.apply(builder, input("y", FLOAT16, 2, 3, 4), MLReduceOptions.defaults().withKeepDimensions(true));
        assertArrayEquals(new long[] {1, 1, 1}, kept.shape());
        assertEquals(FLOAT16, kept.dataType());
        RecordedNode keptNode = node(kept);
        assertArrayEquals(new int[] {0, 1, 2}, keptNode.attributes().ints("axes"));
        assertTrue(keptNode.attributes().bool("keepDimensions"));
    }

    @ParameterizedTest
    @MethodSource("reductions")
    void reductionAlongAxes(Op op, Reduce reduce, ReduceAll reduceAll, Set<MLOperandDataType> types) {
        assertArrayEquals(new long[] {2, 4}, reduce.apply(builder, input("a", FLOAT32, 2, 3, 4), axes(1)).shape());
        assertArrayEquals(new long[] {2, 1, 4},
                reduce.apply(builder, input("b", FLOAT32, 2, 3, 4), axes(1).withKeepDimensions(true)).shape());
        assertArrayEquals(new long[] {3}, reduce.apply(builder, input("c", FLOAT32, 2, 3, 4), axes(2, 0)).shape());
        assertArrayEquals(new long[] {1, 3, 1},
                reduce.apply(builder, input("d", FLOAT32, 2, 3, 4), axes(0, 2).withKeepDimensions(true)).shape());
        // Empty axes: nothing is reduced, the output has the input's shape.
        assertArrayEquals(new long[] {2, 3, 4}, reduce.apply(builder, input("e", FLOAT32, 2, 3, 4), axes()).shape());
        // A scalar input gives a scalar output.
        assertArrayEquals(new long[] {}, reduceAll.apply(builder, input("f", FLOAT32)).shape());
        assertArrayEquals(new long[] {}, reduce.apply(builder, input("g", FLOAT32), axes().withKeepDimensions(true)).shape());

        MLOperand labelled = reduce.apply(builder, input("h", FLOAT32, 5, 6, 7),
                axes(2, 0).withKeepDimensions(true).withLabel("r1"));
        RecordedNode node = node(labelled);
        assertEquals(op, node.op());
        assertEquals("r1", node.label());
        assertArrayEquals(new long[] {2, 0}, node.attributes().longs("axes"));
        assertTrue(node.attributes().bool("keepDimensions"));
        assertArrayEquals(new long[] {1, 6, 1}, node.output().descriptor().shape());

        RecordedNode empty = node(reduce.apply(builder, input("i", FLOAT32, 5, 6), axes()));
        assertArrayEquals(new long[] {}, empty.attributes().longs("axes"));
        assertFalse(empty.attributes().bool("keepDimensions"));

        RecordedNode scalar = node(reduceAll.apply(builder, input("j", FLOAT32)));
        assertArrayEquals(new long[] {}, scalar.attributes().longs("axes"));
    }

    @ParameterizedTest
    @MethodSource("reductions")
    void reductionChecksDataTypes(Op op, Reduce reduce, ReduceAll reduceAll, Set<MLOperandDataType> types) {
        int n = 0;
        for (MLOperandDataType type : MLOperandDataType.values()) {
            MLOperand x = input("x" + n++, type, 2, 3);
            if (types.contains(type)) {
                MLOperand output = reduce.apply(builder, x, axes(0));
                assertEquals(type, output.dataType());
                assertArrayEquals(new long[] {3}, output.shape());
            } else {
                assertTypeError(op.specName() + ": input data type " + type + " is not allowed (allowed: "
                        + Checks.names(types) + ")", () -> reduce.apply(builder, x, axes(0)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("reductions")
    void reductionRejectsInvalidAxes(Op op, Reduce reduce, ReduceAll reduceAll, Set<MLOperandDataType> types) {
        String name = op.specName();
        MLOperand x = input("x", FLOAT32, 2, 3, 4);
        assertTypeError(name + ": axes[1] 3 is out of range [0, 3)", () -> reduce.apply(builder, x, axes(0, 3)));
        assertTypeError(name + " [r]: axes[0] -1 is out of range [0, 3)",
                () -> reduce.apply(builder, x, axes(-1).withLabel("r")));
        assertTypeError(name + ": axes [1, 2, 1] contains 1 twice", () -> reduce.apply(builder, x, axes(1, 2, 1)));
        assertTypeError(name + ": axes[0] 0 is out of range [0, 0)",
                () -> reduce.apply(builder, input("s", FLOAT32), axes(0)));
        assertTypeError(name + ": axes[0] 4294967296 is out of range [0, 3)",
                () -> reduce.apply(builder, x, axes(1L << 32).withKeepDimensions(true)));
    }

    @ParameterizedTest
    @MethodSource("reductions")
    void reductionRejectsBadArgumentsAndState(Op op, Reduce reduce, ReduceAll reduceAll, Set<MLOperandDataType> types) {
        String name = op.specName();
        MLOperand x = input("x", FLOAT32, 2);
        assertTypeError(name + ": options are null", () -> reduce.apply(builder, x, null));
        assertTypeError(name + ": input is null", () -> reduceAll.apply(builder, null));
        MLOperand foreign = new MLGraphBuilder(context).input("x", MLOperandDescriptor.of(FLOAT32, 2));
        assertTypeError(name + " [l]: input belongs to another MLGraphBuilder",
                () -> reduce.apply(builder, foreign, MLReduceOptions.defaults().withLabel("l")));
        MLGraphBuilder first = builder;
        node(reduceAll.apply(first, x));
        assertThrows(MLInvalidStateError.class, () -> reduceAll.apply(first, x));
        assertThrows(MLInvalidStateError.class, () -> reduce.apply(first, x, axes(0)));
    }

    @Test
    void reduceOptionsDefaultsAndWithers() {
        MLReduceOptions defaults = MLReduceOptions.defaults();
        assertEquals("", defaults.label());
        assertTrue(defaults.axes().isEmpty());
        assertFalse(defaults.keepDimensions());
        long[] given = {1, 0};
        MLReduceOptions options = defaults.withAxes(given).withKeepDimensions(true).withLabel("sum");
        given[0] = 7;
        assertArrayEquals(new long[] {1, 0}, options.axes().orElseThrow(), "axes are copied in");
        options.axes().orElseThrow()[0] = 9;
        assertArrayEquals(new long[] {1, 0}, options.axes().orElseThrow(), "axes are copied out");
        assertTrue(options.keepDimensions());
        assertEquals("sum", options.label());
        assertTrue(defaults.axes().isEmpty(), "withers do not modify the receiver");
        assertArrayEquals(new long[] {}, defaults.withAxes().axes().orElseThrow());
        assertThrows(NullPointerException.class, () -> defaults.withAxes((long[]) null));
        assertThrows(NullPointerException.class, () -> defaults.withLabel(null));
        assertEquals("MLReduceOptions[label=sum, axes=[1, 0], keepDimensions=true]", options.toString());
    }

    // ---- argMin / argMax ----------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("argMinMax")
    void argMinMaxShapesAndIr(Op op, Arg arg, ArgDefault argDefault) {
        MLOperand output = argDefault.apply(builder, input("x", FLOAT32, 2, 3, 4), 1);
        assertArrayEquals(new long[] {2, 4}, output.shape());
        assertEquals(INT32, output.dataType());
        RecordedNode node = node(output);
        assertEquals(op, node.op());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("axis", "keepDimensions", "outputDataType"), node.attributes().keys());
        assertEquals(1, node.attributes().integer("axis"));
        assertFalse(node.attributes().bool("keepDimensions"));
        assertEquals(INT32, node.attributes().enumValue("outputDataType", MLOperandDataType.class));
        assertEquals(INT32, node.output().descriptor().dataType());

        MLOperand kept = arg.apply(builder, input("y", UINT8, 2, 3, 4), 2,
                MLArgMinMaxOptions.defaults().withKeepDimensions(true).withOutputDataType(INT64).withLabel("am"));
        assertArrayEquals(new long[] {2, 3, 1}, kept.shape());
        assertEquals(INT64, kept.dataType());
        RecordedNode keptNode = node(kept);
        assertEquals("am", keptNode.label());
        assertEquals(2, keptNode.attributes().integer("axis"));
        assertTrue(keptNode.attributes().bool("keepDimensions"));
        assertEquals(INT64, keptNode.attributes().enumValue("outputDataType", MLOperandDataType.class));

        // Rank 1 reduces to a scalar; any input data type is allowed.
        int n = 0;
        for (MLOperandDataType type : MLOperandDataType.snapshotTypes()) {
            MLOperand index = argDefault.apply(builder, input("v" + n++, type, 5), 0);
            assertArrayEquals(new long[] {}, index.shape());
            assertEquals(INT32, index.dataType());
        }
        assertArrayEquals(new long[] {1},
                arg.apply(builder, input("w", INT8, 5), 0, MLArgMinMaxOptions.defaults().withKeepDimensions(true)).shape());
        assertArrayEquals(new long[] {3, 4}, argDefault.apply(builder, input("z", FLOAT16, 2, 3, 4), 0).shape());
    }

    @ParameterizedTest
    @MethodSource("argMinMax")
    void argMinMaxRejectsInvalidArguments(Op op, Arg arg, ArgDefault argDefault) {
        String name = op.specName();
        MLOperand x = input("x", FLOAT32, 2, 3, 4);
        assertTypeError(name + ": axis 3 is out of range [0, 3)", () -> argDefault.apply(builder, x, 3));
        assertTypeError(name + ": axis -1 is out of range [0, 3)", () -> argDefault.apply(builder, x, -1));
        assertTypeError(name + ": axis 4294967295 is out of range [0, 3)", () -> argDefault.apply(builder, x, 0xFFFF_FFFFL));
        assertTypeError(name + ": axis 0 is out of range [0, 0)", () -> argDefault.apply(builder, input("s", FLOAT32), 0));
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.of(INT32, INT64))) {
            assertTypeError(name + " [a]: outputDataType " + type + " is not allowed (allowed: int32, int64)",
                    () -> arg.apply(builder, x, 0, MLArgMinMaxOptions.defaults().withOutputDataType(type).withLabel("a")));
        }
        // The axis is checked before the output data type.
        assertTypeError(name + ": axis 5 is out of range [0, 3)",
                () -> arg.apply(builder, x, 5, MLArgMinMaxOptions.defaults().withOutputDataType(FLOAT32)));
        assertTypeError(name + ": options are null", () -> arg.apply(builder, x, 0, null));
        assertTypeError(name + ": input is null", () -> argDefault.apply(builder, null, 0));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 2));
        assertTypeError(name + ": input belongs to another MLGraphBuilder", () -> argDefault.apply(builder, foreign, 0));
        MLGraphBuilder first = builder;
        node(argDefault.apply(first, x, 0));
        assertThrows(MLInvalidStateError.class, () -> argDefault.apply(first, x, 0));
    }

    @Test
    void argMinMaxOptionsDefaultsAndWithers() {
        MLArgMinMaxOptions defaults = MLArgMinMaxOptions.defaults();
        assertEquals("", defaults.label());
        assertFalse(defaults.keepDimensions());
        assertEquals(INT32, defaults.outputDataType());
        MLArgMinMaxOptions options = defaults.withOutputDataType(INT64).withKeepDimensions(true).withLabel("x");
        assertEquals(INT64, options.outputDataType());
        assertTrue(options.keepDimensions());
        assertEquals("x", options.label());
        assertEquals(INT32, defaults.outputDataType());
        assertNotSame(defaults, defaults.withKeepDimensions(false));
        assertThrows(NullPointerException.class, () -> defaults.withOutputDataType(null));
        assertEquals("MLArgMinMaxOptions[label=x, keepDimensions=true, outputDataType=int64]", options.toString());
    }

    @Test
    void argMinMaxAfterBuildIsInvalidState() {
        MLOperand x = input("x", FLOAT32, 2, 3);
        node(builder.argMax(x, 1));
        MLGraphBuilder built = x.builder();
        assertThrows(MLInvalidStateError.class, () -> built.argMin(x, 0));
        assertThrows(MLInvalidStateError.class, () -> built.argMax(x, 0, MLArgMinMaxOptions.defaults()));
        assertThrows(MLInvalidStateError.class, () -> built.cumulativeSum(x, 0));
        assertThrows(MLInvalidStateError.class, () -> built.reduceSum(x));
    }

    // ---- cumulativeSum ------------------------------------------------------------------

    @Test
    void cumulativeSumKeepsTheInputDescriptorAndRecordsDefaults() {
        MLOperand x = input("x", FLOAT32, 2, 3, 4);
        MLOperand output = builder.cumulativeSum(x, 2);
        assertEquals(x.descriptor(), output.descriptor());
        RecordedNode node = node(output);
        assertEquals(Op.CUMULATIVE_SUM, node.op());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("axis", "exclusive", "reversed"), node.attributes().keys());
        assertEquals(2, node.attributes().integer("axis"));
        assertFalse(node.attributes().bool("exclusive"));
        assertFalse(node.attributes().bool("reversed"));
        assertArrayEquals(new long[] {2, 3, 4}, node.output().descriptor().shape());

        MLOperand y = input("y", INT64, 7);
        RecordedNode options = node(builder.cumulativeSum(y, 0,
                MLCumulativeSumOptions.defaults().withExclusive(true).withReversed(true).withLabel("cs")));
        assertEquals("cs", options.label());
        assertEquals(0, options.attributes().integer("axis"));
        assertTrue(options.attributes().bool("exclusive"));
        assertTrue(options.attributes().bool("reversed"));
        assertEquals(INT64, options.output().descriptor().dataType());
    }

    @Test
    void cumulativeSumChecksDataTypeRankAndAxis() {
        int n = 0;
        for (MLOperandDataType type : MLOperandDataType.values()) {
            MLOperand x = input("x" + n++, type, 3, 2);
            if (NUMBERS.contains(type)) {
                assertEquals(x.descriptor(), builder.cumulativeSum(x, 1).descriptor());
            } else {
                assertTypeError("cumulativeSum: input data type " + type
                        + " is not allowed (allowed: float32, float16, int32, uint32, int64, uint64)",
                        () -> builder.cumulativeSum(x, 0));
            }
        }
        assertTypeError("cumulativeSum: input rank 0 is not allowed (allowed: 1 to 8)",
                () -> builder.cumulativeSum(input("s", FLOAT32), 0));
        MLOperand x = input("x", FLOAT32, 3, 2);
        assertTypeError("cumulativeSum [c]: axis 2 is out of range [0, 2)",
                () -> builder.cumulativeSum(x, 2, MLCumulativeSumOptions.defaults().withLabel("c")));
        assertTypeError("cumulativeSum: axis -1 is out of range [0, 2)", () -> builder.cumulativeSum(x, -1));
        // The data type is checked before the axis.
        assertTypeError("cumulativeSum: input data type uint8 is not allowed "
                + "(allowed: float32, float16, int32, uint32, int64, uint64)",
                () -> builder.cumulativeSum(input("u", UINT8, 2), 5));
        assertTypeError("cumulativeSum: options are null", () -> builder.cumulativeSum(x, 0, null));
        assertTypeError("cumulativeSum: input is null", () -> builder.cumulativeSum(null, 0));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 2));
        assertTypeError("cumulativeSum: input belongs to another MLGraphBuilder", () -> builder.cumulativeSum(foreign, 0));
    }

    @Test
    void cumulativeSumOptionsDefaultsAndWithers() {
        MLCumulativeSumOptions defaults = MLCumulativeSumOptions.defaults();
        assertSame(defaults, MLCumulativeSumOptions.defaults());
        assertEquals("", defaults.label());
        assertFalse(defaults.exclusive());
        assertFalse(defaults.reversed());
        MLCumulativeSumOptions options = defaults.withExclusive(true).withReversed(true).withLabel("p");
        assertTrue(options.exclusive());
        assertTrue(options.reversed());
        assertEquals("p", options.label());
        assertFalse(defaults.exclusive());
        assertTrue(defaults.withReversed(true).withExclusive(false).reversed());
        assertThrows(NullPointerException.class, () -> defaults.withLabel(null));
        assertEquals("MLCumulativeSumOptions[label=p, exclusive=true, reversed=true]", options.toString());
    }
}
