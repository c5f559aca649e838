package dev.webnn.testing;

/**
 * The one ULP (units in the last place) distance of the project's tests, shared through
 * core's test jar.
 *
 * <p>float32: the absolute difference of the signed 32-bit patterns, as WPT measures it (for
 * values of one sign, the number of floats between them; values of opposite signs are far
 * apart). float16: sign-magnitude, i.e. the number of binary16 values between the two when
 * laid out in numeric order, so a small negative and a small positive value are close, as
 * their magnitudes are. Equal values (+0 and -0 included) and two NaNs are at distance 0;
 * NaN and a number are at {@link Long#MAX_VALUE}.
 */
public final class Ulp {

    private static final int FLOAT16_SIGN = 0x8000;
    private static final int FLOAT16_MAGNITUDE = 0x7FFF;

    private Ulp() {
    }

    /**
     * The ULP distance of two float32 values.
     *
     * @param expected the expected value
     * @param actual the computed value
     * @return the distance (see the class comment)
     */
    public static long distance(float expected, float actual) {
        if (Float.isNaN(expected) || Float.isNaN(actual)) {
            return Float.isNaN(expected) && Float.isNaN(actual) ? 0 : Long.MAX_VALUE;
        }
        if (expected == actual) {
            return 0;
        }
        return Math.abs((long) Float.floatToRawIntBits(expected) - Float.floatToRawIntBits(actual));
    }

    /**
     * The sign-magnitude ULP distance of two float16 values given as bit patterns.
     *
     * @param expected the expected binary16 bits
     * @param actual the computed binary16 bits
     * @return the distance (see the class comment)
     */
    public static long distanceFloat16(short expected, short actual) {
        boolean expectedNaN = Float.isNaN(Float.float16ToFloat(expected));
        boolean actualNaN = Float.isNaN(Float.float16ToFloat(actual));
        if (expectedNaN || actualNaN) {
            return expectedNaN && actualNaN ? 0 : Long.MAX_VALUE;
        }
        return Math.abs(ordered(expected) - ordered(actual));
    }

    /** The position of a non-NaN binary16 value on the number line; +0 and -0 share 0. */
    private static long ordered(short bits) {
        int magnitude = bits & FLOAT16_MAGNITUDE;
        return (bits & FLOAT16_SIGN) != 0 ? -magnitude : magnitude;
    }
}
