package dev.webnn.backend.onnxruntime;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.backend.onnxruntime.OrtLowering.Step;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operation.BatchNormalization;
import dev.webnn.graph.Operation.InstanceNormalization;
import dev.webnn.graph.Operation.LayerNormalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * ONNX lowering of the normalizations. ONNX InstanceNormalization works on NCHW data and
 * LayerNormalization normalizes trailing axes; other layouts and axes are moved there by
 * Transpose nodes. Absent scales and biases become constants of ones and zeros where ONNX
 * requires them. Batch normalization is composed of element-wise nodes as the spec writes it.
 */
final class OrtNormalizationLowering {

    private OrtNormalizationLowering() {
    }

    /**
     * The spec's {@code scale * ((input - mean) / sqrt(variance + epsilon)) + bias} with
     * the per-feature operands reshaped to broadcast along {@code axis}. ONNX
     * BatchNormalization is not used: ONNX Runtime folds it into
     * {@code input * a + b}, whose cancellation exceeds WebNN's 6 ULP tolerance.
     */
    static void batchNormalization(BatchNormalization op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        long[] shape = op.input().descriptor().shape();
        int axis = op.axis();
        long[] featureShape = new long[shape.length - axis];
        Arrays.fill(featureShape, 1);
        featureShape[0] = shape[axis];
        UnaryOperator<String> alongAxis = name -> {
            if (featureShape.length == 1) {
                return name;
            }
            return model.intermediate("Reshape", List.of(name, model.int64s(featureShape)));
        };
        MLOperandDataType type = node.output().descriptor().dataType();
        String shifted = model.intermediate("Add",
                List.of(alongAxis.apply(lowering.name(op.variance())), model.scalar(type, MLNumber.of(op.epsilon()))));
        String deviation = model.intermediate("Sqrt", List.of(shifted));
        List<Step> steps = new ArrayList<>(List.of(new Step("Sub", alongAxis.apply(lowering.name(op.mean()))),
                new Step("Div", deviation)));
        lowering.name(op.scale()).ifPresent(scale -> steps.add(new Step("Mul", alongAxis.apply(scale))));
        lowering.name(op.bias()).ifPresent(bias -> steps.add(new Step("Add", alongAxis.apply(bias))));
        lowering.chain(node, lowering.name(op.input()), steps);
    }

    /** instanceNormalization: ONNX InstanceNormalization on NCHW data, absent scale and bias as ones and zeros. */
    static void instanceNormalization(InstanceNormalization op, Node node, OrtLowering lowering) {
        MLInputOperandLayout layout = op.layout();
        long[] shape = op.input().descriptor().shape();
        long channels = shape[layout == MLInputOperandLayout.NCHW ? 1 : 3];
        String scale = lowering.name(op.scale()).orElseGet(() -> lowering.filled(node, new long[] {channels}, 1));
        String bias = lowering.name(op.bias()).orElseGet(() -> lowering.filled(node, new long[] {channels}, 0));
        double epsilon = op.epsilon();
        lowering.emit(node, lowering.name(op.input()), OrtLowering.toNchw(layout), (in, out) -> lowering.model().node(
                "InstanceNormalization", List.of(in, scale, bias), out, OrtAttribute.real("epsilon", epsilon)));
    }

    /**
     * ONNX LayerNormalization normalizes the axes from {@code axis} to the last: the WebNN
     * axes are moved there in their given order (the order of the scale and bias
     * dimensions). Without axes nothing is reduced: each element is its own mean, so the
     * result is {@code (x - x) * scale + bias}.
     */
    static void layerNormalization(LayerNormalization op, Node node, OrtLowering lowering) {
        long[] shape = op.input().descriptor().shape();
        int[] axes = op.axes();
        String input = lowering.name(op.input());
        Optional<String> scale = lowering.name(op.scale());
        Optional<String> bias = lowering.name(op.bias());
        OrtModelBuilder model = lowering.model();
        // Over no element, or one (where ORT's LayerNormalization refuses to run), the
        // normalized value is x - mean = x - x: the spec's result is (x - x) * scale + bias.
        if (Arrays.stream(axes).mapToLong(axis -> shape[axis]).reduce(1, Math::multiplyExact) == 1) {
            List<Step> steps = new ArrayList<>(List.of(new Step("Sub", input)));
            scale.ifPresent(value -> steps.add(new Step("Mul", value)));
            bias.ifPresent(value -> steps.add(new Step("Add", value)));
            lowering.chain(node, input, steps);
            return;
        }
        int rank = shape.length;
        int[] perm = new int[rank];
        int next = 0;
        for (int axis = 0; axis < rank; axis++) {
            final int candidate = axis;
            if (Arrays.stream(axes).noneMatch(x -> x == candidate)) {
                perm[next++] = axis;
            }
        }
        for (int axis : axes) {
            perm[next++] = axis;
        }
        boolean identity = true;
        for (int i = 0; i < rank; i++) {
            identity &= perm[i] == i;
        }
        long[] normalizedShape = Arrays.stream(axes).mapToLong(axis -> shape[axis]).toArray();
        String scaleName = scale.orElseGet(() -> lowering.filled(node, normalizedShape, 1));
        List<String> inputs = new ArrayList<>(List.of("", scaleName));
        bias.ifPresent(inputs::add);
        double epsilon = op.epsilon();
        lowering.emit(node, input, identity ? null : perm, (in, out) -> {
            inputs.set(0, in);
            model.node("LayerNormalization", inputs, out, OrtAttribute.integer("axis", rank - axes.length),
                    OrtAttribute.real("epsilon", epsilon));
        });
    }
}
