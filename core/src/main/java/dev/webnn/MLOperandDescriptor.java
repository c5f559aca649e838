package dev.webnn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Data type and shape of an operand or tensor (spec: {@code MLOperandDescriptor},
 * section "MLOperandDescriptor dictionary"). Immutable.
 *
 * <p>Dimensions are the spec's {@code unsigned long}: 0 to 2<sup>32</sup>-1 when the
 * descriptor is created. Whether they form a usable tensor (every dimension and the element
 * count a valid dimension) is checked where the descriptor is used ("check dimensions").
 */
public final class MLOperandDescriptor {

    /** Largest value of the spec's {@code unsigned long}. */
    static final long MAX_UNSIGNED_LONG = 0xFFFF_FFFFL;

    private final MLOperandDataType dataType;
    private final long[] shape;

    private MLOperandDescriptor(MLOperandDataType dataType, long[] shape) {
        this.dataType = dataType;
        this.shape = shape;
    }

    /**
     * Creates a descriptor.
     *
     * @param dataType the data type
     * @param shape the dimensions; none for a scalar
     * @return the descriptor
     * @throws MLTypeError if a dimension is negative or above 2<sup>32</sup>-1
     * @throws NullPointerException if an argument is null
     */
    public static MLOperandDescriptor of(MLOperandDataType dataType, long... shape) {
        Objects.requireNonNull(dataType, "dataType");
        long[] copy = Objects.requireNonNull(shape, "shape").clone();
        for (long dimension : copy) {
            if (!WebIdl.isUnsignedLong(dimension)) {
                throw new MLTypeError("shape " + Arrays.toString(copy) + " has dimension " + dimension
                        + " outside the unsigned long range [0, 4294967295]");
            }
        }
        return new MLOperandDescriptor(dataType, copy);
    }

    /** Package-private constructor for shapes computed by shape inference (already checked). */
    static MLOperandDescriptor ofTrusted(MLOperandDataType dataType, long[] shape) {
        return new MLOperandDescriptor(dataType, shape);
    }

    /**
     * The data type.
     *
     * @return the data type
     */
    public MLOperandDataType dataType() {
        return dataType;
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape; empty for a scalar
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return the rank, 0 for a scalar
     */
    public int rank() {
        return shape.length;
    }

    /**
     * One dimension.
     *
     * @param axis index in {@code [0, rank)}
     * @return the size of that dimension
     */
    public long dimension(int axis) {
        return shape[axis];
    }

    /**
     * The product of the dimensions (1 for a scalar), saturated at {@link Long#MAX_VALUE}.
     *
     * @return the element count
     */
    public long elementCount() {
        long count = 1;
        for (long dimension : shape) {
            if (dimension != 0 && count > Long.MAX_VALUE / dimension) {
                return Long.MAX_VALUE;
            }
            count *= dimension;
        }
        return count;
    }

    /**
     * Bytes needed for the tensor's data, saturated at {@link Long#MAX_VALUE}.
     *
     * @return element count times element size; for the 4-bit types, half the element count
     *     rounded up
     */
    public long byteLength() {
        long count = elementCount();
        if (dataType.isPacked()) {
            return count / 2 + count % 2;
        }
        return count > Long.MAX_VALUE / dataType.byteSize() ? Long.MAX_VALUE : count * dataType.byteSize();
    }

    /** Internal view of the shape without a copy; callers must not modify it. */
    long[] shapeView() {
        return shape;
    }

    /**
     * Same data type and shape (spec: MLOperandDescriptor "equal").
     *
     * @param other the object to compare with
     * @return whether both describe the same tensors
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MLOperandDescriptor d && d.dataType == dataType && Arrays.equals(d.shape, shape);
    }

    @Override
    public int hashCode() {
        return 31 * dataType.hashCode() + Arrays.hashCode(shape);
    }

    /** For example {@code float32[1, 3, 224, 224]}. */
    @Override
    public String toString() {
        return dataType.specName() + Arrays.toString(shape);
    }
}
