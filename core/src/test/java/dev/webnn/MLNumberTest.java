package dev.webnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The spec's cast algorithm, as implemented by {@link MLNumber#castTo}. */
class MLNumberTest {

    private static float half(MLNumber n) {
        return Float.float16ToFloat(n.castTo(MLOperandDataType.FLOAT16).toFloat16Bits());
    }

    @Test
    void float16RoundsToNearestEvenAndOverflowsToInfinityFrom65520() {
        assertEquals(65504f, half(MLNumber.of(65519.99)));
        assertEquals(Float.POSITIVE_INFINITY, half(MLNumber.of(65520)));
        assertEquals(Float.POSITIVE_INFINITY, half(MLNumber.of(1e9)));
        assertEquals(Float.NEGATIVE_INFINITY, half(MLNumber.of(-1e6)));
        assertEquals(1.0009765625f, half(MLNumber.of(1.00048828125 + 1e-12)), "just above the tie rounds up");
        assertEquals(1.0f, half(MLNumber.of(1.00048828125)), "a tie rounds to the even significand");
        assertEquals(0.199951171875f, half(MLNumber.of(0.2)));
        assertEquals(-0.0f, half(MLNumber.of(-1e-10)));
        assertEquals(Float.NaN, half(MLNumber.of(Double.NaN)));
    }

    @Test
    void integersClampRoundHalfEvenAndMapNaNToZero() {
        assertEquals(127, MLNumber.of(300.0).castTo(MLOperandDataType.INT8).longBits());
        assertEquals(-128, MLNumber.of(Double.NEGATIVE_INFINITY).castTo(MLOperandDataType.INT8).longBits());
        assertEquals(2, MLNumber.of(2.5).castTo(MLOperandDataType.INT32).longBits());
        assertEquals(4, MLNumber.of(3.5).castTo(MLOperandDataType.INT32).longBits());
        assertEquals(0, MLNumber.of(Double.NaN).castTo(MLOperandDataType.UINT8).longBits());
        assertEquals(0, MLNumber.of(-5.0).castTo(MLOperandDataType.UINT32).longBits());
        assertEquals(0xFFFF_FFFFL, MLNumber.of(1e12).castTo(MLOperandDataType.UINT32).longBits());
        assertEquals(-1L, MLNumber.ofUnsigned(-1L).castTo(MLOperandDataType.UINT64).longBits(), "2^64-1 keeps every bit");
        assertEquals(Long.MAX_VALUE, MLNumber.ofUnsigned(-1L).castTo(MLOperandDataType.INT64).longBits());
        assertEquals(Long.MIN_VALUE, MLNumber.of(Long.MIN_VALUE).castTo(MLOperandDataType.INT64).longBits());
    }

    @Test
    void float32OverflowsToInfinity() {
        assertEquals(Float.POSITIVE_INFINITY, MLNumber.of(1e39).castTo(MLOperandDataType.FLOAT32).toFloat32());
        assertEquals(16777216f, MLNumber.of(16777217L).castTo(MLOperandDataType.FLOAT32).toFloat32(), "ties to even");
    }
}
