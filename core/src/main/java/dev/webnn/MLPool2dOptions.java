package dev.webnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the pooling operations {@link MLGraphBuilder#averagePool2d},
 * {@link MLGraphBuilder#l2Pool2d} and {@link MLGraphBuilder#maxPool2d} (spec:
 * {@code MLPool2dOptions}). Immutable: every {@code with...} method returns new options.
 *
 * <p>Defaults: no windowDimensions (the input's height and width: global pooling),
 * padding [0, 0, 0, 0], strides [1, 1], dilations [1, 1], layout
 * {@link MLInputOperandLayout#NCHW nchw}, outputShapeRounding {@link MLRoundingType#FLOOR
 * floor}, no outputSizes (computed), empty label.
 */
public final class MLPool2dOptions {

    private static final MLPool2dOptions DEFAULTS = new MLPool2dOptions("", null, new long[] {0, 0, 0, 0},
            new long[] {1, 1}, new long[] {1, 1}, MLInputOperandLayout.NCHW, MLRoundingType.FLOOR, null);

    private final String label;
    private final long[] windowDimensions;
    private final long[] padding;
    private final long[] strides;
    private final long[] dilations;
    private final MLInputOperandLayout layout;
    private final MLRoundingType outputShapeRounding;
    private final long[] outputSizes;

    private MLPool2dOptions(String label, long[] windowDimensions, long[] padding, long[] strides, long[] dilations,
                            MLInputOperandLayout layout, MLRoundingType outputShapeRounding, long[] outputSizes) {
        this.label = label;
        this.windowDimensions = windowDimensions;
        this.padding = padding;
        this.strides = strides;
        this.dilations = dilations;
        this.layout = layout;
        this.outputShapeRounding = outputShapeRounding;
        this.outputSizes = outputSizes;
    }

    /**
     * The spec's defaults.
     *
     * @return the default options
     */
    public static MLPool2dOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the label.
     *
     * @param value the label
     * @return new options
     */
    public MLPool2dOptions withLabel(String value) {
        return new MLPool2dOptions(Objects.requireNonNull(value, "label"), windowDimensions, padding, strides, dilations,
                layout, outputShapeRounding, outputSizes);
    }

    /**
     * Sets the window: [windowHeight, windowWidth] (the operation requires 2 non-zero values).
     *
     * @param value unsigned long values, or null for the input's spatial size
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLPool2dOptions withWindowDimensions(long... value) {
        return new MLPool2dOptions(label, value == null ? null
                : WebIdl.unsignedLongs("MLPool2dOptions.windowDimensions", value), padding, strides,
                dilations, layout, outputShapeRounding, outputSizes);
    }

    /**
     * Sets the padding: [beginningHeight, endingHeight, beginningWidth, endingWidth]
     * (the operation requires 4 values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLPool2dOptions withPadding(long... value) {
        return new MLPool2dOptions(label, windowDimensions, WebIdl.unsignedLongs("MLPool2dOptions.padding",
                value), strides, dilations, layout, outputShapeRounding, outputSizes);
    }

    /**
     * Sets the strides: [strideHeight, strideWidth] (the operation requires 2 non-zero values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLPool2dOptions withStrides(long... value) {
        return new MLPool2dOptions(label, windowDimensions, padding, WebIdl.unsignedLongs(
                "MLPool2dOptions.strides", value), dilations, layout, outputShapeRounding, outputSizes);
    }

    /**
     * Sets the dilations of the window: [dilationHeight, dilationWidth] (the operation
     * requires 2 non-zero values).
     *
     * @param value unsigned long values
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLPool2dOptions withDilations(long... value) {
        return new MLPool2dOptions(label, windowDimensions, padding, strides, WebIdl.unsignedLongs(
                "MLPool2dOptions.dilations", value), layout, outputShapeRounding, outputSizes);
    }

    /**
     * Sets the layout of the input and output.
     *
     * @param value nchw or nhwc
     * @return new options
     */
    public MLPool2dOptions withLayout(MLInputOperandLayout value) {
        return new MLPool2dOptions(label, windowDimensions, padding, strides, dilations,
                Objects.requireNonNull(value, "layout"), outputShapeRounding, outputSizes);
    }

    /**
     * Sets how a fractional output size is rounded. Ignored when
     * {@link #withOutputSizes output sizes} are set.
     *
     * @param value floor or ceil
     * @return new options
     */
    public MLPool2dOptions withOutputShapeRounding(MLRoundingType value) {
        return new MLPool2dOptions(label, windowDimensions, padding, strides, dilations, layout,
                Objects.requireNonNull(value, "outputShapeRounding"), outputSizes);
    }

    /**
     * Sets the output's spatial sizes: [outputHeight, outputWidth] (the operation requires
     * 2 values equal to the computed sizes rounded down, or to the computed sizes rounded up).
     *
     * @param value unsigned long values, or null to compute them
     * @return new options
     * @throws MLTypeError if a value is outside [0, 2<sup>32</sup>-1]
     */
    public MLPool2dOptions withOutputSizes(long... value) {
        return new MLPool2dOptions(label, windowDimensions, padding, strides, dilations, layout, outputShapeRounding,
                value == null ? null : WebIdl.unsignedLongs("MLPool2dOptions.outputSizes", value));
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
     * The window dimensions.
     *
     * @return a copy if set; empty by default (the input's height and width)
     */
    public Optional<long[]> windowDimensions() {
        return Optional.ofNullable(windowDimensions).map(long[]::clone);
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
     * The input and output layout.
     *
     * @return nchw by default
     */
    public MLInputOperandLayout layout() {
        return layout;
    }

    /**
     * The rounding of fractional output sizes.
     *
     * @return floor by default
     */
    public MLRoundingType outputShapeRounding() {
        return outputShapeRounding;
    }

    /**
     * The output sizes.
     *
     * @return a copy if set; empty by default (computed by the operation)
     */
    public Optional<long[]> outputSizes() {
        return Optional.ofNullable(outputSizes).map(long[]::clone);
    }

    @Override
    public String toString() {
        return "MLPool2dOptions[label=" + label + ", windowDimensions=" + Arrays.toString(windowDimensions)
                + ", padding=" + Arrays.toString(padding) + ", strides=" + Arrays.toString(strides) + ", dilations="
                + Arrays.toString(dilations) + ", layout=" + layout + ", outputShapeRounding=" + outputShapeRounding
                + ", outputSizes=" + Arrays.toString(outputSizes) + "]";
    }
}
