package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;
import static dev.webnn.backend.onnxruntime.ReductionLoweringTest.assertClose;
import static dev.webnn.backend.onnxruntime.SingleOpRunner.bits;
import static dev.webnn.backend.onnxruntime.SingleOpRunner.input;
import static dev.webnn.backend.onnxruntime.SingleOpRunner.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.MLGemmOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTriangularOptions;
import dev.webnn.backend.onnxruntime.SingleOpRunner.Input;
import dev.webnn.backend.onnxruntime.SingleOpRunner.Result;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gemm, matmul, triangular and the quantization operators computed by ONNX Runtime, against hand-computed values. */
class MatrixLoweringTest {

    private static final double[] A = {1, 2, 3, 4, 5, 6};
    private static final double[] A_TRANSPOSED = {1, 4, 2, 5, 3, 6};
    private static final double[] B = {7, 8, 9, 10, 11, 12};
    private static final double[] B_TRANSPOSED = {7, 9, 11, 8, 10, 12};
    /** A [2, 3] times B [3, 2]. */
    private static final double[] AB = {58, 64, 139, 154};

    private final SingleOpRunner runner = new SingleOpRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void matmulOfMatricesAndBroadcastBatches() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            Result y = runner.run(o -> o.builder().matmul(o.get("a"), o.get("b")),
                    input("a", type, shape(2, 3), A), input("b", type, shape(3, 2), B));
            assertArrayEquals(shape(2, 2), y.shape());
            assertClose(AB, y.values(), type, "matmul");
            // [2, 2, 2] x [2, 2]: each batch times [[1, 0], [1, 1]]
            Result batched = runner.run(o -> o.builder().matmul(o.get("a"), o.get("b")),
                    input("a", type, shape(2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8), input("b", type, shape(2, 2), 1, 0, 1, 1));
            assertArrayEquals(shape(2, 2, 2), batched.shape());
            assertClose(new double[] {3, 2, 7, 4, 11, 6, 15, 8}, batched.values(), type, "batched matmul");
        }
        // batch dimensions broadcast both ways: [2, 1, 1, 2] x [3, 2, 1] -> [2, 3, 1, 1]
        Result y = runner.run(o -> o.builder().matmul(o.get("a"), o.get("b")),
                input("a", FLOAT32, shape(2, 1, 1, 2), 1, 2, 3, 4), input("b", FLOAT32, shape(3, 2, 1), 1, 1, 0, 1, 2, 0));
        assertArrayEquals(shape(2, 3, 1, 1), y.shape());
        assertArrayEquals(new double[] {3, 2, 2, 7, 4, 6}, y.values());
    }

    @Test
    void gemmWithScalingTranspositionAndBroadcastC() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            Result plain = runner.run(o -> o.builder().gemm(o.get("a"), o.get("b")),
                    input("a", type, shape(2, 3), A), input("b", type, shape(3, 2), B));
            assertClose(AB, plain.values(), type, "gemm");
            // 2 * A * B + 0.5 * [10, 20]
            Result scaled = runner.run(o -> o.builder().gemm(o.get("a"), o.get("b"),
                            MLGemmOptions.defaults().withC(o.get("c")).withAlpha(2).withBeta(0.5)),
                    input("a", type, shape(2, 3), A), input("b", type, shape(3, 2), B), input("c", type, shape(2), 10, 20));
            assertClose(new double[] {121, 138, 283, 318}, scaled.values(), type, "gemm alpha beta c");
            Result transposed = runner.run(o -> o.builder().gemm(o.get("a"), o.get("b"),
                            MLGemmOptions.defaults().withC(o.get("c")).withATranspose(true).withBTranspose(true)),
                    input("a", type, shape(3, 2), A_TRANSPOSED), input("b", type, shape(2, 3), B_TRANSPOSED),
                    input("c", type, shape(2, 1), 1, -1));
            assertClose(new double[] {59, 65, 138, 153}, transposed.values(), type, "gemm transposed, c per row");
            Result scalarC = runner.run(o -> o.builder().gemm(o.get("a"), o.get("b"), MLGemmOptions.defaults().withC(o.get("c"))),
                    input("a", type, shape(2, 3), A), input("b", type, shape(3, 2), B), input("c", type, shape(), 1));
            assertClose(new double[] {59, 65, 140, 155}, scalarC.values(), type, "gemm scalar c");
        }
    }

    @Test
    void triangularKeepsTheUpperOrLowerPartFromADiagonal() {
        Input x = input("x", FLOAT32, shape(3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertArrayEquals(new double[] {1, 2, 3, 0, 5, 6, 0, 0, 9}, triangular(x, t -> t).values());
        assertArrayEquals(new double[] {0, 2, 3, 0, 0, 6, 0, 0, 0}, triangular(x, t -> t.withDiagonal(1)).values());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 0, 8, 9}, triangular(x, t -> t.withDiagonal(-1)).values());
        assertArrayEquals(new double[] {1, 0, 0, 4, 5, 0, 7, 8, 9}, triangular(x, t -> t.withUpper(false)).values());
        assertArrayEquals(new double[] {0, 0, 0, 4, 0, 0, 7, 8, 0},
                triangular(x, t -> t.withUpper(false).withDiagonal(-1)).values());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, triangular(x, t -> t.withDiagonal(3)).values());
        // a batch of two [2, 3] matrices
        Result batch = triangular(input("x", FLOAT16, shape(2, 2, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                t -> t.withUpper(false));
        assertArrayEquals(new double[] {1, 0, 0, 4, 5, 0, 7, 0, 0, 10, 11, 0}, batch.values());
        // integers keep every bit
        assertArrayEquals(new long[] {-1L, Long.MIN_VALUE, 0, 5}, triangular(bits("x", UINT64, shape(2, 2),
                -1L, Long.MIN_VALUE, 3, 5), t -> t).bits());
        assertArrayEquals(new long[] {0xFFFF_FFFFL, 0, 0x8000_0000L, 1}, triangular(bits("x", UINT32, shape(2, 2),
                0xFFFF_FFFFL, 7, 0x8000_0000L, 1), t -> t.withUpper(false)).bits());
        assertArrayEquals(new long[] {-128, 127, 0, -1}, triangular(input("x", INT8, shape(2, 2), -128, 127, 3, -1), t -> t).bits());
    }

    private Result triangular(Input x, UnaryOperator<MLTriangularOptions> options) {
        return runner.run(o -> o.builder().triangular(o.get("x"), options.apply(MLTriangularOptions.defaults())), x);
    }

    @Test
    void quantizeLinearRoundsHalfToEvenAndSaturates() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            // one scale for the tensor: round(x / 1) + 0 in [0, 255]
            assertArrayEquals(new long[] {0, 2, 2, 0, 255, 0}, quantize(input("x", type, shape(6), 0.5, 1.5, 2.5, -0.5, 300, -300),
                    input("scale", type, shape(1), 1), input("zeroPoint", UINT8, shape(1), 0)).bits(), type.toString());
            // round(x / 0.5) + 10 in [-128, 127]
            assertArrayEquals(new long[] {12, 8, 127, -128}, quantize(input("x", type, shape(4), 1.25, -1.25, 100, -100),
                    input("scale", type, shape(1), 0.5), input("zeroPoint", INT8, shape(1), 10)).bits(), type.toString());
            // a scale and zero point per column
            assertArrayEquals(new long[] {1, 11, 101, 3, 8, 0}, quantize(input("x", type, shape(2, 3), 1, 2, 4, 3, -4, -400),
                    input("scale", type, shape(1, 3), 1, 2, 4), input("zeroPoint", UINT8, shape(1, 3), 0, 10, 100)).bits());
            // per row
            assertArrayEquals(new long[] {1, 2, 4, 3, -1, -128}, quantize(input("x", type, shape(2, 3), 1, 2, 4, 3, -4, -400),
                    input("scale", type, shape(2, 1), 1, 2), input("zeroPoint", INT8, shape(2, 1), 0, 1)).bits());
            // blocks of two along the last axis, the same for every row
            assertArrayEquals(new long[] {3, 4, -2, -1, 1, 2, -3, -3}, quantize(
                    input("x", type, shape(2, 4), 3, 4, 30, 44, 1, 2, 15, 25),
                    input("scale", type, shape(1, 2), 1, 10), input("zeroPoint", INT8, shape(1, 2), 0, -5)).bits());
            // blocks along the first axis with a scale per column
            assertArrayEquals(new long[] {1, 2, 3, 4, 10, 20, 30, 40}, quantize(
                    input("x", type, shape(4, 2), 1, 4, 3, 8, 10, 40, 30, 80),
                    input("scale", type, shape(2, 2), 1, 2, 1, 2), input("zeroPoint", UINT8, shape(2, 2), 0, 0, 0, 0)).bits());
            // a scale and zero point per element
            assertArrayEquals(new long[] {1, 2, 3, 255}, quantize(input("x", type, shape(2, 2), 1, 4, 3, 8),
                    input("scale", type, shape(2, 2), 1, 2, 1, 0.5), input("zeroPoint", UINT8, shape(2, 2), 0, 0, 0, 250)).bits());
            // 2x2 blocks of a 4x4 matrix: ONNX has no such quantization, composed
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3}, quantize(
                    input("x", type, shape(4, 4), 1, 1, 2, 2, 1, 1, 2, 2, 8, 8, 16, 16, 8, 8, 16, 16),
                    input("scale", type, shape(2, 2), 1, 2, 8, 8), input("zeroPoint", UINT8, shape(2, 2), 0, 0, 1, 1)).bits());
        }
        // 32-bit zero points (composed): exact zero points and clamping to the type's range
        assertArrayEquals(new long[] {1_000_001_000, Integer.MIN_VALUE, 1002, Integer.MAX_VALUE}, quantize(
                input("x", FLOAT32, shape(4), 1e9, -3e9, 2.5, 1e30), input("scale", FLOAT32, shape(1), 1),
                input("zeroPoint", INT32, shape(1), 1000)).bits());
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            assertArrayEquals(new long[] {0xFFFF_FFFFL, 0xFFFF_FFE9L, 0xFFFF_FFF4L, 0xFFFF_FFF0L, 0xFFFF_FFF0L - 10_000},
                    quantize(input("x", type, shape(5), 5e4, -7, 3.5, 0, -1e4), input("scale", type, shape(1), 1),
                            bits("zeroPoint", UINT32, shape(1), 0xFFFF_FFF0L)).bits());
            assertArrayEquals(new long[] {0, 2, 0}, quantize(input("x", type, shape(3), -1e4, 2, -4),
                    input("scale", type, shape(1), 2), bits("zeroPoint", UINT32, shape(1), 1)).bits());
        }
        // a scalar
        assertArrayEquals(new long[] {-3}, quantize(input("x", FLOAT32, shape(), -5), input("scale", FLOAT32, shape(), 2),
                input("zeroPoint", INT32, shape(), -1)).bits());
        assertArrayEquals(new long[] {130}, quantize(input("x", FLOAT32, shape(), 5), input("scale", FLOAT32, shape(), 2),
                input("zeroPoint", UINT8, shape(), 128)).bits());
    }

    @Test
    void dequantizeLinearSubtractsTheZeroPointAndScales() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            assertArrayEquals(new double[] {-64, 0, 63.5}, dequantize(input("x", UINT8, shape(3), 0, 128, 255),
                    input("scale", type, shape(1), 0.5), input("zeroPoint", UINT8, shape(1), 128)).values());
            // per row
            assertArrayEquals(new double[] {-128, 127, -1, 0.25}, dequantize(input("x", INT8, shape(2, 2), -128, 127, 0, 5),
                    input("scale", type, shape(2, 1), 1, 0.25), input("zeroPoint", INT8, shape(2, 1), 0, 4)).values());
            // blocks of two
            assertArrayEquals(new double[] {1, 2, 20, 30}, dequantize(input("x", INT8, shape(4), 1, 2, 3, 4),
                    input("scale", type, shape(2), 1, 10), input("zeroPoint", INT8, shape(2), 0, 1)).values());
            // blocks of two along the last axis, the same for both rows
            assertArrayEquals(new double[] {1, 2, 20, 30, 0, -1, 0, 10}, dequantize(input("x", INT32, shape(2, 4), 1, 2, 3, 4, 0, -1, 1, 2),
                    input("scale", type, shape(1, 2), 1, 10), input("zeroPoint", INT32, shape(1, 2), 0, 1)).values());
            // a scale and zero point per element
            assertArrayEquals(new double[] {0, 4, -1, -125}, dequantize(input("x", INT8, shape(2, 2), 0, 2, 3, -128),
                    input("scale", type, shape(2, 2), 1, 2, 0.25, 1), input("zeroPoint", INT8, shape(2, 2), 0, 0, 7, -3)).values());
            // 2x2 blocks of a 4x4 matrix (composed)
            assertArrayEquals(new double[] {1, 1, 4, 4, 1, 1, 4, 4, 8, 8, 24, 24, 8, 8, 24, 24}, dequantize(
                    input("x", UINT8, shape(4, 4), 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4),
                    input("scale", type, shape(2, 2), 1, 2, 4, 8), input("zeroPoint", UINT8, shape(2, 2), 0, 0, 1, 1)).values());
            // blocks along the last axis with a scale per row
            assertArrayEquals(new double[] {0, 1, 4, 8, 2, 3, 12, 20}, dequantize(
                    input("x", UINT8, shape(2, 4), 0, 1, 2, 4, 2, 3, 3, 5),
                    input("scale", type, shape(2, 2), 1, 2, 1, 4), input("zeroPoint", UINT8, shape(2, 2), 0, 0, 0, 0)).values());
        }
        // int32 (ONNX's kernel) and uint32 (composed)
        assertArrayEquals(new double[] {8388607.5, -3}, dequantize(input("x", INT32, shape(2), 1 << 24, -5),
                input("scale", FLOAT32, shape(1), 0.5), input("zeroPoint", INT32, shape(1), 1)).values());
        assertArrayEquals(new double[] {-73741823.75f, -1073741823.5f}, dequantize(bits("x", UINT32, shape(2), 4_000_000_000L, 1),
                input("scale", FLOAT32, shape(1), 0.25), bits("zeroPoint", UINT32, shape(1), 0xFFFF_FFFFL)).values());
        assertArrayEquals(new double[] {1.5, 4_294_967_294.0f}, dequantize(bits("x", UINT32, shape(1, 2), 3, 0xFFFF_FFFFL),
                input("scale", FLOAT32, shape(1, 2), 0.5, 1), bits("zeroPoint", UINT32, shape(1, 2), 0, 1)).values());
        // a scalar
        assertArrayEquals(new double[] {200}, dequantize(input("x", UINT8, shape(), 200), input("scale", FLOAT16, shape(), 2),
                input("zeroPoint", UINT8, shape(), 100)).values());
    }

    private Result quantize(Input x, Input scale, Input zeroPoint) {
        return runner.run(o -> o.builder().quantizeLinear(o.get("x"), o.get("scale"), o.get("zeroPoint")), x, scale, zeroPoint);
    }

    private Result dequantize(Input x, Input scale, Input zeroPoint) {
        return runner.run(o -> o.builder().dequantizeLinear(o.get("x"), o.get("scale"), o.get("zeroPoint")), x, scale, zeroPoint);
    }

    @Test
    void everyClaimedDataTypeRuns() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        for (String op : new String[] {"gemm", "matmul"}) {
            for (MLOperandDataType type : limits.operator(op).orElseThrow().get("a").dataTypes()) {
                Result y = runner.run(o -> op.equals("gemm") ? o.builder().gemm(o.get("a"), o.get("b"))
                        : o.builder().matmul(o.get("a"), o.get("b")), input("a", type, shape(2, 3), A), input("b", type, shape(3, 2), B));
                assertClose(AB, y.values(), type, op);
            }
        }
        for (MLOperandDataType type : limits.operator("triangular").orElseThrow().get("input").dataTypes()) {
            assertArrayEquals(new double[] {1, 2, 0, 4}, triangular(input("x", type, shape(2, 2), 1, 2, 3, 4), t -> t).values(),
                    "triangular " + type);
        }
        for (MLOperandDataType type : limits.operator("quantizeLinear").orElseThrow().get("input").dataTypes()) {
            for (MLOperandDataType integer : limits.operator("quantizeLinear").orElseThrow().get("zeroPoint").dataTypes()) {
                assertArrayEquals(new long[] {2, 6, 5, 7}, quantize(input("x", type, shape(2, 2), 1, 5, 4, 8),
                        input("scale", type, shape(2, 1), 1, 2), input("zeroPoint", integer, shape(2, 1), 1, 3)).bits(),
                        "quantizeLinear " + type + " " + integer);
            }
        }
        for (MLOperandDataType integer : limits.operator("dequantizeLinear").orElseThrow().get("input").dataTypes()) {
            for (MLOperandDataType type : limits.operator("dequantizeLinear").orElseThrow().get("scale").dataTypes()) {
                assertArrayEquals(new double[] {0, 4, 2, 10}, dequantize(input("x", integer, shape(2, 2), 1, 5, 4, 8),
                        input("scale", type, shape(2, 1), 1, 2), input("zeroPoint", integer, shape(2, 1), 1, 3)).values(),
                        "dequantizeLinear " + integer + " " + type);
            }
        }
    }

    @Test
    void limitsAreTheSpecificationsForThisFamily() {
        MLOpSupportLimits spec = MLOpSupportLimits.specification();
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        for (String op : new String[] {"gemm", "matmul", "triangular", "quantizeLinear", "dequantizeLinear"}) {
            assertEquals(spec.operator(op), limits.operator(op), op);
        }
    }
}
