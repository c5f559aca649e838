package dev.webnn;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#batchNormalization} (spec:
 * {@code MLBatchNormalizationOptions}). Immutable: every {@code with...} method returns new
 * options.
 *
 * <p>Defaults: no scale, no bias, axis 1, epsilon 1e-5, empty label.
 */
public final class MLBatchNormalizationOptions {

    private static final MLBatchNormalizationOptions DEFAULTS = new MLBatchNormalizationOptions("", null, null, 1, 1e-5);

    private final String label;
    private final MLOperand scale;
    private final MLOperand bias;
    private final long axis;
    private final double epsilon;

    private MLBatchNormalizationOptions(String label, MLOperand scale, MLOperand bias, long axis, double epsilon) {
        this.label = label;
        this.scale = scale;
        this.bias = bias;
        this.axis = axis;
        this.epsilon = epsilon;
    }

    /**
     * The spec's defaults.
     *
     * @return the default options
     */
    public static MLBatchNormalizationOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLBatchNormalizationOptions withLabel(String value) {
        return new MLBatchNormalizationOptions(Objects.requireNonNull(value, "label"), scale, bias, axis, epsilon);
    }

    /**
     * Sets the scale, a 1-D tensor with one value per feature (the size of the input
     * dimension {@link #axis()}).
     *
     * @param value the scale, or null for none (scale 1)
     * @return new options
     */
    public MLBatchNormalizationOptions withScale(MLOperand value) {
        return new MLBatchNormalizationOptions(label, value, bias, axis, epsilon);
    }

    /**
     * Sets the bias, a 1-D tensor with one value per feature (the size of the input
     * dimension {@link #axis()}).
     *
     * @param value the bias, or null for none (bias 0)
     * @return new options
     */
    public MLBatchNormalizationOptions withBias(MLOperand value) {
        return new MLBatchNormalizationOptions(label, scale, value, axis, epsilon);
    }

    /**
     * Sets the feature dimension of the input (the operation requires an axis below the
     * input's rank).
     *
     * @param value an unsigned long
     * @return new options
     * @throws MLTypeError if the value is outside [0, 2<sup>32</sup>-1]
     */
    public MLBatchNormalizationOptions withAxis(long value) {
        return new MLBatchNormalizationOptions(label, scale, bias,
                WebIdl.unsignedLong("MLBatchNormalizationOptions.axis", value), epsilon);
    }

    /**
     * Sets the small value added to the variance to avoid dividing by zero.
     *
     * @param value a finite double
     * @return new options
     * @throws MLTypeError if the value is NaN or infinite
     */
    public MLBatchNormalizationOptions withEpsilon(double value) {
        return new MLBatchNormalizationOptions(label, scale, bias, axis,
                WebIdl.finiteDouble("MLBatchNormalizationOptions.epsilon", value));
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
     * The scale.
     *
     * @return the scale if set
     */
    public Optional<MLOperand> scale() {
        return Optional.ofNullable(scale);
    }

    /**
     * The bias.
     *
     * @return the bias if set
     */
    public Optional<MLOperand> bias() {
        return Optional.ofNullable(bias);
    }

    /**
     * The feature axis.
     *
     * @return 1 by default
     */
    public long axis() {
        return axis;
    }

    /**
     * The epsilon.
     *
     * @return 1e-5 by default
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String toString() {
        return "MLBatchNormalizationOptions[label=" + label + ", scale=" + scale + ", bias=" + bias + ", axis=" + axis
                + ", epsilon=" + epsilon + "]";
    }
}
