package dev.webnn;

import java.util.EnumSet;
import java.util.Set;

/**
 * The data types of WebNN operands (spec: {@code MLOperandDataType}).
 *
 * <p>float16 values travel as raw IEEE 754 binary16 bits in 16-bit storage; convert with
 * {@link Float#floatToFloat16(float)} and {@link Float#float16ToFloat(short)}.
 *
 * <p>{@link #INT4} and {@link #UINT4} go beyond the spec: neither our snapshot nor the
 * current spec text lists them yet, but Chromium accepts them, upstream WPT tests them
 * ({@code dequantizeLinear}/{@code quantizeLinear} conformance tests) and ONNX Runtime's WebNN
 * execution provider hands ONNX INT4/UINT4 weights to them (microsoft/onnxruntime#22575). Two values share a byte, the first in the low nibble (as ONNX packs them),
 * so a tensor of {@code n} elements takes {@code ceil(n / 2)} bytes
 * ({@link MLOperandDescriptor#byteLength()}). As in Chromium they are accepted by graph
 * inputs, constants and outputs, {@code dequantizeLinear}'s input and zero point,
 * {@code quantizeLinear}'s zero point and output, and {@code cast}, {@code reshape} and
 * {@code transpose}; {@link MLContext#opSupportLimits()} tells which of these a context runs.
 */
public enum MLOperandDataType {
    /** IEEE 754 binary32. */
    FLOAT32("float32", 32),
    /** IEEE 754 binary16, stored as raw 16-bit patterns. */
    FLOAT16("float16", 16),
    /** Signed 32-bit integer. */
    INT32("int32", 32),
    /** Unsigned 32-bit integer (stored in Java {@code int} bits). */
    UINT32("uint32", 32),
    /** Signed 64-bit integer. */
    INT64("int64", 64),
    /** Unsigned 64-bit integer (stored in Java {@code long} bits). */
    UINT64("uint64", 64),
    /** Signed 8-bit integer. */
    INT8("int8", 8),
    /** Unsigned 8-bit integer (stored in Java {@code byte} bits). */
    UINT8("uint8", 8),
    /** Signed 4-bit integer, -8 to 7, two per byte, low nibble first (beyond the spec snapshot). */
    INT4("int4", 4),
    /** Unsigned 4-bit integer, 0 to 15, two per byte, low nibble first (beyond the spec snapshot). */
    UINT4("uint4", 4);

    private final String specName;
    private final int bitSize;

    MLOperandDataType(String specName, int bitSize) {
        this.specName = specName;
        this.bitSize = bitSize;
    }

    /**
     * The spec's name of the type, e.g. {@code "float32"}.
     *
     * @return the spec name
     */
    public String specName() {
        return specName;
    }

    /**
     * Bytes per element, for the types of at least 8 bits; the 4-bit types, two of which
     * share a byte, answer 1, the unit of their storage and alignment. Tensor sizes come from
     * {@link MLOperandDescriptor#byteLength()}, which counts the 4-bit types right.
     *
     * @return 1, 2, 4 or 8
     */
    public int byteSize() {
        return Math.max(1, bitSize / 8);
    }

    /**
     * Bits per element.
     *
     * @return 4, 8, 16, 32 or 64
     */
    public int bitSize() {
        return bitSize;
    }

    /**
     * Whether two elements of this type share a byte ({@link #INT4}, {@link #UINT4}).
     *
     * @return true for the 4-bit types
     */
    public boolean isPacked() {
        return bitSize < 8;
    }

    /**
     * Whether this is {@link #FLOAT32} or {@link #FLOAT16}.
     *
     * @return true for the floating-point types
     */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT16;
    }

    /**
     * Whether values of this type can be negative.
     *
     * @return false for the unsigned integer types
     */
    public boolean isSigned() {
        return this != UINT32 && this != UINT64 && this != UINT8 && this != UINT4;
    }

    /**
     * The types the spec snapshot lists: every type but {@link #INT4} and {@link #UINT4}. An
     * operand limit of "any" type means these.
     *
     * @return a new modifiable set of the eight types
     */
    public static Set<MLOperandDataType> snapshotTypes() {
        return EnumSet.complementOf(EnumSet.of(INT4, UINT4));
    }

    /**
     * Looks a type up by its spec name.
     *
     * @param specName e.g. {@code "float16"}
     * @return the type
     * @throws MLTypeError if no type has that name
     */
    public static MLOperandDataType fromSpecName(String specName) {
        for (MLOperandDataType type : values()) {
            if (type.specName.equals(specName)) {
                return type;
            }
        }
        throw new MLTypeError("unknown MLOperandDataType: " + specName);
    }

    /** The spec name, e.g. {@code float32}. */
    @Override
    public String toString() {
        return specName;
    }
}
