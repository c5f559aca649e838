package dev.webnn.onnx;

/**
 * One dimension of an ONNX value's declared shape: a fixed size, a symbolic name such as
 * {@code batch_size}, or unknown ({@code ?}).
 *
 * @param value the size, or -1 if the dimension is symbolic or unknown
 * @param name the symbolic name, or empty if the dimension is fixed or unnamed
 */
public record OnnxDimension(long value, String name) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if both or neither of value and name are set wrongly
     */
    public OnnxDimension {
        java.util.Objects.requireNonNull(name, "name");
        if (value < -1) {
            throw new IllegalArgumentException("dimension value " + value + " is negative");
        }
        if (value >= 0 && !name.isEmpty()) {
            throw new IllegalArgumentException("a fixed dimension has no name");
        }
    }

    /**
     * Whether the size is known from the model.
     *
     * @return true for a fixed dimension
     */
    public boolean isFixed() {
        return value >= 0;
    }

    /** The size, the symbolic name, or {@code ?}. */
    @Override
    public String toString() {
        return isFixed() ? Long.toString(value) : name.isEmpty() ? "?" : name;
    }
}
