package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#transpose transpose} (spec: {@code MLTransposeOptions}):
 * the permutation of the input's axes, and the label. Immutable.
 */
public final class MLTransposeOptions {

    private static final MLTransposeOptions DEFAULTS = new MLTransposeOptions(null, "");

    /** Null when not given. */
    private final long[] permutation;
    private final String label;

    private MLTransposeOptions(long[] permutation, String label) {
        this.permutation = permutation;
        this.label = label;
    }

    /**
     * No permutation, no label.
     *
     * @return the default options
     */
    public static MLTransposeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the permutation (copied). Output axis {@code i} is input axis
     * {@code permutation[i]}; one entry per input axis, without duplicates.
     *
     * @param values the permutation
     * @return new options
     */
    public MLTransposeOptions withPermutation(long... values) {
        return new MLTransposeOptions(Objects.requireNonNull(values, "permutation").clone(), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLTransposeOptions withLabel(String value) {
        return new MLTransposeOptions(permutation, Objects.requireNonNull(value, "label"));
    }

    /**
     * The permutation, if given.
     *
     * @return a copy of the permutation; empty when not given, meaning the reversed axes
     *     {@code [N-1, ..., 0]}
     */
    public Optional<long[]> permutation() {
        return permutation == null ? Optional.empty() : Optional.of(permutation.clone());
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
        return "MLTransposeOptions[permutation=" + (permutation == null ? "default" : Arrays.toString(permutation))
                + ", label=" + label + "]";
    }
}
