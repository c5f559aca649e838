package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the reduction operations {@code reduceL1} ... {@code reduceSumSquare}
 * (spec: {@code MLReduceOptions}): the axes to reduce and whether reduced dimensions are
 * kept with size 1. Immutable.
 */
public final class MLReduceOptions {

    private static final MLReduceOptions DEFAULTS = new MLReduceOptions("", null, false);

    private final String label;
    private final long[] axes;
    private final boolean keepDimensions;

    private MLReduceOptions(String label, long[] axes, boolean keepDimensions) {
        this.label = label;
        this.axes = axes;
        this.keepDimensions = keepDimensions;
    }

    /**
     * No label, no axes (every dimension is reduced), reduced dimensions dropped.
     *
     * @return the default options
     */
    public static MLReduceOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLReduceOptions withLabel(String value) {
        return new MLReduceOptions(Objects.requireNonNull(value, "label"), axes, keepDimensions);
    }

    /**
     * Sets the axes to reduce, each in {@code [0, rank)} of the input and without
     * duplicates; an empty list reduces no dimension (the reduction is applied to each
     * value on its own).
     *
     * @param value the axes (copied)
     * @return new options
     */
    public MLReduceOptions withAxes(long... value) {
        return new MLReduceOptions(label, Objects.requireNonNull(value, "axes").clone(), keepDimensions);
    }

    /**
     * Sets whether reduced dimensions are kept with size 1.
     *
     * @param value true to keep the input's rank
     * @return new options
     */
    public MLReduceOptions withKeepDimensions(boolean value) {
        return new MLReduceOptions(label, axes, value);
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
     * The axes to reduce.
     *
     * @return a copy of the axes, or empty (the default) when every dimension is reduced
     */
    public Optional<long[]> axes() {
        return Optional.ofNullable(axes).map(long[]::clone);
    }

    /**
     * Whether reduced dimensions are kept with size 1.
     *
     * @return false by default
     */
    public boolean keepDimensions() {
        return keepDimensions;
    }

    @Override
    public String toString() {
        return "MLReduceOptions[label=" + label + ", axes=" + (axes == null ? "all" : Arrays.toString(axes))
                + ", keepDimensions=" + keepDimensions + "]";
    }
}
