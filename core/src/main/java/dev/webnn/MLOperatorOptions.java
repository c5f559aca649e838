package dev.webnn;

import java.util.Objects;

/**
 * Options shared by every operation: an optional label that names the operator in error
 * messages and in the built graph (spec: {@code MLOperatorOptions}). Immutable.
 */
public final class MLOperatorOptions {

    private static final MLOperatorOptions DEFAULTS = new MLOperatorOptions("");

    private final String label;

    private MLOperatorOptions(String label) {
        this.label = label;
    }

    /**
     * No label.
     *
     * @return the default options
     */
    public static MLOperatorOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label, e.g. {@code "conv1/relu"}
     * @return new options
     */
    public MLOperatorOptions withLabel(String value) {
        return new MLOperatorOptions(Objects.requireNonNull(value, "label"));
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
        return "MLOperatorOptions[label=" + label + "]";
    }
}
