package dev.webnn;

import dev.webnn.ConvPoolNormSupport.Image;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import dev.webnn.spi.Permutations;
import java.util.Arrays;
import java.util.Map;

/**
 * Validation and shape inference of the convolutions (spec: "conv2d", "convTranspose2d"),
 * including the spec's "calculate conv output size", "calculate conv2d output sizes"
 * (also used by the pooling operations) and "calculate convtranspose output size".
 */
final class ConvolutionOps {

    private ConvolutionOps() {
    }

    /**
     * A result of "calculate conv output size": the number
     * {@code numerator / stride + 1}, possibly fractional, which callers round.
     *
     * @param numerator {@code inputSize - effectiveFilterSize + beginningPadding + endingPadding}
     * @param stride the stride, at least 1
     */
    record OutputSize(long numerator, long stride) {

        /**
         * The size rounded down.
         *
         * @return floor(numerator / stride + 1)
         */
        long floor() {
            return Math.floorDiv(numerator, stride) + 1;
        }

        /**
         * The size rounded up.
         *
         * @return ceil(numerator / stride + 1)
         */
        long ceil() {
            return Math.ceilDiv(numerator, stride) + 1;
        }
    }

    /**
     * The spec's "calculate conv output size". Values too large for a {@code long} saturate,
     * which yields a size below 1 (an invalid dimension), as the exact value would.
     *
     * @param inputSize the input's spatial size
     * @param filterSize the filter's (or window's) size, at least 1
     * @param beginningPadding padding before
     * @param endingPadding padding after
     * @param stride the stride, at least 1
     * @param dilation the dilation, at least 1
     * @return the output size before rounding
     */
    static OutputSize convOutputSize(long inputSize, long filterSize, long beginningPadding, long endingPadding,
                                     long stride, long dilation) {
        long effectiveFilterSize = saturatedAdd(saturatedMultiply(filterSize - 1, dilation), 1);
        return new OutputSize(inputSize + beginningPadding + endingPadding - effectiveFilterSize, stride);
    }

    /**
     * The spec's "calculate conv2d output sizes".
     *
     * @param inputHeight the input height
     * @param inputWidth the input width
     * @param filterHeight the filter (or window) height
     * @param filterWidth the filter (or window) width
     * @param padding [beginningHeight, endingHeight, beginningWidth, endingWidth]
     * @param strides [strideHeight, strideWidth]
     * @param dilations [dilationHeight, dilationWidth]
     * @return the output height and width before rounding
     */
    static OutputSize[] conv2dOutputSizes(long inputHeight, long inputWidth, long filterHeight, long filterWidth,
                                          long[] padding, long[] strides, long[] dilations) {
        return new OutputSize[] {
            convOutputSize(inputHeight, filterHeight, padding[0], padding[1], strides[0], dilations[0]),
            convOutputSize(inputWidth, filterWidth, padding[2], padding[3], strides[1], dilations[1])
        };
    }

    /**
     * The spec's "calculate convtranspose output size"; saturates like
     * {@link #convOutputSize}.
     *
     * @return {@code (inputSize - 1) * stride + effectiveFilterSize - beginningPadding - endingPadding}
     */
    static long convTransposeOutputSize(long inputSize, long filterSize, long beginningPadding, long endingPadding,
                                        long stride, long dilation) {
        long effectiveFilterSize = saturatedAdd(saturatedMultiply(filterSize - 1, dilation), 1);
        long size = saturatedAdd(saturatedMultiply(inputSize - 1, stride), effectiveFilterSize);
        return size == Long.MAX_VALUE ? size : size - beginningPadding - endingPadding;
    }

    /** The dimensions of a 4-D filter, named independently of its layout. */
    private record Filter(long inputChannels, long outputChannels, long height, long width) {

        static Filter of(long[] shape, MLConv2dFilterOperandLayout layout) {
            return of(shape, Permutations.toOihw(layout));
        }

        static Filter of(long[] shape, MLConvTranspose2dFilterOperandLayout layout) {
            return of(shape, Permutations.toOihw(layout));
        }

        /** The dimensions at the positions of O, I, H and W. */
        private static Filter of(long[] shape, int[] oihw) {
            return new Filter(shape[oihw[1]], shape[oihw[0]], shape[oihw[2]], shape[oihw[3]]);
        }
    }

