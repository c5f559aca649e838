package dev.webnn.onnx;

import dev.webnn.MLOperandDataType;

import java.util.Optional;

/**
 * The element types of ONNX tensors (the IR's {@code TensorProto.DataType}), with the WebNN
 * type each one is imported as, if any.
 *
 * <p>{@code bool} is imported as {@code uint8} (0 or 1); {@code bfloat16} weights are widened to
 * {@code float32}; types without a WebNN counterpart (float64, int16, strings, ...) are refused
 * with {@link dev.webnn.MLNotSupportedError} wherever a graph would need them.
 */
public enum OnnxDataType {
    /** 32-bit float. */
    FLOAT(1, 4, MLOperandDataType.FLOAT32),
    /** Unsigned 8-bit integer. */
    UINT8(2, 1, MLOperandDataType.UINT8),
    /** Signed 8-bit integer. */
    INT8(3, 1, MLOperandDataType.INT8),
    /** Unsigned 16-bit integer (no WebNN type). */
    UINT16(4, 2, null),
    /** Signed 16-bit integer (no WebNN type). */
    INT16(5, 2, null),
    /** Signed 32-bit integer. */
    INT32(6, 4, MLOperandDataType.INT32),
    /** Signed 64-bit integer. */
    INT64(7, 8, MLOperandDataType.INT64),
    /** Strings (no WebNN type). */
    STRING(8, 0, null),
    /** Booleans, imported as uint8 0/1. */
    BOOL(9, 1, MLOperandDataType.UINT8),
    /** IEEE 754 binary16. */
    FLOAT16(10, 2, MLOperandDataType.FLOAT16),
    /** 64-bit float (no WebNN type). */
    DOUBLE(11, 8, null),
    /** Unsigned 32-bit integer. */
    UINT32(12, 4, MLOperandDataType.UINT32),
    /** Unsigned 64-bit integer. */
    UINT64(13, 8, MLOperandDataType.UINT64),
    /** Complex of two float32 (no WebNN type). */
    COMPLEX64(14, 8, null),
    /** Complex of two float64 (no WebNN type). */
    COMPLEX128(15, 16, null),
    /** Brain float 16; weights of this type are widened to float32. */
    BFLOAT16(16, 2, null),
    /** 8-bit float e4m3fn (no WebNN type). */
    FLOAT8E4M3FN(17, 1, null),
    /** 8-bit float e4m3fnuz (no WebNN type). */
    FLOAT8E4M3FNUZ(18, 1, null),
    /** 8-bit float e5m2 (no WebNN type). */
    FLOAT8E5M2(19, 1, null),
    /** 8-bit float e5m2fnuz (no WebNN type). */
    FLOAT8E5M2FNUZ(20, 1, null),
    /** Unsigned 4-bit integer, two per byte (WebNN's uint4, beyond the spec snapshot). */
    UINT4(21, 0, MLOperandDataType.UINT4),
    /** Signed 4-bit integer, two per byte (WebNN's int4, beyond the spec snapshot). */
    INT4(22, 0, MLOperandDataType.INT4),
    /** 4-bit float e2m1 (no WebNN type). */
    FLOAT4E2M1(23, 0, null);

    private final int code;
    private final int byteSize;
    private final MLOperandDataType webnnType;

    OnnxDataType(int code, int byteSize, MLOperandDataType webnnType) {
        this.code = code;
        this.byteSize = byteSize;
        this.webnnType = webnnType;
    }

    /**
     * The number the ONNX format stores for this type.
     *
     * @return the {@code TensorProto.DataType} value
     */
    public int code() {
        return code;
    }

    /**
     * Bytes per element in ONNX's little-endian {@code raw_data} layout.
     *
     * @return the element size; 0 for strings and sub-byte types
     */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Whether two values share a byte, the first in the low nibble (int4 and uint4).
     *
     * @return true for the 4-bit integer types
     */
    public boolean isPacked() {
        return this == INT4 || this == UINT4;
    }

    /**
     * Bytes that {@code count} values take in {@code raw_data}: two 4-bit values per byte
     * (rounded up), else {@link #byteSize} each.
     *
     * @param count the number of values
     * @return their byte length
     * @throws ArithmeticException if it overflows a long
     */
    public long byteLength(long count) {
        return isPacked() ? (count + 1) / 2 : Math.multiplyExact(count, byteSize);
    }

    /**
     * The WebNN type values of this type are imported as.
     *
     * @return the WebNN type, or empty if WebNN has none
     */
    public Optional<MLOperandDataType> webnnType() {
        return Optional.ofNullable(webnnType);
    }

    /**
     * Looks a type up by its ONNX number.
     *
     * @param code a {@code TensorProto.DataType} value
     * @return the type, or empty for 0 (undefined) and unknown numbers
     */
    public static Optional<OnnxDataType> fromCode(int code) {
        for (OnnxDataType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The ONNX name in lower case, e.g. {@code float}, {@code int64}, {@code bool}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
