package dev.webnn.backend.xnnpack;

import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Concat;
import dev.webnn.graph.Operation.Pad;
import dev.webnn.graph.Operation.Reshape;
import dev.webnn.graph.Operation.Slice;
import dev.webnn.graph.Operation.Split;
import dev.webnn.graph.Operation.Transpose;
import dev.webnn.spi.Permutations;
import java.util.List;

/**
 * XNNPACK lowering of shape and data movement operators. Concatenation and slicing run in
 * the stored layout of their inputs (axes mapped through the permutation); reshape reuses
 * the stored data when the permutation keeps its linear order (e.g. [N,C,1,1] stored as NHWC).
 */
final class XnnShapeLowering {

    private XnnShapeLowering() {
    }

    static void reshape(Reshape op, Node node, XnnLowering lowering) {
        Operand in = op.input();
        XnnLowering.Value value = lowering.value(in);
        int input = XnnLayouts.linearOrderPreserved(in.descriptor().shape(), value.perm()) ? value.id() : lowering.logical(in);
        long[] shape = node.output().descriptor().shape();
        int output = lowering.define(node.output(), null);
        XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), shape.length,
                lowering.subgraph().sizes(shape), input, output, 0), "define a reshape");
    }

    static void transpose(Transpose op, Node node, XnnLowering lowering) {
        int input = lowering.logical(op.input());
        int output = lowering.define(node.output(), null);
        int[] permutation = op.permutation();
        if (permutation.length == 0) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), input, output, 0), "define a copy");
        } else {
            lowering.transpose(input, permutation, output);
        }
    }

    static void concat(Concat op, Node node, XnnLowering lowering) {
        List<Operand> inputs = op.inputs();
        int[] perm = XnnElementwiseLowering.sharedLayout(node, lowering);
        int axis = XnnLayouts.storedAxis(op.axis(), perm);
        int[] ids = inputs.stream().mapToInt(o -> lowering.stored(o, perm)).toArray();
        Operand output = node.output();
        // XNNPACK concatenates 2 to 5 inputs per node: chain nodes for more
        int done = ids[0];
        int index = 1;
        long[] logical = inputs.get(0).descriptor().shape();
        long axisSize = logical[op.axis()];
        if (ids.length == 1) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), done, lowering.define(output, perm), 0),
                    "define a copy");
            return;
        }
        while (index < ids.length) {
            int take = Math.min(4, ids.length - index);
            boolean last = index + take == ids.length;
            for (int i = index; i < index + take; i++) {
                axisSize += inputs.get(i).descriptor().shape()[op.axis()];
            }
            int target;
            if (last) {
                target = lowering.define(output, perm);
            } else {
                long[] partial = logical.clone();
                partial[op.axis()] = axisSize;
                target = lowering.subgraph().internal(output.descriptor().dataType(), Permutations.apply(partial, perm));
            }
            int[] group = new int[take + 1];
            group[0] = done;
            System.arraycopy(ids, index, group, 1, take);
            concatenate(lowering, axis, group, target);
            done = target;
            index += take;
        }
    }

    private static void concatenate(XnnLowering lowering, int axis, int[] ids, int output) {
        var subgraph = lowering.subgraph().handle();
        int status = switch (ids.length) {
            case 2 -> Xnnpack.xnn_define_concatenate2(subgraph, axis, ids[0], ids[1], output, 0);
            case 3 -> Xnnpack.xnn_define_concatenate3(subgraph, axis, ids[0], ids[1], ids[2], output, 0);
            case 4 -> Xnnpack.xnn_define_concatenate4(subgraph, axis, ids[0], ids[1], ids[2], ids[3], output, 0);
            default -> Xnnpack.xnn_define_concatenate5(subgraph, axis, ids[0], ids[1], ids[2], ids[3], ids[4], output, 0);
        };
        XnnStatus.check(status, "define a concat");
    }

    static void split(Split op, Node node, XnnLowering lowering) {
        long[] splits = op.splits();
        Operand in = op.input();
        int[] perm = lowering.value(in).perm();
        int input = lowering.stored(in, perm);
        int axis = XnnLayouts.storedAxis(op.axis(), perm);
        // slices are exact for any split sizes
        long[] stored = Permutations.apply(in.descriptor().shape(), perm);
        long offset = 0;
        for (int i = 0; i < splits.length; i++) {
            long[] offsets = new long[stored.length];
            offsets[axis] = offset;
            long[] sizes = stored.clone();
            sizes[axis] = splits[i];
            int output = lowering.define(node.outputs().get(i), perm);
            XnnStatus.check(Xnnpack.xnn_define_static_slice(lowering.subgraph().handle(), stored.length,
                    lowering.subgraph().sizes(offsets), lowering.subgraph().sizes(sizes), input, output, 0), "define a split");
            offset += splits[i];
        }
    }

    static void slice(Slice op, Node node, XnnLowering lowering) {
        Operand in = op.input();
        int[] perm = lowering.value(in).perm();
        int input = lowering.stored(in, perm);
        long[] starts = Permutations.apply(op.starts(), perm);
        long[] sizes = Permutations.apply(op.sizes(), perm);
        int output = lowering.define(node.output(), perm);
        if (starts.length == 0) {
            // XNNPACK's slice refuses rank 0 when the runtime is reshaped; a scalar's slice is the scalar.
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), input, output, 0), "define a copy");
            return;
        }
        XnnStatus.check(Xnnpack.xnn_define_static_slice(lowering.subgraph().handle(), starts.length,
                lowering.subgraph().sizes(starts), lowering.subgraph().sizes(sizes), input, output, 0), "define a slice");
    }

    static void pad(Pad op, Node node, XnnLowering lowering) {
        Operand in = op.input();
        int[] perm = lowering.value(in).perm();
        int input = lowering.stored(in, perm);
        long[] before = Permutations.apply(op.beginningPadding(), perm);
        long[] after = Permutations.apply(op.endingPadding(), perm);
        int output = lowering.define(node.output(), perm);
        XnnStatus.check(Xnnpack.xnn_define_static_constant_pad(lowering.subgraph().handle(), lowering.subgraph().sizes(before),
                lowering.subgraph().sizes(after), op.value().toFloat32(), input, output, 0),
                "define a pad");
    }
}
