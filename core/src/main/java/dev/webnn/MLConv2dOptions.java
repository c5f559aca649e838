package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link MLGraphBuilder#conv2d} (spec: {@code MLConv2dOptions}). Immutable:
 * every {@code with...} method returns new options.
 *
 * <p>Defaults: padding [0, 0, 0, 0], strides [1, 1], dilations [1, 1], groups 1,
 * inputLayout {@link MLInputOperandLayout#NCHW nchw}, filterLayout
 * {@link MLConv2dFilterOperandLayout#OIHW oihw}, no bias, empty label.
 */
public final class MLConv2dOptions {

    private static final MLConv2dOptions DEFAULTS = new MLConv2dOptions("", new long[] {0, 0, 0, 0},
            new long[] {1, 1}, new long[] {1, 1}, 1, MLInputOperandLayout.NCHW, MLConv2dFilterOperandLayout.OIHW, null);

    private final String label;
    private final long[] padding;
    private final long[] strides;
    private final long[] dilations;
    private final long groups;
    private final MLInputOperandLayout inputLayout;
    private final MLConv2dFilterOperandLayout filterLayout;
    private final MLOperand bias;

    private MLConv2dOptions(String label, long[] padding, long[] strides, long[] dilations, long groups,
                            MLInputOperandLayout inputLayout, MLConv2dFilterOperandLayout filterLayout, MLOperand bias) {
        this.label = label;
        this.padding = padding;
        this.strides = strides;
        this.dilations = dilations;
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
    public static MLConv2dOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLConv2dOptions withLabel(String value) {
        return new MLConv2dOptions(Objects.requireNonNull(value, "label"), padding, strides, dilations, groups,
                inputLayout, filterLayout, bias);
    }

    /**
     * Sets the padding: [beginningHeight, endingHeight, beginningWidth, endingWidth]
     * rows and columns added around the input (the operation requires 4 values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConv2dOptions withPadding(long... value) {
        return new MLConv2dOptions(label, WebIdl.unsignedLongs("MLConv2dOptions.padding", value), strides,
                dilations, groups, inputLayout, filterLayout, bias);
    }

    /**
     * Sets the strides: [strideHeight, strideWidth] (the operation requires 2 non-zero values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConv2dOptions withStrides(long... value) {
        return new MLConv2dOptions(label, padding, WebIdl.unsignedLongs("MLConv2dOptions.strides", value),
                dilations, groups, inputLayout, filterLayout, bias);
    }

    /**
     * Sets the dilations of the filter: [dilationHeight, dilationWidth] (the operation
     * requires 2 non-zero values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConv2dOptions withDilations(long... value) {
        return new MLConv2dOptions(label, padding, strides,
                WebIdl.unsignedLongs("MLConv2dOptions.dilations", value), groups, inputLayout, filterLayout,
                bias);
    }

    /**
     * Sets the number of groups the input and output channels are divided into.
     *
     * @param value an unsigned long (the operation requires a non-zero value)
     * @return new options
     * @throws MLTypeError if the value is outside [0, 2<sup>32</sup>-1]
     */
    public MLConv2dOptions withGroups(long value) {
        return new MLConv2dOptions(label, padding, strides, dilations,
                WebIdl.unsignedLong("MLConv2dOptions.groups", value), inputLayout, filterLayout, bias);
    }

    /**
     * Sets the layout of the input and output.
     *
     * @param value nchw or nhwc
     * @return new options
     */
    public MLConv2dOptions withInputLayout(MLInputOperandLayout value) {
        return new MLConv2dOptions(label, padding, strides, dilations, groups, Objects.requireNonNull(value, "inputLayout"),
                filterLayout, bias);
    }

    /**
     * Sets the layout of the filter.
     *
     * @param value the filter layout
     * @return new options
     */
    public MLConv2dOptions withFilterLayout(MLConv2dFilterOperandLayout value) {
        return new MLConv2dOptions(label, padding, strides, dilations, groups, inputLayout,
                Objects.requireNonNull(value, "filterLayout"), bias);
    }

    /**
     * Sets the bias, a 1-D tensor of [outputChannels] values added to the result.
     *
     * @param value the bias, or null for none
     * @return new options
     */
    public MLConv2dOptions withBias(MLOperand value) {
        return new MLConv2dOptions(label, padding, strides, dilations, groups, inputLayout, filterLayout, value);
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
     * @return oihw by default
     */
    public MLConv2dFilterOperandLayout filterLayout() {
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
        return "MLConv2dOptions[label=" + label + ", padding=" + Arrays.toString(padding) + ", strides="
                + Arrays.toString(strides) + ", dilations=" + Arrays.toString(dilations) + ", groups=" + groups
                + ", inputLayout=" + inputLayout + ", filterLayout=" + filterLayout + ", bias=" + bias + "]";
    }
}
