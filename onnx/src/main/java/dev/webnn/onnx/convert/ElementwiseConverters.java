package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperatorOptions;
import dev.webnn.onnx.OnnxDataType;

import java.util.List;

/**
 * Element-wise ONNX operators: arithmetic, comparison, logic, unary math, Where, Cast and the
 * variadic Sum/Mean/Max/Min.
 */
final class ElementwiseConverters {

    /** A WebNN binary operator. */
    @FunctionalInterface
    private interface Binary {
        MLOperand apply(MLGraphBuilder builder, MLOperand a, MLOperand b, MLOperatorOptions options);
    }

    /** A WebNN unary operator. */
    @FunctionalInterface
    private interface Unary {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, MLOperatorOptions options);
    }

    private ElementwiseConverters() {
    }

    static void register(Registry registry) {
        binary(registry, "Add", "add", MLGraphBuilder::add);
        binary(registry, "Sub", "sub", MLGraphBuilder::sub);
        binary(registry, "Mul", "mul", MLGraphBuilder::mul);
        binary(registry, "Div", "div", MLGraphBuilder::div);
        binary(registry, "Equal", "equal", MLGraphBuilder::equal);
        binary(registry, "Greater", "greater", MLGraphBuilder::greater);
        binary(registry, "GreaterOrEqual", "greaterOrEqual", MLGraphBuilder::greaterOrEqual);
        binary(registry, "Less", "lesser", MLGraphBuilder::lesser);
        binary(registry, "LessOrEqual", "lesserOrEqual", MLGraphBuilder::lesserOrEqual);
        binary(registry, "And", "logicalAnd", MLGraphBuilder::logicalAnd);
        binary(registry, "Or", "logicalOr", MLGraphBuilder::logicalOr);
        binary(registry, "Xor", "logicalXor", MLGraphBuilder::logicalXor);
        registry.add("Pow", List.of("pow"), node -> node.output(0,
                node.builder().pow(node.operand(0), node.operand(1, node.operand(0).dataType()), node.options())));
        registry.add("Mod", List.of("sub", "mul", "div", "floor"), ElementwiseConverters::mod);
        variadic(registry, "Max", "max", MLGraphBuilder::max);
        variadic(registry, "Min", "min", MLGraphBuilder::min);
        variadic(registry, "Sum", "add", MLGraphBuilder::add);
        registry.add("Mean", List.of("add", "div"), node -> {
            MLOperand sum = reduce(node, MLGraphBuilder::add);
            MLOperand count = node.builder().constant(sum.dataType(), countOf(node));
            node.output(0, node.builder().div(sum, count, node.options()));
        });

        unary(registry, "Abs", "abs", MLGraphBuilder::abs);
        unary(registry, "Ceil", "ceil", MLGraphBuilder::ceil);
        unary(registry, "Cos", "cos", MLGraphBuilder::cos);
        unary(registry, "Erf", "erf", MLGraphBuilder::erf);
        unary(registry, "Exp", "exp", MLGraphBuilder::exp);
        unary(registry, "Floor", "floor", MLGraphBuilder::floor);
        unary(registry, "Log", "log", MLGraphBuilder::log);
        unary(registry, "Neg", "neg", MLGraphBuilder::neg);
        registry.add("Reciprocal", List.of("reciprocal|div"), node -> {
            MLOperand x = node.operand(0);
            MLGraphBuilder b = node.builder();
            node.output(0, node.backendHas("reciprocal") ? b.reciprocal(x, node.options())
                    : b.div(b.constant(x.dataType(), 1), x, node.options()));
        });
        unary(registry, "Round", "roundEven", MLGraphBuilder::roundEven);
        unary(registry, "Sign", "sign", MLGraphBuilder::sign);
        unary(registry, "Sin", "sin", MLGraphBuilder::sin);
        unary(registry, "Sqrt", "sqrt", MLGraphBuilder::sqrt);
        unary(registry, "Tan", "tan", MLGraphBuilder::tan);
        unary(registry, "Not", "logicalNot", MLGraphBuilder::logicalNot);
        unary(registry, "IsNaN", "isNaN", MLGraphBuilder::isNaN);
        unary(registry, "Identity", "identity", MLGraphBuilder::identity);
        registry.add("IsInf", List.of("isInfinite", "logicalAnd", "greater", "lesser"), ElementwiseConverters::isInf);
        registry.add("Sinh", List.of("exp", "sub", "mul"), node -> node.output(0, hyperbolic(node, true)));
        registry.add("Cosh", List.of("exp", "add", "mul"), node -> node.output(0, hyperbolic(node, false)));
        registry.add("Where", List.of("where"), node -> node.output(0, node.builder().where(
                node.operand(0, MLOperandDataType.UINT8), node.operand(1), node.operand(2), node.options())));
        registry.add("Cast", List.of("cast"), node -> node.output(0, cast(node, targetType(node))));
        registry.add("CastLike", List.of("cast"), node -> node.output(0, cast(node,
                OnnxDataType.fromCode(node.isConstant(1) ? node.constant(1).type().code()
                        : codeOf(node.operand(1).dataType())).orElseThrow())));
    }

    private static void binary(Registry registry, String opType, String webnn, Binary op) {
        registry.add(opType, List.of(webnn), node -> {
            MLOperand a = node.operand(0);
            node.output(0, op.apply(node.builder(), a, node.operand(1, a.dataType()), node.options()));
        });
    }

    private static void unary(Registry registry, String opType, String webnn, Unary op) {
        registry.add(opType, List.of(webnn), node -> node.output(0, op.apply(node.builder(), node.operand(0),
                node.options())));
    }

    private static void variadic(Registry registry, String opType, String webnn, Binary op) {
        registry.add(opType, List.of(webnn), node -> node.output(0, reduce(node, op)));
    }

    private static MLOperand reduce(OnnxNode node, Binary op) {
        MLOperand result = null;
        for (int i = 0; i < node.inputCount(); i++) {
            if (node.has(i)) {
                MLOperand next = node.operand(i);
                result = result == null ? next : op.apply(node.builder(), result, next, node.options());
            }
        }
        if (result == null) {
            throw node.unsupported("no inputs");
        }
        return node.inputCount() == 1 ? node.builder().identity(result, node.options()) : result;
    }

    private static int countOf(OnnxNode node) {
        int count = 0;
        for (int i = 0; i < node.inputCount(); i++) {
            count += node.has(i) ? 1 : 0;
        }
        return count;
    }

    /** fmod = 1: a - b·trunc(a / b) (sign of the dividend); fmod = 0: a - b·floor(a / b) (sign of the divisor). */
    private static void mod(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        MLOperand y = node.operand(1, x.dataType());
        boolean fmod = node.intAttribute("fmod", 0) == 1;
        if (!x.dataType().isFloatingPoint()) {
            if (fmod) {
                throw node.unsupported("integer Mod with fmod=1 is not expressible without truncating division");
            }
            MLOperand xf = b.cast(x, MLOperandDataType.FLOAT32);
            MLOperand yf = b.cast(y, MLOperandDataType.FLOAT32);
            MLOperand q = b.floor(b.div(xf, yf));
            node.output(0, b.cast(b.sub(xf, b.mul(yf, q)), x.dataType(), node.options()));
            return;
        }
        MLOperand ratio = b.div(x, y);
        MLOperand q = fmod ? b.mul(b.sign(ratio), b.floor(b.abs(ratio))) : b.floor(ratio);
        node.output(0, b.sub(x, b.mul(y, q), node.options()));
    }

    private static void isInf(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        boolean positive = node.intAttribute("detect_positive", 1) == 1;
        boolean negative = node.intAttribute("detect_negative", 1) == 1;
        MLOperand infinite = b.isInfinite(x);
        MLOperand zero = b.constant(x.dataType(), 0);
        if (positive && negative) {
            node.output(0, b.identity(infinite, node.options()));
        } else if (positive) {
            node.output(0, b.logicalAnd(infinite, b.greater(x, zero), node.options()));
        } else if (negative) {
            node.output(0, b.logicalAnd(infinite, b.lesser(x, zero), node.options()));
        } else {
            node.output(0, b.logicalAnd(infinite, b.isNaN(x), node.options()));
        }
    }

    private static MLOperand hyperbolic(OnnxNode node, boolean sine) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        MLOperand ex = b.exp(x);
        MLOperand emx = b.exp(b.neg(x));
        MLOperand half = b.constant(x.dataType(), 0.5);
        return b.mul(sine ? b.sub(ex, emx) : b.add(ex, emx), half, node.options());
    }

    private static OnnxDataType targetType(OnnxNode node) {
        long code = node.intAttribute("to", 0);
        return OnnxDataType.fromCode((int) code).orElseThrow(() -> node.unsupported("unknown target type " + code));
    }

    /** Casts input 0; bool targets become uint8 0/1 (x != 0). */
    static MLOperand cast(OnnxNode node, OnnxDataType target) {
        MLOperandDataType type = target.webnnType().orElseThrow(() -> node.unsupported("target type " + target
                + " has no WebNN equivalent"));
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        if (target == OnnxDataType.BOOL) {
            return b.notEqual(x, b.constant(x.dataType(), 0), node.options());
        }
        return b.cast(x, type, node.options());
    }

    private static int codeOf(MLOperandDataType type) {
        for (OnnxDataType onnx : OnnxDataType.values()) {
            if (onnx != OnnxDataType.BOOL && onnx.webnnType().orElse(null) == type) {
                return onnx.code();
            }
        }
        throw new IllegalArgumentException(type.toString());
    }
}
