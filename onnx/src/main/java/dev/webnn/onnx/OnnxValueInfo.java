package dev.webnn.onnx;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A graph input or output as the ONNX model declares it: name, element type and
 * dimensions, with symbolic dimension names kept.
 *
 * @param name the value's name in the model
 * @param dataType the ONNX element type
 * @param dimensions the declared dimensions; empty for a scalar
 */
public record OnnxValueInfo(String name, OnnxDataType dataType, List<OnnxDimension> dimensions) {

    /**
     * Copies the dimension list.
     *
     * @throws NullPointerException if a component is null
     */
    public OnnxValueInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        dimensions = List.copyOf(dimensions);
    }

    /**
     * The rank.
     *
     * @return the number of dimensions
     */
    public int rank() {
        return dimensions.size();
    }

    /** For example {@code input_ids: int64[batch_size, sequence_length]}. */
    @Override
    public String toString() {
        return name + ": " + dataType + dimensions.stream().map(OnnxDimension::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
