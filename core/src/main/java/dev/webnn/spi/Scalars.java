package dev.webnn.spi;

import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Writes one number into tensor memory in any data type, cast with the spec's casting rules
 * ({@link MLNumber#castTo}): float16 as binary16 bits, the integers as their two's-complement
 * bits of the type's width, in native byte order.
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * Writes {@code value} cast to {@code type} at the start of {@code data}.
     *
     * @param data memory of at least {@code type.byteSize()} bytes, any alignment
     * @param type the data type
     * @param value the number
     * @return {@code data}
     */
    public static MemorySegment write(MemorySegment data, MLOperandDataType type, MLNumber value) {
        MLNumber cast = value.castTo(type);
        switch (type) {
            case FLOAT32 -> data.set(ValueLayout.JAVA_FLOAT_UNALIGNED, 0, cast.toFloat32());
            case FLOAT16 -> data.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, cast.toFloat16Bits());
            case INT32, UINT32 -> data.set(ValueLayout.JAVA_INT_UNALIGNED, 0, (int) cast.longBits());
            case INT64, UINT64 -> data.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, cast.longBits());
            case INT8, UINT8 -> data.set(ValueLayout.JAVA_BYTE, 0, (byte) cast.longBits());
            // a one-element 4-bit tensor: the value in the low nibble
            case INT4, UINT4 -> data.set(ValueLayout.JAVA_BYTE, 0, (byte) (cast.longBits() & 0xF));
        }
        return data;
    }
}
