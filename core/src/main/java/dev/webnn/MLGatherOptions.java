package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#gather gather} and {@link MLGraphBuilder#gatherElements
 * gatherElements} (spec: {@code MLGatherOptions}): the axis of the input that the indices
 * index, and the label. Immutable.
 */
public final class MLGatherOptions {

    private static final MLGatherOptions DEFAULTS = new MLGatherOptions(0, "");

    private final long axis;
    private final String label;

    private MLGatherOptions(long axis, String label) {
        this.axis = axis;
        this.label = label;
    }

    /**
     * Axis 0, no label.
     *
     * @return the default options
     */
    public static MLGatherOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the axis (spec: {@code unsigned long axis = 0}); it must be less than the input's
     * rank, which the operation checks.
     *
     * @param value the axis
     * @return new options
     */
    public MLGatherOptions withAxis(long value) {
        return new MLGatherOptions(value, label);
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLGatherOptions withLabel(String value) {
        return new MLGatherOptions(axis, Objects.requireNonNull(value, "label"));
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
        return "MLGatherOptions[axis=" + axis + ", label=" + label + "]";
    }
}
