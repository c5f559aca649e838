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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.graph.Op;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ElementwiseOpsTest extends OpsTestFixture {

    private static final Set<MLOperandDataType> ALL = MLOperandDataType.snapshotTypes();

    /** An operation taking a and b. */
    interface Binary {
        MLOperand apply(MLGraphBuilder builder, MLOperand a, MLOperand b, MLOperatorOptions options);
    }

    /** The same operation without options. */
    interface BinaryDefault {
        MLOperand apply(MLGraphBuilder builder, MLOperand a, MLOperand b);
    }

    /** An operation taking one operand. */
    interface Unary {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, MLOperatorOptions options);
    }

    /** The same operation without options. */
    interface UnaryDefault {
        MLOperand apply(MLGraphBuilder builder, MLOperand input);
    }

    // ---------------------------------------------------------------------------------
    // Element-wise binary operations
    // ---------------------------------------------------------------------------------

    static Stream<Arguments> binaryOps() {
        return Stream.of(
                Arguments.of(Op.ADD, (Binary) MLGraphBuilder::add, (BinaryDefault) MLGraphBuilder::add),
                Arguments.of(Op.SUB, (Binary) MLGraphBuilder::sub, (BinaryDefault) MLGraphBuilder::sub),
                Arguments.of(Op.MUL, (Binary) MLGraphBuilder::mul, (BinaryDefault) MLGraphBuilder::mul),
                Arguments.of(Op.DIV, (Binary) MLGraphBuilder::div, (BinaryDefault) MLGraphBuilder::div),
                Arguments.of(Op.MAX, (Binary) MLGraphBuilder::max, (BinaryDefault) MLGraphBuilder::max),
                Arguments.of(Op.MIN, (Binary) MLGraphBuilder::min, (BinaryDefault) MLGraphBuilder::min),
                Arguments.of(Op.POW, (Binary) MLGraphBuilder::pow, (BinaryDefault) MLGraphBuilder::pow));
    }

    @Test
    void addBroadcastsBidirectionally() {
        MLOperand sum = builder.add(input(FLOAT32, 5, 1, 3), input(FLOAT32, 4, 1));
        assertArrayEquals(new long[] {5, 4, 3}, sum.shape());
        assertEquals(FLOAT32, sum.dataType());
        assertArrayEquals(new long[] {}, builder.add(input(INT32), input(INT32)).shape());
    }

    @Test
    void addRecordsANodeWithRolesAndNoAttributes() {
        MLOperand a = input(FLOAT32, 2, 3);
        MLOperand b = input(FLOAT32, 3);
        RecordedNode node = node(builder.add(a, b, label("s")));
        assertEquals(Op.ADD, node.op());
        assertEquals("s", node.label());
        assertEquals(List.of("a", "b"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
    }

    @Test
    void addRejectsMismatchedTypesAndShapes() {
        assertTypeError("add [sum1]: b data type float16 must match a data type float32",
                () -> builder.add(input(FLOAT32, 2), input(FLOAT16, 2), label("sum1")));
        assertTypeError("add: shapes [2, 3] and [4] are not broadcastable",
                () -> builder.add(input(FLOAT32, 2, 3), input(FLOAT32, 4)));
    }

    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryInfersTheBroadcastShapeAndKeepsTheType(Op op, Binary binary, BinaryDefault plain) {
        MLOperand out = plain.apply(builder, input(INT64, 5, 1, 3), input(INT64, 4, 1));
        assertArrayEquals(new long[] {5, 4, 3}, out.shape());
        assertEquals(INT64, out.dataType());
        assertArrayEquals(new long[] {2, 3}, plain.apply(builder, input(UINT8), input(UINT8, 2, 3)).shape());
        assertArrayEquals(new long[] {8, 6, 7}, plain.apply(builder, input(FLOAT16, 8, 1, 7), input(FLOAT16, 6, 1)).shape());
        assertArrayEquals(new long[] {}, plain.apply(builder, input(UINT64), input(UINT64)).shape());
        for (MLOperandDataType type : ALL) {
            assertEquals(type, plain.apply(builder, input(type, 2), input(type, 2)).dataType());
        }
    }

    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryRecordsItsNode(Op op, Binary binary, BinaryDefault plain) {
        RecordedNode node = node(binary.apply(builder, input(FLOAT32, 1, 3), input(FLOAT32, 2, 1), label("n1")));
        assertEquals(op, node.op());
        assertEquals("n1", node.label());
        assertEquals(List.of("a", "b"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(FLOAT32, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
    }

    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryWithoutOptionsHasNoLabel(Op op, Binary binary, BinaryDefault plain) {
        assertEquals("", node(plain.apply(builder, input(INT32, 2), input(INT32, 2))).label());
    }

    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryRejectsWrongArguments(Op op, Binary binary, BinaryDefault plain) {
        String name = op.specName();
        assertTypeError(name + " [l]: b data type int32 must match a data type float32",
                () -> binary.apply(builder, input(FLOAT32, 2), input(INT32, 2), label("l")));
        assertTypeError(name + ": shapes [2, 3] and [2] are not broadcastable",
                () -> plain.apply(builder, input(FLOAT32, 2, 3), input(FLOAT32, 2)));
        assertTypeError(name + ": a is null", () -> plain.apply(builder, null, input(FLOAT32, 2)));
        assertTypeError(name + ": b is null", () -> plain.apply(builder, input(FLOAT32, 2), null));
        assertTypeError(name + ": options are null", () -> binary.apply(builder, input(FLOAT32, 2), input(FLOAT32, 2), null));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2));
            assertTypeError(name + ": b belongs to another MLGraphBuilder", () -> plain.apply(builder, input(FLOAT32, 2), foreign));
            assertTypeError(name + ": a belongs to another MLGraphBuilder", () -> plain.apply(builder, foreign, input(FLOAT32, 2)));
        }
        assertTypeError(name + ": output: shape [65536, 65536] has 4294967296 elements, more than 2147483647",
                () -> plain.apply(builder, input(FLOAT32, 65536, 1), input(FLOAT32, 1, 65536)));
    }

    @ParameterizedTest
    @MethodSource("binaryOps")
    void binaryNeedsABuilderThatCanBuild(Op op, Binary binary, BinaryDefault plain) {
        MLOperand a = input(FLOAT32, 2);
        builder.build(Map.of("out", plain.apply(builder, a, a))).close();
        MLInvalidStateError built = assertThrows(MLInvalidStateError.class, () -> plain.apply(builder, a, a));
        assertEquals("this MLGraphBuilder has already built a graph", built.getMessage());
    }

    @Test
    void operationsOnAClosedContextThrowInvalidState() {
        MLOperand a = input(FLOAT32, 2);
        context.close();
        assertEquals("the MLContext is closed", assertThrows(MLInvalidStateError.class, () -> builder.sub(a, a)).getMessage());
        assertThrows(MLInvalidStateError.class, () -> builder.equal(a, a));
        assertThrows(MLInvalidStateError.class, () -> builder.abs(a));
        assertThrows(MLInvalidStateError.class, () -> builder.cast(a, INT32));
        assertThrows(MLInvalidStateError.class, () -> builder.clamp(a));
        assertThrows(MLInvalidStateError.class, () -> builder.where(a, a, a));
    }

    @Test
    void labelsInMessagesAreSanitized() {
        assertTypeError("mul [ab]: shapes [2] and [3] are not broadcastable",
                () -> builder.mul(input(FLOAT32, 2), input(FLOAT32, 3), label("a\u202Eb\n")));
    }

    // ---------------------------------------------------------------------------------
    // Element-wise logical operations
    // ---------------------------------------------------------------------------------

    static Stream<Arguments> comparisonOps() {
        return Stream.of(
                Arguments.of(Op.EQUAL, (Binary) MLGraphBuilder::equal, (BinaryDefault) MLGraphBuilder::equal),
                Arguments.of(Op.NOT_EQUAL, (Binary) MLGraphBuilder::notEqual, (BinaryDefault) MLGraphBuilder::notEqual),
                Arguments.of(Op.GREATER, (Binary) MLGraphBuilder::greater, (BinaryDefault) MLGraphBuilder::greater),
                Arguments.of(Op.GREATER_OR_EQUAL, (Binary) MLGraphBuilder::greaterOrEqual,
                        (BinaryDefault) MLGraphBuilder::greaterOrEqual),
                Arguments.of(Op.LESSER, (Binary) MLGraphBuilder::lesser, (BinaryDefault) MLGraphBuilder::lesser),
                Arguments.of(Op.LESSER_OR_EQUAL, (Binary) MLGraphBuilder::lesserOrEqual,
                        (BinaryDefault) MLGraphBuilder::lesserOrEqual));
    }

    static Stream<Arguments> logicalBinaryOps() {
        return Stream.of(
                Arguments.of(Op.LOGICAL_AND, (Binary) MLGraphBuilder::logicalAnd, (BinaryDefault) MLGraphBuilder::logicalAnd),
                Arguments.of(Op.LOGICAL_OR, (Binary) MLGraphBuilder::logicalOr, (BinaryDefault) MLGraphBuilder::logicalOr),
                Arguments.of(Op.LOGICAL_XOR, (Binary) MLGraphBuilder::logicalXor, (BinaryDefault) MLGraphBuilder::logicalXor));
    }

    static Stream<Arguments> allLogicalBinaryOps() {
        return Stream.concat(comparisonOps(), logicalBinaryOps());
    }

    @ParameterizedTest
    @MethodSource("comparisonOps")
    void comparisonsAcceptEveryTypeAndReturnUint8(Op op, Binary binary, BinaryDefault plain) {
        for (MLOperandDataType type : ALL) {
            MLOperand out = plain.apply(builder, input(type, 3, 1), input(type, 4));
            assertEquals(UINT8, out.dataType());
            assertArrayEquals(new long[] {3, 4}, out.shape());
        }
    }

    @ParameterizedTest
    @MethodSource("allLogicalBinaryOps")
    void logicalBinaryBroadcastsAndRecordsItsNode(Op op, Binary binary, BinaryDefault plain) {
        assertArrayEquals(new long[] {}, plain.apply(builder, input(UINT8), input(UINT8)).shape());
        assertArrayEquals(new long[] {2, 5, 3}, plain.apply(builder, input(UINT8, 5, 1), input(UINT8, 2, 1, 3)).shape());
        RecordedNode node = node(binary.apply(builder, input(UINT8, 2, 1), input(UINT8, 3), label("cmp")));
        assertEquals(op, node.op());
        assertEquals("cmp", node.label());
        assertEquals(List.of("a", "b"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(UINT8, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
    }

    @ParameterizedTest
    @MethodSource("comparisonOps")
    void comparisonsRejectWrongArguments(Op op, Binary binary, BinaryDefault plain) {
        String name = op.specName();
        assertTypeError(name + " [c]: b data type float16 must match a data type float32",
                () -> binary.apply(builder, input(FLOAT32, 2), input(FLOAT16, 2), label("c")));
        assertTypeError(name + ": shapes [3] and [4] are not broadcastable",
                () -> plain.apply(builder, input(INT32, 3), input(INT32, 4)));
        assertTypeError(name + ": a is null", () -> plain.apply(builder, null, input(FLOAT32, 2)));
        assertTypeError(name + ": b is null", () -> plain.apply(builder, input(FLOAT32, 2), null));
        assertTypeError(name + ": options are null", () -> binary.apply(builder, input(FLOAT32, 2), input(FLOAT32, 2), null));
    }

    @ParameterizedTest
    @MethodSource("logicalBinaryOps")
    void logicalAndOrXorNeedUint8(Op op, Binary binary, BinaryDefault plain) {
        String name = op.specName();
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.of(UINT8))) {
            assertTypeError(name + ": a data type " + type + " is not allowed (allowed: uint8)",
                    () -> plain.apply(builder, input(type, 2), input(type, 2)));
        }
        assertTypeError(name + ": b data type int8 must match a data type uint8",
                () -> plain.apply(builder, input(UINT8, 2), input(INT8, 2)));
        // the spec checks a's data type before it validates b
        assertTypeError(name + ": a data type float32 is not allowed (allowed: uint8)",
                () -> plain.apply(builder, input(FLOAT32, 2), null));
        assertTypeError(name + ": b is null", () -> plain.apply(builder, input(UINT8, 2), null));
        assertTypeError(name + ": shapes [2, 2] and [3] are not broadcastable",
                () -> plain.apply(builder, input(UINT8, 2, 2), input(UINT8, 3)));
    }

    static Stream<Arguments> logicalUnaryOps() {
        return Stream.of(
                Arguments.of(Op.LOGICAL_NOT, (Unary) MLGraphBuilder::logicalNot, (UnaryDefault) MLGraphBuilder::logicalNot,
                        EnumSet.of(UINT8)),
                Arguments.of(Op.IS_NAN, (Unary) MLGraphBuilder::isNaN, (UnaryDefault) MLGraphBuilder::isNaN, FLOATS),
                Arguments.of(Op.IS_INFINITE, (Unary) MLGraphBuilder::isInfinite, (UnaryDefault) MLGraphBuilder::isInfinite,
                        FLOATS));
    }

    @ParameterizedTest
    @MethodSource("logicalUnaryOps")
    void logicalUnaryKeepsTheShapeAndReturnsUint8(Op op, Unary unary, UnaryDefault plain, Set<MLOperandDataType> allowed) {
        for (MLOperandDataType type : allowed) {
            MLOperand out = plain.apply(builder, input(type, 2, 3, 4));
            assertEquals(UINT8, out.dataType());
            assertArrayEquals(new long[] {2, 3, 4}, out.shape());
            assertArrayEquals(new long[] {}, plain.apply(builder, input(type)).shape());
        }
        MLOperandDataType type = allowed.iterator().next();
        RecordedNode node = node(unary.apply(builder, input(type, 5), label("u")));
        assertEquals(op, node.op());
        assertEquals("u", node.label());
        assertEquals(List.of("a"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(UINT8, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {5}, node.output().descriptor().shape());
    }

    @ParameterizedTest
    @MethodSource("logicalUnaryOps")
    void logicalUnaryRejectsOtherTypes(Op op, Unary unary, UnaryDefault plain, Set<MLOperandDataType> allowed) {
        String name = op.specName();
        String names = allowed.equals(FLOATS) ? "float32, float16" : "uint8";
        for (MLOperandDataType type : othersOfTheSnapshot(allowed)) {
            assertTypeError(name + " [n]: a data type " + type + " is not allowed (allowed: " + names + ")",
                    () -> unary.apply(builder, input(type, 2), label("n")));
        }
        assertTypeError(name + ": a is null", () -> plain.apply(builder, null));
        assertTypeError(name + ": options are null", () -> unary.apply(builder, input(UINT8), null));
    }

    // ---------------------------------------------------------------------------------
    // Element-wise unary operations
    // ---------------------------------------------------------------------------------

    static Stream<Arguments> unaryOps() {
        return Stream.of(
                Arguments.of(Op.ABS, (Unary) MLGraphBuilder::abs, (UnaryDefault) MLGraphBuilder::abs, SIGNED),
                Arguments.of(Op.CEIL, (Unary) MLGraphBuilder::ceil, (UnaryDefault) MLGraphBuilder::ceil, FLOATS),
                Arguments.of(Op.COS, (Unary) MLGraphBuilder::cos, (UnaryDefault) MLGraphBuilder::cos, FLOATS),
                Arguments.of(Op.ERF, (Unary) MLGraphBuilder::erf, (UnaryDefault) MLGraphBuilder::erf, FLOATS),
                Arguments.of(Op.EXP, (Unary) MLGraphBuilder::exp, (UnaryDefault) MLGraphBuilder::exp, FLOATS),
                Arguments.of(Op.FLOOR, (Unary) MLGraphBuilder::floor, (UnaryDefault) MLGraphBuilder::floor, FLOATS),
                Arguments.of(Op.IDENTITY, (Unary) MLGraphBuilder::identity, (UnaryDefault) MLGraphBuilder::identity, ALL),
                Arguments.of(Op.LOG, (Unary) MLGraphBuilder::log, (UnaryDefault) MLGraphBuilder::log, FLOATS),
                Arguments.of(Op.NEG, (Unary) MLGraphBuilder::neg, (UnaryDefault) MLGraphBuilder::neg, SIGNED),
                Arguments.of(Op.RECIPROCAL, (Unary) MLGraphBuilder::reciprocal, (UnaryDefault) MLGraphBuilder::reciprocal,
                        FLOATS),
                Arguments.of(Op.ROUND_EVEN, (Unary) MLGraphBuilder::roundEven, (UnaryDefault) MLGraphBuilder::roundEven,
                        FLOATS),
                Arguments.of(Op.SIGN, (Unary) MLGraphBuilder::sign, (UnaryDefault) MLGraphBuilder::sign, SIGNED),
                Arguments.of(Op.SIN, (Unary) MLGraphBuilder::sin, (UnaryDefault) MLGraphBuilder::sin, FLOATS),
                Arguments.of(Op.SQRT, (Unary) MLGraphBuilder::sqrt, (UnaryDefault) MLGraphBuilder::sqrt, FLOATS),
                Arguments.of(Op.TAN, (Unary) MLGraphBuilder::tan, (UnaryDefault) MLGraphBuilder::tan, FLOATS));
    }

    @ParameterizedTest
    @MethodSource("unaryOps")
    void unaryCopiesTheInputDescriptor(Op op, Unary unary, UnaryDefault plain, Set<MLOperandDataType> allowed) {
        for (MLOperandDataType type : allowed) {
            MLOperand out = plain.apply(builder, input(type, 2, 3));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {2, 3}, out.shape());
        }
        assertArrayEquals(new long[] {}, plain.apply(builder, input(FLOAT32)).shape());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, plain.apply(builder, input(FLOAT16, 1, 2, 3, 4, 5, 6, 7, 8)).shape());
    }

    @ParameterizedTest
    @MethodSource("unaryOps")
    void unaryRecordsItsNode(Op op, Unary unary, UnaryDefault plain, Set<MLOperandDataType> allowed) {
        RecordedNode node = node(unary.apply(builder, input(FLOAT16, 4, 1), label("u1")));
        assertEquals(op, node.op());
        assertEquals("u1", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(FLOAT16, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {4, 1}, node.output().descriptor().shape());
    }

    @ParameterizedTest
    @MethodSource("unaryOps")
    void unaryRejectsOtherTypesAndBadArguments(Op op, Unary unary, UnaryDefault plain, Set<MLOperandDataType> allowed) {
        String name = op.specName();
        String names = allowed.equals(FLOATS) ? "float32, float16" : "float32, float16, int32, int64, int8";
        for (MLOperandDataType type : othersOfTheSnapshot(allowed)) {
            assertTypeError(name + " [bad]: input data type " + type + " is not allowed (allowed: " + names + ")",
                    () -> unary.apply(builder, input(type, 2), label("bad")));
        }
        assertTypeError(name + ": input is null", () -> plain.apply(builder, null));
        assertTypeError(name + ": options are null", () -> unary.apply(builder, input(FLOAT32), null));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2));
            assertTypeError(name + ": input belongs to another MLGraphBuilder", () -> plain.apply(builder, foreign));
        }
    }

    @Test
    void identityOutputsAGraphInput() {
        MLOperand x = input(UINT64, 3);
        RecordedNode node = node(builder.identity(x));
        assertEquals(Op.IDENTITY, node.op());
        assertEquals(UINT64, node.output().descriptor().dataType());
    }

    // ---------------------------------------------------------------------------------
    // cast
    // ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(MLOperandDataType.class)
    void castConvertsFromEveryTypeToEveryType(MLOperandDataType from) {
        for (MLOperandDataType to : MLOperandDataType.values()) {
            MLOperand out = builder.cast(input(from, 2, 3), to);
            assertEquals(to, out.dataType());
            assertArrayEquals(new long[] {2, 3}, out.shape());
        }
        assertArrayEquals(new long[] {}, builder.cast(input(from), INT8).shape());
    }

    @Test
    void castRecordsTheTargetType() {
        RecordedNode node = node(builder.cast(input(FLOAT32, 4), INT64, label("toLong")));
        assertEquals(Op.CAST, node.op());
        assertEquals("toLong", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("dataType"), node.attributes().keys());
        assertEquals(INT64, node.attributes().enumValue("dataType", MLOperandDataType.class));
        assertEquals(INT64, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {4}, node.output().descriptor().shape());
    }

    @Test
    void castRejectsBadArguments() {
        assertTypeError("cast [c]: dataType is null", () -> builder.cast(input(FLOAT32, 2), null, label("c")));
        assertTypeError("cast: input is null", () -> builder.cast(null, INT32));
        assertTypeError("cast: options are null", () -> builder.cast(input(FLOAT32, 2), INT32, null));
    }

    // ---------------------------------------------------------------------------------
    // clamp
    // ---------------------------------------------------------------------------------

    private RecordedNode clampNode(MLOperandDataType type, MLClampOptions options) {
        return node(builder.clamp(input(type, 2), options));
    }

    @Test
    void clampKeepsTheDescriptorForEveryType() {
        for (MLOperandDataType type : ALL) {
            MLOperand out = builder.clamp(input(type, 3, 2));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {3, 2}, out.shape());
        }
    }

    @Test
    void clampFillsInfiniteBoundsForFloats() {
        RecordedNode node = clampNode(FLOAT32, MLClampOptions.defaults());
        assertEquals(Op.CLAMP, node.op());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("minValue", "maxValue"), node.attributes().keys());
        assertEquals(MLNumber.of(Double.NEGATIVE_INFINITY), node.attributes().number("minValue"));
        assertEquals(MLNumber.of(Double.POSITIVE_INFINITY), node.attributes().number("maxValue"));
    }

    @Test
    void clampWithoutOptionsIsUnlabelledAndUnbounded() {
        RecordedNode node = node(builder.clamp(input(FLOAT16, 2)));
        assertEquals("", node.label());
        assertEquals(MLNumber.of(Double.NEGATIVE_INFINITY), node.attributes().number("minValue"));
        assertEquals(MLNumber.of(Double.POSITIVE_INFINITY), node.attributes().number("maxValue"));
    }

    @Test
    void clampFillsTheTypeRangeForIntegers() {
        RecordedNode int8 = clampNode(INT8, MLClampOptions.defaults());
        assertEquals(MLNumber.of(-128L), int8.attributes().number("minValue"));
        assertEquals(MLNumber.of(127L), int8.attributes().number("maxValue"));
    }

    @Test
    void clampFillsTheUint64Range() {
        RecordedNode node = clampNode(UINT64, MLClampOptions.defaults().withMaxValue(MLNumber.ofUnsigned(-2L)));
        assertEquals(MLNumber.of(0L), node.attributes().number("minValue"));
        assertEquals(MLNumber.ofUnsigned(-2L), node.attributes().number("maxValue"));
    }

    @Test
    void clampFillsTheUint32Range() {
        RecordedNode uint32 = clampNode(UINT32, MLClampOptions.defaults().withMinValue(7));
        assertEquals(MLNumber.of(7L), uint32.attributes().number("minValue"));
        assertEquals(MLNumber.of(0xFFFF_FFFFL), uint32.attributes().number("maxValue"));
    }

    @Test
    void clampFillsTheInt64Range() {
        RecordedNode int64 = clampNode(INT64, MLClampOptions.defaults());
        assertEquals(MLNumber.of(Long.MIN_VALUE), int64.attributes().number("minValue"));
        assertEquals(MLNumber.of(Long.MAX_VALUE), int64.attributes().number("maxValue"));
    }

    @Test
    void clampCastsGivenBoundsToTheInputType() {
        RecordedNode node = clampNode(INT32, MLClampOptions.defaults().withMinValue(2.5).withMaxValue(3.5).withLabel("c"));
        assertEquals("c", node.label());
        assertEquals(MLNumber.of(2L), node.attributes().number("minValue"));
        assertEquals(MLNumber.of(4L), node.attributes().number("maxValue"));
    }

    @Test
    void clampCastsBoundsToFloat16() {
        RecordedNode node = clampNode(FLOAT16, MLClampOptions.defaults().withMinValue(0.1).withMaxValue(1000.1));
        assertEquals(MLNumber.of(0.0999755859375), node.attributes().number("minValue"));
        assertEquals(MLNumber.of(1000.0), node.attributes().number("maxValue"));
    }

    @Test
    void clampCastsBoundsToFloat32() {
        RecordedNode node = clampNode(FLOAT32, MLClampOptions.defaults().withMinValue(0.0).withMaxValue(6.0));
        assertEquals(MLNumber.of(0.0), node.attributes().number("minValue"));
        assertEquals(MLNumber.of(6.0), node.attributes().number("maxValue"));
    }

    @Test
    void clampRejectsMinGreaterThanMax() {
        assertTypeError("clamp [c1]: minValue 3.0 is greater than maxValue 2.0 (after casting to float32)",
                () -> builder.clamp(input(FLOAT32, 2), MLClampOptions.defaults().withMinValue(3).withMaxValue(2).withLabel("c1")));
        assertTypeError("clamp: minValue 1.0 is greater than maxValue -Infinity (after casting to float32)",
                () -> builder.clamp(input(FLOAT32, 2), MLClampOptions.defaults().withMinValue(1).withMaxValue(Double.NEGATIVE_INFINITY)));
        assertTypeError("clamp: minValue 2.19921875 is greater than maxValue 2.099609375 (after casting to float16)",
                () -> builder.clamp(input(FLOAT16, 2), MLClampOptions.defaults().withMinValue(2.2).withMaxValue(2.1)));
        assertTypeError("clamp: minValue 5 is greater than maxValue 4 (after casting to int8)",
                () -> builder.clamp(input(INT8, 2), MLClampOptions.defaults().withMinValue(5).withMaxValue(4)));
        assertTypeError("clamp: minValue 18446744073709551615 is greater than maxValue 18446744073709551614 (after casting to uint64)",
                () -> builder.clamp(input(UINT64, 2), MLClampOptions.defaults()
                        .withMinValue(MLNumber.ofUnsigned(-1L)).withMaxValue(MLNumber.ofUnsigned(-2L))));
        assertTypeError("clamp: minValue 9223372036854775807 is greater than maxValue 9223372036854775806 (after casting to int64)",
                () -> builder.clamp(input(INT64, 2), MLClampOptions.defaults()
                        .withMinValue(MLNumber.of(Long.MAX_VALUE)).withMaxValue(MLNumber.of(Long.MAX_VALUE - 1))));
        assertTypeError("clamp: minValue 1 is greater than maxValue 0 (after casting to uint8)",
                () -> builder.clamp(input(UINT8, 2), MLClampOptions.defaults().withMinValue(1).withMaxValue(0.4)));
    }

    @Test
    void clampComparesTheCastBounds() {
        // equal after casting: accepted
        RecordedNode uint8 = clampNode(UINT8, MLClampOptions.defaults().withMinValue(300).withMaxValue(256));
        assertEquals(MLNumber.of(255L), uint8.attributes().number("minValue"));
        assertEquals(MLNumber.of(255L), uint8.attributes().number("maxValue"));
        MLGraphBuilder second = new MLGraphBuilder(context);
        MLOperand half = second.clamp(second.input("h", MLOperandDescriptor.of(FLOAT16, 2)),
                MLClampOptions.defaults().withMinValue(1000.1).withMaxValue(1000.0));
        assertEquals(FLOAT16, half.dataType());
    }

    @Test
    void clampAcceptsEqualBoundsAfterRounding() {
        RecordedNode int32 = clampNode(INT32, MLClampOptions.defaults().withMinValue(2.4).withMaxValue(2.1));
        assertEquals(MLNumber.of(2L), int32.attributes().number("minValue"));
        assertEquals(MLNumber.of(2L), int32.attributes().number("maxValue"));
    }

    @Test
    void clampNegativeBoundsOfUnsignedTypesBecomeZero() {
        RecordedNode node = clampNode(UINT32, MLClampOptions.defaults().withMinValue(-5).withMaxValue(-1));
        assertEquals(MLNumber.of(0L), node.attributes().number("minValue"));
        assertEquals(MLNumber.of(0L), node.attributes().number("maxValue"));
    }

    @Test
    void clampNaNBoundIsNotGreater() {
        RecordedNode node = clampNode(FLOAT32, MLClampOptions.defaults().withMinValue(Double.NaN).withMaxValue(0));
        assertTrue(Double.isNaN(node.attributes().number("minValue").doubleValue()));
        assertEquals(MLNumber.of(0.0), node.attributes().number("maxValue"));
    }

    @Test
    void clampRejectsBadArguments() {
        assertTypeError("clamp: input is null", () -> builder.clamp(null));
        assertTypeError("clamp: options are null", () -> builder.clamp(input(FLOAT32, 2), null));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2));
            assertTypeError("clamp: input belongs to another MLGraphBuilder", () -> builder.clamp(foreign));
        }
    }

    @Test
    void clampOptionsAreImmutableWithAbsentDefaults() {
        MLClampOptions defaults = MLClampOptions.defaults();
        assertFalse(defaults.minValue().isPresent());
        assertFalse(defaults.maxValue().isPresent());
        assertEquals("", defaults.label());
        MLClampOptions set = defaults.withMinValue(MLNumber.of(1L)).withMaxValue(2.0).withLabel("l");
        assertEquals(MLNumber.of(1L), set.minValue().orElseThrow());
        assertEquals(MLNumber.of(2.0), set.maxValue().orElseThrow());
        assertEquals("l", set.label());
        assertFalse(defaults.minValue().isPresent());
        assertThrows(NullPointerException.class, () -> defaults.withMinValue(null));
        assertThrows(NullPointerException.class, () -> defaults.withLabel(null));
    }

    // ---------------------------------------------------------------------------------
    // where
    // ---------------------------------------------------------------------------------

    @Test
    void whereBroadcastsAllThreeShapes() {
        MLOperand out = builder.where(input(UINT8, 2, 1, 1), input(FLOAT16, 3, 1), input(FLOAT16, 1, 4));
        assertArrayEquals(new long[] {2, 3, 4}, out.shape());
        assertEquals(FLOAT16, out.dataType());
        assertArrayEquals(new long[] {}, builder.where(input(UINT8), input(INT64), input(INT64)).shape());
        assertArrayEquals(new long[] {5, 2}, builder.where(input(UINT8, 5, 2), input(INT8), input(INT8, 2)).shape());
        for (MLOperandDataType type : ALL) {
            assertEquals(type, builder.where(input(UINT8, 2), input(type, 2), input(type, 2)).dataType());
        }
    }

    @Test
    void whereRecordsItsNode() {
        RecordedNode node = node(builder.where(input(UINT8, 3), input(FLOAT32, 2, 1), input(FLOAT32, 1), label("w")));
        assertEquals(Op.WHERE, node.op());
        assertEquals("w", node.label());
        assertEquals(List.of("condition", "trueValue", "falseValue"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(FLOAT32, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
    }

    @Test
    void whereRejectsBadArguments() {
        assertTypeError("where [w]: condition data type float32 is not allowed (allowed: uint8)",
                () -> builder.where(input(FLOAT32, 2), input(FLOAT32, 2), input(FLOAT32, 2), label("w")));
        assertTypeError("where: falseValue data type int32 must match trueValue data type float32",
                () -> builder.where(input(UINT8, 2), input(FLOAT32, 2), input(INT32, 2)));
        assertTypeError("where: shapes [2] and [3] of trueValue and falseValue are not broadcastable",
                () -> builder.where(input(UINT8, 2), input(FLOAT32, 2), input(FLOAT32, 3)));
        assertTypeError("where: shapes [4] and [2, 3] of condition and the values are not broadcastable",
                () -> builder.where(input(UINT8, 4), input(FLOAT32, 2, 1), input(FLOAT32, 3)));
        assertTypeError("where: condition is null", () -> builder.where(null, input(FLOAT32, 2), input(FLOAT32, 2)));
        assertTypeError("where: trueValue is null", () -> builder.where(input(UINT8, 2), null, input(FLOAT32, 2)));
        assertTypeError("where: falseValue is null", () -> builder.where(input(UINT8, 2), input(FLOAT32, 2), null));
        assertTypeError("where: options are null",
                () -> builder.where(input(UINT8, 2), input(FLOAT32, 2), input(FLOAT32, 2), null));
    }

    /** The spec snapshot's types outside {@code allowed} (the 4-bit types have their own test, FourBitTypesTest). */
    private static Set<MLOperandDataType> othersOfTheSnapshot(Set<MLOperandDataType> allowed) {
        Set<MLOperandDataType> others = MLOperandDataType.snapshotTypes();
        others.removeAll(allowed);
        return others;
    }
}
