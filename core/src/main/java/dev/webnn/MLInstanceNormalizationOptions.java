package dev.webnn;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#instanceNormalization} (spec:
 * {@code MLInstanceNormalizationOptions}). Immutable: every {@code with...} method returns
 * new options.
 *
 * <p>Defaults: no scale, no bias, epsilon 1e-5, layout {@link MLInputOperandLayout#NCHW
 * nchw}, empty label.
 */
public final class MLInstanceNormalizationOptions {

    private static final MLInstanceNormalizationOptions DEFAULTS = new MLInstanceNormalizationOptions("", null, null,
            1e-5, MLInputOperandLayout.NCHW);

    private final String label;
    private final MLOperand scale;
    private final MLOperand bias;
    private final double epsilon;
    private final MLInputOperandLayout layout;

    private MLInstanceNormalizationOptions(String label, MLOperand scale, MLOperand bias, double epsilon,
                                           MLInputOperandLayout layout) {
        this.label = label;
        this.scale = scale;
        this.bias = bias;
        this.epsilon = epsilon;
        this.layout = layout;
    }

    /**
     * The spec's defaults.
     *
     * @return the default options
     */
    public static MLInstanceNormalizationOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLInstanceNormalizationOptions withLabel(String value) {
        return new MLInstanceNormalizationOptions(Objects.requireNonNull(value, "label"), scale, bias, epsilon, layout);
    }

    /**
     * Sets the scale, a 1-D tensor with one value per channel.
     *
     * @param value the scale, or null for none (scale 1)
     * @return new options
     */
    public MLInstanceNormalizationOptions withScale(MLOperand value) {
        return new MLInstanceNormalizationOptions(label, value, bias, epsilon, layout);
    }

    /**
     * Sets the bias, a 1-D tensor with one value per channel.
     *
     * @param value the bias, or null for none (bias 0)
     * @return new options
     */
    public MLInstanceNormalizationOptions withBias(MLOperand value) {
        return new MLInstanceNormalizationOptions(label, scale, value, epsilon, layout);
    }

    /**
     * Sets the small value added to the variance to avoid dividing by zero.
     *
     * @param value a finite double
     * @return new options
     * @throws MLTypeError if the value is NaN or infinite
     */
    public MLInstanceNormalizationOptions withEpsilon(double value) {
        return new MLInstanceNormalizationOptions(label, scale, bias,
                WebIdl.finiteDouble("MLInstanceNormalizationOptions.epsilon", value), layout);
    }

    /**
     * Sets the layout of the input, which places the channel dimension.
     *
     * @param value nchw or nhwc
     * @return new options
     */
    public MLInstanceNormalizationOptions withLayout(MLInputOperandLayout value) {
        return new MLInstanceNormalizationOptions(label, scale, bias, epsilon, Objects.requireNonNull(value, "layout"));
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
     * The epsilon.
     *
     * @return 1e-5 by default
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The input layout.
     *
     * @return nchw by default
     */
    public MLInputOperandLayout layout() {
        return layout;
    }

    @Override
    public String toString() {
        return "MLInstanceNormalizationOptions[label=" + label + ", scale=" + scale + ", bias=" + bias + ", epsilon="
                + epsilon + ", layout=" + layout + "]";
    }
}
