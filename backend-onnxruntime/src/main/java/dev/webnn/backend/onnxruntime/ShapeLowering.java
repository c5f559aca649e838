package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPaddingMode;
import dev.webnn.MLRankRange;
import dev.webnn.MLTensorLimits;
import dev.webnn.graph.Attributes;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX lowering of the shape and data movement operators.
 *
 * <p>Most map onto one ONNX operator of the same semantics (Concat, Expand, Reshape with
 * {@code allowzero}, Split with a {@code split} input, Tile, Transpose, Pad with the
 * {@code reflect} mode for WebNN's "reflection", Slice with {@code ends = starts + sizes}
 * and the strides as steps). Compositions:
 * <ul>
 *   <li>reverse: Slice from -1 towards {@code INT64_MIN} with step -1 on every reversed axis;</li>
 *   <li>gather, gatherElements, gatherND, scatterElements, scatterND: the indices are cast to
 *       int64 (ONNX takes no uint32) and clamped to {@code [-size, size - 1]} of the dimension
 *       they address (per coordinate for the ND forms) with Greater/Less + Where, as the spec
 *       asks for indices out of range (ONNX Runtime rejects them at run time); ONNX then counts
 *       negative indices from the end, as WebNN does;</li>
 *   <li>transpose, slice, tile and pad of a scalar, and reverse without axes, are an Identity
 *       (their per-dimension lists are empty).</li>
 * </ul>
 *
 * <p>ONNX Runtime's CPU kernels of these operators are type-agnostic copies: every WebNN data
 * type and rank the spec allows runs, so no limit is narrowed.
 */
final class ShapeLowering {

