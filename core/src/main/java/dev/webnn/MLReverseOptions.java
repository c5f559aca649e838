package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#reverse reverse} (spec: {@code MLReverseOptions}): the axes
 * to reverse, and the label. Immutable.
 */
public final class MLReverseOptions {

    private static final MLReverseOptions DEFAULTS = new MLReverseOptions(null, "");

    /** Null when not given. */
    private final long[] axes;
    private final String label;

    private MLReverseOptions(long[] axes, String label) {
        this.axes = axes;
        this.label = label;
    }

    /**
     * No axes, no label.
     *
     * @return the default options
     */
    public static MLReverseOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the axes (copied). Each must be less than the input's rank, without
     * duplicates; an empty list reverses nothing.
     *
     * @param values the axes
     * @return new options
     */
    public MLReverseOptions withAxes(long... values) {
        return new MLReverseOptions(Objects.requireNonNull(values, "axes").clone(), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLReverseOptions withLabel(String value) {
        return new MLReverseOptions(axes, Objects.requireNonNull(value, "label"));
    }

    /**
     * The axes, if given.
     *
     * @return a copy of the axes; empty when not given, meaning every axis is reversed
     */
    public Optional<long[]> axes() {
        return axes == null ? Optional.empty() : Optional.of(axes.clone());
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
        return "MLReverseOptions[axes=" + (axes == null ? "default" : Arrays.toString(axes))
                + ", label=" + label + "]";
    }
}
