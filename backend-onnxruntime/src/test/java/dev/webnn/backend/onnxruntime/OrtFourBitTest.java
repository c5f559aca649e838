package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT4;
import static dev.webnn.MLOperandDataType.UINT4;
import static dev.webnn.backend.onnxruntime.GraphRunner.shape;
import static dev.webnn.backend.onnxruntime.GraphRunner.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.backend.onnxruntime.GraphRunner.Result;
import dev.webnn.backend.onnxruntime.GraphRunner.Values;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * int4 and uint4 (beyond the spec snapshot) on ONNX Runtime: tensors of two values per byte,
 * low nibble first, through (de)quantization, cast, reshape and transpose, against
 * hand-computed values.
 */
class OrtFourBitTest {

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void limitsListTheFourBitTypesWhereTheyApply() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        assertTrue(limits.operator("dequantizeLinear").orElseThrow().get("input").allows(INT4, 1));
        assertTrue(limits.operator("quantizeLinear").orElseThrow().get("zeroPoint").allows(UINT4, 1));
        assertTrue(limits.operator("reshape").orElseThrow().get("input").allows(UINT4, 1));
        assertTrue(limits.constant().allows(INT4, 1));
        assertFalse(limits.operator("add").orElseThrow().get("a").allows(INT4, 1));
    }

    @Test
    void dequantizeLinear() {
        // one scale, an odd element count (the last byte half used)
        assertArrayEquals(new double[] {-3.5, 4, 2}, dequantize(tensor(INT4, shape(3), -8, 7, 3),
                tensor(FLOAT32, shape(1), 0.5), tensor(INT4, shape(1), -1)).values());
        // per row
        assertArrayEquals(new double[] {-8, 7, 1.5, 0.5}, dequantize(tensor(INT4, shape(2, 2), -8, 7, 1, -1),
                tensor(FLOAT32, shape(2, 1), 1, 0.5), tensor(INT4, shape(2, 1), 0, -2)).values());
        // blocks of two along the last axis, the same for both rows (expanded zero point)
        assertArrayEquals(new double[] {-1, 14, 2, 4, 0, 1, 2, 4}, dequantize(tensor(UINT4, shape(2, 4), 0, 15, 3, 4, 1, 2, 3, 4),
                tensor(FLOAT32, shape(1, 2), 1, 2), tensor(UINT4, shape(1, 2), 1, 2)).values());
        // 2x2 blocks of a 4x4 matrix (composed in double)
        assertArrayEquals(new double[] {1, 1, 4, 4, 1, 1, 4, 4, 8, 8, 24, 24, 8, 8, 24, 24}, dequantize(
                tensor(UINT4, shape(4, 4), 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4),
                tensor(FLOAT32, shape(2, 2), 1, 2, 4, 8), tensor(UINT4, shape(2, 2), 0, 0, 1, 1)).values());
    }

    @Test
    void quantizeLinearRoundsAndSaturatesToFourBits() {
        assertArrayEquals(new long[] {3, -1, 7, -8}, quantize(tensor(FLOAT32, shape(4), 1.25, -1.25, 100, -100),
                tensor(FLOAT32, shape(1), 0.5), tensor(INT4, shape(1), 1)).bits());
        assertArrayEquals(new long[] {1, 2, 8, 15, 0}, quantize(tensor(FLOAT32, shape(5), 1, 2, 30, 500, -3),
                tensor(FLOAT32, shape(5), 1, 1, 10, 10, 1), tensor(UINT4, shape(5), 0, 0, 5, 5, 0)).bits());
    }

    @Test
    void castReshapeAndTranspose() {
        assertArrayEquals(new double[] {-8, 7, 1}, runner.result((g, o) -> g.cast(o[0], FLOAT32),
                tensor(INT4, shape(3), -8, 7, 1)).values());
        assertArrayEquals(new long[] {15, 0, 6}, runner.result((g, o) -> g.cast(o[0], UINT4),
                tensor(FLOAT32, shape(3), 15, 0, 6)).bits());
        Result reshaped = runner.result((g, o) -> g.reshape(o[0], new long[] {3, 1}), tensor(INT4, shape(3), -8, 7, 1));
        assertArrayEquals(new long[] {3, 1}, reshaped.shape());
        assertArrayEquals(new long[] {-8, 7, 1}, reshaped.bits());
        assertArrayEquals(new long[] {1, 4, 2, 5, 3, 15}, runner.result((g, o) -> g.transpose(o[0]),
                tensor(UINT4, shape(2, 3), 1, 2, 3, 4, 5, 15)).bits());
    }

    private Result dequantize(Values x, Values scale, Values zeroPoint) {
        return runner.result((g, o) -> g.dequantizeLinear(o[0], o[1], o[2]), x, scale, zeroPoint);
    }

    private Result quantize(Values x, Values scale, Values zeroPoint) {
        return runner.result((g, o) -> g.quantizeLinear(o[0], o[1], o[2]), x, scale, zeroPoint);
    }
}
