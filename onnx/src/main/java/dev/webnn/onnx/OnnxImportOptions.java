package dev.webnn.onnx;

import dev.webnn.MLTypeError;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to fix the free dimensions of a model at import: by symbolic name
 * ({@link #withDimension}) or, for unnamed {@code ?} dimensions, by the whole shape of an input
 * ({@link #withInputShape}). Immutable; the {@code with*} methods return new options.
 *
 * <p>Every name given must exist in the model, else the import fails with {@link MLTypeError}.
 */
public final class OnnxImportOptions {

    private static final OnnxImportOptions DEFAULTS = new OnnxImportOptions(Map.of(), Map.of(), Map.of());

    private final Map<String, Long> dimensions;
    private final Map<String, long[]> inputShapes;
    private final Map<String, OnnxTensor> constantInputs;

    private OnnxImportOptions(Map<String, Long> dimensions, Map<String, long[]> inputShapes,
                              Map<String, OnnxTensor> constantInputs) {
        this.dimensions = dimensions;
        this.inputShapes = inputShapes;
        this.constantInputs = constantInputs;
    }

    /**
     * No dimensions fixed: enough for models whose shapes are all fixed.
     *
     * @return the default options
     */
    public static OnnxImportOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Fixes a symbolic dimension, e.g. {@code batch_size}, wherever the model's inputs use it.
     *
     * @param name the symbolic name as the model declares it
     * @param value the size, at least 1
     * @return new options with that dimension set
     * @throws MLTypeError if the name is empty or the value is below 1
     */
    public OnnxImportOptions withDimension(String name, long value) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new MLTypeError("withDimension: the dimension name is empty");
        }
        if (value < 1) {
            throw new MLTypeError("withDimension: dimension '" + name + "' = " + value + " must be at least 1");
        }
        Map<String, Long> copy = new LinkedHashMap<>(dimensions);
        copy.put(name, value);
        return new OnnxImportOptions(Collections.unmodifiableMap(copy), inputShapes, constantInputs);
    }

    /**
     * Fixes the whole shape of one graph input; needed for unnamed ({@code ?}) dimensions.
     *
     * @param inputName the graph input's name
     * @param shape its dimensions, each at least 1 (0 allowed for empty tensors)
     * @return new options with that shape set
     * @throws MLTypeError if the name is empty or a dimension is negative
     */
    public OnnxImportOptions withInputShape(String inputName, long... shape) {
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(shape, "shape");
        if (inputName.isEmpty()) {
            throw new MLTypeError("withInputShape: the input name is empty");
        }
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new MLTypeError("withInputShape: input '" + inputName + "' shape " + Arrays.toString(shape)
                        + " has a negative dimension");
            }
        }
        Map<String, long[]> copy = new LinkedHashMap<>(inputShapes);
        copy.put(inputName, shape.clone());
        return new OnnxImportOptions(dimensions, Collections.unmodifiableMap(copy), constantInputs);
    }

    /**
     * Fixes the value of one graph input at import: the input becomes a constant and is no input
     * of the built graph. For inputs that determine shapes (a Reshape's shape, Resize's scales,
     * a Slice's starts, ...), which a WebNN graph must know when it is built.
     *
     * @param inputName the graph input's name
     * @param value its value (e.g. from {@link OnnxTensors#read}); data type and shape must match
     *     the model's declaration
     * @return new options with that input fixed
     * @throws MLTypeError if the name is empty
     */
    public OnnxImportOptions withConstantInput(String inputName, OnnxTensor value) {
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(value, "value");
        if (inputName.isEmpty()) {
            throw new MLTypeError("withConstantInput: the input name is empty");
        }
        Map<String, OnnxTensor> copy = new LinkedHashMap<>(constantInputs);
        copy.put(inputName, value);
        return new OnnxImportOptions(dimensions, inputShapes, Collections.unmodifiableMap(copy));
    }

    /**
     * The inputs fixed at import so far.
     *
     * @return input name to value
     */
    public Map<String, OnnxTensor> constantInputs() {
        return constantInputs;
    }

    /**
     * The symbolic dimensions set so far.
     *
     * @return name to size, in the order set
     */
    public Map<String, Long> dimensions() {
        return dimensions;
    }

    /**
     * The input shapes set so far.
     *
     * @return input name to a copy of its shape
     */
    public Map<String, long[]> inputShapes() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((name, shape) -> copy.put(name, shape.clone()));
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("OnnxImportOptions").append(dimensions);
        inputShapes.forEach((name, shape) -> text.append(' ').append(name).append(Arrays.toString(shape)));
        constantInputs.forEach((name, value) -> text.append(' ').append(name).append(" = constant ").append(value));
        return text.toString();
    }
}
