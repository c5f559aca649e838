package dev.webnn.onnx.convert;

import dev.webnn.MLGatherOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLReverseOptions;
import dev.webnn.MLScatterOptions;
import dev.webnn.MLSliceOptions;
import dev.webnn.onnx.internal.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Indexing operators: Gather, GatherElements, GatherND, Slice (attributes before opset 10,
 * inputs after; negative steps through reverse), ScatterElements (and its former name
 * Scatter) and ScatterND.
 */
final class GatherSliceConverters {

    private GatherSliceConverters() {
    }

    static void register(Registry registry) {
        registry.add("Gather", List.of("gather"), node -> {
            MLOperand x = node.operand(0);
            int axis = Axes.normalize(node, node.intAttribute("axis", 0), x.rank());
            node.output(0, node.builder().gather(x, indices(node, 1, x.shape()[axis]),
                    MLGatherOptions.defaults().withAxis(axis).withLabel(node.label())));
        });
        registry.add("GatherElements", List.of("gatherElements"), node -> {
            MLOperand x = node.operand(0);
            int axis = Axes.normalize(node, node.intAttribute("axis", 0), x.rank());
            node.output(0, node.builder().gatherElements(x, indices(node, 1, x.shape()[axis]),
                    MLGatherOptions.defaults().withAxis(axis).withLabel(node.label())));
        });
        registry.add("GatherND", List.of("gatherND"), node -> {
            if (node.intAttribute("batch_dims", 0) != 0) {
                throw node.unsupported("batch_dims = " + node.intAttribute("batch_dims", 0));
            }
            node.output(0, node.builder().gatherND(node.operand(0), node.operand(1), node.options()));
        });
        registry.add("ScatterElements", List.of("scatterElements"), GatherSliceConverters::scatterElements);
        // Scatter (opsets 9 and 10) is the former name of ScatterElements
        registry.add("Scatter", List.of("scatterElements"), GatherSliceConverters::scatterElements);
        registry.add("ScatterND", List.of("scatterND"), node -> {
            requireNoReduction(node);
            MLOperand x = node.operand(0);
            node.output(0, node.builder().scatterND(x, node.operand(1), node.operand(2, x.dataType()), node.options()));
        });
        registry.add("Slice", List.of("slice"), GatherSliceConverters::slice);
    }

    private static void scatterElements(OnnxNode node) {
        requireNoReduction(node);
        MLOperand x = node.operand(0);
        int axis = Axes.normalize(node, node.intAttribute("axis", 0), x.rank());
        node.output(0, node.builder().scatterElements(x, indices(node, 1, x.shape()[axis]),
                node.operand(2, x.dataType()), MLScatterOptions.defaults().withAxis(axis).withLabel(node.label())));
    }

    private static void requireNoReduction(OnnxNode node) {
        String reduction = node.stringAttribute("reduction", "none");
        if (!reduction.equals("none")) {
            throw node.unsupported("reduction '" + reduction + "'");
        }
    }

    /** Index input {@code i} with ONNX's negative indices made positive. */
    private static MLOperand indices(OnnxNode node, int i, long dimension) {
        MLGraphBuilder b = node.builder();
        if (node.isConstant(i)) {
            Tensor constant = node.constant(i);
            Tensor positive = Tensor.allocate(constant.type(), constant.shape());
            for (long j = 0; j < constant.elementCount(); j++) {
                long index = constant.getLong(j);
                positive.setLong(j, index < 0 ? index + dimension : index);
            }
            return b.constant(dev.webnn.MLOperandDescriptor.of(positive.webnnType(), positive.shape()), positive.data());
        }
        MLOperand index = node.operand(i);
        MLOperand zero = b.constant(index.dataType(), 0);
        return b.where(b.lesser(index, zero), b.add(index, b.constant(index.dataType(), dimension)), index);
    }

    /** The per-axis start, size and step of an ONNX Slice, clamped as ONNX does. */
    record Window(long[] starts, long[] sizes, long[] steps) {
    }

    static Window window(OnnxNode node, long[] shape) {
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps;
        if (node.opset() < 10) {
            starts = node.requiredIntsAttribute("starts");
            ends = node.requiredIntsAttribute("ends");
            axes = node.intsAttribute("axes");
            steps = null;
        } else {
            starts = node.constant(1).longs();
            ends = node.constant(2).longs();
            axes = node.has(3) ? node.constant(3).longs() : null;
            steps = node.has(4) ? node.constant(4).longs() : null;
        }
        int rank = shape.length;
        long[] outStarts = new long[rank];
        long[] outSizes = shape.clone();
        long[] outSteps = new long[rank];
        Arrays.fill(outSteps, 1);
        for (int i = 0; i < starts.length; i++) {
            int axis = Axes.normalize(node, axes == null ? i : axes[i], rank);
            long dim = shape[axis];
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw node.unsupported("step 0");
            }
            long start = starts[i] < 0 ? starts[i] + dim : starts[i];
            long end = ends[i] < 0 ? ends[i] + dim : ends[i];
            if (step > 0) {
                start = Math.clamp(start, 0, dim);
                end = Math.clamp(end, 0, dim);
            } else {
                start = Math.clamp(start, 0, dim - 1);
                end = Math.clamp(end, -1, dim - 1);
            }
            long size = step > 0 ? Math.max(0, Windows.ceilDiv(end - start, step))
                    : Math.max(0, Windows.ceilDiv(start - end, -step));
            outStarts[axis] = start;
            outSizes[axis] = size;
            outSteps[axis] = step;
        }
        return new Window(outStarts, outSizes, outSteps);
    }

    private static void slice(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        long[] shape = x.shape();
        Window window = window(node, shape);
        long[] starts = window.starts().clone();
        long[] steps = window.steps().clone();
        long[] reversed = Arrays.stream(Axes.range(0, shape.length)).filter(a -> steps[(int) a] < 0).toArray();
        MLOperand input = x;
        if (reversed.length > 0) {
            input = b.reverse(x, MLReverseOptions.defaults().withAxes(reversed));
            for (long a : reversed) {
                starts[(int) a] = shape[(int) a] - 1 - starts[(int) a];
                steps[(int) a] = -steps[(int) a];
            }
        }
        for (long size : window.sizes()) {
            if (size == 0) {
                throw node.unsupported("the slice is empty; WebNN has no empty tensors");
            }
        }
        // WebNN's sizes are the extent of the window in the input; the output has ceil(size / stride) elements
        long[] extents = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            extents[i] = (window.sizes()[i] - 1) * steps[i] + 1;
        }
        node.output(0, b.slice(input, starts, extents, MLSliceOptions.defaults().withStrides(steps)
                .withLabel(node.label())));
    }
}
