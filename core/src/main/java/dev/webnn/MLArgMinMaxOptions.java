package dev.webnn;

import java.util.Objects;

/**
 * Options of {@code argMin} and {@code argMax} (spec: {@code MLArgMinMaxOptions}): whether
 * the reduced dimension is kept with size 1, and the data type of the indices. Immutable.
 */
public final class MLArgMinMaxOptions {

    private static final MLArgMinMaxOptions DEFAULTS = new MLArgMinMaxOptions("", false, MLOperandDataType.INT32);

    private final String label;
    private final boolean keepDimensions;
    private final MLOperandDataType outputDataType;

    private MLArgMinMaxOptions(String label, boolean keepDimensions, MLOperandDataType outputDataType) {
        this.label = label;
        this.keepDimensions = keepDimensions;
        this.outputDataType = outputDataType;
    }

    /**
     * No label, reduced dimension dropped, int32 indices.
     *
     * @return the default options
     */
    public static MLArgMinMaxOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLArgMinMaxOptions withLabel(String value) {
        return new MLArgMinMaxOptions(Objects.requireNonNull(value, "label"), keepDimensions, outputDataType);
    }

    /**
     * Sets whether the reduced dimension is kept with size 1.
     *
     * @param value true to keep the input's rank
     * @return new options
     */
    public MLArgMinMaxOptions withKeepDimensions(boolean value) {
        return new MLArgMinMaxOptions(label, value, outputDataType);
    }

    /**
     * Sets the data type of the output indices; the spec allows int32 and int64.
     *
     * @param value the output data type
     * @return new options
     */
    public MLArgMinMaxOptions withOutputDataType(MLOperandDataType value) {
        return new MLArgMinMaxOptions(label, keepDimensions, Objects.requireNonNull(value, "outputDataType"));
    }

    /**
     * The label.
     *
     * @return the label, empty by default
     */
    public String label() {
        return label;
    }

    /**
     * Whether the reduced dimension is kept with size 1.
     *
     * @return false by default
     */
    public boolean keepDimensions() {
        return keepDimensions;
    }

    /**
     * The data type of the output indices.
     *
     * @return {@link MLOperandDataType#INT32} by default
     */
    public MLOperandDataType outputDataType() {
        return outputDataType;
    }

    @Override
    public String toString() {
        return "MLArgMinMaxOptions[label=" + label + ", keepDimensions=" + keepDimensions + ", outputDataType="
                + outputDataType + "]";
    }
}
