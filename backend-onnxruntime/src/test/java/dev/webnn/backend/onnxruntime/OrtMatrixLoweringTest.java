package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;
import static dev.webnn.backend.onnxruntime.OrtReductionLoweringTest.assertClose;
import static dev.webnn.backend.onnxruntime.GraphRunner.bits;
import static dev.webnn.backend.onnxruntime.GraphRunner.shape;
import static dev.webnn.backend.onnxruntime.GraphRunner.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.MLGemmOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTriangularOptions;
import dev.webnn.backend.onnxruntime.GraphRunner.Result;
import dev.webnn.backend.onnxruntime.GraphRunner.Values;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gemm, matmul, triangular and the quantization operators computed by ONNX Runtime, against hand-computed values. */
class OrtMatrixLoweringTest {

    private static final double[] A = {1, 2, 3, 4, 5, 6};
    private static final double[] A_TRANSPOSED = {1, 4, 2, 5, 3, 6};
    private static final double[] B = {7, 8, 9, 10, 11, 12};
    private static final double[] B_TRANSPOSED = {7, 9, 11, 8, 10, 12};
    /** A [2, 3] times B [3, 2]. */
    private static final double[] AB = {58, 64, 139, 154};

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void matmulOfMatricesAndBroadcastBatches() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            Result y = runner.result((g, o) -> g.matmul(o[0], o[1]),
                    tensor(type, shape(2, 3), A), tensor(type, shape(3, 2), B));
            assertArrayEquals(shape(2, 2), y.shape());
            assertClose(AB, y.values(), type, "matmul");
            // [2, 2, 2] x [2, 2]: each batch times [[1, 0], [1, 1]]
            Result batched = runner.result((g, o) -> g.matmul(o[0], o[1]),
                    tensor(type, shape(2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8), tensor(type, shape(2, 2), 1, 0, 1, 1));
            assertArrayEquals(shape(2, 2, 2), batched.shape());
            assertClose(new double[] {3, 2, 7, 4, 11, 6, 15, 8}, batched.values(), type, "batched matmul");
        }
        // batch dimensions broadcast both ways: [2, 1, 1, 2] x [3, 2, 1] -> [2, 3, 1, 1]
        Result y = runner.result((g, o) -> g.matmul(o[0], o[1]),
                tensor(FLOAT32, shape(2, 1, 1, 2), 1, 2, 3, 4), tensor(FLOAT32, shape(3, 2, 1), 1, 1, 0, 1, 2, 0));
        assertArrayEquals(shape(2, 3, 1, 1), y.shape());
        assertArrayEquals(new double[] {3, 2, 2, 7, 4, 6}, y.values());
    }

    @Test
    void gemmWithScalingTranspositionAndBroadcastC() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            Result plain = runner.result((g, o) -> g.gemm(o[0], o[1]),
                    tensor(type, shape(2, 3), A), tensor(type, shape(3, 2), B));
            assertClose(AB, plain.values(), type, "gemm");
            // 2 * A * B + 0.5 * [10, 20]
            Result scaled = runner.result((g, o) -> g.gemm(o[0], o[1],
                            MLGemmOptions.defaults().withC(o[2]).withAlpha(2).withBeta(0.5)),
                    tensor(type, shape(2, 3), A), tensor(type, shape(3, 2), B), tensor(type, shape(2), 10, 20));
            assertClose(new double[] {121, 138, 283, 318}, scaled.values(), type, "gemm alpha beta c");
            Result transposed = runner.result((g, o) -> g.gemm(o[0], o[1],
                            MLGemmOptions.defaults().withC(o[2]).withATranspose(true).withBTranspose(true)),
                    tensor(type, shape(3, 2), A_TRANSPOSED), tensor(type, shape(2, 3), B_TRANSPOSED),
                    tensor(type, shape(2, 1), 1, -1));
            assertClose(new double[] {59, 65, 138, 153}, transposed.values(), type, "gemm transposed, c per row");
            Result scalarC = runner.result((g, o) -> g.gemm(o[0], o[1], MLGemmOptions.defaults().withC(o[2])),
                    tensor(type, shape(2, 3), A), tensor(type, shape(3, 2), B), tensor(type, shape(), 1));
            assertClose(new double[] {59, 65, 140, 155}, scalarC.values(), type, "gemm scalar c");
        }
    }

    @Test
    void triangularKeepsTheUpperOrLowerPartFromADiagonal() {
        Values x = tensor(FLOAT32, shape(3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertArrayEquals(new double[] {1, 2, 3, 0, 5, 6, 0, 0, 9}, triangular(x, t -> t).values());
        assertArrayEquals(new double[] {0, 2, 3, 0, 0, 6, 0, 0, 0}, triangular(x, t -> t.withDiagonal(1)).values());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 0, 8, 9}, triangular(x, t -> t.withDiagonal(-1)).values());
        assertArrayEquals(new double[] {1, 0, 0, 4, 5, 0, 7, 8, 9}, triangular(x, t -> t.withUpper(false)).values());
        assertArrayEquals(new double[] {0, 0, 0, 4, 0, 0, 7, 8, 0},
                triangular(x, t -> t.withUpper(false).withDiagonal(-1)).values());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, triangular(x, t -> t.withDiagonal(3)).values());
        // a batch of two [2, 3] matrices
        Result batch = triangular(tensor(FLOAT16, shape(2, 2, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                t -> t.withUpper(false));
        assertArrayEquals(new double[] {1, 0, 0, 4, 5, 0, 7, 0, 0, 10, 11, 0}, batch.values());
        // integers keep every bit
        assertArrayEquals(new long[] {-1L, Long.MIN_VALUE, 0, 5}, triangular(bits(UINT64, shape(2, 2),
                -1L, Long.MIN_VALUE, 3, 5), t -> t).bits());
        assertArrayEquals(new long[] {0xFFFF_FFFFL, 0, 0x8000_0000L, 1}, triangular(bits(UINT32, shape(2, 2),
                0xFFFF_FFFFL, 7, 0x8000_0000L, 1), t -> t.withUpper(false)).bits());
        assertArrayEquals(new long[] {-128, 127, 0, -1}, triangular(tensor(INT8, shape(2, 2), -128, 127, 3, -1), t -> t).bits());
    }

    private Result triangular(Values x, UnaryOperator<MLTriangularOptions> options) {
        return runner.result((g, o) -> g.triangular(o[0], options.apply(MLTriangularOptions.defaults())), x);
    }

    @Test
    void quantizeLinearRoundsHalfToEvenAndSaturates() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            // one scale for the tensor: round(x / 1) + 0 in [0, 255]
            assertArrayEquals(new long[] {0, 2, 2, 0, 255, 0}, quantize(tensor(type, shape(6), 0.5, 1.5, 2.5, -0.5, 300, -300),
                    tensor(type, shape(1), 1), tensor(UINT8, shape(1), 0)).bits(), type.toString());
            // round(x / 0.5) + 10 in [-128, 127]
            assertArrayEquals(new long[] {12, 8, 127, -128}, quantize(tensor(type, shape(4), 1.25, -1.25, 100, -100),
                    tensor(type, shape(1), 0.5), tensor(INT8, shape(1), 10)).bits(), type.toString());
            // a scale and zero point per column
            assertArrayEquals(new long[] {1, 11, 101, 3, 8, 0}, quantize(tensor(type, shape(2, 3), 1, 2, 4, 3, -4, -400),
                    tensor(type, shape(1, 3), 1, 2, 4), tensor(UINT8, shape(1, 3), 0, 10, 100)).bits());
            // per row
            assertArrayEquals(new long[] {1, 2, 4, 3, -1, -128}, quantize(tensor(type, shape(2, 3), 1, 2, 4, 3, -4, -400),
                    tensor(type, shape(2, 1), 1, 2), tensor(INT8, shape(2, 1), 0, 1)).bits());
            // blocks of two along the last axis, the same for every row
            assertArrayEquals(new long[] {3, 4, -2, -1, 1, 2, -3, -3}, quantize(
                    tensor(type, shape(2, 4), 3, 4, 30, 44, 1, 2, 15, 25),
                    tensor(type, shape(1, 2), 1, 10), tensor(INT8, shape(1, 2), 0, -5)).bits());
            // blocks along the first axis with a scale per column
            assertArrayEquals(new long[] {1, 2, 3, 4, 10, 20, 30, 40}, quantize(
                    tensor(type, shape(4, 2), 1, 4, 3, 8, 10, 40, 30, 80),
                    tensor(type, shape(2, 2), 1, 2, 1, 2), tensor(UINT8, shape(2, 2), 0, 0, 0, 0)).bits());
            // a scale and zero point per element
            assertArrayEquals(new long[] {1, 2, 3, 255}, quantize(tensor(type, shape(2, 2), 1, 4, 3, 8),
                    tensor(type, shape(2, 2), 1, 2, 1, 0.5), tensor(UINT8, shape(2, 2), 0, 0, 0, 250)).bits());
            // 2x2 blocks of a 4x4 matrix: ONNX has no such quantization, composed
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3}, quantize(
                    tensor(type, shape(4, 4), 1, 1, 2, 2, 1, 1, 2, 2, 8, 8, 16, 16, 8, 8, 16, 16),
                    tensor(type, shape(2, 2), 1, 2, 8, 8), tensor(UINT8, shape(2, 2), 0, 0, 1, 1)).bits());
        }
        // 32-bit zero points (composed): exact zero points and clamping to the type's range
        assertArrayEquals(new long[] {1_000_001_000, Integer.MIN_VALUE, 1002, Integer.MAX_VALUE}, quantize(
                tensor(FLOAT32, shape(4), 1e9, -3e9, 2.5, 1e30), tensor(FLOAT32, shape(1), 1),
                tensor(INT32, shape(1), 1000)).bits());
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            assertArrayEquals(new long[] {0xFFFF_FFFFL, 0xFFFF_FFE9L, 0xFFFF_FFF4L, 0xFFFF_FFF0L, 0xFFFF_FFF0L - 10_000},
                    quantize(tensor(type, shape(5), 5e4, -7, 3.5, 0, -1e4), tensor(type, shape(1), 1),
                            bits(UINT32, shape(1), 0xFFFF_FFF0L)).bits());
            assertArrayEquals(new long[] {0, 2, 0}, quantize(tensor(type, shape(3), -1e4, 2, -4),
                    tensor(type, shape(1), 2), bits(UINT32, shape(1), 1)).bits());
        }
        // a scalar
        assertArrayEquals(new long[] {-3}, quantize(tensor(FLOAT32, shape(), -5), tensor(FLOAT32, shape(), 2),
                tensor(INT32, shape(), -1)).bits());
        assertArrayEquals(new long[] {130}, quantize(tensor(FLOAT32, shape(), 5), tensor(FLOAT32, shape(), 2),
                tensor(UINT8, shape(), 128)).bits());
    }

    @Test
    void dequantizeLinearSubtractsTheZeroPointAndScales() {
        for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
            assertArrayEquals(new double[] {-64, 0, 63.5}, dequantize(tensor(UINT8, shape(3), 0, 128, 255),
                    tensor(type, shape(1), 0.5), tensor(UINT8, shape(1), 128)).values());
            // per row
            assertArrayEquals(new double[] {-128, 127, -1, 0.25}, dequantize(tensor(INT8, shape(2, 2), -128, 127, 0, 5),
                    tensor(type, shape(2, 1), 1, 0.25), tensor(INT8, shape(2, 1), 0, 4)).values());
            // blocks of two
            assertArrayEquals(new double[] {1, 2, 20, 30}, dequantize(tensor(INT8, shape(4), 1, 2, 3, 4),
                    tensor(type, shape(2), 1, 10), tensor(INT8, shape(2), 0, 1)).values());
            // blocks of two along the last axis, the same for both rows
            assertArrayEquals(new double[] {1, 2, 20, 30, 0, -1, 0, 10}, dequantize(tensor(INT32, shape(2, 4), 1, 2, 3, 4, 0, -1, 1, 2),
                    tensor(type, shape(1, 2), 1, 10), tensor(INT32, shape(1, 2), 0, 1)).values());
            // a scale and zero point per element
            assertArrayEquals(new double[] {0, 4, -1, -125}, dequantize(tensor(INT8, shape(2, 2), 0, 2, 3, -128),
                    tensor(type, shape(2, 2), 1, 2, 0.25, 1), tensor(INT8, shape(2, 2), 0, 0, 7, -3)).values());
            // 2x2 blocks of a 4x4 matrix (composed)
            assertArrayEquals(new double[] {1, 1, 4, 4, 1, 1, 4, 4, 8, 8, 24, 24, 8, 8, 24, 24}, dequantize(
                    tensor(UINT8, shape(4, 4), 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4),
                    tensor(type, shape(2, 2), 1, 2, 4, 8), tensor(UINT8, shape(2, 2), 0, 0, 1, 1)).values());
            // blocks along the last axis with a scale per row
            assertArrayEquals(new double[] {0, 1, 4, 8, 2, 3, 12, 20}, dequantize(
                    tensor(UINT8, shape(2, 4), 0, 1, 2, 4, 2, 3, 3, 5),
                    tensor(type, shape(2, 2), 1, 2, 1, 4), tensor(UINT8, shape(2, 2), 0, 0, 0, 0)).values());
        }
        // int32 (ONNX's kernel) and uint32 (composed)
        assertArrayEquals(new double[] {8388607.5, -3}, dequantize(tensor(INT32, shape(2), 1 << 24, -5),
                tensor(FLOAT32, shape(1), 0.5), tensor(INT32, shape(1), 1)).values());
        assertArrayEquals(new double[] {-73741823.75f, -1073741823.5f}, dequantize(bits(UINT32, shape(2), 4_000_000_000L, 1),
                tensor(FLOAT32, shape(1), 0.25), bits(UINT32, shape(1), 0xFFFF_FFFFL)).values());
        assertArrayEquals(new double[] {1.5, 4_294_967_294.0f}, dequantize(bits(UINT32, shape(1, 2), 3, 0xFFFF_FFFFL),
                tensor(FLOAT32, shape(1, 2), 0.5, 1), bits(UINT32, shape(1, 2), 0, 1)).values());
        // a scalar
        assertArrayEquals(new double[] {200}, dequantize(tensor(UINT8, shape(), 200), tensor(FLOAT16, shape(), 2),
                tensor(UINT8, shape(), 100)).values());
    }

    private Result quantize(Values x, Values scale, Values zeroPoint) {
        return runner.result((g, o) -> g.quantizeLinear(o[0], o[1], o[2]), x, scale, zeroPoint);
    }

    private Result dequantize(Values x, Values scale, Values zeroPoint) {
        return runner.result((g, o) -> g.dequantizeLinear(o[0], o[1], o[2]), x, scale, zeroPoint);
    }

    @Test
    void everyClaimedDataTypeRuns() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        for (String op : new String[] {"gemm", "matmul"}) {
            for (MLOperandDataType type : limits.operator(op).orElseThrow().get("a").dataTypes()) {
                Result y = runner.result((g, o) -> op.equals("gemm") ? g.gemm(o[0], o[1])
                        : g.matmul(o[0], o[1]), tensor(type, shape(2, 3), A), tensor(type, shape(3, 2), B));
                assertClose(AB, y.values(), type, op);
            }
        }
        for (MLOperandDataType type : limits.operator("triangular").orElseThrow().get("input").dataTypes()) {
            assertArrayEquals(new double[] {1, 2, 0, 4}, triangular(tensor(type, shape(2, 2), 1, 2, 3, 4), t -> t).values(),
                    "triangular " + type);
        }
        for (MLOperandDataType type : limits.operator("quantizeLinear").orElseThrow().get("input").dataTypes()) {
            for (MLOperandDataType integer : limits.operator("quantizeLinear").orElseThrow().get("zeroPoint").dataTypes()) {
                assertArrayEquals(new long[] {2, 6, 5, 7}, quantize(tensor(type, shape(2, 2), 1, 5, 4, 8),
                        tensor(type, shape(2, 1), 1, 2), tensor(integer, shape(2, 1), 1, 3)).bits(),
                        "quantizeLinear " + type + " " + integer);
            }
        }
        for (MLOperandDataType integer : limits.operator("dequantizeLinear").orElseThrow().get("input").dataTypes()) {
            for (MLOperandDataType type : limits.operator("dequantizeLinear").orElseThrow().get("scale").dataTypes()) {
                assertArrayEquals(new double[] {0, 4, 2, 8}, dequantize(tensor(integer, shape(2, 2), 1, 5, 4, 7),
                        tensor(type, shape(2, 1), 1, 2), tensor(integer, shape(2, 1), 1, 3)).values(),
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
