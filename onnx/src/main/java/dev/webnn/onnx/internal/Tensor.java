package dev.webnn.onnx.internal;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDataType;
import dev.webnn.onnx.OnnxDataType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * A constant tensor known at import time: an initializer, a Constant node's value, or a folded
 * result. Elements are stored little-endian in ONNX's {@code raw_data} layout (bool as one byte
 * 0/1, float16 as binary16 bits); the data may be a slice of the memory-mapped model file.
 */
public final class Tensor {

    /** Folded results above this many bytes live off the heap. */
    private static final long HEAP_LIMIT = 1 << 16;
    /** Results computed at import are refused above this size (hostile shapes must not exhaust memory). */
    private static final long MAX_BYTES = 1L << 30;

    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private final OnnxDataType type;
    private final long[] shape;
    private final MemorySegment data;

    /**
     * Wraps data in the raw layout.
     *
     * @param type a type with a fixed element size
     * @param shape the dimensions
     * @param data exactly elementCount × byteSize bytes
     */
    public Tensor(OnnxDataType type, long[] shape, MemorySegment data) {
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape.clone();
        this.data = data;
        if (data.byteSize() != type.byteLength(elementCount(shape))) {
            throw new IllegalArgumentException("tensor " + type + Arrays.toString(shape) + " needs "
                    + type.byteLength(elementCount(shape)) + " bytes, has " + data.byteSize());
        }
    }

    /**
     * The number of elements of a shape.
     *
     * @param shape dimensions
     * @return their product (1 for a scalar)
     */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /**
     * A tensor of the given type holding integer values (converted to the type as ONNX's Cast does).
     *
     * @param type the element type
     * @param shape the dimensions
     * @param values one value per element
     * @return the tensor
     */
    public static Tensor ofLongs(OnnxDataType type, long[] shape, long... values) {
        Tensor tensor = allocate(type, shape);
        for (int i = 0; i < values.length; i++) {
            tensor.setLong(i, values[i]);
        }
        return tensor;
    }

    /**
     * A tensor of the given type holding real values (converted to the type as ONNX's Cast does).
     *
     * @param type the element type
     * @param shape the dimensions
     * @param values one value per element
     * @return the tensor
     */
    public static Tensor ofDoubles(OnnxDataType type, long[] shape, double... values) {
        Tensor tensor = allocate(type, shape);
        for (int i = 0; i < values.length; i++) {
            tensor.setDouble(i, values[i]);
        }
        return tensor;
    }

    /**
     * A zero-filled tensor, on the heap if small, else in automatically freed native memory.
     *
     * @param type the element type
     * @param shape the dimensions
     * @return the tensor
     * @throws MLNotSupportedError above 1 GiB
     */
    public static Tensor allocate(OnnxDataType type, long[] shape) {
        long count = elementCount(shape);
        if (type.isPacked() ? count / 2 > MAX_BYTES : count > MAX_BYTES / type.byteSize()) {
            throw new MLNotSupportedError("a constant " + type + Arrays.toString(shape) + " of " + count
                    + " elements is too large to evaluate at import (limit " + MAX_BYTES + " bytes)");
        }
        long bytes = type.byteLength(count);
        MemorySegment data = bytes <= HEAP_LIMIT ? MemorySegment.ofArray(new long[(int) ((bytes + 7) / 8)]).asSlice(0, bytes)
                : Arena.ofAuto().allocate(bytes, 8);
        return new Tensor(type, shape, data);
    }

    /**
     * The element type.
     *
     * @return the ONNX element type
     */
    public OnnxDataType type() {
        return type;
    }

    /**
     * The dimensions.
     *
     * @return a copy of the dimensions
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The element count.
     *
     * @return the number of elements
     */
    public long elementCount() {
        return elementCount(shape);
    }

    /**
     * The elements.
     *
     * @return the raw little-endian data
     */
    public MemorySegment data() {
        return data;
    }

    /**
     * The same data with another shape of the same element count.
     *
     * @param newShape the dimensions
     * @return the reshaped tensor, sharing the data
     */
    public Tensor reshape(long[] newShape) {
        return new Tensor(type, newShape, data);
    }

    /**
     * The WebNN type this tensor becomes as an operand.
     *
     * @return the type
     * @throws MLNotSupportedError if WebNN has no such type
     */
    public MLOperandDataType webnnType() {
        return type.webnnType().orElseThrow(() -> new MLNotSupportedError("ONNX tensor type " + type
                + " has no WebNN equivalent"));
    }

