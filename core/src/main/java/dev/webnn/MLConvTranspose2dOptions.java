package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#convTranspose2d} (spec: {@code MLConvTranspose2dOptions}).
 * Immutable: every {@code with...} method returns new options.
 *
 * <p>Defaults: padding [0, 0, 0, 0], strides [1, 1], dilations [1, 1], outputPadding
 * [0, 0], no outputSizes (computed), groups 1, inputLayout {@link MLInputOperandLayout#NCHW
 * nchw}, filterLayout {@link MLConvTranspose2dFilterOperandLayout#IOHW iohw}, no bias,
 * empty label.
 */
public final class MLConvTranspose2dOptions {

    private static final MLConvTranspose2dOptions DEFAULTS = new MLConvTranspose2dOptions("", new long[] {0, 0, 0, 0},
            new long[] {1, 1}, new long[] {1, 1}, new long[] {0, 0}, null, 1, MLInputOperandLayout.NCHW,
            MLConvTranspose2dFilterOperandLayout.IOHW, null);

    private final String label;
    private final long[] padding;
    private final long[] strides;
    private final long[] dilations;
    private final long[] outputPadding;
    private final long[] outputSizes;
    private final long groups;
    private final MLInputOperandLayout inputLayout;
    private final MLConvTranspose2dFilterOperandLayout filterLayout;
    private final MLOperand bias;

    private MLConvTranspose2dOptions(String label, long[] padding, long[] strides, long[] dilations, long[] outputPadding,
                                     long[] outputSizes, long groups, MLInputOperandLayout inputLayout,
                                     MLConvTranspose2dFilterOperandLayout filterLayout, MLOperand bias) {
        this.label = label;
        this.padding = padding;
        this.strides = strides;
        this.dilations = dilations;
        this.outputPadding = outputPadding;
        this.outputSizes = outputSizes;
        this.groups = groups;
        this.inputLayout = inputLayout;
        this.filterLayout = filterLayout;
        this.bias = bias;
    }

    /**
     * The spec's defaults.
     *
     * @return the default options
     */
    public static MLConvTranspose2dOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLConvTranspose2dOptions withLabel(String value) {
        return new MLConvTranspose2dOptions(Objects.requireNonNull(value, "label"), padding, strides, dilations,
                outputPadding, outputSizes, groups, inputLayout, filterLayout, bias);
    }

    /**
     * Sets the padding: [beginningHeight, endingHeight, beginningWidth, endingWidth]
     * (the operation requires 4 values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConvTranspose2dOptions withPadding(long... value) {
        return new MLConvTranspose2dOptions(label, WebIdl.unsignedLongs("MLConvTranspose2dOptions.padding",
                value), strides, dilations, outputPadding, outputSizes, groups, inputLayout, filterLayout, bias);
    }

    /**
     * Sets the strides: [strideHeight, strideWidth] (the operation requires 2 non-zero values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConvTranspose2dOptions withStrides(long... value) {
        return new MLConvTranspose2dOptions(label, padding, WebIdl.unsignedLongs(
                "MLConvTranspose2dOptions.strides", value), dilations, outputPadding, outputSizes, groups, inputLayout,
                filterLayout, bias);
    }

    /**
     * Sets the dilations of the filter: [dilationHeight, dilationWidth] (the operation
     * requires 2 non-zero values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConvTranspose2dOptions withDilations(long... value) {
        return new MLConvTranspose2dOptions(label, padding, strides, WebIdl.unsignedLongs(
                "MLConvTranspose2dOptions.dilations", value), outputPadding, outputSizes, groups, inputLayout,
                filterLayout, bias);
    }

    /**
     * Sets the output padding: [height, width] added to the computed output size to
     * disambiguate it when a stride is above 1 (the operation requires 2 values smaller
     * than the strides). Ignored when {@link #withOutputSizes output sizes} are set.
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConvTranspose2dOptions withOutputPadding(long... value) {
        return new MLConvTranspose2dOptions(label, padding, strides, dilations, WebIdl.unsignedLongs(
                "MLConvTranspose2dOptions.outputPadding", value), outputSizes, groups, inputLayout, filterLayout, bias);
    }

    /**
     * Sets the output's spatial sizes: [height, width] (the operation requires 2 values,
     * each at least the computed size and less than the computed size plus the stride).
     *
     * @param value unsigned long values, or null to compute them
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConvTranspose2dOptions withOutputSizes(long... value) {
        return new MLConvTranspose2dOptions(label, padding, strides, dilations, outputPadding, value == null ? null
                : WebIdl.unsignedLongs("MLConvTranspose2dOptions.outputSizes", value), groups, inputLayout,
                filterLayout, bias);
    }

    /**
     * Sets the number of groups the input and output channels are divided into.
     *
     * @param value an unsigned long (the operation requires a non-zero value)
     * @return new options
     * @throws MLTypeError if the value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConvTranspose2dOptions withGroups(long value) {
        return new MLConvTranspose2dOptions(label, padding, strides, dilations, outputPadding, outputSizes,
                WebIdl.unsignedLong("MLConvTranspose2dOptions.groups", value), inputLayout, filterLayout,
                bias);
    }

    /**
     * Sets the layout of the input and output.
     *
     * @param value nchw or nhwc
     * @return new options
     */
    public MLConvTranspose2dOptions withInputLayout(MLInputOperandLayout value) {
        return new MLConvTranspose2dOptions(label, padding, strides, dilations, outputPadding, outputSizes, groups,
                Objects.requireNonNull(value, "inputLayout"), filterLayout, bias);
    }

    /**
     * Sets the layout of the filter.
     *
     * @param value the filter layout
     * @return new options
     */
    public MLConvTranspose2dOptions withFilterLayout(MLConvTranspose2dFilterOperandLayout value) {
        return new MLConvTranspose2dOptions(label, padding, strides, dilations, outputPadding, outputSizes, groups,
                inputLayout, Objects.requireNonNull(value, "filterLayout"), bias);
    }

    /**
     * Sets the bias, a 1-D tensor of [outputChannels] values added to the result.
     *
     * @param value the bias, or null for none
     * @return new options
     */
    public MLConvTranspose2dOptions withBias(MLOperand value) {
        return new MLConvTranspose2dOptions(label, padding, strides, dilations, outputPadding, outputSizes, groups,
                inputLayout, filterLayout, value);
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
     * The padding.
     *
     * @return a copy; [0, 0, 0, 0] by default
     */
    public long[] padding() {
        return padding.clone();
    }

    /**
     * The strides.
     *
     * @return a copy; [1, 1] by default
     */
    public long[] strides() {
        return strides.clone();
    }

    /**
     * The dilations.
     *
     * @return a copy; [1, 1] by default
     */
    public long[] dilations() {
        return dilations.clone();
    }

    /**
     * The output padding.
     *
     * @return a copy; [0, 0] by default
     */
    public long[] outputPadding() {
        return outputPadding.clone();
    }

    /**
     * The output sizes.
     *
     * @return a copy if set; empty by default (computed by the operation)
     */
    public Optional<long[]> outputSizes() {
        return Optional.ofNullable(outputSizes).map(long[]::clone);
    }

    /**
     * The number of groups.
     *
     * @return 1 by default
     */
    public long groups() {
        return groups;
    }

    /**
     * The input and output layout.
     *
     * @return nchw by default
     */
    public MLInputOperandLayout inputLayout() {
        return inputLayout;
    }

    /**
     * The filter layout.
     *
     * @return iohw by default
     */
    public MLConvTranspose2dFilterOperandLayout filterLayout() {
        return filterLayout;
    }

    /**
     * The bias.
     *
     * @return the bias if set
     */
    public Optional<MLOperand> bias() {
        return Optional.ofNullable(bias);
    }

    @Override
    public String toString() {
        return "MLConvTranspose2dOptions[label=" + label + ", padding=" + Arrays.toString(padding) + ", strides="
                + Arrays.toString(strides) + ", dilations=" + Arrays.toString(dilations) + ", outputPadding="
                + Arrays.toString(outputPadding) + ", outputSizes=" + Arrays.toString(outputSizes) + ", groups=" + groups
                + ", inputLayout=" + inputLayout + ", filterLayout=" + filterLayout + ", bias=" + bias + "]";
    }
}
