package dev.webnn;

import dev.webnn.ConvPoolNormSupport.Image;
import dev.webnn.ConvolutionOps.OutputSize;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.Map;

/**
 * Validation and shape inference of the spatial window and resizing operations (spec:
 * "Pooling operations" — "create a pooling operation" for averagePool2d, l2Pool2d and
 * maxPool2d — and "resample2d").
 */
final class PoolingOps {

    private PoolingOps() {
    }

    /**
     * The spec's "create a pooling operation". The allowed input data types come from the
     * operation's tensor-limits table (float32 and float16 for averagePool2d and l2Pool2d,
     * any for maxPool2d).
     *
     * <p>Two steps of the spec text are not applied, because they contradict the
     * option's own description ("When the output sizes are explicitly specified, the
     * outputShapeRounding is ignored") and the web-platform-tests, which pad and accept
     * output sizes larger than the strides: "If options.outputSizes exists, or if
     * options.padding does not exist, then set options.padding to the list « 0, 0, 0, 0 »"
     * (the padding is kept; its default is already « 0, 0, 0, 0 ») and "If its items are
     * not smaller than the items at the same dimension (index) for options.strides, then
     * throw a TypeError".
     */
    static MLOperand pool2d(GraphRecorder recorder, Op op, MLOperand input, MLPool2dOptions options) {
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        Map<String, MLOperand> inputs = Checks.roles("input", input);
        ConvPoolNormSupport.dataType(op, label, "input", inputs);
        ConvPoolNormSupport.rank(op, label, "input", input);
        MLInputOperandLayout layout = options.layout();
        Image image = Image.of(input.shapeView(), layout);
        long[] window = options.windowDimensions().orElse(new long[] {image.height(), image.width()});
        ConvPoolNormSupport.size(op, label, "windowDimensions", window, 2);
        ConvPoolNormSupport.nonZero(op, label, "windowDimensions", window);
        long[] padding = options.padding();
        ConvPoolNormSupport.size(op, label, "padding", padding, 4);
        long[] strides = options.strides();
        ConvPoolNormSupport.size(op, label, "strides", strides, 2);
        ConvPoolNormSupport.nonZero(op, label, "strides", strides);
        long[] outputSizes = options.outputSizes().orElse(null);
        if (outputSizes != null) {
            ConvPoolNormSupport.size(op, label, "outputSizes", outputSizes, 2);
        }
        long[] dilations = options.dilations();
        ConvPoolNormSupport.size(op, label, "dilations", dilations, 2);
        ConvPoolNormSupport.nonZero(op, label, "dilations", dilations);

        OutputSize[] calculated = ConvolutionOps.conv2dOutputSizes(image.height(), image.width(), window[0], window[1],
                padding, strides, dilations);
        long[] floor = {calculated[0].floor(), calculated[1].floor()};
        long[] ceil = {calculated[0].ceil(), calculated[1].ceil()};
        MLRoundingType rounding = options.outputShapeRounding();
        if (outputSizes != null) {
            boolean floorMatches = Arrays.equals(outputSizes, floor);
            boolean ceilMatches = Arrays.equals(outputSizes, ceil);
            if (!floorMatches && !ceilMatches) {
                throw Checks.typeError(op, label, "outputSizes " + Arrays.toString(outputSizes)
                        + " are neither the rounded-down output sizes " + Arrays.toString(floor)
                        + " nor the rounded-up output sizes " + Arrays.toString(ceil));
            }
            // the rounding is ignored: record the one that yields the output sizes
            if (!(rounding == MLRoundingType.FLOOR ? floorMatches : ceilMatches)) {
                rounding = floorMatches ? MLRoundingType.FLOOR : MLRoundingType.CEIL;
            }
        } else {
            outputSizes = rounding == MLRoundingType.FLOOR ? floor : ceil;
        }
        long[] outputShape = new Image(image.batches(), image.channels(), outputSizes[0], outputSizes[1])
                .outputShape(op, label, layout);
        Operation.Pool2d pool = new Operation.Pool2d(Operation.Pool2d.Kind.valueOf(op.name()), input.operand(), window, padding, strides,
                dilations, layout, rounding, outputSizes);
        return recorder.record(pool, label, Checks.output(op, label, input.dataType(), outputShape));
    }

    /**
     * The spec's resample2d method steps.
     *
     * <p>The algorithm indexes {@code sizes} and {@code scales} (2 values each) by the
     * position in {@code axes} without checking its size; following the option's
     * description ("A list of length 2"), axes of another size are rejected.
     */
    static MLOperand resample2d(GraphRecorder recorder, MLOperand input, MLResample2dOptions options) {
        Op op = Op.RESAMPLE2D;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        Map<String, MLOperand> inputs = Checks.roles("input", input);
        ConvPoolNormSupport.dataType(op, label, "input", inputs);
        ConvPoolNormSupport.rank(op, label, "input", input);
        float[] scales = options.scales();
        boolean positive = true;
        for (float scale : scales) {
            positive &= scale > 0;
        }
        if (!positive || scales.length != 2) {
            throw Checks.typeError(op, label, "scales " + Arrays.toString(scales) + " must be 2 values greater than 0");
        }
        long[] sizes = options.sizes().orElse(null);
        if (sizes != null && (sizes.length != 2 || Arrays.stream(sizes).anyMatch(size -> size == 0))) {
            throw Checks.typeError(op, label, "sizes " + Arrays.toString(sizes) + " must be 2 values greater than 0");
        }
        long[] axes = options.axes();
        ConvPoolNormSupport.size(op, label, "axes", axes, 2);
        int[] axis = Checks.distinctAxes(op, label, "axes", axes, input.rank());

        long[] outputShape = input.shape();
        long[] resolvedSizes = new long[2];
        double[] resolvedScales = new double[2];
        for (int index = 0; index < axis.length; index++) {
            long inputSize = input.shapeView()[axis[index]];
            long size = sizes != null ? sizes[index] : (long) Math.floor(inputSize * (double) scales[index]);
            ConvPoolNormSupport.validDimension(op, label, "output size along axis " + axis[index], size);
            outputShape[axis[index]] = size;
            resolvedSizes[index] = size;
            resolvedScales[index] = sizes != null ? (double) size / inputSize : scales[index];
        }
        Operation.Resample2d resample = new Operation.Resample2d(input.operand(), options.mode(), resolvedScales,
                resolvedSizes, axis);
        return recorder.record(resample, label, Checks.output(op, label, input.dataType(), outputShape));
    }
}
