package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.WptCase.WptTensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data conversion of WPT JSON numbers: float16 rounding, integer ranges, the fill form. */
class WptDataTest {

    private static short half(String decimal) {
        return WptData.toFloat16Bits(new BigDecimal(decimal));
    }

    @Test
    void float16RoundsToNearestAndTiesToEven() {
        assertEquals(0x3C00, half("1"));
        assertEquals(0x2E66, half("0.1"));
        assertEquals(0x3C00, half("1.00048828125"), "1 + 2^-11 is a tie: even 0x3C00");
        assertEquals(0x3C02, half("1.00146484375"), "1 + 3*2^-11 is a tie: even 0x3C02");
        assertEquals(0x3C01, half("1.0004882812500001"), "just above the tie rounds up");
        assertEquals(0x3C00, half("1.0004882812499999"), "just below the tie rounds down");
        assertEquals((short) 0xC000, half("-2"));
    }

    @Test
    void float16RoundsOnceFromTheDecimalNotThroughFloat() {
        // The float nearest to this decimal is exactly the tie 1 + 2^-11, so rounding through
        // float would give 0x3C00; the decimal itself lies above the tie.
        String decimal = "1.00048828125000000001";
        assertEquals(0x3C00, Float.floatToFloat16(new BigDecimal(decimal).floatValue()));
        assertEquals(0x3C01, half(decimal));
    }

    @Test
    void float16OverflowSubnormalsAndZeros() {
        assertEquals(0x7BFF, half("65504"));
        assertEquals(0x7BFF, half("65519.99"));
        assertEquals(0x7C00, half("65520"), "the midpoint to 65536 ties to even: infinity");
        assertEquals((short) 0xFC00, half("-70000"));
        assertEquals(0x0001, half("5.9604644775390625E-8"), "2^-24, the smallest subnormal");
        assertEquals(0x0000, half("2.98023223876953125E-8"), "2^-25 ties to even zero");
        assertEquals(0x0001, half("2.98023223876953126E-8"));
        assertEquals(0x0000, half("0"));
        assertEquals((short) 0x8000, WptData.toFloat16Bits(-0.0d));
    }

