package dev.webnn;

import java.util.Objects;

/**
 * Descriptor of an {@link MLTensor}: data type, shape, and whether the tensor may be read
 * or written from Java (spec: {@code MLTensorDescriptor}). Immutable.
 *
 * @param descriptor data type and shape
 * @param readable whether {@link MLContext#readTensor} is allowed
 * @param writable whether {@link MLContext#writeTensor} is allowed
 */
public record MLTensorDescriptor(MLOperandDescriptor descriptor, boolean readable, boolean writable) {

    /** Checks the descriptor is present. */
    public MLTensorDescriptor {
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /**
     * A tensor that can be written (an input).
     *
     * @param descriptor data type and shape
     * @return the tensor descriptor
     */
    public static MLTensorDescriptor writable(MLOperandDescriptor descriptor) {
        return new MLTensorDescriptor(descriptor, false, true);
    }

    /**
     * A tensor that can be read (an output).
     *
     * @param descriptor data type and shape
     * @return the tensor descriptor
     */
    public static MLTensorDescriptor readable(MLOperandDescriptor descriptor) {
        return new MLTensorDescriptor(descriptor, true, false);
    }

    /**
     * A tensor that can be both read and written.
     *
     * @param descriptor data type and shape
     * @return the tensor descriptor
     */
    public static MLTensorDescriptor readWrite(MLOperandDescriptor descriptor) {
        return new MLTensorDescriptor(descriptor, true, true);
    }
}
