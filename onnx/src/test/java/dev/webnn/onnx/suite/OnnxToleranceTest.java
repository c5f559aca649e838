package dev.webnn.onnx.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperandDataType;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ONNX's tolerance: atol + rtol × |expected| for floats, NaN equal to NaN, exact integers. */
class OnnxToleranceTest {

    @Test
    void floatsAgreeWithinAtolPlusRtolTimesExpected() {
        assertTrue(OnnxTolerance.close(1000.9, 1000.0));
        assertFalse(OnnxTolerance.close(1001.1, 1000.0));
        assertTrue(OnnxTolerance.close(0.5e-7, 0.0));
        assertFalse(OnnxTolerance.close(2e-7, 0.0));
        assertTrue(OnnxTolerance.close(Double.NaN, Double.NaN));
        assertFalse(OnnxTolerance.close(0.0, Double.NaN));
        assertFalse(OnnxTolerance.close(Double.NaN, 0.0));
        assertTrue(OnnxTolerance.close(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(OnnxTolerance.close(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(OnnxTolerance.close(Float.MAX_VALUE, Double.POSITIVE_INFINITY));
    }

    @Test
    void countsTheDifferingElementsAndNamesTheFirst() {
        Optional<String> difference = OnnxTolerance.compare(MLOperandDataType.FLOAT32,
                MemorySegment.ofArray(new float[] {1f, 2.5f, 3f, 9f}), MemorySegment.ofArray(new float[] {1f, 2f, 3f, 4f}));
        assertEquals(Optional.of("2 of 4 elements differ, first element 1: 2.5 instead of 2.0"), difference);
    }

    /** One float16 ULP at 1.0 (9.8e-4) is within 1e-7 + 1e-3 × 1, two are not. */
    @Test
    void float16IsComparedByValue() {
        short one = Float.floatToFloat16(1f);
        assertEquals(Optional.empty(), OnnxTolerance.compare(MLOperandDataType.FLOAT16,
                MemorySegment.ofArray(new short[] {(short) (one + 1)}), MemorySegment.ofArray(new short[] {one})));
        assertEquals(Optional.of("1 of 1 elements differ, first element 0: 1.0019531 instead of 1.0"),
                OnnxTolerance.compare(MLOperandDataType.FLOAT16, MemorySegment.ofArray(new short[] {(short) (one + 2)}),
                        MemorySegment.ofArray(new short[] {one})));
    }

    @Test
    void integersMustBeExact() {
        assertTrue(OnnxTolerance.compare(MLOperandDataType.INT64, MemorySegment.ofArray(new long[] {1_000_000_001L}),
                MemorySegment.ofArray(new long[] {1_000_000_000L})).isPresent());
        assertEquals(Optional.of("1 of 2 elements differ, first element 1: 255 instead of 1"), OnnxTolerance.compare(
                MLOperandDataType.UINT8, MemorySegment.ofArray(new byte[] {0, -1}), MemorySegment.ofArray(new byte[] {0, 1})));
        assertEquals(Optional.of("8 bytes computed, 4 expected"), OnnxTolerance.compare(MLOperandDataType.INT32,
                MemorySegment.ofArray(new int[] {1, 2}), MemorySegment.ofArray(new int[] {1})));
    }
}