    /** The spec's conv2d method steps. */
    static MLOperand conv2d(GraphRecorder recorder, MLOperand input, MLOperand filter, MLConv2dOptions options) {
        Op op = Op.CONV2D;
        String label = recorder.begin(op, options).label();
        MLOperand bias = options.bias().orElse(null);
        recorder.validateOperands(op, label, "input", input, "filter", filter);
        recorder.validateOptionalOperands(op, label, "bias", bias);
        Map<String, MLOperand> inputs = Checks.roles("input", input, "filter", filter, "bias", bias);
        ConvPoolNormSupport.dataType(op, label, "input", inputs);
        ConvPoolNormSupport.rank(op, label, "input", input);
        ConvPoolNormSupport.rank(op, label, "filter", filter);
        ConvPoolNormSupport.dataType(op, label, "filter", inputs);
        long[] padding = options.padding();
        long[] strides = options.strides();
        long[] dilations = options.dilations();
        paddingStridesDilations(op, label, padding, strides, dilations);
        long groups = groups(op, label, options.groups());

        Image image = Image.of(input.shapeView(), options.inputLayout());
        Filter weights = Filter.of(filter.shapeView(), options.filterLayout());
        if (image.channels() % groups != 0) {
            throw Checks.typeError(op, label, "input channels " + image.channels() + " are not divisible by groups "
                    + groups);
        }
        if (image.channels() / groups != weights.inputChannels()) {
            throw Checks.typeError(op, label, "filter input channels " + weights.inputChannels()
                    + " must equal input channels / groups = " + image.channels() + " / " + groups + " = "
                    + image.channels() / groups + " (filter shape " + Arrays.toString(filter.shapeView()) + ", layout "
                    + name(options.filterLayout()) + ")");
        }
        if (weights.outputChannels() % groups != 0) {
            throw Checks.typeError(op, label, "output channels " + weights.outputChannels()
                    + " are not divisible by groups " + groups);
        }
        bias(op, label, bias, inputs, weights.outputChannels());
        OutputSize[] sizes = conv2dOutputSizes(image.height(), image.width(), weights.height(), weights.width(), padding,
                strides, dilations);
        long[] outputShape = new Image(image.batches(), weights.outputChannels(), sizes[0].floor(), sizes[1].floor())
                .outputShape(op, label, options.inputLayout());
        Operation.Conv2d conv = new Operation.Conv2d(input.operand(), filter.operand(), MLOperand.optional(bias), padding,
                strides, dilations, groups, options.inputLayout(), options.filterLayout());
        return recorder.record(conv, label,
                Checks.output(op, label, input.dataType(), outputShape));
    }