    @Test
    void float32IsTheNearestFloat() {
        assertEquals(0.1f, WptData.toFloat32(new BigDecimal("0.1")));
        assertEquals(-43.333316802978516f, WptData.toFloat32(new BigDecimal("-43.333316802978516")));
        assertEquals(16777216f, WptData.toFloat32(new BigInteger("16777217")), "tie to even");
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(WptData.toFloat32(-0.0d)));
    }

    @Test
    void uint64AboveLongMaxKeepsAllBits() {
        assertEquals(-1L, WptData.integerBits(MLOperandDataType.UINT64, new BigInteger("18446744073709551615")));
        assertEquals(Long.MIN_VALUE, WptData.integerBits(MLOperandDataType.UINT64, new BigInteger("9223372036854775808")));
        assertThrows(IllegalArgumentException.class,
                () -> WptData.integerBits(MLOperandDataType.UINT64, new BigInteger("18446744073709551616")));
        assertThrows(IllegalArgumentException.class, () -> WptData.integerBits(MLOperandDataType.UINT64, BigInteger.ONE.negate()));
        assertEquals(Long.MAX_VALUE, WptData.integerBits(MLOperandDataType.INT64, new BigInteger("9223372036854775807")));
        assertThrows(IllegalArgumentException.class,
                () -> WptData.integerBits(MLOperandDataType.INT64, new BigInteger("9223372036854775808")));
    }

    @Test
    void smallIntegerTypesAreRangeChecked() {
        assertEquals(-128, WptData.integerBits(MLOperandDataType.INT8, BigInteger.valueOf(-128)));
        assertThrows(IllegalArgumentException.class, () -> WptData.integerBits(MLOperandDataType.INT8, BigInteger.valueOf(128)));
        assertEquals(255, WptData.integerBits(MLOperandDataType.UINT8, BigInteger.valueOf(255)));
        assertThrows(IllegalArgumentException.class, () -> WptData.integerBits(MLOperandDataType.UINT8, BigInteger.valueOf(256)));
        assertEquals(0xFFFF_FFFFL, WptData.integerBits(MLOperandDataType.UINT32, BigInteger.valueOf(0xFFFF_FFFFL)));
        assertThrows(IllegalArgumentException.class,
                () -> WptData.integerBits(MLOperandDataType.INT32, BigInteger.valueOf(Integer.MAX_VALUE + 1L)));
        assertEquals(2, WptData.integerBits(MLOperandDataType.INT32, new BigDecimal("2.0")), "integral decimals are accepted");
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> WptData.integerBits(MLOperandDataType.INT32, new BigDecimal("1.5")));
        assertTrue(fraction.getMessage().contains("not an integer"), fraction.getMessage());
    }

    @Test
    void encodesEveryTypeInNativeOrderAndReadsIntegersBack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment uint64 = WptData.encode(tensor(MLOperandDataType.UINT64, new long[] {2},
                    List.of(new BigInteger("18446744073709551615"), BigInteger.TWO), false), arena);
            assertEquals(16, uint64.byteSize());
            assertEquals(new BigInteger("18446744073709551615"), WptData.readInteger(uint64, MLOperandDataType.UINT64, 0));
            assertEquals(BigInteger.TWO, WptData.readInteger(uint64, MLOperandDataType.UINT64, 1));

            MemorySegment uint32 = WptData.encode(tensor(MLOperandDataType.UINT32, new long[] {1},
                    List.of(BigInteger.valueOf(0xFFFF_FFFFL)), false), arena);
            assertEquals(BigInteger.valueOf(0xFFFF_FFFFL), WptData.readInteger(uint32, MLOperandDataType.UINT32, 0));

            MemorySegment int8 = WptData.encode(tensor(MLOperandDataType.INT8, new long[] {2},
                    List.of(BigInteger.valueOf(-5), BigInteger.valueOf(7)), false), arena);
            assertArrayEquals(new byte[] {-5, 7}, int8.toArray(ValueLayout.JAVA_BYTE));
            assertEquals(BigInteger.valueOf(-5), WptData.readInteger(int8, MLOperandDataType.INT8, 0));

            MemorySegment uint8 = WptData.encode(tensor(MLOperandDataType.UINT8, new long[] {1},
                    List.of(BigInteger.valueOf(200)), false), arena);
            assertEquals(BigInteger.valueOf(200), WptData.readInteger(uint8, MLOperandDataType.UINT8, 0));

            MemorySegment float16 = WptData.encode(tensor(MLOperandDataType.FLOAT16, new long[] {2},
                    List.of(new BigDecimal("0.1"), new BigDecimal("-2")), false), arena);
            assertArrayEquals(new short[] {0x2E66, (short) 0xC000}, float16.toArray(ValueLayout.JAVA_SHORT));
        }
    }

    @Test
    void aSingleNumberFillsTheWholeShape() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment filled = WptData.encode(tensor(MLOperandDataType.FLOAT32, new long[] {2, 3},
                    List.of(new BigDecimal("1.5")), true), arena);
            assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f}, filled.toArray(ValueLayout.JAVA_FLOAT));
            MemorySegment scalar = WptData.encode(tensor(MLOperandDataType.INT64, new long[0],
                    List.of(BigInteger.valueOf(-3)), true), arena);
            assertEquals(-3L, scalar.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    @Test
    void aValueCountThatDoesNotMatchTheShapeIsRejected() {
        try (Arena arena = Arena.ofConfined()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WptData.encode(
                    tensor(MLOperandDataType.FLOAT32, new long[] {3}, List.of(BigInteger.ONE, BigInteger.TWO), false), arena));
            assertEquals("'t' has 2 values for shape [3] (3 elements)", error.getMessage());
        }
    }

    private static WptTensor tensor(MLOperandDataType type, long[] shape, List<Object> values, boolean fill) {
        return new WptTensor("t", type, shape, values, fill, true);
    }
}