    private ShapeLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, OpLowering> map) {
        map.put(Op.CONCAT, (node, lowering) -> lowering.model().node("Concat",
                names(lowering, node.inputList("inputs")), lowering.output(node),
                OrtAttribute.integer("axis", node.attributes().integer("axis"))));
        map.put(Op.EXPAND, (node, lowering) -> withShape(node, lowering, "Expand", "newShape"));
        map.put(Op.RESHAPE, (node, lowering) -> withShape(node, lowering, "Reshape", "newShape",
                OrtAttribute.integer("allowzero", 1)));
        map.put(Op.TILE, (node, lowering) -> {
            if (!isScalarIdentity(node, lowering, "repetitions")) {
                withShape(node, lowering, "Tile", "repetitions");
            }
        });
        map.put(Op.TRANSPOSE, ShapeLowering::transpose);
        map.put(Op.SLICE, ShapeLowering::slice);
        map.put(Op.REVERSE, ShapeLowering::reverse);
        map.put(Op.SPLIT, ShapeLowering::split);
        map.put(Op.PAD, ShapeLowering::pad);
        map.put(Op.GATHER, (node, lowering) -> alongAxis(node, lowering, "Gather"));
        map.put(Op.GATHER_ELEMENTS, (node, lowering) -> alongAxis(node, lowering, "GatherElements"));
        map.put(Op.SCATTER_ELEMENTS, (node, lowering) -> alongAxis(node, lowering, "ScatterElements"));
        map.put(Op.GATHER_ND, (node, lowering) -> byCoordinates(node, lowering, "GatherND"));
        map.put(Op.SCATTER_ND, (node, lowering) -> byCoordinates(node, lowering, "ScatterND"));
    }

    /**
     * Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run:
     * nothing to narrow, every data type and rank runs (see {@code ShapeLoweringTest}). One
     * limit is widened instead: the spec's table lists gather outputs of rank 1 to N, but its
     * algorithm gives rank 0 for a 1-D input and scalar indices (WPT has such cases), and ONNX
     * Runtime runs those.
     */
    static MLOpSupportLimits narrow(MLOpSupportLimits limits) {
        return limits.operator(Op.GATHER.specName()).map(roles -> roles.get("output"))
                .map(output -> limits.withOperand(Op.GATHER.specName(), "output",
                        new MLTensorLimits(output.dataTypes(), new MLRankRange(0, output.rankRange().max()))))
                .orElse(limits);
    }

    /** An ONNX operator taking the input and an int64 shape-like input from an attribute. */
    private static void withShape(Node node, Lowering lowering, String onnx, String key, OrtAttribute... attributes) {
        OrtModelBuilder model = lowering.model();
        model.node(onnx, List.of(lowering.input(node, "input"), model.int64s(node.attributes().longs(key))),
                lowering.output(node), attributes);
    }

    private static void transpose(Node node, Lowering lowering) {
        if (isScalarIdentity(node, lowering, "permutation")) {
            return;
        }
        lowering.model().node("Transpose", List.of(lowering.input(node, "input")), lowering.output(node),
                OrtAttribute.integers("perm", node.attributes().longs("permutation")));
    }

    private static void slice(Node node, Lowering lowering) {
        if (isScalarIdentity(node, lowering, "starts")) {
            return;
        }
        Attributes attributes = node.attributes();
        long[] starts = attributes.longs("starts");
        long[] sizes = attributes.longs("sizes");
        long[] ends = new long[starts.length];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = starts[i] + sizes[i];
        }
        sliceNode(lowering, lowering.input(node, "input"), lowering.output(node), starts, ends, axes(starts.length),
                attributes.longs("strides"));
    }

    /** Reverse: a Slice running backwards over every reversed axis; no axes is the identity. */
    private static void reverse(Node node, Lowering lowering) {
        if (isScalarIdentity(node, lowering, "axes")) {
            return;
        }
        long[] axes = node.attributes().longs("axes");
        long[] starts = new long[axes.length];
        long[] ends = new long[axes.length];
        long[] steps = new long[axes.length];
        Arrays.fill(starts, -1);
        Arrays.fill(ends, Long.MIN_VALUE);
        Arrays.fill(steps, -1);
        sliceNode(lowering, lowering.input(node, "input"), lowering.output(node), starts, ends, axes, steps);
    }

    private static void sliceNode(Lowering lowering, String input, String output, long[] starts, long[] ends,
                                  long[] axes, long[] steps) {
        OrtModelBuilder model = lowering.model();
        model.node("Slice", List.of(input, model.int64s(starts), model.int64s(ends), model.int64s(axes),
                model.int64s(steps)), output);
    }

    private static void split(Node node, Lowering lowering) {
        OrtModelBuilder model = lowering.model();
        model.node("Split", List.of(lowering.input(node, "input"), model.int64s(node.attributes().longs("splits"))),
                names(lowering, node.outputs()), OrtAttribute.integer("axis", node.attributes().integer("axis")));
    }

    private static void pad(Node node, Lowering lowering) {
        if (isScalarIdentity(node, lowering, "beginningPadding")) {
            return;
        }
        Attributes attributes = node.attributes();
        long[] beginning = attributes.longs("beginningPadding");
        long[] ending = attributes.longs("endingPadding");
        long[] pads = new long[beginning.length * 2];
        System.arraycopy(beginning, 0, pads, 0, beginning.length);
        System.arraycopy(ending, 0, pads, beginning.length, ending.length);
        OrtModelBuilder model = lowering.model();
        MLPaddingMode mode = attributes.enumValue("mode", MLPaddingMode.class);
        List<String> inputs = new ArrayList<>(List.of(lowering.input(node, "input"), model.int64s(pads)));
        if (mode == MLPaddingMode.CONSTANT) {
            inputs.add(model.scalar(node.input("input").descriptor().dataType(), attributes.number("value")));
        }
        String onnxMode = switch (mode) {
            case CONSTANT -> "constant";
            case EDGE -> "edge";
            case REFLECTION -> "reflect";
        };
        model.node("Pad", inputs, lowering.output(node), OrtAttribute.string("mode", onnxMode));
    }

    /**
     * gather, gatherElements and scatterElements: indices into dimension {@code axis},
     * clamped to its range.
     */
    private static void alongAxis(Node node, Lowering lowering, String onnx) {
        long axis = node.attributes().integer("axis");
        long size = node.input("input").descriptor().shape()[(int) axis];
        String indices = clampedIndices(lowering, node.input("indices"), new long[] {size}, false);
        lowering.model().node(onnx, dataIndicesUpdates(node, lowering, indices), lowering.output(node),
                OrtAttribute.integer("axis", axis));
    }

    /**
     * gatherND and scatterND: the last indices dimension holds coordinates into the leading
     * input dimensions, each clamped to the range of its own dimension.
     */
    private static void byCoordinates(Node node, Lowering lowering, String onnx) {
        long[] indicesShape = node.input("indices").descriptor().shape();
        int coordinates = (int) indicesShape[indicesShape.length - 1];
        long[] sizes = Arrays.copyOf(node.input("input").descriptor().shape(), coordinates);
        String indices = clampedIndices(lowering, node.input("indices"), sizes, true);
        lowering.model().node(onnx, dataIndicesUpdates(node, lowering, indices), lowering.output(node));
    }

    /** The ONNX inputs data, indices and, for the scatter operators, updates. */
    private static List<String> dataIndicesUpdates(Node node, Lowering lowering, String indices) {
        List<String> inputs = new ArrayList<>(List.of(lowering.input(node, "input"), indices));
        node.optionalInput("updates").ifPresent(updates -> inputs.add(lowering.name(updates)));
        return inputs;
    }

    /**
     * Indices as int64, clamped element-wise to {@code [-sizes[k], sizes[k] - 1]}.
     *
     * @param sizes the addressed dimension sizes
     * @param perCoordinate whether the bounds are a vector broadcast over the last indices
     *     dimension (ND forms) rather than scalars
     */
    private static String clampedIndices(Lowering lowering, Operand indices, long[] sizes, boolean perCoordinate) {
        OrtModelBuilder model = lowering.model();
        String name = lowering.name(indices);
        if (indices.descriptor().dataType() != MLOperandDataType.INT64) {
            name = ElementwiseLowering.cast(model, name, OnnxTypes.of(MLOperandDataType.INT64));
        }
        long[] lower = new long[sizes.length];
        long[] upper = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            lower[i] = -sizes[i];
            upper[i] = sizes[i] - 1;
        }
        // Compared and selected: ONNX Runtime's int64 Min, Max and Clip misorder values beyond
        // the int32 range (see ElementwiseLowering).
        String atMost = ElementwiseLowering.replaceWhere(model, "Greater", name, int64Bounds(model, upper, perCoordinate));
        return ElementwiseLowering.replaceWhere(model, "Less", atMost, int64Bounds(model, lower, perCoordinate));
    }

    private static String int64Bounds(OrtModelBuilder model, long[] values, boolean vector) {
        MLOperandDescriptor descriptor = vector ? MLOperandDescriptor.of(MLOperandDataType.INT64, values.length)
                : MLOperandDescriptor.of(MLOperandDataType.INT64);
        return model.constant(descriptor, MemorySegment.ofArray(values));
    }

    /**
     * Lowers the node as an Identity when its per-dimension attribute is empty: the operator
     * then leaves its input unchanged (a scalar, or reverse without axes), and ONNX's
     * Transpose, Slice, Tile and Pad expect at least one dimension.
     *
     * @return whether the node was lowered as the identity
     */
    private static boolean isScalarIdentity(Node node, Lowering lowering, String perDimensionKey) {
        if (node.attributes().longs(perDimensionKey).length > 0) {
            return false;
        }
        lowering.model().node("Identity", List.of(lowering.input(node, "input")), lowering.output(node));
        return true;
    }

    /** The value names of operands. */
    private static List<String> names(Lowering lowering, List<Operand> operands) {
        return operands.stream().map(lowering::name).toList();
    }

    /** The axes 0 to {@code rank - 1}. */
    private static long[] axes(int rank) {
        long[] axes = new long[rank];
        Arrays.setAll(axes, i -> i);
        return axes;
    }
}
