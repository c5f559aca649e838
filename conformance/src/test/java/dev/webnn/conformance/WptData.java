package dev.webnn.conformance;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.conformance.WptCase.WptTensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts WPT JSON numbers to tensor bytes of the 8 WebNN data types and reads tensor
 * elements back, in native byte order (the layout {@code MLGraphBuilder.constant} and
 * {@code MLContext.compute} expect).
 *
 * <p>Floating-point values are rounded once, from the exact JSON decimal, to the nearest
 * value of the type with ties to even (float16: the nearest binary16, as
 * {@link Float#floatToFloat16} would give from the exact value; no double rounding through
 * float). Integer types take exact integers in their range (uint64 up to
 * 2<sup>64</sup>-1, stored as the same 64 bits).
 */
public final class WptData {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    /** Smallest magnitude that rounds to binary16 infinity: halfway between 65504 and 65536. */
    private static final BigDecimal FLOAT16_OVERFLOW = new BigDecimal(65520);
    private static final short FLOAT16_MAX_FINITE = 0x7BFF;
    private static final short FLOAT16_INFINITY = 0x7C00;
    private static final short FLOAT16_SIGN = (short) 0x8000;

    private WptData() {
    }

    /**
     * The tensor's data in new native memory of {@code arena}, one element per shape element
     * (the fill form repeats its single value).
     *
     * @param tensor the tensor
     * @param arena where to allocate
     * @return the tensor's {@code byteLength} bytes in native order (4-bit types two per byte, low nibble first)
     * @throws IllegalArgumentException if the value count does not match the shape, or a value
     *     does not fit the data type
     */
    public static MemorySegment encode(WptTensor tensor, Arena arena) {
        long count = tensor.elementCount();
        if (!tensor.fill() && tensor.values().size() != count) {
            throw new IllegalArgumentException("'" + tensor.name() + "' has " + tensor.values().size()
                    + " values for shape " + java.util.Arrays.toString(tensor.shape()) + " (" + count + " elements)");
        }
        MLOperandDataType type = tensor.dataType();
        long byteLength = MLOperandDescriptor.of(type, tensor.shape()).byteLength();
        MemorySegment segment = arena.allocate(Math.max(1, byteLength), 8).asSlice(0, byteLength);
        if (tensor.fill()) {
            // the first byte holds one element, or two of a 4-bit type
            for (long i = 0; i < Math.min(count, type.isPacked() ? 2 : 1); i++) {
                write(segment, type, i, tensor.value(0));
            }
            if (count > 0) {
                replicateFirstElement(segment, type.byteSize());
            }
            return segment;
        }
        for (long i = 0; i < count; i++) {
            write(segment, type, i, tensor.value(i));
        }
        return segment;
    }

    /**
     * Writes one element.
     *
     * @param segment the tensor memory
     * @param type the data type
     * @param index the element index
     * @param value a JSON number
     * @throws IllegalArgumentException if the value does not fit the type (a 4-bit type keeps the low
     *     nibble of an integer, as WPT packs them)
     */
    public static void write(MemorySegment segment, MLOperandDataType type, long index, Object value) {
        switch (type) {
            case FLOAT32 -> segment.setAtIndex(ValueLayout.JAVA_FLOAT, index, toFloat32(value));
            case FLOAT16 -> segment.setAtIndex(ValueLayout.JAVA_SHORT, index, toFloat16Bits(value));
            case INT32, UINT32 -> segment.setAtIndex(ValueLayout.JAVA_INT, index, (int) integerBits(type, value));
            case INT64, UINT64 -> segment.setAtIndex(ValueLayout.JAVA_LONG, index, integerBits(type, value));
            case INT8, UINT8 -> segment.setAtIndex(ValueLayout.JAVA_BYTE, index, (byte) integerBits(type, value));
            case INT4, UINT4 -> {
                // WPT writes 4-bit data as 8-bit integers and packs their low nibbles (10 is int4 -6)
                int shift = (int) (index % 2) * 4;
                byte other = (byte) (segment.get(ValueLayout.JAVA_BYTE, index / 2) & (0xF0 >>> shift));
                segment.set(ValueLayout.JAVA_BYTE, index / 2, (byte) (other | (toInteger(value).intValue() & 0xF) << shift));
            }
        }
    }

    /**
     * The float32 nearest to a JSON number (ties to even).
     *
     * @param value a JSON number
     * @return the float
     */
    public static float toFloat32(Object value) {
        if (value instanceof Double d) {
            return d.floatValue();
        }
        return decimal(value).floatValue();
    }

    /**
     * The binary16 nearest to a JSON number, ties to even, as raw bits; magnitudes from 65520
     * up become infinity.
     *
     * @param value a JSON number
     * @return the binary16 bit pattern
     */
    public static short toFloat16Bits(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite() || d == 0)) {
            return Float.floatToFloat16(d.floatValue());
        }
        BigDecimal exact = decimal(value);
        if (exact.signum() == 0) {
            return 0;
        }
        short sign = exact.signum() < 0 ? FLOAT16_SIGN : 0;
        BigDecimal magnitude = exact.abs();
        if (magnitude.compareTo(FLOAT16_OVERFLOW) >= 0) {
            return (short) (sign | FLOAT16_INFINITY);
        }
        // Rounding through float lands on the nearest binary16 or a neighbour of it.
        int guess = Math.min(Float.floatToFloat16(magnitude.floatValue()), FLOAT16_MAX_FINITE);
        int best = guess;
        BigDecimal bestError = float16Error(guess, magnitude);
        for (int candidate = Math.max(0, guess - 1); candidate <= Math.min(FLOAT16_MAX_FINITE, guess + 1); candidate++) {
            int order = float16Error(candidate, magnitude).compareTo(bestError);
            if (order < 0 || (order == 0 && (candidate & 1) == 0)) {
                best = candidate;
                bestError = float16Error(candidate, magnitude);
            }
        }
        return (short) (sign | best);
    }

    /**
     * The bits of an exact integer of an integer data type, checked against its range.
     *
     * @param type an integer data type
     * @param value a JSON number with an integral value
     * @return the value's two's-complement bits (uint64 above {@link Long#MAX_VALUE} comes
     *     out negative, with the same 64 bits)
     * @throws IllegalArgumentException if the value is not an integer or is out of range
     */
    public static long integerBits(MLOperandDataType type, Object value) {
        BigInteger integer = toInteger(value);
        if (integer.compareTo(min(type)) < 0 || integer.compareTo(max(type)) > 0) {
            throw new IllegalArgumentException(integer + " is outside the range of " + type);
        }
        return integer.longValue();
    }

    /**
     * Element {@code index} of a tensor of an integer type, as an exact integer.
     *
     * @param segment the tensor memory
     * @param type an integer data type
     * @param index the element index
     * @return the value (unsigned types read as unsigned)
     */
    public static BigInteger readInteger(MemorySegment segment, MLOperandDataType type, long index) {
        long bits = switch (type) {
            case INT32 -> segment.getAtIndex(ValueLayout.JAVA_INT, index);
            case UINT32 -> Integer.toUnsignedLong(segment.getAtIndex(ValueLayout.JAVA_INT, index));
            case INT64, UINT64 -> segment.getAtIndex(ValueLayout.JAVA_LONG, index);
            case INT8 -> segment.getAtIndex(ValueLayout.JAVA_BYTE, index);
            case UINT8 -> Byte.toUnsignedInt(segment.getAtIndex(ValueLayout.JAVA_BYTE, index));
            case INT4, UINT4 -> {
                int nibble = segment.get(ValueLayout.JAVA_BYTE, index / 2) >> (index % 2) * 4 & 0xF;
                yield type == MLOperandDataType.INT4 && nibble > 7 ? nibble - 16 : nibble;
            }
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
        BigInteger integer = BigInteger.valueOf(bits);
        return type == MLOperandDataType.UINT64 && bits < 0 ? integer.add(TWO_64) : integer;
    }

    /**
     * A JSON number as an exact integer.
     *
     * @param value a JSON number
     * @return its integral value
     * @throws IllegalArgumentException if it has a fractional part or is not a number
     */
    public static BigInteger toInteger(Object value) {
        if (value instanceof BigInteger integer) {
            return integer;
        }
        try {
            return decimal(value).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + " is not an integer", e);
        }
    }

    /**
     * A JSON number as an exact decimal.
     *
     * @param value a JSON number ({@link BigInteger}, {@link BigDecimal} or a finite {@link Number})
     * @return the decimal ({@code -0.0} becomes 0)
     * @throws IllegalArgumentException if the value is not a finite number
     */
    public static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Double d when Double.isFinite(d) -> new BigDecimal(d);
            case Float f when Float.isFinite(f) -> new BigDecimal(f);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case null, default -> throw new IllegalArgumentException("not a finite JSON number: " + value);
        };
    }

    /** Copies the first element over the whole segment, doubling the filled part each step. */
    private static void replicateFirstElement(MemorySegment segment, int elementSize) {
        long filled = elementSize;
        while (filled < segment.byteSize()) {
            long chunk = Math.min(filled, segment.byteSize() - filled);
            MemorySegment.copy(segment, 0, segment, filled, chunk);
            filled += chunk;
        }
    }

    private static BigDecimal float16Error(int bits, BigDecimal magnitude) {
        return new BigDecimal(Float.float16ToFloat((short) bits)).subtract(magnitude).abs();
    }

    private static BigInteger min(MLOperandDataType type) {
        return type.isSigned() ? BigInteger.ONE.shiftLeft(type.bitSize() - 1).negate() : BigInteger.ZERO;
    }

    private static BigInteger max(MLOperandDataType type) {
        BigInteger bound = BigInteger.ONE.shiftLeft(type.bitSize() - (type.isSigned() ? 1 : 0));
        return bound.subtract(BigInteger.ONE);
    }
}
