package dev.webnn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A number given to an operation that may have any data type (spec: {@code MLNumber},
 * {@code bigint or unrestricted double}): either a double, or an exact integer in the range
 * of int64 or uint64 so that 64-bit values keep every bit.
 *
 * <p>{@link #castTo(MLOperandDataType)} implements the spec's "cast" algorithm.
 */
public final class MLNumber {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Exact integer value, or null when this is a double. */
    private final BigInteger integer;
    private final double value;

    private MLNumber(BigInteger integer, double value) {
        this.integer = integer;
        this.value = value;
    }

    /**
     * A double (the spec's {@code unrestricted double}), including NaN and infinities.
     *
     * @param value the value
     * @return the number
     */
    public static MLNumber of(double value) {
        return new MLNumber(null, value);
    }

    /**
     * An exact signed 64-bit integer (the spec's {@code bigint}).
     *
     * @param value the value
     * @return the number
     */
    public static MLNumber of(long value) {
        return new MLNumber(BigInteger.valueOf(value), value);
    }

    /**
     * An exact unsigned 64-bit integer: the bits of {@code value} read as uint64.
     *
     * @param value the bits
     * @return the number
     */
    public static MLNumber ofUnsigned(long value) {
        BigInteger exact = BigInteger.valueOf(value);
        if (value < 0) {
            exact = exact.add(TWO_64);
        }
        return new MLNumber(exact, exact.doubleValue());
    }

    /**
     * Whether this number was given as an exact integer.
     *
     * @return true for {@link #of(long)} and {@link #ofUnsigned(long)}
     */
    public boolean isInteger() {
        return integer != null;
    }

    /**
     * The value as a double (rounded for integers beyond 2<sup>53</sup>).
     *
     * @return the value
     */
    public double doubleValue() {
        return value;
    }

    /**
     * The spec's "cast" of this number to a data type: round to the nearest representable
     * float (overflow to infinity), or clamp and round half to even for integers (NaN
     * becomes 0).
     *
     * @param dataType the target type
     * @return the cast value, exact for the type
     */
    public MLNumber castTo(MLOperandDataType dataType) {
        return switch (dataType) {
            case FLOAT32 -> of((double) toFloat32());
            case FLOAT16 -> of((double) Float.float16ToFloat(toFloat16Bits()));
            case INT64 -> new MLNumber(toInteger(BigInteger.ONE.shiftLeft(63).negate(), BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE)), 0).normalise();
            case UINT64 -> new MLNumber(toInteger(BigInteger.ZERO, TWO_64.subtract(BigInteger.ONE)), 0).normalise();
            case INT32 -> new MLNumber(toInteger(BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)), 0).normalise();
            // The spec's table says ConvertToInt(x, 32, "signed") for uint32, an evident slip:
            // uint32 is cast to its own range [0, 2^32-1].
            case UINT32 -> new MLNumber(toInteger(BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)), 0).normalise();
            case INT8 -> new MLNumber(toInteger(BigInteger.valueOf(-128), BigInteger.valueOf(127)), 0).normalise();
            case UINT8 -> new MLNumber(toInteger(BigInteger.ZERO, BigInteger.valueOf(255)), 0).normalise();
            case INT4 -> new MLNumber(toInteger(BigInteger.valueOf(-8), BigInteger.valueOf(7)), 0).normalise();
            case UINT4 -> new MLNumber(toInteger(BigInteger.ZERO, BigInteger.valueOf(15)), 0).normalise();
        };
    }

    /**
     * The value as a float32, rounded to nearest even (spec: ConvertToFloat(x, 32)).
     *
     * @return the float value
     */
    public float toFloat32() {
        if (integer == null) {
            return (float) value;
        }
        return new BigDecimal(integer).floatValue();
    }

    /**
     * The value as raw float16 bits, rounded to nearest even (spec: ConvertToFloat(x, 16)).
     *
     * @return the binary16 bits
     */
    public short toFloat16Bits() {
        return nearestFloat16(integer == null ? value : new BigDecimal(integer).doubleValue());
    }

    /**
     * The bits of this number stored in a 64-bit slot after {@link #castTo} to an integer
     * type: the two's complement value, or the unsigned value's bits.
     *
     * @return the integer bits; for a double, the value rounded toward zero
     */
    public long longBits() {
        return integer != null ? integer.longValue() : (long) value;
    }

    /** binary16 nearest to {@code x}, ties to even, without double rounding through float. */
    private static short nearestFloat16(double x) {
        if (Math.abs(x) >= 65520) {
            // Spec ConvertToFloat: 2^16 joins the set as the even neighbour of 65504, then becomes infinity.
            return Float.floatToFloat16(x > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
        }
        short guess = Float.floatToFloat16((float) x);
        if (Double.isNaN(x) || (double) Float.float16ToFloat(guess) == x) {
            return guess;
        }
        short best = guess;
        double bestError = Math.abs(Float.float16ToFloat(guess) - x);
        for (int delta = -1; delta <= 1; delta += 2) {
            short candidate = (short) (guess + delta);
            float candidateValue = Float.float16ToFloat(candidate);
            if (Float.isNaN(candidateValue) || Math.signum(candidateValue) * Math.signum(x) < 0) {
                continue;
            }
            double error = Math.abs(candidateValue - x);
            if (error < bestError || (error == bestError && (candidate & 1) == 0)) {
                best = candidate;
                bestError = error;
            }
        }
        return best;
    }

    private BigInteger toInteger(BigInteger lower, BigInteger upper) {
        if (integer != null) {
            return integer.max(lower).min(upper);
        }
        if (Double.isNaN(value)) {
            return BigInteger.ZERO;
        }
        if (value == Double.POSITIVE_INFINITY) {
            return upper;
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return lower;
        }
        BigInteger rounded = new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        return rounded.max(lower).min(upper);
    }

    private MLNumber normalise() {
        return new MLNumber(integer, integer.doubleValue());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MLNumber n)) {
            return false;
        }
        return integer != null ? integer.equals(n.integer) : n.integer == null && Double.compare(value, n.value) == 0;
    }

    @Override
    public int hashCode() {
        return integer != null ? integer.hashCode() : Double.hashCode(value);
    }

    @Override
    public String toString() {
        return integer != null ? integer.toString() : Double.toString(value);
    }
}
