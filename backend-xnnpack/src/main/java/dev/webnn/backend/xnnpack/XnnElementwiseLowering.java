package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.util.Map;

/**
 * XNNPACK lowering of element-wise operators: the binary arithmetic operators and
 * {@code cast}. They run in whatever layout their variable input is stored in; constant
 * operands are permuted to match at compile time.
 */
final class XnnElementwiseLowering {

    private XnnElementwiseLowering() {
    }

    static void register(Map<Op, XnnOpLowering> map) {
        map.put(Op.ADD, binary(Xnnpack.xnn_binary_add()));
        map.put(Op.SUB, binary(Xnnpack.xnn_binary_subtract()));
        map.put(Op.MUL, binary(Xnnpack.xnn_binary_multiply()));
        map.put(Op.DIV, binary(Xnnpack.xnn_binary_divide()));
        map.put(Op.MAX, binary(Xnnpack.xnn_binary_maximum()));
        map.put(Op.MIN, binary(Xnnpack.xnn_binary_minimum()));
        map.put(Op.CAST, XnnElementwiseLowering::cast);
    }

    /**
     * {@code cast} between the float types the backend runs: a convert node (float32 to
     * float16 rounds to nearest even, float16 to float32 is exact), or a copy when the types
     * are equal. The output keeps the input's layout.
     */
    private static void cast(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        int out = lowering.define(node.output(), in.perm());
        if (input.descriptor().dataType() == node.output().descriptor().dataType()) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), in.id(), out, 0), "define a cast");
        } else {
            XnnStatus.check(Xnnpack.xnn_define_unary(lowering.subgraph().handle(), Xnnpack.xnn_unary_convert(), NULL,
                    in.id(), out, 0), "define a cast");
        }
    }

    private static XnnOpLowering binary(int type) {
        return (node, lowering) -> {
            int[] perm = sharedLayout(node, lowering);
            int a = operandIn(node.input("a"), node, perm, lowering);
            int b = operandIn(node.input("b"), node, perm, lowering);
            int out = lowering.define(node.output(), perm);
            XnnStatus.check(Xnnpack.xnn_define_binary(lowering.subgraph().handle(), type, NULL, a, b, out, 0),
                    "define " + node.op().specName());
        };
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
            if (input.descriptor().rank() != node.output().descriptor().rank() || (!first && !Layouts.same(p, perm))) {
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
