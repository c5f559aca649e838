package dev.webnn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shared ULP distances. */
class UlpTest {

    @Test
    void float32CountsTheFloatsBetweenValuesOfOneSign() {
        assertEquals(0, Ulp.distance(1f, 1f));
        assertEquals(1, Ulp.distance(1f, Math.nextUp(1f)));
        assertEquals(1, Ulp.distance(1f, Math.nextDown(1f)), "across the exponent boundary");
        assertEquals(3, Ulp.distance(-2f, Math.nextDown(Math.nextDown(Math.nextDown(-2f)))));
        assertEquals(0, Ulp.distance(0f, -0f), "+0 == -0");
        assertEquals(1, Ulp.distance(Float.MAX_VALUE, Float.POSITIVE_INFINITY));
        assertEquals(0x8000_0000L, Ulp.distance(1f, -1f), "opposite signs are far apart, as in WPT");
    }

    @Test
    void float16IsSignMagnitude() {
        assertEquals(5, Ulp.distanceFloat16((short) 0x3C00, (short) 0x3C05));
        assertEquals(0, Ulp.distanceFloat16((short) 0x0000, (short) 0x8000), "+0 == -0");
        assertEquals(2, Ulp.distanceFloat16((short) 0x0001, (short) 0x8001), "smallest subnormals of both signs");
        assertEquals(2 * 0x3C00, Ulp.distanceFloat16((short) 0x3C00, (short) 0xBC00), "1 and -1");
        assertEquals(1, Ulp.distanceFloat16((short) 0x7BFF, (short) 0x7C00), "largest finite and infinity");
        assertEquals(3, Ulp.distanceFloat16((short) 0xBC00, (short) 0xBC03));
    }

    @Test
    void nanMatchesOnlyNaN() {
        assertEquals(0, Ulp.distance(Float.NaN, Float.intBitsToFloat(0x7FC0_0001)));
        assertEquals(Long.MAX_VALUE, Ulp.distance(Float.NaN, Float.POSITIVE_INFINITY));
        assertEquals(0, Ulp.distanceFloat16((short) 0x7E00, (short) 0xFE01));
        assertEquals(Long.MAX_VALUE, Ulp.distanceFloat16((short) 0x7C00, (short) 0x7C01), "infinity is not NaN");
    }
}
