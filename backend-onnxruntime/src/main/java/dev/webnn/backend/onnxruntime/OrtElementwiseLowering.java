package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;

import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Binary;
import dev.webnn.graph.Operation.Cast;
import dev.webnn.graph.Operation.Clamp;
import dev.webnn.graph.Operation.LogicalBinary;
import dev.webnn.graph.Operation.LogicalUnary;
import dev.webnn.graph.Operation.Unary;
import dev.webnn.graph.Operation.Where;
import dev.webnn.spi.SupportLimitsBuilder;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * ONNX lowering of the element-wise WebNN operators: binary arithmetic, comparisons and
 * logical operators, unary operators, cast, clamp and where.
 *
 * <p>WebNN's booleans are uint8 tensors where non-zero is true; ONNX compares and combines
 * bool tensors, so logical inputs are cast to bool and every bool result is cast to uint8
 * (0 or 1). Where ONNX Runtime's CPU execution provider has no kernel for a data type, the
 * operator is computed in a carrier type that represents it exactly and the result is cast
 * back ({@link #carried}): max and min of int8/uint8 in int32; pow of int8/uint8 in int32, of
 * uint32 in int64 and of uint64 in double; where of int8/uint32/uint64 in the integer type of
 * the same width (a selection moves bits unchanged). Integer division by zero and the
 * overflowing {@code MIN / -1} trap in ONNX Runtime's kernel and would end the process, so
 * integer division goes through a guard that divides by 1 there instead ({@link #div}).
 *
 * <p>ONNX Runtime's int64 Min, Max and Clip kernels order values beyond the int32 range wrongly
 * once a tensor has two or more elements (their vectorised path; e.g. {@code Min([4e9, 4e9], 2)
 * = [4e9, 4e9]}, {@code Clip([4e9, 4e9], 0, 2) = [0, 0]}), so int64 max, min and clamp compare
 * and select instead ({@link #replaceWhere}); the other types keep Max, Min and Clip, which are
 * right for them up to their limits.
 *
 * <p>Also holds the element-wise compositions the other families share: {@link #carried} and
 * {@link #replaceWhere}.
 */
final class OrtElementwiseLowering {

    /** max and min of bytes: int32 holds every value, and the chosen value casts back unchanged. */
    private static final Map<MLOperandDataType, Integer> BYTES_IN_INT32 =
            Map.of(INT8, OnnxTypes.of(INT32), UINT8, OnnxTypes.of(INT32));
    /**
     * pow of the types without an ONNX Runtime kernel. Bytes and uint32 go to a signed type
     * holding them, and casting back keeps the low bits as the narrower type's arithmetic
     * wraps; uint64 goes to double, which is how ONNX Runtime's own int64 Pow computes
     * (exact up to 2<sup>53</sup>).
     */
    private static final Map<MLOperandDataType, Integer> POW_CARRIERS = Map.of(INT8, OnnxTypes.of(INT32),
            UINT8, OnnxTypes.of(INT32), UINT32, OnnxTypes.of(INT64), UINT64, OnnxTypes.DOUBLE);
    /** where only selects: the same-width type with a kernel carries the bits unchanged. */
    private static final Map<MLOperandDataType, Integer> WHERE_CARRIERS =
            Map.of(INT8, OnnxTypes.of(UINT8), UINT32, OnnxTypes.of(INT32), UINT64, OnnxTypes.of(INT64));
    /**
     * The ONNX element types whose ONNX Runtime Min, Max and Clip kernels give wrong results:
     * int64 beyond the int32 range (ONNX Runtime 1.23.2 on x86-64, see Quantco/ndonnx#154).
     */
    private static final Set<Integer> MISORDERED = Set.of(OnnxTypes.of(INT64));

    private OrtElementwiseLowering() {
    }

    /** add, sub, mul, div, max, min, pow. */
    static void binary(Binary op, Node node, OrtLowering lowering) {
        switch (op.kind()) {
            case ADD -> carried(Map.of(), binaryBody("Add", op), node, lowering);
            case SUB -> carried(Map.of(), binaryBody("Sub", op), node, lowering);
            case MUL -> carried(Map.of(), binaryBody("Mul", op), node, lowering);
            case DIV -> div(op, node, lowering);
            case MAX -> carried(BYTES_IN_INT32, extremum("Max", "Less", op), node, lowering);
            case MIN -> carried(BYTES_IN_INT32, extremum("Min", "Greater", op), node, lowering);
            case POW -> carried(POW_CARRIERS, binaryBody("Pow", op), node, lowering);
        }
    }

    /** The comparisons and binary logical operators. */
    static void logical(LogicalBinary op, Node node, OrtLowering lowering) {
        List<Operand> inputs = List.of(op.a(), op.b());
        switch (op.kind()) {
            case EQUAL -> predicate("Equal", inputs, false, false, node, lowering);
            case NOT_EQUAL -> predicate("Equal", inputs, false, true, node, lowering);
            case GREATER -> predicate("Greater", inputs, false, false, node, lowering);
            case GREATER_OR_EQUAL -> predicate("GreaterOrEqual", inputs, false, false, node, lowering);
            case LESSER -> predicate("Less", inputs, false, false, node, lowering);
            case LESSER_OR_EQUAL -> predicate("LessOrEqual", inputs, false, false, node, lowering);
            case LOGICAL_AND -> predicate("And", inputs, true, false, node, lowering);
            case LOGICAL_OR -> predicate("Or", inputs, true, false, node, lowering);
            case LOGICAL_XOR -> predicate("Xor", inputs, true, false, node, lowering);
        }
    }

    /** logicalNot, isNaN, isInfinite. */
    static void logical(LogicalUnary op, Node node, OrtLowering lowering) {
        List<Operand> inputs = List.of(op.a());
        switch (op.kind()) {
            case LOGICAL_NOT -> predicate("Not", inputs, true, false, node, lowering);
            case IS_NAN -> predicate("IsNaN", inputs, false, false, node, lowering);
            case IS_INFINITE -> predicate("IsInf", inputs, false, false, node, lowering);
        }
    }

    /** The element-wise unary operators; the activations of the family are in {@link OrtActivationLowering}. */
    static void unary(Unary op, Node node, OrtLowering lowering) {
        switch (op.kind()) {
            case ABS -> unary("Abs", op.input(), node, lowering);
            case CEIL -> unary("Ceil", op.input(), node, lowering);
            case COS -> unary("Cos", op.input(), node, lowering);
            case ERF -> unary("Erf", op.input(), node, lowering);
            case EXP -> unary("Exp", op.input(), node, lowering);
            case FLOOR -> unary("Floor", op.input(), node, lowering);
            case IDENTITY -> unary("Identity", op.input(), node, lowering);
            case LOG -> unary("Log", op.input(), node, lowering);
            case NEG -> unary("Neg", op.input(), node, lowering);
            case RECIPROCAL -> unary("Reciprocal", op.input(), node, lowering);
            case ROUND_EVEN -> unary("Round", op.input(), node, lowering);
            case SIGN -> unary("Sign", op.input(), node, lowering);
            case SIN -> unary("Sin", op.input(), node, lowering);
            case SQRT -> unary("Sqrt", op.input(), node, lowering);
            case TAN -> unary("Tan", op.input(), node, lowering);
            case GELU, HARD_SWISH, RELU, SIGMOID, SOFTPLUS, SOFTSIGN, TANH -> OrtActivationLowering.unary(op, node, lowering);
        }
    }

    /** cast: ONNX Cast to the target type. */
    static void cast(Cast op, Node node, OrtLowering lowering) {
        lowering.model().cast(lowering.name(op.input()), OnnxTypes.of(op.dataType()), lowering.output(node));
    }

    /** where: ONNX Where on the condition cast to bool, in a carrier type where needed. */
    static void where(Where op, Node node, OrtLowering lowering) {
        carried(WHERE_CARRIERS, (model, input, type, output) -> model.node("Where",
                List.of(model.cast(input.apply(op.condition()), OnnxTypes.BOOL), input.apply(op.trueValue()),
                        input.apply(op.falseValue())), output), node, lowering);
    }

    /**
     * Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run:
     * isNaN and isInfinite take only the floating-point types the builder accepts (the
     * spec's table says "any", its algorithm float32 and float16).
     */
    static SupportLimitsBuilder narrow(SupportLimitsBuilder limits) {
        for (Op op : List.of(Op.IS_NAN, Op.IS_INFINITE)) {
            limits.retainDataTypes(op.specName(), EnumSet.of(FLOAT32, FLOAT16), "a");
        }
        return limits;
    }

    /**
     * Emits the nodes of an operator computed in some data type.
     */
    @FunctionalInterface
    interface Body {

        /**
         * Emits the computation.
         *
         * @param model the model under construction
         * @param input the value name of an input of the node, in the computation's type
         *     when it is of the node's data type
         * @param onnxType the ONNX element type the computation runs in
         * @param output the value name to write the result to, of {@code onnxType}
         */
        void emit(OrtModelBuilder model, Function<Operand, String> input, int onnxType, String output);
    }

    /**
     * An operator computed in a carrier type when ONNX Runtime has no kernel for the node's
     * data type (its output's): the inputs of that type are cast to the carrier, the body
     * runs in it, and the result is cast back. Without a carrier the body runs as is.
     *
     * @param carriers the ONNX element type carrying each data type that needs one
     * @param body the computation
     * @param node the node
     * @param lowering the model under construction
     */
    static void carried(Map<MLOperandDataType, Integer> carriers, Body body, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = node.output().descriptor().dataType();
        Integer carrier = carriers.get(type);
        if (carrier == null) {
            body.emit(model, lowering::name, OnnxTypes.of(type), lowering.output(node));
            return;
        }
        Map<Integer, String> carried = new HashMap<>();
        Function<Operand, String> input = operand -> operand.descriptor().dataType() != type
                ? lowering.name(operand)
                : carried.computeIfAbsent(operand.id(), id -> model.cast(lowering.name(operand), carrier));
        String result = model.temporary("carried");
        body.emit(model, input, carrier, result);
        model.cast(result, OnnxTypes.of(type), lowering.output(node));
    }

    /**
     * A single-input WebNN operator with an ONNX equivalent.
     *
     * @param onnx the ONNX operator
     * @param input the input
     * @param node the node
     * @param lowering the model under construction
     * @param attributes the ONNX attributes
     */
    static void unary(String onnx, Operand input, Node node, OrtLowering lowering, OrtAttribute... attributes) {
        lowering.model().node(onnx, List.of(lowering.name(input)), lowering.output(node), attributes);
    }

    /** A WebNN binary operator with an ONNX equivalent of the same semantics. */
    private static Body binaryBody(String onnx, Binary op) {
        return (model, input, type, output) -> model.node(onnx, List.of(input.apply(op.a()), input.apply(op.b())), output);
    }

    /**
     * An ONNX operator with a bool result, cast to WebNN's uint8 0/1.
     *
     * @param onnx the ONNX operator, over {@code operands}
     * @param operands the node's inputs in argument order
     * @param boolInputs whether the inputs are WebNN booleans (uint8) to cast to bool first
     * @param negated whether the result is negated (notEqual is Not(Equal))
     */
    private static void predicate(String onnx, List<Operand> operands, boolean boolInputs, boolean negated, Node node,
                                  OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        List<String> inputs = operands.stream()
                .map(operand -> boolInputs ? model.cast(lowering.name(operand), OnnxTypes.BOOL) : lowering.name(operand))
                .toList();
        String result = model.intermediate(onnx, inputs);
        if (negated) {
            result = model.intermediate("Not", List.of(result));
        }
        model.cast(result, OnnxTypes.of(UINT8), lowering.output(node));
    }

    /**
     * max or min: the ONNX operator, or for the {@link #MISORDERED} types {@code a} replaced by
     * {@code b} where {@code a} compares as {@code replaced} to it (max: Less, min: Greater).
     */
    private static Body extremum(String onnx, String replaced, Binary op) {
        return (model, input, type, output) -> {
            if (MISORDERED.contains(type)) {
                replaceWhere(model, replaced, input.apply(op.a()), input.apply(op.b()), output);
            } else {
                model.node(onnx, List.of(input.apply(op.a()), input.apply(op.b())), output);
            }
        };
    }

    /**
     * clamp: ONNX Clip with the bounds, already cast to the input's type, as scalar inputs; for
     * the {@link #MISORDERED} types the lower bound replaces smaller values, then the upper bound
     * larger ones.
     */
    static void clamp(Clamp op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = op.input().descriptor().dataType();
        String input = lowering.name(op.input());
        String min = model.scalar(type, op.minValue());
        String max = model.scalar(type, op.maxValue());
        if (MISORDERED.contains(OnnxTypes.of(type))) {
            replaceWhere(model, "Greater", replaceWhere(model, "Less", input, min), max, lowering.output(node));
        } else {
            model.node("Clip", List.of(input, min, max), lowering.output(node));
        }
    }

    /**
     * A one-sided clamp by comparison and selection, exact for every type with a Where kernel:
     * {@code Where(comparison(value, bound), bound, value)}, broadcasting both ways.
     *
     * @param model the model under construction
     * @param comparison the ONNX comparison true where {@code bound} replaces the value, e.g.
     *     {@code "Less"} for a lower bound
     * @param value the value name
     * @param bound the bound's value name
     * @return the name of the clamped value
     */
    static String replaceWhere(OrtModelBuilder model, String comparison, String value, String bound) {
        String result = model.temporary("clamped");
        replaceWhere(model, comparison, value, bound, result);
        return result;
    }

    /** {@link #replaceWhere(OrtModelBuilder, String, String, String)} writing {@code output}. */
    static void replaceWhere(OrtModelBuilder model, String comparison, String value, String bound, String output) {
        model.node("Where", List.of(model.intermediate(comparison, List.of(value, bound)), bound, value), output);
    }

    /**
     * div: floating-point types divide directly. Integer types divide by a guarded divisor,
     * since ONNX Runtime's integer Div traps (and ends the process) on the two divisions x86
     * cannot do: by 0, and the signed minimum by -1. There the divisor becomes 1, giving the
     * dividend: for {@code MIN / -1} that is the wrapped quotient, for {@code x / 0} a value
     * WebNN leaves unspecified. The divisor is {@code b + trap * (1 - b)} with {@code trap} 0 or 1,
     * so that only Add, Sub, Mul and Cast run in the data type, which have kernels for all.
     */
    private static void div(Binary op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = node.output().descriptor().dataType();
        String a = lowering.name(op.a());
        String b = lowering.name(op.b());
        if (type == FLOAT32 || type == FLOAT16) {
            model.node("Div", List.of(a, b), lowering.output(node));
            return;
        }
        String trap = model.intermediate("Equal", List.of(b, model.scalar(type, MLNumber.of(0))));
        if (type == INT8 || type == INT32 || type == INT64) {
            String overflow = model.intermediate("And", List.of(
                    model.intermediate("Equal", List.of(b, model.scalar(type, MLNumber.of(-1)))),
                    model.intermediate("Equal", List.of(a, model.scalar(type, MLNumber.of(Long.MIN_VALUE))))));
            trap = model.intermediate("Or", List.of(trap, overflow));
        }
        String gap = model.intermediate("Sub", List.of(model.scalar(type, MLNumber.of(1)), b));
        String correction = model.intermediate("Mul", List.of(model.cast(trap, OnnxTypes.of(type)), gap));
        String divisor = model.intermediate("Add", List.of(b, correction));
        model.node("Div", List.of(a, divisor), lowering.output(node));
    }
}