    /**
     * Element {@code i} as an integer (reals truncate toward zero; unsigned types read unsigned).
     *
     * @param i the flat index
     * @return the value
     */
    public long getLong(long i) {
        return switch (type) {
            case INT64, UINT64 -> data.getAtIndex(LONG, i);
            case INT32 -> data.getAtIndex(INT, i);
            case UINT32 -> Integer.toUnsignedLong(data.getAtIndex(INT, i));
            case INT16 -> data.getAtIndex(SHORT, i);
            case UINT16 -> Short.toUnsignedInt(data.getAtIndex(SHORT, i));
            case INT8 -> data.get(ValueLayout.JAVA_BYTE, i);
            case UINT8, BOOL -> Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, i));
            case UINT4 -> nibble(i);
            case INT4 -> (nibble(i) ^ 8) - 8;
            default -> (long) getDouble(i);
        };
    }

    /**
     * Element {@code i} as a real.
     *
     * @param i the flat index
     * @return the value
     */
    public double getDouble(long i) {
        return switch (type) {
            case FLOAT -> data.getAtIndex(FLOAT, i);
            case DOUBLE -> data.getAtIndex(DOUBLE, i);
            case FLOAT16 -> Float.float16ToFloat(data.getAtIndex(SHORT, i));
            case UINT64 -> unsignedToDouble(data.getAtIndex(LONG, i));
            default -> getLong(i);
        };
    }

    private static double unsignedToDouble(long bits) {
        double value = (double) (bits >>> 1) * 2.0;
        return value + (bits & 1);
    }

    /**
     * Sets element {@code i} from an integer, converted to the element type.
     *
     * @param i the flat index
     * @param value the value
     */
    public void setLong(long i, long value) {
        switch (type) {
            case INT64, UINT64 -> data.setAtIndex(LONG, i, value);
            case INT32, UINT32 -> data.setAtIndex(INT, i, (int) value);
            case INT16, UINT16 -> data.setAtIndex(SHORT, i, (short) value);
            case INT8, UINT8 -> data.set(ValueLayout.JAVA_BYTE, i, (byte) value);
            case BOOL -> data.set(ValueLayout.JAVA_BYTE, i, (byte) (value != 0 ? 1 : 0));
            case INT4, UINT4 -> {
                int shift = (int) (i % 2) * 4;
                byte old = data.get(ValueLayout.JAVA_BYTE, i / 2);
                data.set(ValueLayout.JAVA_BYTE, i / 2, (byte) ((old & ~(0xF << shift)) | ((value & 0xF) << shift)));
            }
            default -> setDouble(i, value);
        }
    }

    /** The 4 bits of value {@code i} of a packed tensor (low nibble first). */
    private int nibble(long i) {
        return (data.get(ValueLayout.JAVA_BYTE, i / 2) >> (int) (i % 2) * 4) & 0xF;
    }

    /**
     * Sets element {@code i} from a real, converted to the element type (integers truncate).
     *
     * @param i the flat index
     * @param value the value
     */
    public void setDouble(long i, double value) {
        switch (type) {
            case FLOAT -> data.setAtIndex(FLOAT, i, (float) value);
            case DOUBLE -> data.setAtIndex(DOUBLE, i, value);
            case FLOAT16 -> data.setAtIndex(SHORT, i, Float.floatToFloat16((float) value));
            case BOOL -> data.set(ValueLayout.JAVA_BYTE, i, (byte) (value != 0 ? 1 : 0));
            case UINT64 -> data.setAtIndex(LONG, i, doubleToUnsigned(value));
            default -> setLong(i, (long) value);
        }
    }

    private static long doubleToUnsigned(double value) {
        if (value < 0x1p63) {
            return (long) value;
        }
        return ((long) (value / 2.0)) << 1;
    }

    /**
     * All elements as integers.
     *
     * @return the values
     */
    public long[] longs() {
        long[] values = new long[Math.toIntExact(elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = getLong(i);
        }
        return values;
    }

    /**
     * All elements as reals.
     *
     * @return the values
     */
    public double[] doubles() {
        double[] values = new double[Math.toIntExact(elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = getDouble(i);
        }
        return values;
    }

    /**
     * Whether the element type holds reals.
     *
     * @return true for float, double and float16
     */
    public boolean isReal() {
        return type == OnnxDataType.FLOAT || type == OnnxDataType.DOUBLE || type == OnnxDataType.FLOAT16;
    }

    @Override
    public String toString() {
        return "constant " + type + Arrays.toString(shape);
    }
}
