package dev.webnn.backend.xnnpack;

import dev.webnn.MLInterpolationMode;
import dev.webnn.MLPaddingMode;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Conv2d;
import dev.webnn.graph.Operation.ConvTranspose2d;
import dev.webnn.graph.Operation.Gemm;
import dev.webnn.graph.Operation.Matmul;
import dev.webnn.graph.Operation.Pad;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Resample2d;
import dev.webnn.graph.Operation.Slice;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which operations within the backend's support limits XNNPACK still refuses, decided from
 * the operation's options and operands alone: the conditions under which the lowerings
 * throw {@code MLNotSupportedError}, so that a context of several backends sends such an
 * operation elsewhere instead of failing the compile.
 */
final class XnnSupport {

    private XnnSupport() {
    }

    /**
     * Why XNNPACK cannot run a node whose operator, types and ranks are within its limits.
     *
     * @param graph the graph holding the node
     * @param node the node
     * @return empty if the lowering accepts it, else the reason
     */
    static Optional<String> unsupportedReason(Graph graph, Node node) {
        String name = node.op().specName();
        return Optional.ofNullable(switch (node.operation()) {
            case Conv2d op -> weights(graph, name, op.filter(), op.bias().orElse(null));
            case ConvTranspose2d op -> op.groups() != 1 ? name + " with groups > 1"
                    : weights(graph, name, op.filter(), op.bias().orElse(null));
            case Pool2d op -> pool(op, name);
            case Resample2d op -> op.mode() != MLInterpolationMode.LINEAR || !(Arrays.equals(op.axes(), new int[] {1, 2})
                    || Arrays.equals(op.axes(), new int[] {2, 3})) ? name + " other than linear over axes [1, 2] or [2, 3]"
                    : null;
            case Slice op -> Arrays.stream(op.strides()).anyMatch(s -> s != 1) ? name + " with strides" : null;
            case Pad op -> op.mode() != MLPaddingMode.CONSTANT ? name + " in " + op.mode() + " mode" : null;
            case Gemm op -> gemm(graph, op, node, name);
            case Matmul op -> matmul(op, name);
            default -> null;
        }).map(reason -> reason + " is not supported by the xnnpack backend");
    }

    private static String weights(Graph graph, String name, Operand filter, Operand bias) {
        if (!graph.isConstant(filter)) {
            return name + " with a non-constant filter";
        }
        return bias != null && !graph.isConstant(bias) ? name + " with a non-constant bias" : null;
    }

    private static String pool(Pool2d op, String name) {
        if (op.kind() == Pool2d.Kind.L2_POOL2D) {
            return name;
        }
        if (Arrays.stream(op.dilations()).anyMatch(d -> d != 1)) {
            return name + " with dilations";
        }
        long[] window = op.windowDimensions();
        long[] strides = op.strides();
        if (op.kind() == Pool2d.Kind.MAX_POOL2D
                && (window[0] * window[1] == 1 || strides[0] > window[0] || strides[1] > window[1])) {
            return name + " with a 1x1 window or strides above the window";
        }
        return null;
    }

    /** gemm: b must be constant, and alpha 1 when c is folded into the bias (see XnnMatrixLowering.gemm). */
    private static String gemm(Graph graph, Gemm op, Node node, String name) {
        if (!graph.isConstant(op.b())) {
            return name + " with a non-constant b";
        }
        Operand c = op.c().orElse(null);
        long n = node.output().descriptor().shape()[1];
        boolean biasFolded = c != null && op.beta() != 0 && graph.isConstant(c) && c.descriptor().elementCount() == n
                && (c.descriptor().rank() <= 1 || c.descriptor().shape()[0] == 1);
        return op.alpha() != 1 && biasFolded ? name + " with alpha other than 1 and a bias c" : null;
    }

    private static String matmul(Matmul op, String name) {
        long[] as = op.a().descriptor().shape();
        long[] bs = op.b().descriptor().shape();
        boolean sameBatch = as.length == bs.length && Arrays.equals(as, 0, as.length - 2, bs, 0, bs.length - 2);
        return sameBatch ? null : name + " with broadcast batch dimensions";
    }
}
