package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#scatterElements scatterElements} (spec:
 * {@code MLScatterOptions}): the axis of the input that the indices index, and the label.
 * Immutable.
 */
public final class MLScatterOptions {

    private static final MLScatterOptions DEFAULTS = new MLScatterOptions(0, "");

    private final long axis;
    private final String label;

    private MLScatterOptions(long axis, String label) {
        this.axis = axis;
        this.label = label;
    }

    /**
     * Axis 0, no label.
     *
     * @return the default options
     */
    public static MLScatterOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the axis (spec: {@code unsigned long axis = 0}); it must be less than the input's
     * rank, which the operation checks.
     *
     * @param value the axis
     * @return new options
     */
    public MLScatterOptions withAxis(long value) {
        return new MLScatterOptions(value, label);
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLScatterOptions withLabel(String value) {
        return new MLScatterOptions(axis, Objects.requireNonNull(value, "label"));
    }

    /**
     * The axis of the input that the indices index.
     *
     * @return the axis, 0 by default
     */
    public long axis() {
        return axis;
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
        return "MLScatterOptions[axis=" + axis + ", label=" + label + "]";
    }
}
