package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#leakyRelu(MLOperand, MLLeakyReluOptions)} (spec:
 * {@code MLLeakyReluOptions}): {@code alpha} (default 0.01) and the label. Immutable.
 *
 * <p>The values are the spec's {@code double}: finite numbers. The builder casts them to
 * the input's data type.
 */
public final class MLLeakyReluOptions {

    private static final MLLeakyReluOptions DEFAULTS = new MLLeakyReluOptions(0.01, "");

    private final double alpha;
    private final String label;

    private MLLeakyReluOptions(double alpha, String label) {
        this.alpha = alpha;
        this.label = label;
    }

    /**
     * The spec's defaults: alpha 0.01, no label.
     *
     * @return the default options
     */
    public static MLLeakyReluOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets {@code alpha}: the multiplier of the negative part.
     *
     * @param value a finite number
     * @return new options
     * @throws MLTypeError if {@code value} is NaN or infinite
     */
    public MLLeakyReluOptions withAlpha(double value) {
        return new MLLeakyReluOptions(WebIdl.finiteDouble("MLLeakyReluOptions", "alpha", value), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label, e.g. {@code "leakyRelu1"}
     * @return new options
     */
    public MLLeakyReluOptions withLabel(String value) {
        return new MLLeakyReluOptions(alpha, Objects.requireNonNull(value, "label"));
    }

    /**
     * The multiplier of the negative part.
     *
     * @return {@code alpha}, 0.01 by default
     */
    public double alpha() {
        return alpha;
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
        return "MLLeakyReluOptions[alpha=" + alpha + ", label=" + label + "]";
    }
}
