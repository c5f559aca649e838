package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.backend.onnxruntime.GraphRunner.bits;
import static dev.webnn.backend.onnxruntime.GraphRunner.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLGatherOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNumber;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLPadOptions;
import dev.webnn.MLPaddingMode;
import dev.webnn.MLReverseOptions;
import dev.webnn.MLScatterOptions;
import dev.webnn.MLSliceOptions;
import dev.webnn.MLSplitOptions;
import dev.webnn.MLTensorLimits;
import dev.webnn.MLTransposeOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shape and data movement operators on ONNX Runtime, with hand-computed results. */
class OrtShapeLoweringTest {

    private static final long[] S2x3 = {2, 3};
    private static final double[] ONE_TO_SIX = {1, 2, 3, 4, 5, 6};
    /** The spec's gather examples' input [4, 3]. */
    private static final double[] TABLE = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32};

    private final GraphRunner g = new GraphRunner();
    private final MLGraphBuilder b = g.builder();

    @AfterEach
    void close() {
        g.close();
    }

    private MLOperand table() {
        return g.input("table", FLOAT32, shape(4, 3), TABLE);
    }

    @Test
    void concatJoinsAlongTheAxis() {
        MLOperand a = g.input("a", FLOAT32, S2x3, ONE_TO_SIX);
        MLOperand c = g.constant(FLOAT32, shape(2, 1), 7, 8);
        assertArrayEquals(new double[] {1, 2, 3, 7, 4, 5, 6, 8}, g.run(b.concat(List.of(a, c), 1)));
    }

    @Test
    void concatRepeatsAnOperandAlongTheFirstAxis() {
        MLOperand a = g.input("a", INT32, shape(1, 2), 1, 2);
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2}, g.run(b.concat(List.of(a, a, a), 0)));
    }

    @Test
    void expandBroadcastsToTheNewShape() {
        MLOperand a = g.input("a", FLOAT32, shape(3), 1, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, g.run(b.expand(a, 2, 3)));
    }

    @Test
    void expandOfAScalar() {
        MLOperand a = g.input("a", INT64, shape(), 7);
        assertArrayEquals(new double[] {7, 7, 7, 7}, g.run(b.expand(a, 2, 2)));
    }

    @Test
    void gatherFollowsTheSpecExamples() {
        MLOperand input = table();
        MLOperand rows = g.constant(UINT32, shape(2), 3, 1);
        MLOperand columns = g.constant(UINT32, shape(3), 2, 1, 1);
        MLOperand pairs = g.constant(UINT32, shape(2, 2), 0, 1, 1, 2);
        List<double[]> out = g.run(List.of(b.gather(input, rows),
                b.gather(input, columns, MLGatherOptions.defaults().withAxis(1)),
                b.gather(input, pairs, MLGatherOptions.defaults().withAxis(1))));
        assertArrayEquals(new double[] {30, 31, 32, 10, 11, 12}, out.get(0));
        assertArrayEquals(new double[] {2, 1, 1, 12, 11, 11, 22, 21, 21, 32, 31, 31}, out.get(1));
        assertArrayEquals(new double[] {0, 1, 1, 2, 10, 11, 11, 12, 20, 21, 21, 22, 30, 31, 31, 32}, out.get(2));
    }

    @Test
    void gatherCountsNegativeIndicesFromTheEndAndClampsOutOfRangeOnes() {
        // Dimension 4: -1 -> 3, -4 -> 0, -9 -> clamped to -4 -> 0, 9 -> clamped to 3, 2 -> 2.
        MLOperand indices = g.input("indices", INT32, shape(5), -1, -4, -9, 9, 2);
        assertArrayEquals(new double[] {30, 31, 32, 0, 1, 2, 0, 1, 2, 30, 31, 32, 20, 21, 22},
                g.run(b.gather(table(), indices)));
    }

    @Test
    void gatherClampsUint32AndInt64IndicesAtRunTime() {
        MLOperand unsigned = g.input("u", UINT32, shape(2), 4_294_967_295L, 1);
        MLOperand wide = g.input("w", INT64, shape(2), -Math.pow(2, 62), Math.pow(2, 62));
        MLOperand input = table();
        List<double[]> out = g.run(List.of(b.gather(input, unsigned, MLGatherOptions.defaults().withAxis(1)),
                b.gather(input, wide, MLGatherOptions.defaults().withAxis(1))));
        assertArrayEquals(new double[] {2, 1, 12, 11, 22, 21, 32, 31}, out.get(0));
        assertArrayEquals(new double[] {0, 2, 10, 12, 20, 22, 30, 32}, out.get(1));
    }

    @Test
    void gatherOfAVectorAtAScalarIndexIsAScalar() {
        MLOperand input = g.input("x", FLOAT32, shape(3), 1, 2, 3);
        MLOperand gathered = b.gather(input, g.constant(UINT32, shape(), 1));
        assertEquals(0, gathered.shape().length);
        assertArrayEquals(new double[] {2}, g.run(gathered));
        assertEquals(0, g.context().opSupportLimits().operator("gather").orElseThrow().get("output").rankRange().min());
    }

    @Test
    void gatherWithAScalarIndexDropsTheAxis() {
        MLOperand index = g.constant(INT64, shape(), -2);
        assertArrayEquals(new double[] {20, 21, 22}, g.run(b.gather(table(), index)));
    }

    @Test
    void gatherElementsFollowsTheSpecExamples() {
        MLOperand input = table();
        MLOperand rows = g.constant(UINT32, shape(2, 3), 3, 1, 1, 2, 0, 3);
        MLOperand columns = g.constant(UINT32, shape(4, 1), 2, 1, 0, 2);
        List<double[]> out = g.run(List.of(b.gatherElements(input, rows),
                b.gatherElements(input, columns, MLGatherOptions.defaults().withAxis(1))));
        assertArrayEquals(new double[] {30, 11, 12, 20, 1, 32}, out.get(0));
        assertArrayEquals(new double[] {2, 11, 20, 32}, out.get(1));
    }

    @Test
    void gatherElementsClampsIndices() {
        // Axis 1 of size 3: -1 -> 2, 7 -> 2, -7 -> -3 -> 0.
        MLOperand columns = g.input("c", INT64, shape(4, 1), -1, 7, -7, 1);
        assertArrayEquals(new double[] {2, 12, 20, 31},
                g.run(b.gatherElements(table(), columns, MLGatherOptions.defaults().withAxis(1))));
    }

    @Test
    void gatherNDFollowsTheSpecExamples() {
        MLOperand square = g.input("square", FLOAT32, shape(2, 2), 0, 1, 2, 3);
        MLOperand cube = g.input("cube", FLOAT32, shape(2, 2, 2), 0, 1, 2, 3, 4, 5, 6, 7);
        List<double[]> out = g.run(List.of(
                b.gatherND(square, g.constant(UINT32, shape(3, 2), 0, 0, 1, 1, 1, 0)),
                b.gatherND(square, g.constant(UINT32, shape(2, 1), 1, 0)),
                b.gatherND(cube, g.constant(UINT32, shape(2, 2), 0, 1, 1, 0)),
                b.gatherND(cube, g.constant(UINT32, shape(5, 3), 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1))));
        assertArrayEquals(new double[] {0, 3, 2}, out.get(0));
        assertArrayEquals(new double[] {2, 3, 0, 1}, out.get(1));
        assertArrayEquals(new double[] {2, 3, 4, 5}, out.get(2));
        assertArrayEquals(new double[] {1, 2, 4, 6, 7}, out.get(3));
    }

    @Test
    void gatherNDClampsEachCoordinateToItsOwnDimension() {
        // Input [2, 3]: (-1, 5) -> (1, 2); (-9, -1) -> (0, 2); (1, -3) -> (1, 0).
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        MLOperand indices = g.input("i", INT32, shape(3, 2), -1, 5, -9, -1, 1, -3);
        assertArrayEquals(new double[] {6, 3, 4}, g.run(b.gatherND(input, indices)));
    }

    @Test
    void padFollowsTheSpecExamples() {
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        long[] pads = {1, 2};
        List<double[]> out = g.run(List.of(b.pad(input, pads, pads),
                b.pad(input, pads, pads, MLPadOptions.defaults().withMode(MLPaddingMode.EDGE)),
                b.pad(input, pads, pads, MLPadOptions.defaults().withMode(MLPaddingMode.REFLECTION))));
        assertArrayEquals(new double[] {
            0, 0, 0, 0, 0, 0, 0,
            0, 0, 1, 2, 3, 0, 0,
            0, 0, 4, 5, 6, 0, 0,
            0, 0, 0, 0, 0, 0, 0}, out.get(0));
        assertArrayEquals(new double[] {
            1, 1, 1, 2, 3, 3, 3,
            1, 1, 1, 2, 3, 3, 3,
            4, 4, 4, 5, 6, 6, 6,
            4, 4, 4, 5, 6, 6, 6}, out.get(1));
        assertArrayEquals(new double[] {
            6, 5, 4, 5, 6, 5, 4,
            3, 2, 1, 2, 3, 2, 1,
            6, 5, 4, 5, 6, 5, 4,
            3, 2, 1, 2, 3, 2, 1}, out.get(2));
    }

    @Test
    void padWithAConstantValueOnOneSide() {
        MLOperand input = g.input("x", FLOAT16, shape(3), 1, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3, -2.5, -2.5},
                g.run(b.pad(input, shape(0), shape(2), MLPadOptions.defaults().withValue(-2.5))));
    }

    @Test
    void padOfAScalarIsTheScalar() {
        MLOperand input = g.input("x", FLOAT32, shape(), 4);
        assertArrayEquals(new double[] {4}, g.run(b.pad(input, shape(), shape())));
    }

    @Test
    void reshapeKeepsTheElementOrder() {
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        MLOperand reshaped = b.reshape(input, 3, 1, 2);
        assertArrayEquals(ONE_TO_SIX, g.run(reshaped));
        assertArrayEquals(new long[] {3, 1, 2}, reshaped.shape());
    }

    @Test
    void reshapeToAScalar() {
        MLOperand input = g.input("x", INT32, shape(1, 1), 9);
        assertArrayEquals(new double[] {9}, g.run(b.reshape(input)));
    }

    @Test
    void reverseEveryAxisOrSomeOrNone() {
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        List<double[]> out = g.run(List.of(b.reverse(input),
                b.reverse(input, MLReverseOptions.defaults().withAxes(1)),
                b.reverse(input, MLReverseOptions.defaults().withAxes(0)),
                b.reverse(input, MLReverseOptions.defaults().withAxes())));
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, out.get(0));
        assertArrayEquals(new double[] {3, 2, 1, 6, 5, 4}, out.get(1));
        assertArrayEquals(new double[] {4, 5, 6, 1, 2, 3}, out.get(2));
        assertArrayEquals(ONE_TO_SIX, out.get(3));
    }

    @Test
    void reverseOfAScalarIsTheScalar() {
        assertArrayEquals(new double[] {3}, g.run(b.reverse(g.input("x", FLOAT32, shape(), 3))));
    }

    @Test
    void scatterElementsWritesAlongTheAxis() {
        // ONNX's own example: data zeros [3, 3], axis 0.
        MLOperand input = g.input("x", FLOAT32, shape(3, 3), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        MLOperand indices = g.constant(INT32, shape(2, 3), 1, 0, 2, 0, 2, 1);
        MLOperand updates = g.input("u", FLOAT32, shape(2, 3), 1.0, 1.125, 1.25, 2.0, 2.125, 2.25);
        assertArrayEquals(new double[] {2.0, 1.125, 0, 1.0, 0, 2.25, 0, 2.125, 1.25},
                g.run(b.scatterElements(input, indices, updates)));
    }

    @Test
    void scatterElementsClampsIndices() {
        // Axis 1 of size 3: -1 -> 2, 8 -> 2 on row 0; -4 -> -3 -> 0 on row 1.
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        MLOperand indices = g.input("i", INT64, shape(2, 1), 8, -4);
        MLOperand updates = g.input("u", FLOAT32, shape(2, 1), 30, 40);
        assertArrayEquals(new double[] {1, 2, 30, 40, 5, 6},
                g.run(b.scatterElements(input, indices, updates, MLScatterOptions.defaults().withAxis(1))));
    }

    @Test
    void scatterNDWritesSlicesAtCoordinates() {
        MLOperand input = g.input("x", INT32, shape(8), 1, 2, 3, 4, 5, 6, 7, 8);
        MLOperand indices = g.constant(INT32, shape(4, 1), 4, 3, 1, 7);
        MLOperand updates = g.input("u", INT32, shape(4), 9, 10, 11, 12);
        assertArrayEquals(new double[] {1, 11, 3, 10, 9, 6, 7, 12}, g.run(b.scatterND(input, indices, updates)));
    }

    @Test
    void scatterNDWritesRowsAndClampsCoordinates() {
        // Rows of [2, 3]: 9 -> clamped to row 1; -7 -> clamped to -2 -> row 0.
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        MLOperand indices = g.input("i", UINT32, shape(1, 1), 9);
        MLOperand negative = g.input("n", INT32, shape(1, 1), -7);
        MLOperand updates = g.input("u", FLOAT32, shape(1, 3), 7, 8, 9);
        List<double[]> out = g.run(List.of(b.scatterND(input, indices, updates), b.scatterND(input, negative, updates)));
        assertArrayEquals(new double[] {1, 2, 3, 7, 8, 9}, out.get(0));
        assertArrayEquals(new double[] {7, 8, 9, 4, 5, 6}, out.get(1));
    }

    @Test
    void sliceWithStrides() {
        // Input [4, 5] holding 0..19; rows 1 and 3, columns 1 and 4.
        double[] values = new double[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        MLOperand input = g.input("x", FLOAT32, shape(4, 5), values);
        List<double[]> out = g.run(List.of(
                b.slice(input, shape(1, 1), shape(3, 4), MLSliceOptions.defaults().withStrides(2, 3)),
                b.slice(input, shape(2, 0), shape(1, 2))));
        assertArrayEquals(new double[] {6, 9, 16, 19}, out.get(0));
        assertArrayEquals(new double[] {10, 11}, out.get(1));
    }

    @Test
    void splitBySizesAndIntoEqualParts() {
        MLOperand input = g.input("x", FLOAT32, shape(2, 6), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        List<MLOperand> bySizes = b.split(input, new long[] {1, 2, 3}, MLSplitOptions.defaults().withAxis(1));
        List<MLOperand> halves = b.split(input, 2);
        List<double[]> out = g.run(List.of(bySizes.get(0), bySizes.get(1), bySizes.get(2), halves.get(0), halves.get(1)));
        assertArrayEquals(new double[] {0, 6}, out.get(0));
        assertArrayEquals(new double[] {1, 2, 7, 8}, out.get(1));
        assertArrayEquals(new double[] {3, 4, 5, 9, 10, 11}, out.get(2));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, out.get(3));
        assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11}, out.get(4));
    }

    @Test
    void tileRepeatsEveryDimension() {
        MLOperand input = g.input("x", FLOAT32, shape(2, 2), 1, 2, 3, 4);
        assertArrayEquals(new double[] {1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2, 3, 4, 3, 4}, g.run(b.tile(input, 2, 2)));
    }

    @Test
    void transposeReversesOrPermutesTheAxes() {
        MLOperand input = g.input("x", FLOAT32, S2x3, ONE_TO_SIX);
        MLOperand cube = g.input("c", FLOAT32, shape(1, 2, 3), ONE_TO_SIX);
        List<double[]> out = g.run(List.of(b.transpose(input),
                b.transpose(cube, MLTransposeOptions.defaults().withPermutation(2, 0, 1))));
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, out.get(0));
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, out.get(1));
    }

    @Test
    void scalarsPassThroughTransposeSliceAndTile() {
        MLOperand input = g.input("x", FLOAT32, shape(), 5);
        List<double[]> out = g.run(List.of(b.transpose(input), b.slice(input, shape(), shape()), b.tile(input)));
        for (double[] values : out) {
            assertArrayEquals(new double[] {5}, values);
        }
    }

    @Test
    void rank8TensorsMoveThroughEveryOperator() {
        long[] rank8 = {1, 1, 1, 1, 1, 1, 2, 3};
        MLOperand input = g.input("x", FLOAT32, rank8, ONE_TO_SIX);
        long[] zeros = new long[8];
        long[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
        List<double[]> out = g.run(List.of(
                b.transpose(input),
                b.reverse(input),
                b.slice(input, zeros, rank8),
                b.tile(input, ones),
                b.pad(input, zeros, zeros, MLPadOptions.defaults().withMode(MLPaddingMode.EDGE)),
                b.expand(input, rank8),
                b.concat(List.of(input), 7),
                b.reshape(b.split(input, 3, MLSplitOptions.defaults().withAxis(7)).get(0), 2, 1, 1, 1, 1, 1, 1, 1),
                b.gather(input, g.constant(INT32, shape(1), -1), MLGatherOptions.defaults().withAxis(7)),
                b.gatherElements(input, b.reverse(zeroIndices(rank8)), MLGatherOptions.defaults().withAxis(7)),
                b.gatherND(input, g.constant(INT64, shape(1, 8), 0, 0, 0, 0, 0, 0, 1, 2)),
                b.scatterElements(input, zeroIndices(rank8), b.reverse(input), MLScatterOptions.defaults().withAxis(0)),
                b.scatterND(input, g.constant(INT64, shape(1, 8), 0, 0, 0, 0, 0, 0, 1, 2), g.constant(FLOAT32, shape(1), 9))));
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, out.get(0));
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, out.get(1));
        for (int i = 2; i < 7; i++) {
            assertArrayEquals(ONE_TO_SIX, out.get(i));
        }
        assertArrayEquals(new double[] {1, 4}, out.get(7));
        assertArrayEquals(new double[] {3, 6}, out.get(8));
        assertArrayEquals(new double[] {1, 1, 1, 4, 4, 4}, out.get(9));
        assertArrayEquals(new double[] {6}, out.get(10));
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, out.get(11));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 9}, out.get(12));
    }

    private MLOperand zeroIndices(long[] shape) {
        return g.constant(INT32, shape, new double[6]);
    }

    @Test
    void gatherMovesTheExactBitsOf64BitIntegers() {
        // 2^63 and 2^64 - 1 as uint64; exact data movement, no conversion.
        MLOperand c = g.constant(bits(UINT64, shape(3), Long.MIN_VALUE, -1L, 5));
        long[] out = g.results(List.of(b.gather(c, g.constant(INT32, shape(3), 2, 1, 0)))).get(0).bits();
        assertArrayEquals(new long[] {5, -1L, Long.MIN_VALUE}, out);
    }

    /**
     * Every operator on every data type of the spec snapshot, with values every type
     * represents (the 4-bit types, which only reshape and transpose take: OrtFourBitTest).
     */
    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"INT4", "UINT4"}, mode = EnumSource.Mode.EXCLUDE)
    void everyOperatorRunsOnEveryClaimedDataType(MLOperandDataType type) {
        MLOpSupportLimits limits = g.context().opSupportLimits();
        MLOperand x = g.input("x", type, S2x3, ONE_TO_SIX);
        MLOperand rows = g.input("rows", INT32, shape(2), 1, -2);
        Map<String, Function<MLOperand, MLOperand>> ops = new LinkedHashMap<>();
        Map<String, double[]> expected = new LinkedHashMap<>();
        ops.put("concat", a -> b.concat(List.of(a, a), 0));
        expected.put("concat", new double[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6});
        ops.put("expand", a -> b.expand(b.slice(a, shape(0, 0), shape(1, 3)), 2, 3));
        expected.put("expand", new double[] {1, 2, 3, 1, 2, 3});
        ops.put("gather", a -> b.gather(a, rows));
        expected.put("gather", new double[] {4, 5, 6, 1, 2, 3});
        ops.put("gatherElements", a -> b.gatherElements(a, b.reshape(rows, 2, 1), MLGatherOptions.defaults().withAxis(1)));
        expected.put("gatherElements", new double[] {2, 5});
        ops.put("gatherND", a -> b.gatherND(a, b.reshape(rows, 1, 2)));
        expected.put("gatherND", new double[] {5});
        ops.put("pad", a -> b.pad(a, shape(0, 1), shape(0, 0), MLPadOptions.defaults().withValue(MLNumber.of(9))));
        expected.put("pad", new double[] {9, 1, 2, 3, 9, 4, 5, 6});
        ops.put("reshape", a -> b.reshape(a, 6));
        expected.put("reshape", ONE_TO_SIX);
        ops.put("reverse", a -> b.reverse(a));
        expected.put("reverse", new double[] {6, 5, 4, 3, 2, 1});
        ops.put("scatterElements", a -> b.scatterElements(a, b.reshape(rows, 2, 1),
                b.slice(a, shape(0, 0), shape(2, 1)), MLScatterOptions.defaults().withAxis(1)));
        expected.put("scatterElements", new double[] {1, 1, 3, 4, 4, 6});
        ops.put("scatterND", a -> b.scatterND(a, b.reshape(rows, 2, 1), b.reverse(a)));
        expected.put("scatterND", new double[] {3, 2, 1, 6, 5, 4});
        ops.put("slice", a -> b.slice(a, shape(0, 1), shape(2, 2)));
        expected.put("slice", new double[] {2, 3, 5, 6});
        ops.put("split", a -> b.split(a, new long[] {2, 1}, MLSplitOptions.defaults().withAxis(1)).get(1));
        expected.put("split", new double[] {3, 6});
        ops.put("tile", a -> b.tile(a, 1, 2));
        expected.put("tile", new double[] {1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6});
        ops.put("transpose", a -> b.transpose(a));
        expected.put("transpose", new double[] {1, 4, 2, 5, 3, 6});

        List<String> claimed = ops.keySet().stream().filter(op -> claims(limits, op, type)).toList();
        assertEquals(ops.keySet().stream().toList(), claimed, "every shape operator claims " + type);
        List<double[]> out = g.run(claimed.stream().map(op -> ops.get(op).apply(x)).toList());
        for (int i = 0; i < claimed.size(); i++) {
            assertArrayEquals(expected.get(claimed.get(i)), out.get(i), claimed.get(i) + " on " + type);
        }
    }

    private static boolean claims(MLOpSupportLimits limits, String op, MLOperandDataType type) {
        Map<String, MLTensorLimits> roles = limits.operator(op).orElse(Map.of());
        MLTensorLimits input = roles.containsKey("input") ? roles.get("input") : roles.get("inputs");
        return input != null && input.dataTypes().contains(type);
    }

    @Test
    void limitsKeepEveryIndexType() {
        MLOpSupportLimits limits = g.context().opSupportLimits();
        for (String op : List.of("gather", "gatherElements", "gatherND", "scatterElements", "scatterND")) {
            assertTrue(limits.operator(op).orElseThrow().get("indices").dataTypes().containsAll(List.of(INT32, UINT32, INT64)), op);
        }
    }
}
