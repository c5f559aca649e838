package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Validation of the normalizations (spec: "batchNormalization", "instanceNormalization",
 * "layerNormalization"). Each output has the input's data type and shape.
 */
final class NormalizationOps {

    private NormalizationOps() {
    }

    /** The spec's batchNormalization method steps. */
    static MLOperand batchNormalization(GraphRecorder recorder, MLOperand input, MLOperand mean, MLOperand variance,
                                        MLBatchNormalizationOptions options) {
        Op op = Op.BATCH_NORMALIZATION;
        String label = recorder.begin(op, options).label();
        MLOperand scale = options.scale().orElse(null);
        MLOperand bias = options.bias().orElse(null);
        recorder.validateOperands(op, label, "input", input, "mean", mean, "variance", variance);
        recorder.validateOptionalOperands(op, label, "scale", scale, "bias", bias);
        Map<String, MLOperand> inputs = Checks.roles("input", input, "mean", mean, "variance", variance,
                "scale", scale, "bias", bias);
        ConvPoolNormSupport.dataType(op, label, "input", inputs);
        int axis = Checks.axis(op, label, "axis", options.axis(), input.rank());
        long size = input.shapeView()[axis];
        String meaning = "input dimension " + axis;
        perFeature(op, label, "mean", inputs, size, meaning);
        perFeature(op, label, "variance", inputs, size, meaning);
        double epsilon = cast(options.epsilon(), input.dataType());
        perFeature(op, label, "scale", inputs, size, meaning);
        perFeature(op, label, "bias", inputs, size, meaning);
        Operation.BatchNormalization normalization = new Operation.BatchNormalization(input.operand(), mean.operand(),
                variance.operand(), MLOperand.optional(scale), MLOperand.optional(bias), axis, epsilon);
        return recorder.record(normalization, label, input.descriptor());
    }

    /** The spec's instanceNormalization method steps. */
    static MLOperand instanceNormalization(GraphRecorder recorder, MLOperand input,
                                           MLInstanceNormalizationOptions options) {
        Op op = Op.INSTANCE_NORMALIZATION;
        String label = recorder.begin(op, options).label();
        Map<String, MLOperand> inputs = inputScaleBias(recorder, op, label, input, options.scale(), options.bias());
        ConvPoolNormSupport.rank(op, label, "input", input);
        double epsilon = cast(options.epsilon(), input.dataType());
        int axis = options.layout() == MLInputOperandLayout.NCHW ? 1 : 3;
        long size = input.shapeView()[axis];
        String meaning = "input channels, dimension " + axis;
        perFeature(op, label, "scale", inputs, size, meaning);
        perFeature(op, label, "bias", inputs, size, meaning);
        Operation.InstanceNormalization normalization = new Operation.InstanceNormalization(input.operand(),
                MLOperand.optional(inputs.get("scale")), MLOperand.optional(inputs.get("bias")), epsilon, options.layout());
        return recorder.record(normalization, label, input.descriptor());
    }

    /** The spec's layerNormalization method steps. */
    static MLOperand layerNormalization(GraphRecorder recorder, MLOperand input, MLLayerNormalizationOptions options) {
        Op op = Op.LAYER_NORMALIZATION;
        String label = recorder.begin(op, options).label();
        Map<String, MLOperand> inputs = inputScaleBias(recorder, op, label, input, options.scale(), options.bias());
        int rank = input.rank();
        int[] axes = options.axes()
                .map(given -> Checks.distinctAxes(op, label, "axes", given, rank))
                .orElseGet(() -> rank > 1 ? java.util.stream.IntStream.range(1, rank).toArray() : new int[0]);
        double epsilon = cast(options.epsilon(), input.dataType());
        for (String role : new String[] {"scale", "bias"}) {
            MLOperand operand = inputs.get(role);
            if (operand != null) {
                ConvPoolNormSupport.dataType(op, label, role, inputs);
                if (operand.rank() != axes.length) {
                    throw Checks.typeError(op, label, role + " rank " + operand.rank() + " must equal the number of axes "
                            + axes.length + " (axes " + Arrays.toString(axes) + ")");
                }
            }
        }
        long[] expected = Arrays.stream(axes).mapToLong(axis -> input.shapeView()[axis]).toArray();
        for (int index = 0; index < axes.length; index++) {
            for (String role : new String[] {"scale", "bias"}) {
                MLOperand operand = inputs.get(role);
                if (operand != null && operand.shapeView()[index] != expected[index]) {
                    throw Checks.typeError(op, label, role + " shape " + Arrays.toString(operand.shapeView())
                            + " must be the input dimensions " + Arrays.toString(expected) + " at axes "
                            + Arrays.toString(axes));
                }
            }
        }
        Operation.LayerNormalization normalization = new Operation.LayerNormalization(input.operand(),
                MLOperand.optional(inputs.get("scale")), MLOperand.optional(inputs.get("bias")), axes, epsilon);
        return recorder.record(normalization, label, input.descriptor());
    }

    /**
     * The first steps of instanceNormalization and layerNormalization: validate the input and
     * the optional scale and bias, then the input's data type.
     *
     * @return the operands by role
     */
    private static Map<String, MLOperand> inputScaleBias(GraphRecorder recorder, Op op, String label, MLOperand input,
                                                         Optional<MLOperand> scale, Optional<MLOperand> bias) {
        MLOperand scaleOrNull = scale.orElse(null);
        MLOperand biasOrNull = bias.orElse(null);
        recorder.validateOperands(op, label, "input", input);
        recorder.validateOptionalOperands(op, label, "scale", scaleOrNull, "bias", biasOrNull);
        Map<String, MLOperand> inputs = Checks.roles("input", input, "scale", scaleOrNull, "bias", biasOrNull);
        ConvPoolNormSupport.dataType(op, label, "input", inputs);
        return inputs;
    }

    /**
     * The steps for a per-feature operand (mean, variance, scale, bias), if present: its
     * data type, then its shape « size ».
     */
    private static void perFeature(Op op, String label, String role, Map<String, MLOperand> inputs, long size,
                                   String meaning) {
        MLOperand operand = inputs.get(role);
        if (operand != null) {
            ConvPoolNormSupport.dataType(op, label, role, inputs);
            ConvPoolNormSupport.shape1d(op, label, role, operand, size, meaning);
        }
    }

    /** "Set options.epsilon to the result of casting options.epsilon to input's dataType". */
    private static double cast(double epsilon, MLOperandDataType dataType) {
        return MLNumber.of(epsilon).castTo(dataType).doubleValue();
    }
}