    /** The spec's convTranspose2d method steps. */
    static MLOperand convTranspose2d(GraphRecorder recorder, MLOperand input, MLOperand filter,
                                     MLConvTranspose2dOptions options) {
        Op op = Op.CONV_TRANSPOSE2D;
        String label = recorder.begin(op, options).label();
        MLOperand bias = options.bias().orElse(null);
        recorder.validateOperands(op, label, "input", input, "filter", filter);
        recorder.validateOptionalOperands(op, label, "bias", bias);
        Map<String, MLOperand> inputs = Checks.roles("input", input, "filter", filter, "bias", bias);
        ConvPoolNormSupport.rank(op, label, "input", input);
        ConvPoolNormSupport.dataType(op, label, "input", inputs);
        ConvPoolNormSupport.rank(op, label, "filter", filter);
        ConvPoolNormSupport.dataType(op, label, "filter", inputs);
        long[] padding = options.padding();
        long[] strides = options.strides();
        long[] dilations = options.dilations();
        paddingStridesDilations(op, label, padding, strides, dilations);
        long[] outputPadding = options.outputPadding();
        ConvPoolNormSupport.size(op, label, "outputPadding", outputPadding, 2);
        long[] outputSizes = options.outputSizes().orElse(null);
        if (outputSizes != null) {
            ConvPoolNormSupport.size(op, label, "outputSizes", outputSizes, 2);
        } else if (outputPadding[0] >= strides[0] || outputPadding[1] >= strides[1]) {
            throw Checks.typeError(op, label, "outputPadding " + Arrays.toString(outputPadding)
                    + " must be smaller than strides " + Arrays.toString(strides));
        }
        long groups = groups(op, label, options.groups());

        Image image = Image.of(input.shapeView(), options.inputLayout());
        Filter weights = Filter.of(filter.shapeView(), options.filterLayout());
        if (image.channels() != weights.inputChannels()) {
            throw Checks.typeError(op, label, "filter input channels " + weights.inputChannels()
                    + " must equal input channels " + image.channels() + " (filter shape "
                    + Arrays.toString(filter.shapeView()) + ", layout " + name(options.filterLayout()) + ")");
        }
        long outputChannels = weights.outputChannels() * groups;
        ConvPoolNormSupport.validDimension(op, label, "output channels", outputChannels);
        bias(op, label, bias, inputs, outputChannels);
        long calculatedHeight = convTransposeOutputSize(image.height(), weights.height(), padding[0], padding[1],
                strides[0], dilations[0]);
        long calculatedWidth = convTransposeOutputSize(image.width(), weights.width(), padding[2], padding[3],
                strides[1], dilations[1]);
        long outputHeight;
        long outputWidth;
        if (outputSizes != null) {
            outputHeight = outputSizes[0];
            outputWidth = outputSizes[1];
            explicitOutputSize(op, label, "height", outputHeight, calculatedHeight, strides[0]);
            explicitOutputSize(op, label, "width", outputWidth, calculatedWidth, strides[1]);
        } else {
            outputHeight = saturatedAdd(calculatedHeight, outputPadding[0]);
            outputWidth = saturatedAdd(calculatedWidth, outputPadding[1]);
        }
        long[] outputShape = new Image(image.batches(), outputChannels, outputHeight, outputWidth)
                .outputShape(op, label, options.inputLayout());
        Operation.ConvTranspose2d conv = new Operation.ConvTranspose2d(input.operand(), filter.operand(),
                MLOperand.optional(bias), padding, strides, dilations,
                new long[] {outputHeight - calculatedHeight, outputWidth - calculatedWidth},
                new long[] {outputHeight, outputWidth}, groups, options.inputLayout(), options.filterLayout());
        return recorder.record(conv, label,
                Checks.output(op, label, input.dataType(), outputShape));
    }

    /** The padding, strides and dilations steps shared by conv2d and convTranspose2d. */
    private static void paddingStridesDilations(Op op, String label, long[] padding, long[] strides, long[] dilations) {
        ConvPoolNormSupport.size(op, label, "padding", padding, 4);
        ConvPoolNormSupport.size(op, label, "strides", strides, 2);
        ConvPoolNormSupport.nonZero(op, label, "strides", strides);
        ConvPoolNormSupport.size(op, label, "dilations", dilations, 2);
        ConvPoolNormSupport.nonZero(op, label, "dilations", dilations);
    }

    /** "If options.groups is 0, then throw a TypeError". */
    private static long groups(Op op, String label, long groups) {
        if (groups == 0) {
            throw Checks.typeError(op, label, "groups is 0");
        }
        return groups;
    }

    /** The bias steps: shape « outputChannels », then data type. */
    private static void bias(Op op, String label, MLOperand bias, Map<String, MLOperand> inputs, long outputChannels) {
        if (bias != null) {
            ConvPoolNormSupport.shape1d(op, label, "bias", bias, outputChannels, "output channels");
            ConvPoolNormSupport.dataType(op, label, "bias", inputs);
        }
    }

    /** convTranspose2d: an explicit output size lies in [calculated, calculated + stride). */
    private static void explicitOutputSize(Op op, String label, String dimension, long size, long calculated, long stride) {
        if (size < calculated || size >= saturatedAdd(calculated, stride)) {
            throw Checks.typeError(op, label, "outputSizes " + dimension + " " + size + " must be at least the computed "
                    + dimension + " " + calculated + " and less than it plus the stride " + stride);
        }
    }

    private static String name(Enum<?> layout) {
        return layout.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code a * b} for non-negative values, {@link Long#MAX_VALUE} on overflow. */
    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    /** {@code a + b} for a non-negative {@code b}, {@link Long#MAX_VALUE} on overflow. */
    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
