package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.Map;

/**
 * Validation and shape inference of the quantization operations (spec: "quantizeLinear",
 * "dequantizeLinear").
 */
final class QuantizationOps {

    private QuantizationOps() {
    }

    /**
     * The method steps of quantizeLinear and dequantizeLinear, which differ only in their
     * tensor-limits tables and output type: quantizeLinear outputs {@code zeroPoint}'s data
     * type, dequantizeLinear {@code scale}'s; the output has the input's shape.
     */
    static MLOperand linear(GraphRecorder recorder, Op op, MLOperand input, MLOperand scale, MLOperand zeroPoint,
                            MLOperatorOptions options) {
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input, "scale", scale, "zeroPoint", zeroPoint);
        Map<String, MLOperand> inputs = Checks.roles("input", input, "scale", scale, "zeroPoint", zeroPoint);
        // Data types (allowed and "same as") and ranks (scale's and zeroPoint's equal input's).
        Checks.inputLimits(op, label, inputs);
        if (!Arrays.equals(scale.shapeView(), zeroPoint.shapeView())) {
            throw Checks.typeError(op, label, "scale shape " + Arrays.toString(scale.shapeView())
                    + " must equal zeroPoint shape " + Arrays.toString(zeroPoint.shapeView()));
        }
        for (String role : new String[] {"scale", "zeroPoint"}) {
            long[] shape = inputs.get(role).shapeView();
            if (!Checks.blockwiseBroadcastable(shape, input.shapeView())) {
                throw Checks.typeError(op, label, role + " shape " + Arrays.toString(shape)
                        + " is not blockwise broadcastable to input shape " + Arrays.toString(input.shapeView()));
            }
        }
        MLOperandDataType outputType = op == Op.QUANTIZE_LINEAR ? zeroPoint.dataType() : scale.dataType();
        Operation.Quantization quantization = new Operation.Quantization(Operation.Quantization.Kind.valueOf(op.name()),
                input.operand(), scale.operand(), zeroPoint.operand());
        return recorder.record(quantization, label, Checks.output(op, label, outputType, input.shape()));
    }
}
