package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;

import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operation.ArgMinMax;
import dev.webnn.graph.Operation.CumulativeSum;
import dev.webnn.graph.Operation.Reduce;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * ONNX lowering of the reduction, argMin/argMax and cumulativeSum operators.
 *
 * <p>The reductions map to ONNX's {@code Reduce*} operators with the axes as an input. WebNN's
 * empty {@code axes} (always the case for a scalar input) reduces nothing: the reduction is
 * applied to each value on its own, so it lowers to that per-value function (|x| for L1 and L2,
 * log x for logSum, x² for sumSquare, the value itself otherwise) rather than to ONNX's
 * {@code noop_with_empty_axes}, which returns the input unchanged.
 *
 * <p>ONNX Runtime's CPU kernels of these operators lack uint32 and uint64; such inputs are
 * computed on int64 values, exactly: sums, products and prefix sums are congruent modulo 2^32
 * or 2^64 after truncating back, and the order-based operators (max, min, argMin, argMax) see
 * uint64 values with their sign bit flipped, whose signed order is the unsigned one. The L1 norm
 * of unsigned values is their sum. float16 inputs run on ONNX Runtime's float16 support, which
 * casts to float32 around kernels that lack it.
 */
final class OrtReductionLowering {

    private OrtReductionLowering() {
    }

    /** The reductions. */
    static void reduce(Reduce op, Node node, OrtLowering lowering) {
        switch (op.kind()) {
            case REDUCE_L1 -> {
                if (isUnsigned(op.input().descriptor().dataType())) {
                    reduce("ReduceSum", null, false, op, node, lowering);
                } else {
                    reduce("ReduceL1", "Abs", false, op, node, lowering);
                }
            }
            case REDUCE_L2 -> reduce("ReduceL2", "Abs", false, op, node, lowering);
            case REDUCE_LOG_SUM -> reduce("ReduceLogSum", "Log", false, op, node, lowering);
            case REDUCE_LOG_SUM_EXP -> reduce("ReduceLogSumExp", null, false, op, node, lowering);
            case REDUCE_MAX -> reduce("ReduceMax", null, true, op, node, lowering);
            case REDUCE_MEAN -> reduce("ReduceMean", null, false, op, node, lowering);
            case REDUCE_MIN -> reduce("ReduceMin", null, true, op, node, lowering);
            case REDUCE_PRODUCT -> reduce("ReduceProd", null, false, op, node, lowering);
            case REDUCE_SUM -> reduce("ReduceSum", null, false, op, node, lowering);
            case REDUCE_SUM_SQUARE -> reduce("ReduceSumSquare", "Mul", false, op, node, lowering);
        }
    }

    /**
     * A reduction.
     *
     * @param onnx the ONNX reduction
     * @param single the ONNX operator applied to each value when no axis is reduced: unary, or
     *     {@code "Mul"} for the square; {@code null} for the value itself
     * @param ordered whether the result is chosen by the order of the values (max, min)
     */
    private static void reduce(String onnx, String single, boolean ordered, Reduce op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        long[] axes = Arrays.stream(op.axes()).asLongStream().toArray();
        String input = lowering.name(op.input());
        String output = lowering.output(node);
        if (axes.length == 0 && single == null) {
            model.node("Identity", List.of(input), output);
            return;
        }
        onSupportedType(model, op.input().descriptor().dataType(), ordered, input, output, (x, y) -> {
            if (axes.length == 0) {
                model.node(single, single.equals("Mul") ? List.of(x, x) : List.of(x), y);
            } else {
                model.node(onnx, List.of(x, model.int64s(axes)), y, keepDimensions(op.keepDimensions()));
            }
        });
    }

    /** argMin, argMax: ONNX ArgMin or ArgMax, cast to the index type. */
    static void argMinMax(ArgMinMax op, Node node, OrtLowering lowering) {
        String onnx = switch (op.kind()) {
            case ARG_MIN -> "ArgMin";
            case ARG_MAX -> "ArgMax";
        };
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = op.input().descriptor().dataType();
        String input = lowering.name(op.input());
        String values = isUnsigned(type) ? toInt64(model, input, type, true) : input;
        MLOperandDataType indexType = node.output().descriptor().dataType();
        String indices = indexType == INT64 ? lowering.output(node) : model.temporary(onnx);
        model.node(onnx, List.of(values), indices, OrtAttribute.integer("axis", op.axis()),
                keepDimensions(op.keepDimensions()), OrtAttribute.integer("select_last_index", 0));
        if (indexType != INT64) {
            model.cast(indices, OnnxTypes.of(indexType), lowering.output(node));
        }
    }

    /** cumulativeSum: ONNX CumSum. */
    static void cumulativeSum(CumulativeSum op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        String axis = model.scalar(INT64, MLNumber.of(op.axis()));
        onSupportedType(model, op.input().descriptor().dataType(), false, lowering.name(op.input()),
                lowering.output(node), (x, y) -> model.node("CumSum", List.of(x, axis), y,
                        OrtAttribute.integer("exclusive", op.exclusive() ? 1 : 0),
                        OrtAttribute.integer("reverse", op.reversed() ? 1 : 0)));
    }

    /**
     * Emits {@code body} from {@code input} to {@code output}, on int64 values when the type is
     * uint32 or uint64, which ONNX Runtime's kernels of this family lack.
     */
    private static void onSupportedType(OrtModelBuilder model, MLOperandDataType type, boolean ordered, String input,
                                        String output, BiConsumer<String, String> body) {
        if (isUnsigned(type)) {
            onInt64(model, type, ordered, input, output, body);
        } else {
            body.accept(input, output);
        }
    }

    /**
     * Emits {@code body} on int64 values and casts its result back to {@code type}: exact for
     * integer types, whose values int64 holds (uint64's as the same bits, so that wrapping
     * arithmetic agrees modulo 2^64).
     *
     * @param model the model
     * @param type the integer type of {@code input} and {@code output}
     * @param ordered whether {@code body} depends on the order of the values rather than on
     *     their arithmetic; then uint64 values get their sign bit flipped on the way in and out
     * @param input the input value name
     * @param output the output value name
     * @param body emits the computation from an int64 value name to another
     */
    static void onInt64(OrtModelBuilder model, MLOperandDataType type, boolean ordered, String input, String output,
                        BiConsumer<String, String> body) {
        String result = model.temporary("int64");
        body.accept(toInt64(model, input, type, ordered), result);
        String value = ordered && type == UINT64 ? flipSign(model, result) : result;
        model.cast(value, OnnxTypes.of(type), output);
    }

    /** An int64 value of an integer input; see {@link #onInt64}. */
    private static String toInt64(OrtModelBuilder model, String input, MLOperandDataType type, boolean ordered) {
        String wide = model.cast(input, OnnxTypes.of(INT64));
        return ordered && type == UINT64 ? flipSign(model, wide) : wide;
    }

    /** int64 bits with the sign bit flipped: maps uint64's order onto int64's, and back. */
    private static String flipSign(OrtModelBuilder model, String int64) {
        return model.intermediate("BitwiseXor", List.of(int64, model.scalar(INT64, MLNumber.of(Long.MIN_VALUE))));
    }

    private static OrtAttribute keepDimensions(boolean keepDimensions) {
        return OrtAttribute.integer("keepdims", keepDimensions ? 1 : 0);
    }

    private static boolean isUnsigned(MLOperandDataType type) {
        return type == UINT32 || type == UINT64;
    }
}
