package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#elu(MLOperand, MLEluOptions)} (spec:
 * {@code MLEluOptions}): {@code alpha} (default 1) and the label. Immutable.
 *
 * <p>The values are the spec's {@code double}: finite numbers. The builder casts them to
 * the input's data type.
 */
public final class MLEluOptions {

    private static final MLEluOptions DEFAULTS = new MLEluOptions(1, "");

    private final double alpha;
    private final String label;

    private MLEluOptions(double alpha, String label) {
        this.alpha = alpha;
        this.label = label;
    }

    /**
     * The spec's defaults: alpha 1, no label.
     *
     * @return the default options
     */
    public static MLEluOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets {@code alpha}: the multiplier of the negative part.
     *
     * @param value a finite number
     * @return new options
     * @throws MLTypeError if {@code value} is NaN or infinite
     */
    public MLEluOptions withAlpha(double value) {
        return new MLEluOptions(WebIdl.finiteDouble("MLEluOptions", "alpha", value), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label, e.g. {@code "elu1"}
     * @return new options
     */
    public MLEluOptions withLabel(String value) {
        return new MLEluOptions(alpha, Objects.requireNonNull(value, "label"));
    }

    /**
     * The multiplier of the negative part.
     *
     * @return {@code alpha}, 1 by default
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
        return "MLEluOptions[alpha=" + alpha + ", label=" + label + "]";
    }
}
