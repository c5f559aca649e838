package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#slice slice} (spec: {@code MLSliceOptions}): the step
 * along each axis, and the label. Immutable.
 */
public final class MLSliceOptions {

    private static final MLSliceOptions DEFAULTS = new MLSliceOptions(null, "");

    /** Null when not given. */
    private final long[] strides;
    private final String label;

    private MLSliceOptions(long[] strides, String label) {
        this.strides = strides;
        this.label = label;
    }

    /**
     * No strides, no label.
     *
     * @return the default options
     */
    public static MLSliceOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the strides (copied). One per input dimension, each at least 1.
     *
     * @param values the strides
     * @return new options
     */
    public MLSliceOptions withStrides(long... values) {
        return new MLSliceOptions(Objects.requireNonNull(values, "strides").clone(), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLSliceOptions withLabel(String value) {
        return new MLSliceOptions(strides, Objects.requireNonNull(value, "label"));
    }

    /**
     * The strides, if given.
     *
     * @return a copy of the strides; empty when not given, meaning a stride of 1 along every axis
     */
    public Optional<long[]> strides() {
        return strides == null ? Optional.empty() : Optional.of(strides.clone());
    }

    /**
     * The label.
     *
     * @return the label, empty by default
     */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "MLSliceOptions[strides=" + (strides == null ? "default" : Arrays.toString(strides))
                + ", label=" + label + "]";
    }
}
