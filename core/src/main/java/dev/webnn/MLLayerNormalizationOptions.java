package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#layerNormalization} (spec:
 * {@code MLLayerNormalizationOptions}). Immutable: every {@code with...} method returns new
 * options.
 *
 * <p>Defaults: no scale, no bias, no axes (every dimension but the first), epsilon 1e-5,
 * empty label.
 */
public final class MLLayerNormalizationOptions {

    private static final MLLayerNormalizationOptions DEFAULTS = new MLLayerNormalizationOptions("", null, null, null, 1e-5);

    private final String label;
    private final MLOperand scale;
    private final MLOperand bias;
    private final long[] axes;
    private final double epsilon;

    private MLLayerNormalizationOptions(String label, MLOperand scale, MLOperand bias, long[] axes, double epsilon) {
        this.label = label;
        this.scale = scale;
        this.bias = bias;
        this.axes = axes;
        this.epsilon = epsilon;
    }

    /**
     * The spec's defaults.
     *
     * @return the default options
     */
    public static MLLayerNormalizationOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLLayerNormalizationOptions withLabel(String value) {
        return new MLLayerNormalizationOptions(Objects.requireNonNull(value, "label"), scale, bias, axes, epsilon);
    }

    /**
     * Sets the scale, whose shape is the input's dimensions at the {@link #axes() axes}.
     *
     * @param value the scale, or null for none (scale 1)
     * @return new options
     */
    public MLLayerNormalizationOptions withScale(MLOperand value) {
        return new MLLayerNormalizationOptions(label, value, bias, axes, epsilon);
    }

    /**
     * Sets the bias, whose shape is the input's dimensions at the {@link #axes() axes}.
     *
     * @param value the bias, or null for none (bias 0)
     * @return new options
     */
    public MLLayerNormalizationOptions withBias(MLOperand value) {
        return new MLLayerNormalizationOptions(label, scale, value, axes, epsilon);
    }

    /**
     * Sets the dimensions reduced to compute the mean and variance (the operation requires
     * distinct axes below the input's rank); empty reduces nothing.
     *
     * @param value unsigned long values, or null for every dimension but the first
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLLayerNormalizationOptions withAxes(long... value) {
        return new MLLayerNormalizationOptions(label, scale, bias, value == null ? null
                : WebIdl.unsignedLongs("MLLayerNormalizationOptions.axes", value), epsilon);
    }

    /**
     * Sets the small value added to the variance to avoid dividing by zero.
     *
     * @param value a finite double
     * @return new options
     * @throws MLTypeError if the value is NaN or infinite
     */
    public MLLayerNormalizationOptions withEpsilon(double value) {
        return new MLLayerNormalizationOptions(label, scale, bias, axes,
                WebIdl.finiteDouble("MLLayerNormalizationOptions.epsilon", value));
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
     * The reduced axes.
     *
     * @return a copy if set; empty by default (every dimension but the first)
     */
    public Optional<long[]> axes() {
        return Optional.ofNullable(axes).map(long[]::clone);
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
        return "MLLayerNormalizationOptions[label=" + label + ", scale=" + scale + ", bias=" + bias + ", axes="
                + Arrays.toString(axes) + ", epsilon=" + epsilon + "]";
    }
}
