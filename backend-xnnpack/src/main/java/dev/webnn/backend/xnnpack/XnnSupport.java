package dev.webnn.backend.xnnpack;

import dev.webnn.MLInterpolationMode;
import dev.webnn.MLPaddingMode;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Conv2d;
import dev.webnn.graph.Operation.ConvTranspose2d;
import dev.webnn.graph.Operation.Pad;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Quantization;
import dev.webnn.graph.Operation.Resample2d;
import dev.webnn.graph.Operation.Slice;
import dev.webnn.spi.PoolWindows;
import dev.webnn.spi.ConstantDequantization;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which operations within the backend's support limits XNNPACK still refuses, decided from
 * the operation's options and operands alone. It is the one place these conditions live:
 * {@link XnnLowering} refuses a node with this reason before lowering it, and a context of
 * several backends asks it before assigning a node, so the two cannot disagree.
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
            case Resample2d op -> !(Arrays.equals(op.axes(), new int[] {1, 2}) || Arrays.equals(op.axes(), new int[] {2, 3}))
                    ? name + " over axes other than [1, 2] or [2, 3]"
                    : op.mode() != MLInterpolationMode.LINEAR && XnnPoolingLowering.upscaleFactors(op) == null
                    ? name + " in nearest-neighbor mode to sizes that are not whole multiples of the input's" : null;
            case Slice op -> Arrays.stream(op.strides()).anyMatch(s -> s != 1) ? name + " with strides" : null;
            case Pad op -> op.mode() != MLPaddingMode.CONSTANT ? name + " in " + op.mode() + " mode" : null;
            case Quantization op -> op.kind() != Quantization.Kind.DEQUANTIZE_LINEAR ? name
                    : ConstantDequantization.of(graph, node).isEmpty() ? name + " of a non-constant input, scale or zero point"
                    : null;
            default -> null;
        }).map(reason -> reason + " is not supported by the xnnpack backend");
    }

    /**
     * Filters and biases must be static, constants or dequantized constants: XNNPACK packs
     * them when the runtime is created.
     */
    private static String weights(Graph graph, String name, Operand filter, Operand bias) {
        if (!isStatic(graph, filter)) {
            return name + " with a non-constant filter";
        }
        return bias != null && !isStatic(graph, bias) ? name + " with a non-constant bias" : null;
    }

    /**
     * Whether an operand is a constant or a dequantized constant: a weight the lowering can
     * hand XNNPACK as static data (found by a scan of the nodes: support checks have no
     * producer index).
     */
    private static boolean isStatic(Graph graph, Operand operand) {
        return graph.isConstant(operand) || graph.nodes().stream()
                .filter(node -> node.outputs().stream().anyMatch(output -> output.id() == operand.id())).findFirst()
                .flatMap(node -> ConstantDequantization.of(graph, node)).isPresent();
    }

    private static String pool(Pool2d op, String name) {
        if (op.kind() == Pool2d.Kind.L2_POOL2D) {
            return name;
        }
        // XNNPACK's dilated max pooling gives wrong maxima next to padding (differential fuzzer)
        if (Arrays.stream(op.dilations()).anyMatch(d -> d != 1)) {
            return name + " with dilations";
        }
        long[] window = op.windowDimensions();
        long[] strides = op.strides();
        // xnn_define_max_pooling_2d rejects a pooling size of 1 and strides above the window
        if (op.kind() == Pool2d.Kind.MAX_POOL2D
                && (window[0] * window[1] == 1 || strides[0] > window[0] || strides[1] > window[1])) {
            return name + " with a 1x1 window or strides above the window";
        }
        // windows wholly in padding are trimmed off and padded back with zeros (XnnPoolingLowering)
        PoolWindows windows = PoolWindows.of(op);
        if (windows.anyEmpty() && (!windows.emptyOnlyAtEnds()
                || op.padding()[0] < windows.leadingEmpty(0) * strides[0] || op.padding()[2] < windows.leadingEmpty(1) * strides[1])) {
            return name + " whose windows wholly in padding are not only leading and trailing ones";
        }
        return null;
    }
}
