package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.Map;

/**
 * Validation and shape inference of the gather and scatter operations (spec: gather,
 * gatherElements, gatherND, scatterElements, scatterND).
 */
final class GatherScatterOps {

    private GatherScatterOps() {
    }

    /** Spec: gather(input, indices, options). */
    static MLOperand gather(GraphRecorder recorder, MLOperand input, MLOperand indices, MLGatherOptions options) {
        Op op = Op.GATHER;
        String label = recorder.begin(op, options).label();
        long axisOption = WebIdl.unsignedLong(op, label, "axis", options.axis());
        recorder.validateOperands(op, label, "input", input, "indices", indices);
        indicesType(op, label, indices);
        int axis = Checks.axis(op, label, "axis", axisOption, input.rank());
        long[] inputShape = input.shapeView();
        long[] indicesShape = indices.shapeView();
        long[] shape = new long[inputShape.length + indicesShape.length - 1];
        System.arraycopy(inputShape, 0, shape, 0, axis);
        System.arraycopy(indicesShape, 0, shape, axis, indicesShape.length);
        System.arraycopy(inputShape, axis + 1, shape, axis + indicesShape.length, inputShape.length - axis - 1);
        return recorder.record(new Operation.Gather(Operation.Gather.Kind.GATHER, input.operand(), indices.operand(), axis),
                label, Checks.output(op, label, input.dataType(), shape));
    }

    /** Spec: gatherElements(input, indices, options). */
    static MLOperand gatherElements(GraphRecorder recorder, MLOperand input, MLOperand indices, MLGatherOptions options) {
        Op op = Op.GATHER_ELEMENTS;
        String label = recorder.begin(op, options).label();
        long axisOption = WebIdl.unsignedLong(op, label, "axis", options.axis());
        recorder.validateOperands(op, label, "input", input, "indices", indices);
        limits(op, label, input, indices, null);
        int axis = Checks.axis(op, label, "axis", axisOption, input.rank());
        elementsIndicesShape(op, label, input, indices, axis);
        // The spec's step copies the input's descriptor, but its examples and the operation
        // itself give one output element per index: the input's data type, the indices' shape.
        return recorder.record(new Operation.Gather(Operation.Gather.Kind.GATHER_ELEMENTS, input.operand(),
                indices.operand(), axis), label, Checks.output(op, label, input.dataType(), indices.shape()));
    }

    /** Spec: gatherND(input, indices, options). */
    static MLOperand gatherND(GraphRecorder recorder, MLOperand input, MLOperand indices, MLOperatorOptions options) {
        Op op = Op.GATHER_ND;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input, "indices", indices);
        limits(op, label, input, indices, null);
        return recorder.record(new Operation.GatherND(input.operand(), indices.operand()), label,
                Checks.output(op, label, input.dataType(), sliceShape(op, label, input, indices)));
    }

    /** Spec: scatterElements(input, indices, updates, options). */
    static MLOperand scatterElements(GraphRecorder recorder, MLOperand input, MLOperand indices, MLOperand updates,
                                     MLScatterOptions options) {
        Op op = Op.SCATTER_ELEMENTS;
        String label = recorder.begin(op, options).label();
        long axisOption = WebIdl.unsignedLong(op, label, "axis", options.axis());
        recorder.validateOperands(op, label, "input", input, "indices", indices, "updates", updates);
        limits(op, label, input, indices, updates);
        int axis = Checks.axis(op, label, "axis", axisOption, input.rank());
        elementsIndicesShape(op, label, input, indices, axis);
        if (!Arrays.equals(updates.shapeView(), indices.shapeView())) {
            throw Checks.typeError(op, label, "updates shape " + Arrays.toString(updates.shapeView())
                    + " must equal indices shape " + Arrays.toString(indices.shapeView()));
        }
        return recorder.record(new Operation.ScatterElements(input.operand(), indices.operand(), updates.operand(), axis),
                label, Checks.output(op, label, input.dataType(), input.shape()));
    }

    /** Spec: scatterND(input, indices, updates, options). */
    static MLOperand scatterND(GraphRecorder recorder, MLOperand input, MLOperand indices, MLOperand updates,
                               MLOperatorOptions options) {
        Op op = Op.SCATTER_ND;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input, "indices", indices, "updates", updates);
        limits(op, label, input, indices, updates);
        long[] expected = sliceShape(op, label, input, indices);
        if (!Arrays.equals(updates.shapeView(), expected)) {
            throw Checks.typeError(op, label, "updates shape " + Arrays.toString(updates.shapeView()) + " must equal "
                    + Arrays.toString(expected) + " (indices shape without its last dimension, then the input "
                    + "dimensions after the indexed ones)");
        }
        return recorder.record(new Operation.ScatterND(input.operand(), indices.operand(), updates.operand()), label,
                Checks.output(op, label, input.dataType(), input.shape()));
    }

    // ---------------------------------------------------------------------------------
    // Steps shared by the family
    // ---------------------------------------------------------------------------------

    /** The indices' data type against the operator's tensor-limits table. */
    private static void indicesType(Op op, String label, MLOperand indices) {
        Checks.tensorLimits(op, label, Map.of("indices", indices.descriptor()));
    }

    /**
     * The spec's order of the table checks: the indices' data type, the updates' data type
     * (same as the input's), then the rank of every operand.
     */
    private static void limits(Op op, String label, MLOperand input, MLOperand indices, MLOperand updates) {
        indicesType(op, label, indices);
        if (updates != null && updates.dataType() != input.dataType()) {
            throw Checks.typeError(op, label, "updates data type " + updates.dataType() + " must match input data type "
                    + input.dataType());
        }
        Checks.inputLimits(op, label, Checks.roles("input", input, "indices", indices, "updates", updates));
    }

    /** gatherElements and scatterElements: indices have the input's shape except along the axis. */
    private static void elementsIndicesShape(Op op, String label, MLOperand input, MLOperand indices, int axis) {
        long[] expected = input.shape();
        expected[axis] = indices.shapeView()[axis];
        if (!Arrays.equals(indices.shapeView(), expected)) {
            throw Checks.typeError(op, label, "indices shape " + Arrays.toString(indices.shapeView())
                    + " must equal the input shape " + Arrays.toString(input.shapeView()) + " except along axis " + axis);
        }
    }

    /**
     * gatherND and scatterND: the indices' leading dimensions followed by the input
     * dimensions that the coordinates (the indices' last dimension) do not index.
     */
    private static long[] sliceShape(Op op, String label, MLOperand input, MLOperand indices) {
        long[] inputShape = input.shapeView();
        long[] indicesShape = indices.shapeView();
        int indexableSize = indicesShape.length - 1;
        long coordinateSize = indicesShape[indexableSize];
        if (coordinateSize > inputShape.length) {
            throw Checks.typeError(op, label, "indices coordinate size " + coordinateSize + " (last dimension of "
                    + Arrays.toString(indicesShape) + ") exceeds input rank " + inputShape.length);
        }
        long[] shape = new long[indexableSize + inputShape.length - (int) coordinateSize];
        System.arraycopy(indicesShape, 0, shape, 0, indexableSize);
        System.arraycopy(inputShape, (int) coordinateSize, shape, indexableSize, inputShape.length - (int) coordinateSize);
        return shape;
    }
}
