package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#split split} (spec: {@code MLSplitOptions}): the axis to
 * split along, and the label. Immutable.
 */
public final class MLSplitOptions {

    private static final MLSplitOptions DEFAULTS = new MLSplitOptions(0, "");

    private final long axis;
    private final String label;

    private MLSplitOptions(long axis, String label) {
        this.axis = axis;
        this.label = label;
    }

    /**
     * Axis 0, no label.
     *
     * @return the default options
     */
    public static MLSplitOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the axis (spec: {@code unsigned long axis = 0}); it must be less than the input's
     * rank, which the operation checks.
     *
     * @param value the axis
     * @return new options
     */
    public MLSplitOptions withAxis(long value) {
        return new MLSplitOptions(value, label);
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLSplitOptions withLabel(String value) {
        return new MLSplitOptions(axis, Objects.requireNonNull(value, "label"));
    }

    /**
     * The axis to split along.
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
        return "MLSplitOptions[axis=" + axis + ", label=" + label + "]";
    }
}
