package dev.webnn.onnx;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor read from a serialized ONNX {@code TensorProto} file (see {@link OnnxTensors#read}),
 * with its data in WebNN form: bool as uint8 0/1, bfloat16 widened to float32, float64
 * narrowed to float32 ({@link #onnxType()} keeps the type the file declares).
 *
 * @param name the tensor's name in the file (may be empty)
 * @param onnxType the element type the file declares
 * @param dataType the WebNN type of {@link #data()}
 * @param shape the dimensions
 * @param data the elements, native (little-endian) byte order, read-only
 */
public record OnnxTensor(String name, OnnxDataType onnxType, MLOperandDataType dataType, long[] shape,
                         MemorySegment data) {

    /**
     * Checks the components and copies the shape.
     *
     * @throws IllegalArgumentException if the data size does not match type and shape
     */
    public OnnxTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(onnxType, "onnxType");
        Objects.requireNonNull(dataType, "dataType");
        shape = shape.clone();
        long bytes = MLOperandDescriptor.of(dataType, shape).byteLength();
        if (data.byteSize() != bytes) {
            throw new IllegalArgumentException("tensor '" + name + "' " + dataType + Arrays.toString(shape) + " needs "
                    + bytes + " bytes, has " + data.byteSize());
        }
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape
     */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Data type and shape as a WebNN descriptor.
     *
     * @return the descriptor
     */
    public MLOperandDescriptor descriptor() {
        return MLOperandDescriptor.of(dataType, shape);
    }

    /** For example {@code output_0: float[3, 4]}. */
    @Override
    public String toString() {
        return name + ": " + onnxType + Arrays.toString(shape);
    }
}
