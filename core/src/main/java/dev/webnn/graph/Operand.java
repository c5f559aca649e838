package dev.webnn.graph;

import dev.webnn.MLOperandDescriptor;
import java.util.Objects;

/**
 * A value of a {@link Graph}: a graph input, a constant, or an operator output.
 *
 * @param id index of the operand in {@link Graph#operands()}
 * @param descriptor its data type and shape, as inferred by the builder
 */
public record Operand(int id, MLOperandDescriptor descriptor) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code id} is negative
     */
    public Operand {
        if (id < 0) {
            throw new IllegalArgumentException("negative operand id " + id);
        }
        Objects.requireNonNull(descriptor, "descriptor");
    }
}
