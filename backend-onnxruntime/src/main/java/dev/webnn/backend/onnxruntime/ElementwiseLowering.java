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
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTensorLimits;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
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
 * <p>Also holds the helpers the other families share: {@link #unary}, {@link #carried},
 * {@link #cast}, {@link #intermediate} and {@link #replaceWhere}.
 */
final class ElementwiseLowering {

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

    private ElementwiseLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, OpLowering> map) {
        map.put(Op.ADD, binary("Add"));
        map.put(Op.SUB, binary("Sub"));
        map.put(Op.MUL, binary("Mul"));
        map.put(Op.DIV, ElementwiseLowering::div);
        map.put(Op.MAX, carried(BYTES_IN_INT32, extremum("Max", "Less")));
        map.put(Op.MIN, carried(BYTES_IN_INT32, extremum("Min", "Greater")));
        map.put(Op.POW, carried(POW_CARRIERS, binaryBody("Pow")));

        map.put(Op.EQUAL, predicate("Equal", false, false));
        map.put(Op.NOT_EQUAL, predicate("Equal", false, true));
        map.put(Op.GREATER, predicate("Greater", false, false));
        map.put(Op.GREATER_OR_EQUAL, predicate("GreaterOrEqual", false, false));
        map.put(Op.LESSER, predicate("Less", false, false));
        map.put(Op.LESSER_OR_EQUAL, predicate("LessOrEqual", false, false));
        map.put(Op.LOGICAL_AND, predicate("And", true, false));
        map.put(Op.LOGICAL_OR, predicate("Or", true, false));
        map.put(Op.LOGICAL_XOR, predicate("Xor", true, false));
        map.put(Op.LOGICAL_NOT, predicate("Not", true, false));
        map.put(Op.IS_NAN, predicate("IsNaN", false, false));
        map.put(Op.IS_INFINITE, predicate("IsInf", false, false));

        map.put(Op.ABS, unary("Abs"));
        map.put(Op.CEIL, unary("Ceil"));
        map.put(Op.COS, unary("Cos"));
        map.put(Op.ERF, unary("Erf"));
        map.put(Op.EXP, unary("Exp"));
        map.put(Op.FLOOR, unary("Floor"));
        map.put(Op.IDENTITY, unary("Identity"));
        map.put(Op.LOG, unary("Log"));
        map.put(Op.NEG, unary("Neg"));
        map.put(Op.RECIPROCAL, unary("Reciprocal"));
        map.put(Op.ROUND_EVEN, unary("Round"));
        map.put(Op.SIGN, unary("Sign"));
        map.put(Op.SIN, unary("Sin"));
        map.put(Op.SQRT, unary("Sqrt"));
        map.put(Op.TAN, unary("Tan"));

        map.put(Op.CAST, (node, lowering) -> cast(lowering.model(), lowering.input(node, "input"),
                OnnxTypes.of(node.attributes().enumValue("dataType", MLOperandDataType.class)), lowering.output(node)));
        map.put(Op.CLAMP, ElementwiseLowering::clamp);
        map.put(Op.WHERE, carried(WHERE_CARRIERS, (model, input, type, output) -> model.node("Where",
                List.of(cast(model, input.apply("condition"), OnnxTypes.BOOL), input.apply("trueValue"),
                        input.apply("falseValue")), output)));
    }

    /**
     * Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run:
     * isNaN and isInfinite take only the floating-point types the builder accepts (the
     * spec's table says "any", its algorithm float32 and float16).
     */
    static MLOpSupportLimits narrow(MLOpSupportLimits limits) {
        MLOpSupportLimits narrowed = limits;
        for (Op op : List.of(Op.IS_NAN, Op.IS_INFINITE)) {
            if (narrowed.operator(op.specName()).isPresent()) {
                MLTensorLimits a = narrowed.operator(op.specName()).orElseThrow().get("a");
                narrowed = narrowed.withOperand(op.specName(), "a",
                        new MLTensorLimits(EnumSet.of(FLOAT32, FLOAT16), a.rankRange()));
            }
        }
        return narrowed;
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
         * @param input the value name of the node's input of a role, in the computation's type
         *     when it is of the node's data type
         * @param onnxType the ONNX element type the computation runs in
         * @param output the value name to write the result to, of {@code onnxType}
         */
        void emit(OrtModelBuilder model, Function<String, String> input, int onnxType, String output);
    }

    /**
     * An operator computed in a carrier type when ONNX Runtime has no kernel for the node's
     * data type (its output's): the inputs of that type are cast to the carrier, the body
     * runs in it, and the result is cast back. Without a carrier the body runs as is.
     *
     * @param carriers the ONNX element type carrying each data type that needs one
     * @param body the computation
     * @return the lowering
     */
    static OpLowering carried(Map<MLOperandDataType, Integer> carriers, Body body) {
        return (node, lowering) -> {
            OrtModelBuilder model = lowering.model();
            MLOperandDataType type = node.output().descriptor().dataType();
            Integer carrier = carriers.get(type);
            if (carrier == null) {
                body.emit(model, role -> lowering.input(node, role), OnnxTypes.of(type), lowering.output(node));
                return;
            }
            Map<String, String> carried = new HashMap<>();
            Function<String, String> input = role -> node.input(role).descriptor().dataType() != type
                    ? lowering.input(node, role)
                    : carried.computeIfAbsent(role, r -> cast(model, lowering.input(node, r), carrier));
            String result = model.temporary("carried");
            body.emit(model, input, carrier, result);
            cast(model, result, OnnxTypes.of(type), lowering.output(node));
        };
    }

    /**
     * A single-input WebNN operator (role {@code "input"}) with an ONNX equivalent whose
     * float attributes have the same names and meaning as the node's real attributes.
     *
     * @param onnx the ONNX operator
     * @param realAttributes names of the node's real attributes passed on, e.g. {@code "alpha"}
     * @return the lowering
     */
    static OpLowering unary(String onnx, String... realAttributes) {
        return (node, lowering) -> {
            OrtAttribute[] attributes = new OrtAttribute[realAttributes.length];
            for (int i = 0; i < realAttributes.length; i++) {
                attributes[i] = OrtAttribute.real(realAttributes[i], node.attributes().real(realAttributes[i]));
            }
            lowering.model().node(onnx, List.of(lowering.input(node, "input")), lowering.output(node), attributes);
        };
    }

    /**
     * Casts a value to another ONNX element type.
     *
     * @param model the model under construction
     * @param value the value name
     * @param onnxType the target {@code ONNXTensorElementDataType}
     * @return the name of the cast value
     */
    static String cast(OrtModelBuilder model, String value, int onnxType) {
        return intermediate(model, "Cast", List.of(value), to(onnxType));
    }

    /** Casts a value to another ONNX element type, writing {@code output}. */
    static void cast(OrtModelBuilder model, String value, int onnxType, String output) {
        model.node("Cast", List.of(value), output, to(onnxType));
    }

    /**
     * Adds a single-output node whose result is an intermediate value of a composition.
     *
     * @param model the model under construction
     * @param onnx the ONNX operator
     * @param inputs its input value names
     * @param attributes its attributes
     * @return the fresh name of its output
     */
    static String intermediate(OrtModelBuilder model, String onnx, List<String> inputs, OrtAttribute... attributes) {
        String result = model.temporary(onnx);
        model.node(onnx, inputs, result, attributes);
        return result;
    }

    /** The {@code to} attribute of a Cast node. */
    private static OrtAttribute to(int onnxType) {
        return OrtAttribute.integer("to", onnxType);
    }

    /** A WebNN binary operator with an ONNX equivalent of the same semantics. */
    private static OpLowering binary(String onnx) {
        return carried(Map.of(), binaryBody(onnx));
    }

    private static Body binaryBody(String onnx) {
        return (model, input, type, output) -> model.node(onnx, List.of(input.apply("a"), input.apply("b")), output);
    }

    /**
     * An ONNX operator with a bool result, cast to WebNN's uint8 0/1.
     *
     * @param onnx the ONNX operator, over the node's inputs in role order
     * @param boolInputs whether the inputs are WebNN booleans (uint8) to cast to bool first
     * @param negated whether the result is negated (notEqual is Not(Equal))
     */
    private static OpLowering predicate(String onnx, boolean boolInputs, boolean negated) {
        return (node, lowering) -> {
            OrtModelBuilder model = lowering.model();
            List<String> inputs = node.inputs().keySet().stream()
                    .map(role -> boolInputs ? cast(model, lowering.input(node, role), OnnxTypes.BOOL) : lowering.input(node, role))
                    .toList();
            String result = intermediate(model, onnx, inputs);
            if (negated) {
                result = intermediate(model, "Not", List.of(result));
            }
            cast(model, result, OnnxTypes.of(UINT8), lowering.output(node));
        };
    }

    /**
     * max or min: the ONNX operator, or for the {@link #MISORDERED} types {@code a} replaced by
     * {@code b} where {@code a} compares as {@code replaced} to it (max: Less, min: Greater).
     */
    private static Body extremum(String onnx, String replaced) {
        return (model, input, type, output) -> {
            if (MISORDERED.contains(type)) {
                replaceWhere(model, replaced, input.apply("a"), input.apply("b"), output);
            } else {
                model.node(onnx, List.of(input.apply("a"), input.apply("b")), output);
            }
        };
    }

    /**
     * clamp: ONNX Clip with the bounds, already cast to the input's type, as scalar inputs; for
     * the {@link #MISORDERED} types the lower bound replaces smaller values, then the upper bound
     * larger ones.
     */
    private static void clamp(Node node, Lowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = node.input("input").descriptor().dataType();
        String input = lowering.input(node, "input");
        String min = model.scalar(type, node.attributes().number("minValue"));
        String max = model.scalar(type, node.attributes().number("maxValue"));
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
        model.node("Where", List.of(intermediate(model, comparison, List.of(value, bound)), bound, value), output);
    }

    /**
     * div: floating-point types divide directly. Integer types divide by a guarded divisor,
     * since ONNX Runtime's integer Div traps (and ends the process) on the two divisions x86
     * cannot do: by 0, and the signed minimum by -1. There the divisor becomes 1, giving the
     * dividend: for {@code MIN / -1} that is the wrapped quotient, for {@code x / 0} a value
     * WebNN leaves unspecified. The divisor is {@code b + trap * (1 - b)} with {@code trap} 0 or 1,
     * so that only Add, Sub, Mul and Cast run in the data type, which have kernels for all.
     */
    private static void div(Node node, Lowering lowering) {
        OrtModelBuilder model = lowering.model();
        MLOperandDataType type = node.output().descriptor().dataType();
        String a = lowering.input(node, "a");
        String b = lowering.input(node, "b");
        if (type == FLOAT32 || type == FLOAT16) {
            model.node("Div", List.of(a, b), lowering.output(node));
            return;
        }
        String trap = intermediate(model, "Equal", List.of(b, model.scalar(type, MLNumber.of(0))));
        if (type == INT8 || type == INT32 || type == INT64) {
            String overflow = intermediate(model, "And", List.of(
                    intermediate(model, "Equal", List.of(b, model.scalar(type, MLNumber.of(-1)))),
                    intermediate(model, "Equal", List.of(a, model.scalar(type, MLNumber.of(Long.MIN_VALUE))))));
            trap = intermediate(model, "Or", List.of(trap, overflow));
        }
        String gap = intermediate(model, "Sub", List.of(model.scalar(type, MLNumber.of(1)), b));
        String correction = intermediate(model, "Mul", List.of(cast(model, trap, OnnxTypes.of(type)), gap));
        String divisor = intermediate(model, "Add", List.of(b, correction));
        model.node("Div", List.of(a, divisor), lowering.output(node));
    }
}
