package dev.webnn;

import java.util.Objects;

/**
 * Options of {@link MLGraphBuilder#hardSigmoid(MLOperand, MLHardSigmoidOptions)} (spec:
 * {@code MLHardSigmoidOptions}): {@code alpha} (default 0.2), {@code beta} (default 0.5) and
 * the label. Immutable.
 *
 * <p>The values are the spec's {@code double}: finite numbers. The builder casts them to
 * the input's data type.
 */
public final class MLHardSigmoidOptions {

    private static final MLHardSigmoidOptions DEFAULTS = new MLHardSigmoidOptions(0.2, 0.5, "");

    private final double alpha;
    private final double beta;
    private final String label;

    private MLHardSigmoidOptions(double alpha, double beta, String label) {
        this.alpha = alpha;
        this.beta = beta;
        this.label = label;
    }

    /**
     * The spec's defaults: alpha 0.2, beta 0.5, no label.
     *
     * @return the default options
     */
    public static MLHardSigmoidOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets {@code alpha}: the multiplier of the input.
     *
     * @param value a finite number
     * @return new options
     * @throws MLTypeError if {@code value} is NaN or infinite
     */
    public MLHardSigmoidOptions withAlpha(double value) {
        return new MLHardSigmoidOptions(WebIdl.finiteDouble("MLHardSigmoidOptions", "alpha", value), beta, label);
    }

    /**
     * Sets {@code beta}: the addend after the multiplication.
     *
     * @param value a finite number
     * @return new options
     * @throws MLTypeError if {@code value} is NaN or infinite
     */
    public MLHardSigmoidOptions withBeta(double value) {
        return new MLHardSigmoidOptions(alpha, WebIdl.finiteDouble("MLHardSigmoidOptions", "beta", value), label);
    }

    /**
     * Sets the label.
     *
     * @param value the label, e.g. {@code "hardSigmoid1"}
     * @return new options
     */
    public MLHardSigmoidOptions withLabel(String value) {
        return new MLHardSigmoidOptions(alpha, beta, Objects.requireNonNull(value, "label"));
    }

    /**
     * The multiplier of the input.
     *
     * @return {@code alpha}, 0.2 by default
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The addend after the multiplication.
     *
     * @return {@code beta}, 0.5 by default
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
        return "MLHardSigmoidOptions[alpha=" + alpha + ", beta=" + beta + ", label=" + label + "]";
    }
}
