package dev.webnn.onnx.convert;

import dev.webnn.MLArgMinMaxOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLReduceOptions;
import dev.webnn.MLReverseOptions;

import java.util.List;

/**
 * Reduce* (axes as attribute before opset 13 for ReduceSum and 18 for the others, as input
 * after; keepdims; noop_with_empty_axes) and ArgMax/ArgMin.
 */
final class ReductionConverters {

    /** A WebNN reduction. */
    @FunctionalInterface
    private interface Reduce {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, MLReduceOptions options);
    }

    private ReductionConverters() {
    }

    static void register(Registry registry) {
        reduce(registry, "ReduceSum", "reduceSum", 13, MLGraphBuilder::reduceSum);
        reduce(registry, "ReduceMean", "reduceMean", 18, MLGraphBuilder::reduceMean);
        reduce(registry, "ReduceMax", "reduceMax", 18, MLGraphBuilder::reduceMax);
        reduce(registry, "ReduceMin", "reduceMin", 18, MLGraphBuilder::reduceMin);
        reduce(registry, "ReduceProd", "reduceProduct", 18, MLGraphBuilder::reduceProduct);
        reduce(registry, "ReduceL1", "reduceL1", 18, MLGraphBuilder::reduceL1);
        reduce(registry, "ReduceL2", "reduceL2", 18, MLGraphBuilder::reduceL2);
        reduce(registry, "ReduceLogSum", "reduceLogSum", 18, MLGraphBuilder::reduceLogSum);
        reduce(registry, "ReduceLogSumExp", "reduceLogSumExp", 18, MLGraphBuilder::reduceLogSumExp);
        reduce(registry, "ReduceSumSquare", "reduceSumSquare", 18, MLGraphBuilder::reduceSumSquare);
        registry.add("ArgMax", List.of("argMax"), node -> argMinMax(node, true));
        registry.add("ArgMin", List.of("argMin"), node -> argMinMax(node, false));
    }

    private static void reduce(Registry registry, String opType, String webnn, int axesInputSince, Reduce op) {
        registry.add(opType, List.of(webnn), node -> {
            MLOperand x = node.operand(0);
            long[] axes = node.opset() >= axesInputSince ? (node.has(1) ? node.constant(1).longs() : null)
                    : node.intsAttribute("axes");
            boolean keep = node.intAttribute("keepdims", 1) == 1;
            if (axes == null || axes.length == 0) {
                if (node.intAttribute("noop_with_empty_axes", 0) == 1) {
                    node.output(0, node.builder().identity(x, node.options()));
                    return;
                }
                axes = Axes.range(0, x.rank());
            }
            MLReduceOptions options = MLReduceOptions.defaults().withLabel(node.label())
                    .withAxes(Axes.normalize(node, axes, x.rank())).withKeepDimensions(keep);
            node.output(0, op.apply(node.builder(), x, options));
        });
    }

    private static void argMinMax(OnnxNode node, boolean max) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        int axis = Axes.normalize(node, node.intAttribute("axis", 0), x.rank());
        boolean last = node.intAttribute("select_last_index", 0) == 1;
        MLArgMinMaxOptions options = MLArgMinMaxOptions.defaults()
                .withKeepDimensions(node.intAttribute("keepdims", 1) == 1).withOutputDataType(MLOperandDataType.INT64);
        if (!last) {
            options = options.withLabel(node.label());
            node.output(0, max ? b.argMax(x, axis, options) : b.argMin(x, axis, options));
            return;
        }
        // the last extreme index = (n - 1) - the first extreme index along the reversed axis
        MLOperand reversed = b.reverse(x, MLReverseOptions.defaults().withAxes(axis));
        MLOperand first = max ? b.argMax(reversed, axis, options) : b.argMin(reversed, axis, options);
        node.output(0, b.sub(b.constant(MLOperandDataType.INT64, x.shape()[axis] - 1), first, node.options()));
    }
}
