package dev.webnn;

import java.util.Objects;

/**
 * Options of {@code cumulativeSum} (spec: {@code MLCumulativeSumOptions}): exclusive or
 * inclusive prefix sums, forward or reversed. Immutable.
 */
public final class MLCumulativeSumOptions {

    private static final MLCumulativeSumOptions DEFAULTS = new MLCumulativeSumOptions("", false, false);

    private final String label;
    private final boolean exclusive;
    private final boolean reversed;

    private MLCumulativeSumOptions(String label, boolean exclusive, boolean reversed) {
        this.label = label;
        this.exclusive = exclusive;
        this.reversed = reversed;
    }

    /**
     * No label, inclusive, forward.
     *
     * @return the default options
     */
    public static MLCumulativeSumOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLCumulativeSumOptions withLabel(String value) {
        return new MLCumulativeSumOptions(Objects.requireNonNull(value, "label"), exclusive, reversed);
    }

    /**
     * Sets whether each output excludes its own input value: {@code [1, 2, 3, 4]} sums to
     * {@code [0, 1, 3, 6]} when exclusive, {@code [1, 3, 6, 10]} when inclusive.
     *
     * @param value true for an exclusive prefix sum
     * @return new options
     */
    public MLCumulativeSumOptions withExclusive(boolean value) {
        return new MLCumulativeSumOptions(label, value, reversed);
    }

    /**
     * Sets whether the sum runs from the last index to the first: {@code [1, 2, 3, 4]} sums
     * to {@code [10, 9, 7, 4]} when reversed.
     *
     * @param value true to sum backwards
     * @return new options
     */
    public MLCumulativeSumOptions withReversed(boolean value) {
        return new MLCumulativeSumOptions(label, exclusive, value);
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
     * Whether each output excludes its own input value.
     *
     * @return false (inclusive) by default
     */
    public boolean exclusive() {
        return exclusive;
    }

    /**
     * Whether the sum runs backwards along the axis.
     *
     * @return false (forward) by default
     */
    public boolean reversed() {
        return reversed;
    }

    @Override
    public String toString() {
        return "MLCumulativeSumOptions[label=" + label + ", exclusive=" + exclusive + ", reversed=" + reversed + "]";
    }
}
