package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validation and shape inference of the element-wise operations (spec: "Element-wise
 * binary operations", "Element-wise logical operations", "Element-wise unary
 * operations", cast, clamp, where).
 *
 * <p>{@link #unary(MLGraphBuilder, Op, MLOperand, String, Function)} is also the pattern of
 * the single-input activations of {@link ActivationOps}.
 */
final class ElementwiseOps {

    /** The data types the spec's isNaN and isInfinite steps accept. */
    private static final Set<MLOperandDataType> FLOATING_POINT =
            EnumSet.of(MLOperandDataType.FLOAT32, MLOperandDataType.FLOAT16);

    private ElementwiseOps() {
    }

    /** add, sub, mul, div, max, min, pow: same data type, bidirectional broadcast. */
    static MLOperand binary(GraphRecorder recorder, Op op, MLOperand a, MLOperand b, MLOperatorOptions options) {
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "a", a, "b", b);
        Map<String, MLOperand> inputs = Checks.roles("a", a, "b", b);
        Checks.inputLimits(op, label, inputs);
        long[] shape = broadcast(op, label, a.shapeView(), b.shapeView(), "");
        return recorder.record(new Operation.Binary(Operation.Binary.Kind.valueOf(op.name()), a.operand(), b.operand()), label,
                Checks.output(op, label, a.dataType(), shape));
    }

    /**
     * equal, notEqual, greater, greaterOrEqual, lesser, lesserOrEqual, logicalAnd,
     * logicalOr, logicalXor (spec: "create an element-wise logical operation" with
     * {@code b}): uint8 output of the broadcast shape.
     */
    static MLOperand logical(GraphRecorder recorder, Op op, MLOperand a, MLOperand b, MLOperatorOptions options) {
        return logical(recorder, op, a, b, true, options);
    }

    /** logicalNot, isNaN, isInfinite (the same algorithm without {@code b}): uint8 output of a's shape. */
    static MLOperand logical(GraphRecorder recorder, Op op, MLOperand a, MLOperatorOptions options) {
        return logical(recorder, op, a, null, false, options);
    }

    private static MLOperand logical(GraphRecorder recorder, Op op, MLOperand a, MLOperand b, boolean passesB,
                                     MLOperatorOptions options) {
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "a", a);
        // logicalNot/And/Or/Xor: a must be uint8 (the table's row for a)
        Checks.inputLimits(op, label, Checks.roles("a", a));
        if (op == Op.IS_NAN || op == Op.IS_INFINITE) {
            requireType(op, label, "a", a, FLOATING_POINT);
        }
        long[] shape;
        Operation operation;
        if (passesB) {
            recorder.validateOperands(op, label, "b", b);
            Checks.inputLimits(op, label, Checks.roles("a", a, "b", b));
            shape = broadcast(op, label, a.shapeView(), b.shapeView(), "");
            operation = new Operation.LogicalBinary(Operation.LogicalBinary.Kind.valueOf(op.name()), a.operand(), b.operand());
        } else {
            shape = a.shape();
            operation = new Operation.LogicalUnary(Operation.LogicalUnary.Kind.valueOf(op.name()), a.operand());
        }
        return recorder.record(operation, label, Checks.output(op, label, MLOperandDataType.UINT8, shape));
    }

    /**
     * abs, ceil, cos, erf, exp, floor, identity, log, neg, reciprocal, roundEven, sin, sign,
     * sqrt, tan (spec: "create an element-wise unary operation"; the allowed data types
     * passed by each method are the rows of the tensor-limits table).
     */
    static MLOperand unary(GraphRecorder recorder, Op op, MLOperand input, MLOperatorOptions options) {
        return unary(recorder, op, input, recorder.begin(op, options).label(),
                operand -> new Operation.Unary(Operation.Unary.Kind.valueOf(op.name()), operand.operand()));
    }

    /**
     * The pattern of every single-input operation whose output copies the input's
     * descriptor: validate the input, check its data type and rank against the table, then
     * make the operation (which may validate option values against the input).
     *
     * @param operation the operation given the validated input
     */
    static MLOperand unary(GraphRecorder recorder, Op op, MLOperand input, String label,
                           Function<MLOperand, Operation> operation) {
        recorder.validateOperands(op, label, "input", input);
        Checks.inputLimits(op, label, Checks.roles("input", input));
        Operation resolved = operation.apply(input);
        return recorder.record(resolved, label, Checks.output(op, label, input.dataType(), input.shape()));
    }

    /** cast: the input's shape with the target data type. */
    static MLOperand cast(GraphRecorder recorder, MLOperand input, MLOperandDataType dataType, MLOperatorOptions options) {
        Op op = Op.CAST;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "input", input);
        if (dataType == null) {
            throw Checks.typeError(op, label, "dataType is null");
        }
        MLOperandDescriptor output = Checks.output(op, label, dataType, input.shape());
        // the output row of the table: the target type must be allowed
        Checks.tensorLimits(op, label, Map.of("input", input.descriptor(), "output", output));
        return recorder.record(new Operation.Cast(input.operand(), dataType), label, output);
    }

    /**
     * clamp: both bounds cast to the input's data type, the absent lower bound being
     * -Infinity and the absent upper bound +Infinity; the lower must not exceed the upper.
     */
    static MLOperand clamp(GraphRecorder recorder, MLOperand input, MLClampOptions options) {
        Op op = Op.CLAMP;
        MLClampOptions clampOptions = recorder.begin(op, options);
        String label = clampOptions.label();
        return unary(recorder, op, input, label, operand -> {
            MLOperandDataType type = operand.dataType();
            MLNumber min = clampOptions.minValue().orElse(MLNumber.of(Double.NEGATIVE_INFINITY)).castTo(type);
            MLNumber max = clampOptions.maxValue().orElse(MLNumber.of(Double.POSITIVE_INFINITY)).castTo(type);
            if (greater(min, max, type)) {
                throw Checks.typeError(op, label, "minValue " + min + " is greater than maxValue " + max
                        + " (after casting to " + type + ")");
            }
            return new Operation.Clamp(operand.operand(), min, max);
        });
    }

    /** Whether {@code x > y} for two numbers already cast to {@code type} (false if either is NaN). */
    private static boolean greater(MLNumber x, MLNumber y, MLOperandDataType type) {
        return switch (type) {
            case FLOAT32, FLOAT16 -> x.doubleValue() > y.doubleValue();
            case UINT64 -> Long.compareUnsigned(x.longBits(), y.longBits()) > 0;
            default -> x.longBits() > y.longBits();
        };
    }

    /** where: trueValue's data type, shape of the broadcast of all three shapes. */
    static MLOperand where(GraphRecorder recorder, MLOperand condition, MLOperand trueValue, MLOperand falseValue,
                           MLOperatorOptions options) {
        Op op = Op.WHERE;
        String label = recorder.begin(op, options).label();
        recorder.validateOperands(op, label, "condition", condition, "trueValue", trueValue, "falseValue", falseValue);
        Map<String, MLOperand> inputs = Checks.roles("condition", condition, "trueValue", trueValue,
                "falseValue", falseValue);
        Checks.inputLimits(op, label, inputs);
        long[] values = broadcast(op, label, trueValue.shapeView(), falseValue.shapeView(), "trueValue and falseValue");
        long[] shape = broadcast(op, label, condition.shapeView(), values, "condition and the values");
        return recorder.record(new Operation.Where(condition.operand(), trueValue.operand(), falseValue.operand()), label,
                Checks.output(op, label, trueValue.dataType(), shape));
    }

    /**
     * The spec's "bidirectionally broadcast the shapes", failing with a TypeError.
     *
     * @param context which operands the shapes belong to, for the message; empty for a and b
     */
    static long[] broadcast(Op op, String label, long[] x, long[] y, String context) {
        long[] shape = Checks.broadcastBidirectional(x, y);
        if (shape == null) {
            throw Checks.typeError(op, label, "shapes " + Arrays.toString(x) + " and " + Arrays.toString(y)
                    + (context.isEmpty() ? "" : " of " + context) + " are not broadcastable");
        }
        return shape;
    }

    /** An algorithm step "if the data type is not one of ..., throw a TypeError". */
    private static void requireType(Op op, String label, String role, MLOperand operand, Set<MLOperandDataType> allowed) {
        if (!allowed.contains(operand.dataType())) {
            throw Checks.typeError(op, label, role + " data type " + operand.dataType() + " is not allowed (allowed: "
                    + Checks.names(allowed) + ")");
        }
    }
}
