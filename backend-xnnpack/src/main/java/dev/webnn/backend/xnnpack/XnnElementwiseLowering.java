package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Binary;
import dev.webnn.graph.Operation.Cast;
import java.util.Arrays;

/**
 * XNNPACK lowering of element-wise operators: the binary arithmetic operators (with
 * {@code pow}) and {@code cast}. They run in whatever layout their variable input is stored in; constant
 * operands are permuted to match at compile time.
 */
final class XnnElementwiseLowering {

    private XnnElementwiseLowering() {
    }

    /**
     * {@code cast} between the float types the backend runs: a convert node (float32 to
     * float16 rounds to nearest even, float16 to float32 is exact), or a copy when the types
     * are equal. The output keeps the input's layout.
     */
    static void cast(Cast op, Node node, XnnLowering lowering) {
        Operand input = op.input();
        XnnLowering.Value in = lowering.value(input);
        int out = lowering.define(node.output(), in.perm());
        if (input.descriptor().dataType() == node.output().descriptor().dataType()) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), in.id(), out, 0), "define a cast");
        } else {
            XnnStatus.check(Xnnpack.xnn_define_unary(lowering.subgraph().handle(), Xnnpack.xnn_unary_convert(), NULL,
                    in.id(), out, 0), "define a cast");
        }
    }

    /**
     * The element-wise binary arithmetic operators, each one binary node; {@code pow} by a
     * constant exponent of 2 that does not broadcast {@code a} is {@code a * a}, exact (rounded
     * once, as a correctly rounded {@code pow} gives) and much cheaper than XNNPACK's general
     * power.
     */
    static void binary(Binary op, Node node, XnnLowering lowering) {
        if (op.kind() == Binary.Kind.POW && isSquare(op, node, lowering)) {
            XnnLowering.Value in = lowering.value(op.a());
            int out = lowering.define(node.output(), in.perm());
            lowering.defineBinary(Xnnpack.xnn_binary_multiply(), in.id(), in.id(), out, node);
            return;
        }
        int type = switch (op.kind()) {
            case ADD -> Xnnpack.xnn_binary_add();
            case SUB -> Xnnpack.xnn_binary_subtract();
            case MUL -> Xnnpack.xnn_binary_multiply();
            case DIV -> Xnnpack.xnn_binary_divide();
            case MAX -> Xnnpack.xnn_binary_maximum();
            case MIN -> Xnnpack.xnn_binary_minimum();
            case POW -> Xnnpack.xnn_binary_pow();
        };
        binary(type, op.a(), op.b(), node, lowering);
    }

    /** Whether a pow raises a to a constant exponent of exactly 2 everywhere, keeping a's shape. */
    private static boolean isSquare(Binary op, Node node, XnnLowering lowering) {
        return lowering.graph().isConstant(op.b()) && !lowering.graph().isConstant(op.a())
                && Arrays.equals(op.a().descriptor().shape(), node.output().descriptor().shape())
                && Arrays.stream(lowering.constantValues(op.b())).allMatch(v -> v == 2);
    }

    /**
     * One binary node over two inputs, computed in the layout the variable inputs share.
     *
     * @param type an {@code xnn_binary_operator}
     * @param first the first input
     * @param second the second input
     * @param node the node
     * @param lowering the lowering
     */
    static void binary(int type, Operand first, Operand second, Node node, XnnLowering lowering) {
        int[] perm = sharedLayout(node, lowering);
        int a = operandIn(first, node, perm, lowering);
        int b = operandIn(second, node, perm, lowering);
        int out = lowering.define(node.output(), perm);
        lowering.defineBinary(type, a, b, out, node);
    }

    /**
     * The layout to compute in: that of the variable inputs when they all share one and have
     * the output's rank, else the logical layout.
     */
    static int[] sharedLayout(Node node, XnnLowering lowering) {
        int[] perm = null;
        boolean first = true;
        for (Operand input : lowering.variableInputs(node)) {
            int[] p = lowering.value(input).perm();
            if (input.descriptor().rank() != node.output().descriptor().rank() || (!first && !XnnLayouts.same(p, perm))) {
                return null;
            }
            perm = p;
            first = false;
        }
        return perm;
    }

    /** An input in the computing layout; lower-rank constants are first padded with leading 1s. */
    static int operandIn(Operand operand, Node node, int[] perm, XnnLowering lowering) {
        if (perm == null || operand.descriptor().rank() == perm.length) {
            return lowering.stored(operand, perm);
        }
        return lowering.paddedConstant(operand, perm.length, perm);
    }
}
