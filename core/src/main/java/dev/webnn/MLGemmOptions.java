package dev.webnn;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code gemm} (spec: {@code MLGemmOptions}): the optional third operand
 * {@code c}, the multipliers {@code alpha} and {@code beta}, and whether {@code a} and
 * {@code b} are transposed before the product. Immutable.
 */
public final class MLGemmOptions {

    private static final MLGemmOptions DEFAULTS = new MLGemmOptions("", null, 1.0, 1.0, false, false);

    private final String label;
    private final MLOperand c;
    private final double alpha;
    private final double beta;
    private final boolean aTranspose;
    private final boolean bTranspose;

    private MLGemmOptions(String label, MLOperand c, double alpha, double beta, boolean aTranspose, boolean bTranspose) {
        this.label = label;
        this.c = c;
        this.alpha = alpha;
        this.beta = beta;
        this.aTranspose = aTranspose;
        this.bTranspose = bTranspose;
    }

    /**
     * No label, no {@code c} (computed as a scalar 0), {@code alpha = 1}, {@code beta = 1},
     * no transposition.
     *
     * @return the default options
     */
    public static MLGemmOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLGemmOptions withLabel(String value) {
        return new MLGemmOptions(Objects.requireNonNull(value, "label"), c, alpha, beta, aTranspose, bTranspose);
    }

    /**
     * Sets the third operand, added after multiplication by {@code beta}; it must be
     * unidirectionally broadcastable to the output shape {@code [M, N]}.
     *
     * @param value the operand, or null for none
     * @return new options
     */
    public MLGemmOptions withC(MLOperand value) {
        return new MLGemmOptions(label, value, alpha, beta, aTranspose, bTranspose);
    }

    /**
     * Sets the multiplier of the product {@code A * B}.
     *
     * @param value the multiplier, finite
     * @return new options
     * @throws MLTypeError if the value is NaN or infinite (WebIDL {@code double})
     */
    public MLGemmOptions withAlpha(double value) {
        return new MLGemmOptions(label, c, WebIdl.finiteDouble("MLGemmOptions", "alpha", value), beta, aTranspose,
                bTranspose);
    }

    /**
     * Sets the multiplier of {@code c}.
     *
     * @param value the multiplier, finite
     * @return new options
     * @throws MLTypeError if the value is NaN or infinite (WebIDL {@code double})
     */
    public MLGemmOptions withBeta(double value) {
        return new MLGemmOptions(label, c, alpha, WebIdl.finiteDouble("MLGemmOptions", "beta", value), aTranspose,
                bTranspose);
    }

    /**
     * Sets whether {@code a} is transposed before the product ({@code a} is then
     * {@code [K, M]}).
     *
     * @param value true to transpose
     * @return new options
     */
    public MLGemmOptions withATranspose(boolean value) {
        return new MLGemmOptions(label, c, alpha, beta, value, bTranspose);
    }

    /**
     * Sets whether {@code b} is transposed before the product ({@code b} is then
     * {@code [N, K]}).
     *
     * @param value true to transpose
     * @return new options
     */
    public MLGemmOptions withBTranspose(boolean value) {
        return new MLGemmOptions(label, c, alpha, beta, aTranspose, value);
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
     * The third operand.
     *
     * @return the operand, or empty (the default)
     */
    public Optional<MLOperand> c() {
        return Optional.ofNullable(c);
    }

    /**
     * The multiplier of {@code A * B}.
     *
     * @return 1.0 by default
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The multiplier of {@code c}.
     *
     * @return 1.0 by default
     */
    public double beta() {
        return beta;
    }

    /**
     * Whether {@code a} is transposed.
     *
     * @return false by default
     */
    public boolean aTranspose() {
        return aTranspose;
    }

    /**
     * Whether {@code b} is transposed.
     *
     * @return false by default
     */
    public boolean bTranspose() {
        return bTranspose;
    }

    @Override
    public String toString() {
        return "MLGemmOptions[label=" + label + ", c=" + c + ", alpha=" + alpha + ", beta=" + beta + ", aTranspose="
                + aTranspose + ", bTranspose=" + bTranspose + "]";
    }
}
