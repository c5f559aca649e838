package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ShapeOpsTest extends OpsTestFixture {

    private MLOperand input(String name, MLOperandDataType type, long... shape) {
        return builder.input(name, MLOperandDescriptor.of(type, shape));
    }

    private MLOperand x(long... shape) {
        return input("x", FLOAT32, shape);
    }

    // ---------------------------------------------------------------------------------
    // concat
    // ---------------------------------------------------------------------------------

    @Test
    void concatAddsSizesAlongTheAxis() {
        MLOperand a = input("a", FLOAT32, 2, 3);
        MLOperand b = input("b", FLOAT32, 4, 3);
        assertArrayEquals(new long[] {6, 3}, builder.concat(List.of(a, b), 0).shape());
        MLOperand c = input("c", FLOAT32, 2, 1);
        MLOperand d = input("d", FLOAT32, 2, 2);
        MLOperand e = input("e", FLOAT32, 2, 3);
        MLOperand cde = builder.concat(List.of(c, d, e), 1);
        assertArrayEquals(new long[] {2, 6}, cde.shape());
        assertEquals(FLOAT32, cde.dataType());
        assertArrayEquals(new long[] {2, 6}, builder.concat(List.of(e, e), 1).shape());
        assertArrayEquals(new long[] {2, 3}, builder.concat(List.of(e), 0).shape());
        MLOperand i = input("i", INT64, 1, 2, 5);
        MLOperand j = input("j", INT64, 1, 2, 7);
        MLOperand ij = builder.concat(List.of(i, j), 2);
        assertArrayEquals(new long[] {1, 2, 12}, ij.shape());
        assertEquals(INT64, ij.dataType());
    }

    @Test
    void concatRecordsListRolesAndTheAxis() {
        MLOperand a = input("a", FLOAT32, 2, 1);
        MLOperand b = input("b", FLOAT32, 2, 2);
        RecordedNode node = node(builder.concat(List.of(a, b, a), 1, MLOperatorOptions.defaults().withLabel("cat")));
        assertEquals(Op.CONCAT, node.op());
        assertEquals("cat", node.label());
        assertEquals(List.of("inputs[0]", "inputs[1]", "inputs[2]"), roles(node));
        assertEquals(3, node.inputList("inputs").size());
        assertEquals(node.inputList("inputs").get(0), node.inputList("inputs").get(2));
        assertEquals(List.of("axis"), node.attributes().keys());
        assertEquals(1, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {2, 4}, node.output().descriptor().shape());
    }

    @Test
    void concatRejectsBadLists() {
        MLOperand a = x(2, 3);
        assertTypeError("concat: inputs is null", () -> builder.concat(null, 0));
        assertTypeError("concat: inputs size 0 is not a valid tensor count (valid: 1 to 8192)",
                () -> builder.concat(List.of(), 0));
        assertTypeError("concat: inputs size 8193 is not a valid tensor count (valid: 1 to 8192)",
                () -> builder.concat(Collections.nCopies(8193, a), 0));
        assertArrayEquals(new long[] {2 * 8192, 3}, builder.concat(Collections.nCopies(8192, a), 0).shape());
        assertTypeError("concat: inputs[1] is null", () -> builder.concat(Arrays.asList(a, null), 0));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2, 3));
            assertTypeError("concat [c1]: inputs[1] belongs to another MLGraphBuilder",
                    () -> builder.concat(List.of(a, foreign), 0, MLOperatorOptions.defaults().withLabel("c1")));
        }
        assertTypeError("concat: options are null", () -> builder.concat(List.of(a), 0, null));
    }

    @Test
    void concatRejectsBadAxesAndMismatchedInputs() {
        MLOperand a = input("a", FLOAT32, 2, 3);
        assertTypeError("concat: axis 2 is out of range [0, 2)", () -> builder.concat(List.of(a, a), 2));
        assertTypeError("concat: axis -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.concat(List.of(a, a), -1));
        MLOperand scalar = input("s", FLOAT32);
        assertTypeError("concat: axis 0 is out of range [0, 0)", () -> builder.concat(List.of(scalar, scalar), 0));
        MLOperand half = input("h", FLOAT16, 2, 3);
        assertTypeError("concat [c]: inputs[1] data type float16 must match inputs[0] data type float32",
                () -> builder.concat(List.of(a, half), 0, MLOperatorOptions.defaults().withLabel("c")));
        MLOperand rank3 = input("r", FLOAT32, 2, 3, 1);
        assertTypeError("concat: inputs[2] rank 3 must equal inputs[0] rank 2",
                () -> builder.concat(List.of(a, a, rank3), 0));
        MLOperand wide = input("w", FLOAT32, 2, 4);
        assertTypeError("concat: inputs[1] shape [2, 4] differs from inputs[0] shape [2, 3] in dimension 1 (only axis 0 may differ)",
                () -> builder.concat(List.of(a, wide), 0));
        assertArrayEquals(new long[] {2, 7}, builder.concat(List.of(a, wide), 1).shape());
        MLOperand big = input("big", UINT8, 2147483647);
        assertTypeError("concat: size along axis 0 through inputs[1] is 4294967294, not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.concat(List.of(big, big), 0));
    }

    // ---------------------------------------------------------------------------------
    // expand
    // ---------------------------------------------------------------------------------

    @Test
    void expandBroadcastsUnidirectionally() {
        assertArrayEquals(new long[] {2, 3, 4}, builder.expand(x(3, 1), 2, 3, 4).shape());
        assertArrayEquals(new long[] {}, builder.expand(input("s", INT32)).shape());
        MLOperand scalar = builder.expand(input("t", INT8), 2, 2);
        assertArrayEquals(new long[] {2, 2}, scalar.shape());
        assertEquals(INT8, scalar.dataType());
        assertArrayEquals(new long[] {2, 3}, builder.expand(input("u", FLOAT32, 2, 3), 2, 3).shape());
        assertArrayEquals(new long[] {5, 2, 3}, builder.expand(input("v", FLOAT32, 1, 3), new long[] {5, 2, 3},
                MLOperatorOptions.defaults()).shape());
    }

    @Test
    void expandRecordsTheNewShape() {
        RecordedNode node = node(builder.expand(x(3, 1), new long[] {2, 3, 4}, MLOperatorOptions.defaults().withLabel("e")));
        assertEquals(Op.EXPAND, node.op());
        assertEquals("e", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("newShape"), node.attributes().keys());
        assertArrayEquals(new long[] {2, 3, 4}, node.attributes().longs("newShape"));
        assertArrayEquals(new long[] {2, 3, 4}, node.output().descriptor().shape());
    }

    @Test
    void expandRejectsShapesThatDoNotBroadcast() {
        assertTypeError("expand: input shape [3, 2] is not unidirectionally broadcastable to newShape [3, 4]",
                () -> builder.expand(x(3, 2), 3, 4));
        assertTypeError("expand: input shape [1] is not unidirectionally broadcastable to newShape []",
                () -> builder.expand(input("y", FLOAT32, 1)));
        assertTypeError("expand [big]: output rank 9 is not allowed (allowed: 0 to 8)",
                () -> builder.expand(input("s", FLOAT32), new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1},
                        MLOperatorOptions.defaults().withLabel("big")));
        assertTypeError("expand: output: shape [0] has invalid dimension 0 (valid: 1 to 2147483647)",
                () -> builder.expand(input("z", FLOAT32, 1), 0));
        assertTypeError("expand: newShape[1] -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.expand(input("n", FLOAT32, 1), 2, -1));
        assertTypeError("expand: newShape is null", () -> builder.expand(input("m", FLOAT32, 1), null,
                MLOperatorOptions.defaults()));
        assertTypeError("expand: input is null", () -> builder.expand(null, 2));
    }

    // ---------------------------------------------------------------------------------
    // pad
    // ---------------------------------------------------------------------------------

    @Test
    void padAddsBothPaddingsToEachDimension() {
        MLOperand input = x(2, 3);
        long[] padding = {1, 2};
        assertArrayEquals(new long[] {4, 7}, builder.pad(input, padding, padding).shape());
        assertArrayEquals(new long[] {4, 7}, builder.pad(input, padding, padding,
                MLPadOptions.defaults().withMode(MLPaddingMode.EDGE)).shape());
        assertArrayEquals(new long[] {4, 7}, builder.pad(input, padding, padding,
                MLPadOptions.defaults().withMode(MLPaddingMode.REFLECTION)).shape());
        assertArrayEquals(new long[] {2, 4}, builder.pad(input, new long[] {0, 1}, new long[] {0, 0}).shape());
        assertArrayEquals(new long[] {12, 13}, builder.pad(input, new long[] {5, 5}, new long[] {5, 5},
                MLPadOptions.defaults().withMode(MLPaddingMode.EDGE)).shape());
        assertArrayEquals(new long[] {}, builder.pad(input("s", INT32), new long[0], new long[0]).shape());
    }

    @Test
    void padRecordsEveryOptionWithDefaults() {
        RecordedNode node = node(builder.pad(x(2, 3), new long[] {1, 2}, new long[] {3, 0}));
        assertEquals(Op.PAD, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("input"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("beginningPadding", "endingPadding", "mode", "value"), attributes.keys());
        assertArrayEquals(new long[] {1, 2}, attributes.longs("beginningPadding"));
        assertArrayEquals(new long[] {3, 0}, attributes.longs("endingPadding"));
        assertEquals(MLPaddingMode.CONSTANT, attributes.enumValue("mode", MLPaddingMode.class));
        assertEquals(MLNumber.of(0.0), attributes.number("value"));
        assertArrayEquals(new long[] {6, 5}, node.output().descriptor().shape());
    }

    @Test
    void padCastsTheValueToTheInputType() {
        MLOperand int32 = input("i", INT32, 2);
        RecordedNode node = node(builder.pad(int32, new long[] {1}, new long[] {1},
                MLPadOptions.defaults().withValue(2.5).withMode(MLPaddingMode.CONSTANT).withLabel("p")));
        assertEquals("p", node.label());
        assertEquals(MLNumber.of(2L), node.attributes().number("value"));
    }

    @Test
    void padCastsOutOfRangeValuesByClamping() {
        MLOperand int8 = input("b", INT8, 2);
        MLOperand uint8 = input("u", UINT8, 2);
        MLOperand half = input("h", FLOAT16, 2);
        MLOperand p1 = builder.pad(int8, new long[] {1}, new long[] {1}, MLPadOptions.defaults().withValue(-1000));
        MLOperand p2 = builder.pad(uint8, new long[] {1}, new long[] {1}, MLPadOptions.defaults().withValue(MLNumber.of(300L)));
        MLOperand p3 = builder.pad(half, new long[] {1}, new long[] {1},
                MLPadOptions.defaults().withValue(0.1).withMode(MLPaddingMode.EDGE));
        try (MLGraph graph = builder.build(Map.of("a", p1, "b", p2, "c", p3))) {
            List<RecordedNode> nodes = RecordedNode.all(graph.graph().nodes());
            assertEquals(3, nodes.size());
            for (RecordedNode node : nodes) {
                MLOperandDataType type = node.input("input").descriptor().dataType();
                MLNumber value = node.attributes().number("value");
                switch (type) {
                    case INT8 -> assertEquals(MLNumber.of(-128L), value);
                    case UINT8 -> assertEquals(MLNumber.of(255L), value);
                    case FLOAT16 -> {
                        assertEquals((double) Float.float16ToFloat(Float.floatToFloat16(0.1f)), value.doubleValue());
                        assertEquals(MLPaddingMode.EDGE, node.attributes().enumValue("mode", MLPaddingMode.class));
                    }
                    default -> throw new AssertionError(type);
                }
            }
        }
    }

    @Test
    void padRejectsBadPaddings() {
        MLOperand input = x(2, 3);
        assertTypeError("pad: beginningPadding [1] must have one entry per input dimension (input rank 2)",
                () -> builder.pad(input, new long[] {1}, new long[] {1, 1}));
        assertTypeError("pad [p]: endingPadding [1, 1, 1] must have one entry per input dimension (input rank 2)",
                () -> builder.pad(input, new long[] {1, 1}, new long[] {1, 1, 1}, MLPadOptions.defaults().withLabel("p")));
        MLPadOptions reflection = MLPadOptions.defaults().withMode(MLPaddingMode.REFLECTION);
        assertTypeError("pad: reflection beginningPadding[0] 2 must be less than input dimension 0 size 2",
                () -> builder.pad(input, new long[] {2, 0}, new long[] {0, 0}, reflection));
        assertTypeError("pad: reflection endingPadding[1] 3 must be less than input dimension 1 size 3",
                () -> builder.pad(input, new long[] {1, 2}, new long[] {1, 3}, reflection));
        assertArrayEquals(new long[] {4, 7}, builder.pad(input, new long[] {1, 2}, new long[] {1, 2}, reflection).shape());
        assertTypeError("pad: output dimension 0 is 2147483649, not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.pad(input("y", FLOAT32, 2), new long[] {2147483647}, new long[] {0}));
        assertTypeError("pad: beginningPadding[0] -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.pad(input, new long[] {-1, 0}, new long[] {0, 0}));
        assertTypeError("pad: endingPadding[1] 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.pad(input, new long[] {0, 0}, new long[] {0, 4294967296L}));
        assertTypeError("pad: beginningPadding is null", () -> builder.pad(input, null, new long[] {0, 0}));
        assertTypeError("pad: endingPadding is null", () -> builder.pad(input, new long[] {0, 0}, null));
        assertTypeError("pad: options are null", () -> builder.pad(input, new long[] {0, 0}, new long[] {0, 0}, null));
    }

    @Test
    void padOptionsHaveTheSpecDefaultsAndAreImmutable() {
        MLPadOptions defaults = MLPadOptions.defaults();
        assertEquals(MLPaddingMode.CONSTANT, defaults.mode());
        assertEquals(MLNumber.of(0.0), defaults.value());
        assertEquals("", defaults.label());
        MLPadOptions edge = defaults.withMode(MLPaddingMode.EDGE).withValue(3).withLabel("l");
        assertEquals(MLPaddingMode.EDGE, edge.mode());
        assertEquals(MLNumber.of(3.0), edge.value());
        assertEquals("l", edge.label());
        assertEquals(MLPaddingMode.CONSTANT, defaults.mode());
        assertEquals(List.of(MLPaddingMode.CONSTANT, MLPaddingMode.EDGE, MLPaddingMode.REFLECTION),
                List.of(MLPaddingMode.values()));
    }

    // ---------------------------------------------------------------------------------
    // reshape
    // ---------------------------------------------------------------------------------

    @Test
    void reshapeKeepsTheElementCount() {
        MLOperand input = x(2, 3, 4);
        assertArrayEquals(new long[] {6, 4}, builder.reshape(input, 6, 4).shape());
        assertArrayEquals(new long[] {24}, builder.reshape(input, 24).shape());
        assertArrayEquals(new long[] {1, 24, 1}, builder.reshape(input, 1, 24, 1).shape());
        assertArrayEquals(new long[] {}, builder.reshape(input("one", INT64, 1, 1)).shape());
        MLOperand fromScalar = builder.reshape(input("s", UINT8), 1, 1);
        assertArrayEquals(new long[] {1, 1}, fromScalar.shape());
        assertEquals(UINT8, fromScalar.dataType());
    }

    @Test
    void reshapeRecordsTheNewShape() {
        RecordedNode node = node(builder.reshape(x(2, 3), new long[] {3, 2}, MLOperatorOptions.defaults().withLabel("r")));
        assertEquals(Op.RESHAPE, node.op());
        assertEquals("r", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("newShape"), node.attributes().keys());
        assertArrayEquals(new long[] {3, 2}, node.attributes().longs("newShape"));
        assertArrayEquals(new long[] {3, 2}, node.output().descriptor().shape());
    }

    @Test
    void reshapeRejectsBadShapes() {
        MLOperand input = x(2, 3, 4);
        assertTypeError("reshape: output rank 9 is not allowed (allowed: 0 to 8)",
                () -> builder.reshape(input, 2, 3, 4, 1, 1, 1, 1, 1, 1));
        assertTypeError("reshape: newShape[0] is 0, not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.reshape(input, 0, 24));
        assertTypeError("reshape: newShape[1] is 2147483648, not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.reshape(input, 1, 2147483648L));
        assertTypeError("reshape [r]: newShape [5, 5] has 25 elements, input shape [2, 3, 4] has 24",
                () -> builder.reshape(input, new long[] {5, 5}, MLOperatorOptions.defaults().withLabel("r")));
        assertTypeError("reshape: newShape [] has 1 elements, input shape [2, 3, 4] has 24", () -> builder.reshape(input));
        assertTypeError("reshape: newShape[0] -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.reshape(input, -1, 24));
        assertTypeError("reshape: newShape is null", () -> builder.reshape(input, null, MLOperatorOptions.defaults()));
        assertTypeError("reshape: options are null", () -> builder.reshape(input, new long[] {24}, null));
    }

    // ---------------------------------------------------------------------------------
    // reverse
    // ---------------------------------------------------------------------------------

    @Test
    void reverseKeepsTheShape() {
        MLOperand input = input("x", INT64, 2, 3, 4);
        MLOperand all = builder.reverse(input);
        assertArrayEquals(new long[] {2, 3, 4}, all.shape());
        assertEquals(INT64, all.dataType());
        assertArrayEquals(new long[] {2, 3, 4}, builder.reverse(input, MLReverseOptions.defaults().withAxes(2, 0)).shape());
    }

    @Test
    void reverseRecordsExplicitAxes() {
        MLOperand input = x(2, 3, 4);
        MLOperand all = builder.reverse(input);
        MLOperand some = builder.reverse(input, MLReverseOptions.defaults().withAxes(2, 0).withLabel("rv"));
        MLOperand none = builder.reverse(input, MLReverseOptions.defaults().withAxes());
        MLOperand scalar = builder.reverse(input("s", FLOAT32));
        try (MLGraph graph = builder.build(Map.of("all", all, "some", some, "none", none, "scalar", scalar))) {
            List<RecordedNode> nodes = RecordedNode.all(graph.graph().nodes());
            assertEquals(4, nodes.size());
            assertEquals(Op.REVERSE, nodes.get(0).op());
            assertEquals(List.of("input"), roles(nodes.get(0)));
            assertEquals(List.of("axes"), nodes.get(0).attributes().keys());
            assertArrayEquals(new long[] {0, 1, 2}, nodes.get(0).attributes().longs("axes"));
            assertEquals("rv", nodes.get(1).label());
            assertArrayEquals(new long[] {2, 0}, nodes.get(1).attributes().longs("axes"));
            assertArrayEquals(new long[] {}, nodes.get(2).attributes().longs("axes"));
            assertArrayEquals(new long[] {}, nodes.get(3).attributes().longs("axes"));
        }
    }

    @Test
    void reverseRejectsBadAxes() {
        MLOperand input = x(2, 3);
        assertTypeError("reverse: axes[0] 2 is out of range [0, 2)",
                () -> builder.reverse(input, MLReverseOptions.defaults().withAxes(2)));
        assertTypeError("reverse [r]: axes [0, 0] contains 0 twice",
                () -> builder.reverse(input, MLReverseOptions.defaults().withAxes(0, 0).withLabel("r")));
        assertTypeError("reverse: axes[1] -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.reverse(input, MLReverseOptions.defaults().withAxes(0, -1)));
        assertTypeError("reverse: axes[0] 0 is out of range [0, 0)",
                () -> builder.reverse(input("s", FLOAT32), MLReverseOptions.defaults().withAxes(0)));
        assertTypeError("reverse: input is null", () -> builder.reverse(null));
        assertTypeError("reverse: options are null", () -> builder.reverse(input, null));
    }

    @Test
    void listOptionsAreAbsentByDefaultAndCopied() {
        assertTrue(MLReverseOptions.defaults().axes().isEmpty());
        assertTrue(MLSliceOptions.defaults().strides().isEmpty());
        assertTrue(MLTransposeOptions.defaults().permutation().isEmpty());
        long[] axes = {1, 0};
        MLReverseOptions reverse = MLReverseOptions.defaults().withAxes(axes);
        axes[0] = 7;
        assertArrayEquals(new long[] {1, 0}, reverse.axes().orElseThrow());
        reverse.axes().orElseThrow()[0] = 9;
        assertArrayEquals(new long[] {1, 0}, reverse.axes().orElseThrow());
        long[] strides = {2, 2};
        MLSliceOptions slice = MLSliceOptions.defaults().withStrides(strides).withLabel("s");
        strides[1] = 5;
        assertArrayEquals(new long[] {2, 2}, slice.strides().orElseThrow());
        assertEquals("s", slice.label());
        MLTransposeOptions transpose = MLTransposeOptions.defaults().withPermutation(0, 1).withLabel("t");
        assertArrayEquals(new long[] {0, 1}, transpose.permutation().orElseThrow());
        assertNotSame(transpose.permutation().orElseThrow(), transpose.permutation().orElseThrow());
        assertEquals("t", transpose.label());
        assertTrue(MLTransposeOptions.defaults().permutation().isEmpty());
        assertEquals(0, MLSplitOptions.defaults().axis());
        assertEquals(3, MLSplitOptions.defaults().withAxis(3).axis());
        assertEquals("", MLSplitOptions.defaults().label());
        assertThrows(NullPointerException.class, () -> MLReverseOptions.defaults().withAxes((long[]) null));
    }

    // ---------------------------------------------------------------------------------
    // slice
    // ---------------------------------------------------------------------------------

    @Test
    void sliceTakesStridedWindows() {
        MLOperand input = x(4, 5);
        assertArrayEquals(new long[] {2, 3}, builder.slice(input, new long[] {1, 1}, new long[] {2, 3}).shape());
        assertArrayEquals(new long[] {2, 2}, builder.slice(input, new long[] {0, 0}, new long[] {3, 4},
                MLSliceOptions.defaults().withStrides(2, 2)).shape());
        assertArrayEquals(new long[] {2, 5}, builder.slice(input, new long[] {0, 0}, new long[] {4, 5},
                MLSliceOptions.defaults().withStrides(3, 1)).shape());
        assertArrayEquals(new long[] {1, 1}, builder.slice(input, new long[] {3, 4}, new long[] {1, 1},
                MLSliceOptions.defaults().withStrides(4, 9)).shape());
        assertArrayEquals(new long[] {}, builder.slice(input("s", INT8), new long[0], new long[0]).shape());
    }

    @Test
    void sliceRecordsStartsSizesAndDefaultStrides() {
        RecordedNode node = node(builder.slice(x(4, 5), new long[] {1, 0}, new long[] {3, 5}));
        assertEquals(Op.SLICE, node.op());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("starts", "sizes", "strides"), node.attributes().keys());
        assertArrayEquals(new long[] {1, 0}, node.attributes().longs("starts"));
        assertArrayEquals(new long[] {3, 5}, node.attributes().longs("sizes"));
        assertArrayEquals(new long[] {1, 1}, node.attributes().longs("strides"));
        assertArrayEquals(new long[] {3, 5}, node.output().descriptor().shape());
    }

    @Test
    void sliceRecordsGivenStrides() {
        RecordedNode node = node(builder.slice(x(4, 5), new long[] {0, 1}, new long[] {4, 4},
                MLSliceOptions.defaults().withStrides(3, 2).withLabel("sl")));
        assertEquals("sl", node.label());
        assertArrayEquals(new long[] {3, 2}, node.attributes().longs("strides"));
        assertArrayEquals(new long[] {2, 2}, node.output().descriptor().shape());
    }

    @Test
    void sliceRejectsBadWindows() {
        MLOperand input = x(4, 5);
        assertTypeError("slice: sizes[1] is 0 (must be at least 1)",
                () -> builder.slice(input, new long[] {0}, new long[] {1, 0}));
        assertTypeError("slice: starts [0] must have one entry per input dimension (input rank 2)",
                () -> builder.slice(input, new long[] {0}, new long[] {1, 1}));
        assertTypeError("slice: sizes [1, 1, 1] must have one entry per input dimension (input rank 2)",
                () -> builder.slice(input, new long[] {0, 0}, new long[] {1, 1, 1}));
        assertTypeError("slice [s]: strides [1] must have one entry per input dimension (input rank 2)",
                () -> builder.slice(input, new long[] {0, 0}, new long[] {1, 1},
                        MLSliceOptions.defaults().withStrides(1).withLabel("s")));
        assertTypeError("slice: strides[1] is 0 (must be at least 1)",
                () -> builder.slice(input, new long[] {0, 0}, new long[] {1, 1}, MLSliceOptions.defaults().withStrides(1, 0)));
        assertTypeError("slice: starts[0] 5 is beyond input dimension 0 size 4",
                () -> builder.slice(input, new long[] {5, 0}, new long[] {1, 1}));
        assertTypeError("slice: starts[0] 3 + sizes[0] 2 exceeds input dimension 0 size 4",
                () -> builder.slice(input, new long[] {3, 0}, new long[] {2, 1}));
        assertTypeError("slice: starts[1] 5 + sizes[1] 1 exceeds input dimension 1 size 5",
                () -> builder.slice(input, new long[] {0, 5}, new long[] {1, 1}));
        assertTypeError("slice: starts[0] -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.slice(input, new long[] {-1, 0}, new long[] {1, 1}));
        assertTypeError("slice: sizes[0] 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.slice(input, new long[] {0, 0}, new long[] {4294967296L, 1}));
        assertTypeError("slice: strides[0] -2 is outside the unsigned long range [0, 4294967295]",
                () -> builder.slice(input, new long[] {0, 0}, new long[] {1, 1}, MLSliceOptions.defaults().withStrides(-2, 1)));
        assertTypeError("slice: starts is null", () -> builder.slice(input, null, new long[] {1, 1}));
        assertTypeError("slice: sizes is null", () -> builder.slice(input, new long[] {0, 0}, null));
        assertTypeError("slice: options are null", () -> builder.slice(input, new long[] {0, 0}, new long[] {1, 1}, null));
    }

    // ---------------------------------------------------------------------------------
    // split
    // ---------------------------------------------------------------------------------

    @Test
    void splitIntoEqualParts() {
        MLOperand input = x(6, 4);
        List<MLOperand> parts = builder.split(input, 3);
        assertEquals(3, parts.size());
        for (MLOperand part : parts) {
            assertArrayEquals(new long[] {2, 4}, part.shape());
            assertEquals(FLOAT32, part.dataType());
        }
        List<MLOperand> columns = builder.split(input, 2, MLSplitOptions.defaults().withAxis(1));
        assertEquals(2, columns.size());
        assertArrayEquals(new long[] {6, 2}, columns.get(1).shape());
        List<MLOperand> whole = builder.split(input, 1);
        assertEquals(1, whole.size());
        assertArrayEquals(new long[] {6, 4}, whole.get(0).shape());
    }

    @Test
    void splitIntoGivenSizes() {
        MLOperand input = input("x", INT32, 6, 4);
        List<MLOperand> parts = builder.split(input, new long[] {1, 2, 3});
        assertEquals(3, parts.size());
        assertArrayEquals(new long[] {1, 4}, parts.get(0).shape());
        assertArrayEquals(new long[] {2, 4}, parts.get(1).shape());
        assertArrayEquals(new long[] {3, 4}, parts.get(2).shape());
        assertEquals(INT32, parts.get(2).dataType());
        List<MLOperand> columns = builder.split(input, new long[] {3, 1}, MLSplitOptions.defaults().withAxis(1));
        assertArrayEquals(new long[] {6, 3}, columns.get(0).shape());
        assertArrayEquals(new long[] {6, 1}, columns.get(1).shape());
    }

    @Test
    void splitCountRecordsExplicitSizesAndAxis() {
        List<MLOperand> parts = builder.split(x(6, 4), 3, MLSplitOptions.defaults().withLabel("sp"));
        RecordedNode node = node(parts);
        assertEquals(Op.SPLIT, node.op());
        assertEquals("sp", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("splits", "axis"), node.attributes().keys());
        assertArrayEquals(new long[] {2, 2, 2}, node.attributes().longs("splits"));
        assertEquals(0, node.attributes().integer("axis"));
        assertEquals(3, node.outputs().size());
        assertArrayEquals(new long[] {2, 4}, node.outputs().get(2).descriptor().shape());
    }

    @Test
    void splitSizesRecordsTheSizesAndAxis() {
        List<MLOperand> parts = builder.split(x(6, 4), new long[] {1, 3}, MLSplitOptions.defaults().withAxis(1));
        RecordedNode node = node(parts.get(0));
        assertEquals(2, node.outputs().size());
        assertArrayEquals(new long[] {1, 3}, node.attributes().longs("splits"));
        assertEquals(1, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {6, 1}, node.outputs().get(0).descriptor().shape());
        assertArrayEquals(new long[] {6, 3}, node.outputs().get(1).descriptor().shape());
    }

    @Test
    void splitRejectsBadAxesCountsAndSizes() {
        MLOperand input = x(6, 4);
        assertTypeError("split: axis 2 is out of range [0, 2)",
                () -> builder.split(input, 0, MLSplitOptions.defaults().withAxis(2)));
        assertTypeError("split: axis -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.split(input, 2, MLSplitOptions.defaults().withAxis(-1)));
        assertTypeError("split: axis 0 is out of range [0, 0)", () -> builder.split(input("s", FLOAT32), 1));
        assertTypeError("split: splits 0 is not a valid tensor count (valid: 1 to 8192)", () -> builder.split(input, 0));
        assertTypeError("split: splits 8193 is not a valid tensor count (valid: 1 to 8192)",
                () -> builder.split(input, 8193));
        assertTypeError("split [s]: input dimension 0 size 6 is not divisible by splits 4",
                () -> builder.split(input, 4, MLSplitOptions.defaults().withLabel("s")));
        assertTypeError("split: input dimension 1 size 4 is not divisible by splits 3",
                () -> builder.split(input, 3, MLSplitOptions.defaults().withAxis(1)));
        assertTypeError("split: splits -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.split(input, -1));
        assertTypeError("split: splits size 0 is not a valid tensor count (valid: 1 to 8192)",
                () -> builder.split(input, new long[0]));
        long[] many = new long[8193];
        Arrays.fill(many, 1);
        assertTypeError("split: splits size 8193 is not a valid tensor count (valid: 1 to 8192)",
                () -> builder.split(input, many));
        assertTypeError("split: splits[1] is 0 (must be at least 1)", () -> builder.split(input, new long[] {6, 0}));
        assertTypeError("split: splits [1, 2] sum to 3, input dimension 0 size is 6",
                () -> builder.split(input, new long[] {1, 2}));
        assertTypeError("split: splits[0] 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.split(input, new long[] {4294967296L}));
        assertTypeError("split: splits is null", () -> builder.split(input, (long[]) null));
        assertTypeError("split: input is null", () -> builder.split(null, 2));
        assertTypeError("split: options are null", () -> builder.split(input, 2, null));
        assertTypeError("split: options are null", () -> builder.split(input, new long[] {6}, null));
    }

    // ---------------------------------------------------------------------------------
    // tile
    // ---------------------------------------------------------------------------------

    @Test
    void tileMultipliesEachDimension() {
        assertArrayEquals(new long[] {4, 3}, builder.tile(x(2, 3), 2, 1).shape());
        assertArrayEquals(new long[] {2, 9, 20}, builder.tile(input("y", FLOAT16, 1, 3, 4), 2, 3, 5).shape());
        assertArrayEquals(new long[] {}, builder.tile(input("s", INT32)).shape());
    }

    @Test
    void tileRecordsTheRepetitions() {
        RecordedNode node = node(builder.tile(x(2, 3), new long[] {3, 2}, MLOperatorOptions.defaults().withLabel("t")));
        assertEquals(Op.TILE, node.op());
        assertEquals("t", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("repetitions"), node.attributes().keys());
        assertArrayEquals(new long[] {3, 2}, node.attributes().longs("repetitions"));
        assertArrayEquals(new long[] {6, 6}, node.output().descriptor().shape());
    }

    @Test
    void tileRejectsBadRepetitions() {
        MLOperand input = x(2, 3);
        assertTypeError("tile: repetitions [2] must have one entry per input dimension (input rank 2)",
                () -> builder.tile(input, 2));
        assertTypeError("tile [t]: repetitions[0] is 0 (must be at least 1)",
                () -> builder.tile(input, new long[] {0, 1}, MLOperatorOptions.defaults().withLabel("t")));
        assertTypeError("tile: output: shape [4294967294] has invalid dimension 4294967294 (valid: 1 to 2147483647)",
                () -> builder.tile(input("y", FLOAT32, 2), 2147483647));
        assertTypeError("tile: repetitions[1] -3 is outside the unsigned long range [0, 4294967295]",
                () -> builder.tile(input, 1, -3));
        assertTypeError("tile: repetitions is null", () -> builder.tile(input, null, MLOperatorOptions.defaults()));
    }

    // ---------------------------------------------------------------------------------
    // transpose
    // ---------------------------------------------------------------------------------

    @Test
    void transposePermutesTheShape() {
        MLOperand input = x(2, 3, 4);
        assertArrayEquals(new long[] {4, 3, 2}, builder.transpose(input).shape());
        assertArrayEquals(new long[] {2, 4, 3}, builder.transpose(input,
                MLTransposeOptions.defaults().withPermutation(0, 2, 1)).shape());
        assertArrayEquals(new long[] {3, 4, 2}, builder.transpose(input,
                MLTransposeOptions.defaults().withPermutation(1, 2, 0)).shape());
        assertArrayEquals(new long[] {}, builder.transpose(input("s", FLOAT32)).shape());
        MLOperand typed = builder.transpose(input("i", INT8, 5, 6));
        assertArrayEquals(new long[] {6, 5}, typed.shape());
        assertEquals(INT8, typed.dataType());
    }

    @Test
    void transposeRecordsAnExplicitPermutation() {
        MLOperand input = x(2, 3, 4);
        MLOperand reversed = builder.transpose(input);
        MLOperand given = builder.transpose(input, MLTransposeOptions.defaults().withPermutation(1, 0, 2).withLabel("tp"));
        try (MLGraph graph = builder.build(Map.of("a", reversed, "b", given))) {
            List<RecordedNode> nodes = RecordedNode.all(graph.graph().nodes());
            assertEquals(Op.TRANSPOSE, nodes.get(0).op());
            assertEquals(List.of("input"), roles(nodes.get(0)));
            assertEquals(List.of("permutation"), nodes.get(0).attributes().keys());
            assertArrayEquals(new long[] {2, 1, 0}, nodes.get(0).attributes().longs("permutation"));
            assertArrayEquals(new long[] {4, 3, 2}, nodes.get(0).output().descriptor().shape());
            assertEquals("tp", nodes.get(1).label());
            assertArrayEquals(new long[] {1, 0, 2}, nodes.get(1).attributes().longs("permutation"));
            assertArrayEquals(new long[] {3, 2, 4}, nodes.get(1).output().descriptor().shape());
        }
    }

    @Test
    void transposeRejectsBadPermutations() {
        MLOperand input = x(2, 3, 4);
        assertTypeError("transpose: permutation [0, 1] must have one entry per input dimension (input rank 3)",
                () -> builder.transpose(input, MLTransposeOptions.defaults().withPermutation(0, 1)));
        assertTypeError("transpose: permutation[2] 3 is out of range [0, 3)",
                () -> builder.transpose(input, MLTransposeOptions.defaults().withPermutation(0, 1, 3)));
        assertTypeError("transpose [t]: permutation [0, 0, 1] contains 0 twice",
                () -> builder.transpose(input, MLTransposeOptions.defaults().withPermutation(0, 0, 1).withLabel("t")));
        // every value is range-checked before duplicates are looked for
        assertTypeError("transpose: permutation[2] 5 is out of range [0, 3)",
                () -> builder.transpose(input, MLTransposeOptions.defaults().withPermutation(1, 1, 5)));
        assertTypeError("transpose: permutation[0] -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.transpose(input, MLTransposeOptions.defaults().withPermutation(-1, 0, 1)));
        assertTypeError("transpose: options are null", () -> builder.transpose(input, null));
    }

    // ---------------------------------------------------------------------------------
    // builder state
    // ---------------------------------------------------------------------------------

    @Test
    void everyOperationChecksTheBuilder() {
        MLOperand input = x(2, 2);
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2, 2));
            assertTypeError("reshape: input belongs to another MLGraphBuilder", () -> builder.reshape(foreign, 4));
            assertTypeError("transpose: input belongs to another MLGraphBuilder", () -> builder.transpose(foreign));
            assertTypeError("split: input belongs to another MLGraphBuilder", () -> builder.split(foreign, 2));
        }
        node(builder.reshape(input, 4));
        List<Executable> calls = new ArrayList<>(List.of(
                () -> builder.concat(List.of(input), 0),
                () -> builder.expand(input, 2, 2),
                () -> builder.pad(input, new long[] {0, 0}, new long[] {0, 0}),
                () -> builder.reshape(input, 4),
                () -> builder.reverse(input),
                () -> builder.slice(input, new long[] {0, 0}, new long[] {1, 1}),
                () -> builder.split(input, 2),
                () -> builder.split(input, new long[] {1, 1}),
                () -> builder.tile(input, 1, 1),
                () -> builder.transpose(input)));
        for (Executable call : calls) {
            assertThrows(MLInvalidStateError.class, call);
        }
    }
}
