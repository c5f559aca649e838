package dev.webnn;

/**
 * The data types of WebNN operands (spec: {@code MLOperandDataType}).
 *
 * <p>float16 values travel as raw IEEE 754 binary16 bits in 16-bit storage; convert with
 * {@link Float#floatToFloat16(float)} and {@link Float#float16ToFloat(short)}.
 */
public enum MLOperandDataType {
    /** IEEE 754 binary32. */
    FLOAT32("float32", 4),
    /** IEEE 754 binary16, stored as raw 16-bit patterns. */
    FLOAT16("float16", 2),
    /** Signed 32-bit integer. */
    INT32("int32", 4),
    /** Unsigned 32-bit integer (stored in Java {@code int} bits). */
    UINT32("uint32", 4),
    /** Signed 64-bit integer. */
    INT64("int64", 8),
    /** Unsigned 64-bit integer (stored in Java {@code long} bits). */
    UINT64("uint64", 8),
    /** Signed 8-bit integer. */
    INT8("int8", 1),
    /** Unsigned 8-bit integer (stored in Java {@code byte} bits). */
    UINT8("uint8", 1);

    private final String specName;
    private final int byteSize;

    MLOperandDataType(String specName, int byteSize) {
        this.specName = specName;
        this.byteSize = byteSize;
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
     * Bytes per element.
     *
     * @return 1, 2, 4 or 8
     */
    public int byteSize() {
        return byteSize;
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
        return this != UINT32 && this != UINT64 && this != UINT8;
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
