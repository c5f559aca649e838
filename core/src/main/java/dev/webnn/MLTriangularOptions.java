package dev.webnn;

import java.util.Objects;

/**
 * Options of {@code triangular} (spec: {@code MLTriangularOptions}): which triangle is
 * kept and the diagonal offset. Immutable.
 */
public final class MLTriangularOptions {

    private static final MLTriangularOptions DEFAULTS = new MLTriangularOptions("", true, 0);

    private final String label;
    private final boolean upper;
    private final int diagonal;

    private MLTriangularOptions(String label, boolean upper, int diagonal) {
        this.label = label;
        this.upper = upper;
        this.diagonal = diagonal;
    }

    /**
     * No label, upper triangle, main diagonal.
     *
     * @return the default options
     */
    public static MLTriangularOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLTriangularOptions withLabel(String value) {
        return new MLTriangularOptions(Objects.requireNonNull(value, "label"), upper, diagonal);
    }

    /**
     * Sets which part is retained.
     *
     * @param value true for the upper triangle, false for the lower one
     * @return new options
     */
    public MLTriangularOptions withUpper(boolean value) {
        return new MLTriangularOptions(label, value, diagonal);
    }

    /**
     * Sets how many diagonals above (positive) or below (negative) the main diagonal the
     * boundary of the retained part moves (the spec's {@code long}, a signed 32-bit value).
     *
     * @param value the diagonal offset
     * @return new options
     */
    public MLTriangularOptions withDiagonal(int value) {
        return new MLTriangularOptions(label, upper, value);
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
     * Whether the upper triangle is retained.
     *
     * @return true by default
     */
    public boolean upper() {
        return upper;
    }

    /**
     * The diagonal offset.
     *
     * @return 0 by default
     */
    public int diagonal() {
        return diagonal;
    }

    @Override
    public String toString() {
        return "MLTriangularOptions[label=" + label + ", upper=" + upper + ", diagonal=" + diagonal + "]";
    }
}
