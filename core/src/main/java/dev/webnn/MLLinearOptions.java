package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#linear(MLOperand, MLLinearOptions)} (spec:
 * {@code MLLinearOptions}): {@code alpha} (default 1), {@code beta} (default 0) and the
 * label. Immutable.
 *
 * <p>The values are the spec's {@code double}: finite numbers. The builder casts them to
 * the input's data type.
 */
public final class MLLinearOptions {

    private static final MLLinearOptions DEFAULTS = new MLLinearOptions(1, 0, "");

    private final double alpha;
    private final double beta;
    private final String label;

    private MLLinearOptions(double alpha, double beta, String label) {
        this.alpha = alpha;
        this.beta = beta;
        this.label = label;
    }

    /**
     * The spec's defaults: alpha 1, beta 0, no label.
     *
     * @return the default options
     */
    public static MLLinearOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets {@code alpha}: the multiplier of the input.
     *
     * @param value a finite number
     * @return new options
     * @throws MLTypeError if {@code value} is NaN or infinite
     */
    public MLLinearOptions withAlpha(double value) {
        return new MLLinearOptions(WebIdl.finiteDouble("MLLinearOptions", "alpha", value), beta, label);
    }

    /**
     * Sets {@code beta}: the addend after the multiplication.
     *
     * @param value a finite number
     * @return new options
     * @throws MLTypeError if {@code value} is NaN or infinite
     */
    public MLLinearOptions withBeta(double value) {
        return new MLLinearOptions(alpha, WebIdl.finiteDouble("MLLinearOptions", "beta", value), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label, e.g. {@code "linear1"}
     * @return new options
     */
    public MLLinearOptions withLabel(String value) {
        return new MLLinearOptions(alpha, beta, Objects.requireNonNull(value, "label"));
    }

    /**
     * The multiplier of the input.
     *
     * @return {@code alpha}, 1 by default
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The addend after the multiplication.
     *
     * @return {@code beta}, 0 by default
     */
    public double beta() {
        return beta;
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
        return "MLLinearOptions[alpha=" + alpha + ", beta=" + beta + ", label=" + label + "]";
    }
}
