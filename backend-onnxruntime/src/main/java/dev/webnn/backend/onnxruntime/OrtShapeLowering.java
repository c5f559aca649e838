package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPaddingMode;
import dev.webnn.MLRankRange;
import dev.webnn.MLTensorLimits;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Concat;
import dev.webnn.graph.Operation.Expand;
import dev.webnn.graph.Operation.Gather;
import dev.webnn.graph.Operation.GatherND;
import dev.webnn.graph.Operation.Pad;
import dev.webnn.graph.Operation.Reshape;
import dev.webnn.graph.Operation.Reverse;
import dev.webnn.graph.Operation.ScatterElements;
import dev.webnn.graph.Operation.ScatterND;
import dev.webnn.graph.Operation.Slice;
import dev.webnn.graph.Operation.Split;
import dev.webnn.graph.Operation.Tile;
import dev.webnn.graph.Operation.Transpose;
import dev.webnn.spi.SupportLimitsBuilder;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
 * type and rank the spec allows runs, so no limit is narrowed (reshape of the 4-bit types goes
 * through float32, as ONNX Runtime's Reshape lacks them).
 */
final class OrtShapeLowering {

    private OrtShapeLowering() {
    }

    /** concat: ONNX Concat. */
    static void concat(Concat op, Node node, OrtLowering lowering) {
        lowering.model().node("Concat", names(lowering, op.inputs()), lowering.output(node),
                OrtAttribute.integer("axis", op.axis()));
    }

    /** expand: ONNX Expand to the new shape. */
    static void expand(Expand op, Node node, OrtLowering lowering) {
        withShape(op.input(), node, lowering, "Expand", op.newShape());
    }

    /**
     * reshape: ONNX Reshape, zeros meaning zero-sized dimensions. ONNX Runtime's CPU Reshape
     * has no 4-bit kernel; int4 and uint4 are reshaped as float32 between exact Cast nodes.
     */
    static void reshape(Reshape op, Node node, OrtLowering lowering) {
        MLOperandDataType type = op.input().descriptor().dataType();
        if (type.isPacked()) {
            OrtModelBuilder model = lowering.model();
            String reshaped = model.intermediate("Reshape", List.of(model.cast(lowering.name(op.input()), OnnxTypes.of(MLOperandDataType.FLOAT32)),
                    model.int64s(op.newShape())), OrtAttribute.integer("allowzero", 1));
            model.cast(reshaped, OnnxTypes.of(type), lowering.output(node));
            return;
        }
        withShape(op.input(), node, lowering, "Reshape", op.newShape(), OrtAttribute.integer("allowzero", 1));
    }

    /** tile: ONNX Tile; a scalar is the identity. */
    static void tile(Tile op, Node node, OrtLowering lowering) {
        if (!isScalarIdentity(op.input(), op.repetitions().length, node, lowering)) {
            withShape(op.input(), node, lowering, "Tile", op.repetitions());
        }
    }

    /**
     * Narrows the limits of this family's operators to what ONNX Runtime's CPU kernels run:
     * nothing to narrow, every data type and rank runs (see {@code OrtShapeLoweringTest}). One
     * limit is widened instead: the spec's table lists gather outputs of rank 1 to N, but its
     * algorithm gives rank 0 for a 1-D input and scalar indices (WPT has such cases), and ONNX
     * Runtime runs those.
     */
    static SupportLimitsBuilder narrow(SupportLimitsBuilder limits) {
        limits.operand(Op.GATHER.specName(), "output").ifPresent(output -> limits.withOperand(Op.GATHER.specName(),
                "output", new MLTensorLimits(output.dataTypes(), new MLRankRange(0, output.rankRange().max()))));
        return limits;
    }

    /** An ONNX operator taking the input and an int64 shape-like input from an attribute. */
    private static void withShape(Operand input, Node node, OrtLowering lowering, String onnx, long[] shape,
                                  OrtAttribute... attributes) {
        OrtModelBuilder model = lowering.model();
        model.node(onnx, List.of(lowering.name(input), model.int64s(shape)), lowering.output(node), attributes);
    }

    /** transpose: ONNX Transpose; a scalar is the identity. */
    static void transpose(Transpose op, Node node, OrtLowering lowering) {
        if (isScalarIdentity(op.input(), op.permutation().length, node, lowering)) {
            return;
        }
        lowering.model().node("Transpose", List.of(lowering.name(op.input())), lowering.output(node),
                OrtAttribute.integers("perm", Arrays.stream(op.permutation()).asLongStream().toArray()));
    }

    /** slice: ONNX Slice over every axis; a scalar is the identity. */
    static void slice(Slice op, Node node, OrtLowering lowering) {
        if (isScalarIdentity(op.input(), op.starts().length, node, lowering)) {
            return;
        }
        long[] starts = op.starts();
        long[] sizes = op.sizes();
        long[] ends = new long[starts.length];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = starts[i] + sizes[i];
        }
        sliceNode(lowering, lowering.name(op.input()), lowering.output(node), starts, ends, axes(starts.length),
                op.strides());
    }

    /** Reverse: a Slice running backwards over every reversed axis; no axes is the identity. */
    static void reverse(Reverse op, Node node, OrtLowering lowering) {
        if (isScalarIdentity(op.input(), op.axes().length, node, lowering)) {
            return;
        }
        long[] axes = Arrays.stream(op.axes()).asLongStream().toArray();
        long[] starts = new long[axes.length];
        long[] ends = new long[axes.length];
        long[] steps = new long[axes.length];
        Arrays.fill(starts, -1);
        Arrays.fill(ends, Long.MIN_VALUE);
        Arrays.fill(steps, -1);
        sliceNode(lowering, lowering.name(op.input()), lowering.output(node), starts, ends, axes, steps);
    }

    private static void sliceNode(OrtLowering lowering, String input, String output, long[] starts, long[] ends,
                                  long[] axes, long[] steps) {
        OrtModelBuilder model = lowering.model();
        model.node("Slice", List.of(input, model.int64s(starts), model.int64s(ends), model.int64s(axes),
                model.int64s(steps)), output);
    }

    /** split: ONNX Split with the explicit sizes. */
    static void split(Split op, Node node, OrtLowering lowering) {
        OrtModelBuilder model = lowering.model();
        model.node("Split", List.of(lowering.name(op.input()), model.int64s(op.splits())),
                names(lowering, node.outputs()), OrtAttribute.integer("axis", op.axis()));
    }

    /** pad: ONNX Pad; a scalar is the identity. */
    static void pad(Pad op, Node node, OrtLowering lowering) {
        if (isScalarIdentity(op.input(), op.beginningPadding().length, node, lowering)) {
            return;
        }
        long[] beginning = op.beginningPadding();
        long[] ending = op.endingPadding();
        long[] pads = new long[beginning.length * 2];
        System.arraycopy(beginning, 0, pads, 0, beginning.length);
        System.arraycopy(ending, 0, pads, beginning.length, ending.length);
        OrtModelBuilder model = lowering.model();
        MLPaddingMode mode = op.mode();
        List<String> inputs = new ArrayList<>(List.of(lowering.name(op.input()), model.int64s(pads)));
        if (mode == MLPaddingMode.CONSTANT) {
            inputs.add(model.scalar(op.input().descriptor().dataType(), op.value()));
        }
        String onnxMode = switch (mode) {
            case CONSTANT -> "constant";
            case EDGE -> "edge";
            case REFLECTION -> "reflect";
        };
        model.node("Pad", inputs, lowering.output(node), OrtAttribute.string("mode", onnxMode));
    }

    /** gather and gatherElements: ONNX Gather or GatherElements (see {@link #alongAxis}). */
    static void gather(Gather op, Node node, OrtLowering lowering) {
        String onnx = switch (op.kind()) {
            case GATHER -> "Gather";
            case GATHER_ELEMENTS -> "GatherElements";
        };
        alongAxis(onnx, op.input(), op.indices(), Optional.empty(), op.axis(), node, lowering);
    }

    /** scatterElements: ONNX ScatterElements (see {@link #alongAxis}). */
    static void scatterElements(ScatterElements op, Node node, OrtLowering lowering) {
        alongAxis("ScatterElements", op.input(), op.indices(), Optional.of(op.updates()), op.axis(), node, lowering);
    }

    /** gatherND: ONNX GatherND (see {@link #byCoordinates}). */
    static void gatherND(GatherND op, Node node, OrtLowering lowering) {
        byCoordinates("GatherND", op.input(), op.indices(), Optional.empty(), node, lowering);
    }

    /** scatterND: ONNX ScatterND (see {@link #byCoordinates}). */
    static void scatterND(ScatterND op, Node node, OrtLowering lowering) {
        byCoordinates("ScatterND", op.input(), op.indices(), Optional.of(op.updates()), node, lowering);
    }

    /**
     * gather, gatherElements and scatterElements: indices into dimension {@code axis},
     * clamped to its range.
     */
    private static void alongAxis(String onnx, Operand input, Operand indices, Optional<Operand> updates, int axis,
                                  Node node, OrtLowering lowering) {
        long size = input.descriptor().shape()[axis];
        String clamped = clampedIndices(lowering, indices, new long[] {size}, false);
        lowering.model().node(onnx, dataIndicesUpdates(lowering, input, clamped, updates), lowering.output(node),
                OrtAttribute.integer("axis", axis));
    }

    /**
     * gatherND and scatterND: the last indices dimension holds coordinates into the leading
     * input dimensions, each clamped to the range of its own dimension.
     */
    private static void byCoordinates(String onnx, Operand input, Operand indices, Optional<Operand> updates, Node node,
                                      OrtLowering lowering) {
        long[] indicesShape = indices.descriptor().shape();
        int coordinates = (int) indicesShape[indicesShape.length - 1];
        long[] sizes = Arrays.copyOf(input.descriptor().shape(), coordinates);
        String clamped = clampedIndices(lowering, indices, sizes, true);
        lowering.model().node(onnx, dataIndicesUpdates(lowering, input, clamped, updates), lowering.output(node));
    }

    /** The ONNX inputs data, indices and, for the scatter operators, updates. */
    private static List<String> dataIndicesUpdates(OrtLowering lowering, Operand input, String indices,
                                                   Optional<Operand> updates) {
        List<String> inputs = new ArrayList<>(List.of(lowering.name(input), indices));
        updates.ifPresent(operand -> inputs.add(lowering.name(operand)));
        return inputs;
    }

    /**
     * Indices as int64, clamped element-wise to {@code [-sizes[k], sizes[k] - 1]}.
     *
     * @param sizes the addressed dimension sizes
     * @param perCoordinate whether the bounds are a vector broadcast over the last indices
     *     dimension (ND forms) rather than scalars
     */
    private static String clampedIndices(OrtLowering lowering, Operand indices, long[] sizes, boolean perCoordinate) {
        OrtModelBuilder model = lowering.model();
        String name = lowering.name(indices);
        if (indices.descriptor().dataType() != MLOperandDataType.INT64) {
            name = model.cast(name, OnnxTypes.of(MLOperandDataType.INT64));
        }
        long[] lower = new long[sizes.length];
        long[] upper = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            lower[i] = -sizes[i];
            upper[i] = sizes[i] - 1;
        }
        // Compared and selected: ONNX Runtime's int64 Min, Max and Clip misorder values beyond
        // the int32 range (see OrtElementwiseLowering).
        String atMost = OrtElementwiseLowering.replaceWhere(model, "Greater", name, int64Bounds(model, upper, perCoordinate));
        return OrtElementwiseLowering.replaceWhere(model, "Less", atMost, int64Bounds(model, lower, perCoordinate));
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
    private static boolean isScalarIdentity(Operand input, int perDimensionValues, Node node, OrtLowering lowering) {
        if (perDimensionValues > 0) {
            return false;
        }
        lowering.model().copy(lowering.name(input), input.descriptor().dataType(), lowering.output(node));
        return true;
    }

    /** The value names of operands. */
    private static List<String> names(OrtLowering lowering, List<Operand> operands) {
        return operands.stream().map(lowering::name).toList();
    }

    /** The axes 0 to {@code rank - 1}. */
    private static long[] axes(int rank) {
        long[] axes = new long[rank];
        Arrays.setAll(axes, i -> i);
        return axes;
    }
}
