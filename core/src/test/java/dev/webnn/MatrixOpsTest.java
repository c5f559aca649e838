package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.graph.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixOpsTest extends OpsTestFixture {

    /** Each graph this test builds takes a new builder. */
    MatrixOpsTest() {
        super(true);
    }

    private MLOperand foreign() {
        return new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 2, 2));
    }

    private static MLGemmOptions gemmOptions() {
        return MLGemmOptions.defaults();
    }

    // ---- gemm ---------------------------------------------------------------------------

    @Test
    void gemmShapesWithTranspositions() {
        assertArrayEquals(new long[] {2, 4}, builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4)).shape());
        assertArrayEquals(new long[] {2, 4},
                builder.gemm(input(FLOAT32, 3, 2), input(FLOAT32, 3, 4), gemmOptions().withATranspose(true)).shape());
        assertArrayEquals(new long[] {2, 4},
                builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 4, 3), gemmOptions().withBTranspose(true)).shape());
        assertArrayEquals(new long[] {2, 4}, builder.gemm(input(FLOAT32, 3, 2), input(FLOAT32, 4, 3),
                gemmOptions().withATranspose(true).withBTranspose(true)).shape());
        MLOperand half = builder.gemm(input(FLOAT16, 1, 1), input(FLOAT16, 1, 5));
        assertEquals(FLOAT16, half.dataType());
        assertArrayEquals(new long[] {1, 5}, half.shape());
    }

    @Test
    void gemmAcceptsEveryCThatBroadcastsUnidirectionally() {
        for (long[] shape : new long[][] {{}, {1}, {4}, {1, 1}, {1, 4}, {2, 1}, {2, 4}}) {
            MLOperand output = builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4),
                    gemmOptions().withC(input(FLOAT32, shape)));
            assertArrayEquals(new long[] {2, 4}, output.shape());
        }
        for (long[] shape : new long[][] {{3}, {2}, {4, 2}, {3, 4}, {1, 2, 4}}) {
            MLOperand c = input(FLOAT32, shape);
            assertTypeError("gemm: c shape " + java.util.Arrays.toString(shape)
                    + " is not unidirectionally broadcastable to [2, 4]",
                    () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4), gemmOptions().withC(c)));
        }
    }

    @Test
    void gemmAlphaAndBetaRejectNaNAndInfinity() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals("MLGemmOptions: alpha must be a finite number, got " + bad,
                    assertThrows(MLTypeError.class, () -> MLGemmOptions.defaults().withAlpha(bad)).getMessage());
            assertEquals("MLGemmOptions: beta must be a finite number, got " + bad,
                    assertThrows(MLTypeError.class, () -> MLGemmOptions.defaults().withBeta(bad)).getMessage());
        }
        assertEquals(-2.5, MLGemmOptions.defaults().withAlpha(-2.5).alpha());
        assertEquals(1e300, MLGemmOptions.defaults().withBeta(1e300).beta());
    }

    @Test
    void gemmRecordsDefaultsWithoutC() {
        RecordedNode node = node(builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4)));
        assertEquals(Op.GEMM, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("a", "b"), roles(node));
        assertEquals(List.of("alpha", "beta", "aTranspose", "bTranspose"), node.attributes().keys());
        assertEquals(1.0, node.attributes().real("alpha"));
        assertEquals(1.0, node.attributes().real("beta"));
        assertFalse(node.attributes().bool("aTranspose"));
        assertFalse(node.attributes().bool("bTranspose"));
        assertArrayEquals(new long[] {2, 4}, node.output().descriptor().shape());
        assertTrue(node.optionalInput("c").isEmpty());
    }

    @Test
    void gemmRecordsCAndCastsAlphaAndBetaToTheDataType() {
        MLOperand c = input(FLOAT32, 4);
        RecordedNode node = node(builder.gemm(input(FLOAT32, 3, 2), input(FLOAT32, 4, 3), gemmOptions().withC(c).withAlpha(0.1)
                .withBeta(-2.5).withATranspose(true).withBTranspose(true).withLabel("fc")));
        assertEquals("fc", node.label());
        assertEquals(List.of("a", "b", "c"), roles(node));
        assertArrayEquals(new long[] {4}, node.input("c").descriptor().shape());
        assertEquals((double) 0.1f, node.attributes().real("alpha"));
        assertEquals(-2.5, node.attributes().real("beta"));
        assertTrue(node.attributes().bool("aTranspose"));
        assertTrue(node.attributes().bool("bTranspose"));

        RecordedNode half = node(builder.gemm(input(FLOAT16, 2, 2), input(FLOAT16, 2, 2),
                gemmOptions().withAlpha(0.1).withBeta(3.14159)));
        assertEquals(0.0999755859375, half.attributes().real("alpha"));
        assertEquals(3.140625, half.attributes().real("beta"));
        assertEquals(FLOAT16, half.output().descriptor().dataType());
    }

    @Test
    void gemmRejectsDataTypesAndRanks() {
        assertTypeError("gemm: a data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.gemm(input(INT32, 2, 3), input(INT32, 3, 4)));
        assertTypeError("gemm [g]: b data type float16 must match a data type float32",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT16, 3, 4), gemmOptions().withLabel("g")));
        assertTypeError("gemm: a rank 3 is not allowed (allowed: 2)",
                () -> builder.gemm(input(FLOAT32, 1, 2, 3), input(FLOAT32, 3, 4)));
        assertTypeError("gemm: a rank 1 is not allowed (allowed: 2)",
                () -> builder.gemm(input(FLOAT32, 3), input(FLOAT32, 3, 4)));
        assertTypeError("gemm: b rank 0 is not allowed (allowed: 2)",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32)));
        assertTypeError("gemm: b rank 3 is not allowed (allowed: 2)",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4, 1)));
        // c's data type is checked after its shape.
        MLOperand halfC = input(FLOAT16, 2, 4);
        assertTypeError("gemm: c data type float16 must match a data type float32",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4), gemmOptions().withC(halfC)));
        MLOperand badC = input(INT8, 3);
        assertTypeError("gemm: c shape [3] is not unidirectionally broadcastable to [2, 4]",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4), gemmOptions().withC(badC)));
    }

    @Test
    void gemmRejectsMismatchedInnerDimensions() {
        assertTypeError("gemm: a [2, 3] (aTranspose=false) has K = 3 but b [4, 5] (bTranspose=false) has K = 4",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 4, 5)));
        assertTypeError("gemm [t]: a [2, 3] (aTranspose=true) has K = 2 but b [3, 4] (bTranspose=false) has K = 3",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4),
                        gemmOptions().withATranspose(true).withLabel("t")));
        assertTypeError("gemm: a [2, 3] (aTranspose=false) has K = 3 but b [3, 4] (bTranspose=true) has K = 4",
                () -> builder.gemm(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4), gemmOptions().withBTranspose(true)));
    }

    @Test
    void gemmRejectsNullsForeignOperandsAndBuiltBuilders() {
        MLOperand a = input(FLOAT32, 2, 2);
        assertTypeError("gemm: options are null", () -> builder.gemm(a, a, null));
        assertTypeError("gemm: a is null", () -> builder.gemm(null, a));
        assertTypeError("gemm: b is null", () -> builder.gemm(a, null));
        assertTypeError("gemm: a belongs to another MLGraphBuilder", () -> builder.gemm(foreign(), a));
        assertTypeError("gemm: b belongs to another MLGraphBuilder", () -> builder.gemm(a, foreign()));
        MLOperand other = foreign();
        assertTypeError("gemm: c belongs to another MLGraphBuilder", () -> builder.gemm(a, a, gemmOptions().withC(other)));
        assertEquals(List.of("a", "b"), roles(node(builder.gemm(a, a, gemmOptions().withC(null)))));
        assertThrows(MLInvalidStateError.class, () -> a.builder().gemm(a, a));
    }

    @Test
    void gemmOptionsDefaultsAndWithers() {
        MLGemmOptions defaults = MLGemmOptions.defaults();
        assertSame(defaults, MLGemmOptions.defaults());
        assertEquals("", defaults.label());
        assertTrue(defaults.c().isEmpty());
        assertEquals(1.0, defaults.alpha());
        assertEquals(1.0, defaults.beta());
        assertFalse(defaults.aTranspose());
        assertFalse(defaults.bTranspose());
        MLOperand c = input(FLOAT32, 1);
        MLGemmOptions options = defaults.withC(c).withAlpha(2).withBeta(3).withATranspose(true).withBTranspose(true)
                .withLabel("g");
        assertSame(c, options.c().orElseThrow());
        assertEquals(2.0, options.alpha());
        assertEquals(3.0, options.beta());
        assertTrue(options.aTranspose());
        assertTrue(options.bTranspose());
        assertEquals("g", options.label());
        assertTrue(options.withC(null).c().isEmpty());
        assertTrue(defaults.c().isEmpty(), "withers do not modify the receiver");
        assertThrows(NullPointerException.class, () -> defaults.withLabel(null));
    }

    // ---- matmul -------------------------------------------------------------------------

    @Test
    void matmulShapesWithBatchBroadcasting() {
        assertArrayEquals(new long[] {2, 4}, builder.matmul(input(FLOAT32, 2, 3), input(FLOAT32, 3, 4)).shape());
        assertArrayEquals(new long[] {5, 2, 4}, builder.matmul(input(FLOAT32, 5, 2, 3), input(FLOAT32, 3, 4)).shape());
        assertArrayEquals(new long[] {5, 2, 4}, builder.matmul(input(FLOAT32, 2, 3), input(FLOAT32, 5, 3, 4)).shape());
        assertArrayEquals(new long[] {2, 4, 2, 5},
                builder.matmul(input(FLOAT32, 2, 1, 2, 3), input(FLOAT32, 4, 3, 5)).shape());
        assertArrayEquals(new long[] {6, 7, 1, 1},
                builder.matmul(input(FLOAT32, 6, 1, 1, 8), input(FLOAT32, 1, 7, 8, 1)).shape());
        MLOperand half = builder.matmul(input(FLOAT16, 3, 1, 2), input(FLOAT16, 3, 2, 9));
        assertEquals(FLOAT16, half.dataType());
        assertArrayEquals(new long[] {3, 1, 9}, half.shape());
    }

    @Test
    void matmulRecordsInputsAndNoAttributes() {
        RecordedNode node = node(builder.matmul(input(FLOAT32, 4, 2, 3), input(FLOAT32, 3, 5),
                MLOperatorOptions.defaults().withLabel("mm")));
        assertEquals(Op.MATMUL, node.op());
        assertEquals("mm", node.label());
        assertEquals(List.of("a", "b"), roles(node));
        assertArrayEquals(new long[] {4, 2, 3}, node.input("a").descriptor().shape());
        assertArrayEquals(new long[] {3, 5}, node.input("b").descriptor().shape());
        assertEquals(List.of(), node.attributes().keys());
        assertArrayEquals(new long[] {4, 2, 5}, node.output().descriptor().shape());
        assertEquals(FLOAT32, node.output().descriptor().dataType());
    }

    @Test
    void matmulRejectsInvalidArguments() {
        assertTypeError("matmul: a data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.matmul(input(INT32, 2, 2), input(INT32, 2, 2)));
        assertTypeError("matmul [m]: b data type float16 must match a data type float32",
                () -> builder.matmul(input(FLOAT32, 2, 2), input(FLOAT16, 2, 2), MLOperatorOptions.defaults().withLabel("m")));
        assertTypeError("matmul: a rank 1 is not allowed (allowed: 2 to 8)",
                () -> builder.matmul(input(FLOAT32, 3), input(FLOAT32, 3, 4)));
        assertTypeError("matmul: b rank 1 is not allowed (allowed: 2 to 8)",
                () -> builder.matmul(input(FLOAT32, 2, 3), input(FLOAT32, 3)));
        assertTypeError("matmul: a rank 0 is not allowed (allowed: 2 to 8)",
                () -> builder.matmul(input(FLOAT32), input(FLOAT32, 3, 4)));
        assertTypeError("matmul: a columns 3 must equal b rows 4 (shapes [2, 3] and [4, 5])",
                () -> builder.matmul(input(FLOAT32, 2, 3), input(FLOAT32, 4, 5)));
        assertTypeError("matmul: a columns 3 must equal b rows 2 (shapes [7, 2, 3] and [7, 2, 3])",
                () -> builder.matmul(input(FLOAT32, 7, 2, 3), input(FLOAT32, 7, 2, 3)));
        assertTypeError("matmul: batch shapes [2] and [3] are not broadcastable",
                () -> builder.matmul(input(FLOAT32, 2, 2, 3), input(FLOAT32, 3, 3, 4)));
        assertTypeError("matmul: batch shapes [4, 2] and [3] are not broadcastable",
                () -> builder.matmul(input(FLOAT32, 4, 2, 2, 3), input(FLOAT32, 3, 3, 4)));
        MLOperand a = input(FLOAT32, 2, 2);
        assertTypeError("matmul: options are null", () -> builder.matmul(a, a, null));
        assertTypeError("matmul: a is null", () -> builder.matmul(null, a));
        assertTypeError("matmul: b is null", () -> builder.matmul(a, null));
        assertTypeError("matmul: a belongs to another MLGraphBuilder", () -> builder.matmul(foreign(), a));
        assertTypeError("matmul: b belongs to another MLGraphBuilder", () -> builder.matmul(a, foreign()));
        node(builder.matmul(a, a));
        assertThrows(MLInvalidStateError.class, () -> a.builder().matmul(a, a));
    }

    // ---- triangular ---------------------------------------------------------------------

    @Test
    void triangularKeepsTheInputDescriptorAndRecordsDefaults() {
        MLOperand x = input(FLOAT32, 3, 3);
        MLOperand output = builder.triangular(x);
        assertEquals(x.descriptor(), output.descriptor());
        RecordedNode node = node(output);
        assertEquals(Op.TRIANGULAR, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("upper", "diagonal"), node.attributes().keys());
        assertTrue(node.attributes().bool("upper"));
        assertEquals(0, node.attributes().integer("diagonal"));
        assertArrayEquals(new long[] {3, 3}, node.output().descriptor().shape());
    }

    @Test
    void triangularRecordsOptionsAndAcceptsAnyDataTypeAndBatches() {
        RecordedNode lower = node(builder.triangular(input(INT8, 2, 3, 3),
                MLTriangularOptions.defaults().withUpper(false).withDiagonal(-1).withLabel("tri")));
        assertEquals("tri", lower.label());
        assertFalse(lower.attributes().bool("upper"));
        assertEquals(-1, lower.attributes().integer("diagonal"));
        assertEquals(INT8, lower.output().descriptor().dataType());
        assertArrayEquals(new long[] {2, 3, 3}, lower.output().descriptor().shape());
        RecordedNode extreme = node(builder.triangular(input(FLOAT16, 4, 5),
                MLTriangularOptions.defaults().withDiagonal(Integer.MIN_VALUE)));
        assertEquals(Integer.MIN_VALUE, extreme.attributes().integer("diagonal"));
        for (MLOperandDataType type : MLOperandDataType.snapshotTypes()) {
            MLOperand x = input(type, 1, 2, 3, 4, 5);
            assertEquals(x.descriptor(), builder.triangular(x).descriptor());
        }
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 2}, builder.triangular(input(UINT64, 1, 1, 1, 1, 1, 1, 1, 2)).shape());
    }

    @Test
    void triangularRejectsInvalidArguments() {
        assertTypeError("triangular: input rank 1 is not allowed (allowed: 2 to 8)",
                () -> builder.triangular(input(FLOAT32, 3)));
        assertTypeError("triangular [t]: input rank 0 is not allowed (allowed: 2 to 8)",
                () -> builder.triangular(input(FLOAT32), MLTriangularOptions.defaults().withLabel("t")));
        MLOperand x = input(FLOAT32, 2, 2);
        assertTypeError("triangular: options are null", () -> builder.triangular(x, null));
        assertTypeError("triangular: input is null", () -> builder.triangular(null));
        assertTypeError("triangular: input belongs to another MLGraphBuilder", () -> builder.triangular(foreign()));
        node(builder.triangular(x));
        assertThrows(MLInvalidStateError.class, () -> x.builder().triangular(x));
    }

    @Test
    void triangularOptionsDefaultsAndWithers() {
        MLTriangularOptions defaults = MLTriangularOptions.defaults();
        assertSame(defaults, MLTriangularOptions.defaults());
        assertEquals("", defaults.label());
        assertTrue(defaults.upper());
        assertEquals(0, defaults.diagonal());
        MLTriangularOptions options = defaults.withUpper(false).withDiagonal(2).withLabel("l");
        assertFalse(options.upper());
        assertEquals(2, options.diagonal());
        assertEquals("l", options.label());
        assertTrue(defaults.upper());
        assertThrows(NullPointerException.class, () -> defaults.withLabel(null));
        assertEquals("MLTriangularOptions[label=l, upper=false, diagonal=2]", options.toString());
    }
}
