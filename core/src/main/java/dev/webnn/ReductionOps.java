package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Validation and shape inference of the operations that reduce or scan along axes (spec:
 * "Reduction operations", "argMin/argMax operations", "cumulativeSum").
 */
final class ReductionOps {

    private ReductionOps() {
    }

    /**
     * The result of the spec's "calculate reduction output sizes": the reduced axes, made
     * explicit, and the output shape.
     *
     * @param axes the reduced axes (every axis when none were given)
     * @param shape the output shape
     */
    record Reduction(int[] axes, long[] shape) {
    }

    /**
     * The spec's "calculate reduction output sizes". Failure (duplicate axes or an axis
     * outside {@code [0, rank)}) throws the {@link MLTypeError} of the calling operation.
     *
     * @param op the operation, for messages
     * @param label the user's label
     * @param inputShape the input shape
     * @param axes the axes to reduce, or null for every axis
     * @param keepDimensions whether reduced dimensions stay with size 1
     * @return the explicit axes and the output shape
     */
    static Reduction reductionOutputSizes(Op op, String label, long[] inputShape, long[] axes, boolean keepDimensions) {
        int inputRank = inputShape.length;
        int[] reduced = axes == null
                ? IntStream.range(0, inputRank).toArray()
                : Checks.distinctAxes(op, label, "axes", axes, inputRank);
        boolean[] isReduced = new boolean[inputRank];
        for (int axis : reduced) {
            isReduced[axis] = true;
        }
        long[] outputShape = IntStream.range(0, inputRank)
                .filter(index -> keepDimensions || !isReduced[index])
                .mapToLong(index -> isReduced[index] ? 1 : inputShape[index])
                .toArray();
        return new Reduction(reduced, outputShape);
    }

    /**
     * The spec's "create reduction operation": reduceL1, reduceL2, reduceLogSum,
     * reduceLogSumExp, reduceMax, reduceMean, reduceMin, reduceProduct, reduceSum,
     * reduceSumSquare. The allowed data types of each are those of its tensor-limits table.
     */
    static MLOperand reduce(GraphRecorder recorder, Op op, MLOperand input, MLReduceOptions options) {
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        Map<String, MLOperand> inputs = Checks.roles("input", input);
        Checks.inputLimits(op, label, inputs);
        Reduction reduction = reductionOutputSizes(op, label, input.shapeView(), options.axes().orElse(null),
                options.keepDimensions());
        Operation.Reduce reduce = new Operation.Reduce(Operation.Reduce.Kind.valueOf(op.name()), input.operand(), reduction.axes(),
                options.keepDimensions());
        return recorder.record(reduce, label,
                Checks.output(op, label, input.dataType(), reduction.shape()));
    }

    /** The spec's "create an argMin/argMax operation". */
    static MLOperand argMinMax(GraphRecorder recorder, Op op, MLOperand input, long axis, MLArgMinMaxOptions options) {
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        int checkedAxis = Checks.axis(op, label, "axis", axis, input.rank());
        MLOperandDataType outputDataType = options.outputDataType();
        Set<MLOperandDataType> allowed = allowedTypes(op, "output");
        if (!allowed.contains(outputDataType)) {
            throw Checks.typeError(op, label, "outputDataType " + outputDataType + " is not allowed (allowed: "
                    + Checks.names(allowed) + ")");
        }
        long dimension = input.shapeView()[checkedAxis];
        if (dimension > maxIndex(outputDataType)) {
            throw Checks.typeError(op, label, "input dimension " + dimension + " of axis " + axis
                    + " exceeds the maximum value of " + outputDataType);
        }
        Reduction reduction = reductionOutputSizes(op, label, input.shapeView(), new long[] {axis},
                options.keepDimensions());
        Operation.ArgMinMax argMinMax = new Operation.ArgMinMax(Operation.ArgMinMax.Kind.valueOf(op.name()), input.operand(),
                checkedAxis, options.keepDimensions(), outputDataType);
        return recorder.record(argMinMax, label,
                Checks.output(op, label, outputDataType, reduction.shape()));
    }

    /** The spec's cumulativeSum method steps: the output has the input's data type and shape. */
    static MLOperand cumulativeSum(GraphRecorder recorder, MLOperand input, long axis, MLCumulativeSumOptions options) {
        Op op = Op.CUMULATIVE_SUM;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        Checks.inputLimits(op, label, Checks.roles("input", input));
        int checkedAxis = Checks.axis(op, label, "axis", axis, input.rank());
        return recorder.record(new Operation.CumulativeSum(input.operand(), checkedAxis, options.exclusive(),
                options.reversed()), label, input.descriptor());
    }

    /** The allowed data types of one role of an operation's tensor-limits table. */
    private static Set<MLOperandDataType> allowedTypes(Op op, String role) {
        return TensorLimits.TABLE.get(op).stream()
                .filter(row -> row.role().equals(role))
                .findFirst()
                .orElseThrow()
                .types()
                .allowed();
    }

    /** The maximum value of an index data type allowed for argMin/argMax (int32, int64). */
    private static long maxIndex(MLOperandDataType type) {
        return type == MLOperandDataType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }
}
