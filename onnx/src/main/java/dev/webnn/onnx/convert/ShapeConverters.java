package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLPadOptions;
import dev.webnn.MLPaddingMode;
import dev.webnn.MLSplitOptions;
import dev.webnn.MLTransposeOptions;
import dev.webnn.onnx.OnnxDataType;
import dev.webnn.onnx.internal.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operators that move data without computing: Shape and Size (always constants), Reshape,
 * Flatten, Squeeze, Unsqueeze, Identity-like Dropout (constants stay constants), Transpose,
 * Concat, Split, Expand, Tile, Pad, DepthToSpace and SpaceToDepth.
 */
final class ShapeConverters {

    private ShapeConverters() {
    }

    static void register(Registry registry) {
        registry.add("Shape", List.of(), ShapeConverters::shape);
        registry.add("Size", List.of(), node -> node.output(0, Tensor.ofLongs(OnnxDataType.INT64, new long[0],
                Tensor.elementCount(node.shape(0)))));
        registry.add("Reshape", List.of("reshape"), node -> reshapeTo(node, reshaped(node)));
        registry.add("Flatten", List.of("reshape"), node -> {
            long[] shape = node.shape(0);
            long given = node.intAttribute("axis", 1);
            int axis = Axes.normalize(node, given < 0 ? given + shape.length : given, shape.length + 1);
            reshapeTo(node, new long[] {Axes.product(shape, 0, axis), Axes.product(shape, axis, shape.length)});
        });
        registry.add("Squeeze", List.of("reshape"), node -> reshapeTo(node, squeezed(node)));
        registry.add("Unsqueeze", List.of("reshape"), node -> reshapeTo(node, unsqueezed(node)));
        registry.add("Dropout", List.of("identity"), node -> {
            if (node.has(2) && (!node.isConstant(2) || node.constant(2).getLong(0) != 0)) {
                throw node.unsupported("training_mode is not a constant false; WebNN has no random numbers");
            }
            reshapeTo(node, node.shape(0));
            if (node.hasOutput(1)) {
                Tensor mask = Tensor.allocate(OnnxDataType.BOOL, node.shape(0));
                mask.data().fill((byte) 1);
                node.output(1, mask);
            }
        });
        registry.add("Transpose", List.of("transpose"), node -> {
            MLTransposeOptions options = MLTransposeOptions.defaults().withLabel(node.label());
            long[] perm = node.intsAttribute("perm");
            if (perm != null) {
                options = options.withPermutation(perm);
            }
            node.output(0, node.builder().transpose(node.operand(0), options));
        });
        registry.add("Concat", List.of("concat"), ShapeConverters::concat);
        registry.add("Split", List.of("split"), ShapeConverters::split);
        registry.add("Expand", List.of("expand"), node -> node.output(0, node.builder().expand(node.operand(0),
                broadcast(node, node.shape(0), node.constant(1).longs()), node.options())));
        registry.add("Tile", List.of("tile"), node -> node.output(0, node.builder().tile(node.operand(0),
                node.constant(1).longs(), node.options())));
        registry.add("Pad", List.of("pad"), ShapeConverters::pad);
        registry.add("DepthToSpace", List.of("reshape", "transpose"), ShapeConverters::depthToSpace);
        registry.add("SpaceToDepth", List.of("reshape", "transpose"), ShapeConverters::spaceToDepth);
    }

    private static void shape(OnnxNode node) {
        long[] shape = node.shape(0);
        int rank = shape.length;
        long start = node.intAttribute("start", 0);
        long end = node.intAttribute("end", rank);
        int from = Math.clamp(start < 0 ? start + rank : start, 0, rank);
        int to = Math.clamp(end < 0 ? end + rank : end, 0, rank);
        long[] part = Arrays.copyOfRange(shape, from, Math.max(from, to));
        node.output(0, Tensor.ofLongs(OnnxDataType.INT64, new long[] {part.length}, part));
    }

    /** Outputs input 0 in a new shape: a constant stays a constant (sharing its data). */
    static void reshapeTo(OnnxNode node, long[] shape) {
        if (node.isConstant(0)) {
            node.output(0, node.constant(0).reshape(shape));
        } else {
            node.output(0, node.builder().reshape(node.operand(0), shape, node.options()));
        }
    }

    private static long[] reshaped(OnnxNode node) {
        long[] input = node.shape(0);
        long[] spec = node.opset() < 5 ? node.requiredIntsAttribute("shape") : node.constant(1).longs();
        boolean allowZero = node.intAttribute("allowzero", 0) == 1;
        long[] shape = new long[spec.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < spec.length; i++) {
            if (spec[i] == 0 && !allowZero) {
                if (i >= input.length) {
                    throw node.unsupported("shape " + Arrays.toString(spec) + " copies dimension " + i
                            + " of an input of rank " + input.length);
                }
                shape[i] = input[i];
            } else if (spec[i] == -1) {
                if (inferred >= 0) {
                    throw node.unsupported("shape " + Arrays.toString(spec) + " has two -1");
                }
                inferred = i;
                continue;
            } else if (spec[i] < 0) {
                throw node.unsupported("shape " + Arrays.toString(spec) + " has a negative dimension");
            } else {
                shape[i] = spec[i];
            }
            known = Math.multiplyExact(known, shape[i]);
        }
        long count = Tensor.elementCount(input);
        if (inferred >= 0) {
            if (known == 0 || count % known != 0) {
                throw node.unsupported("shape " + Arrays.toString(spec) + " does not fit " + Arrays.toString(input));
            }
            shape[inferred] = count / known;
        }
        return shape;
    }

    private static long[] squeezed(OnnxNode node) {
        long[] input = node.shape(0);
        long[] axes = node.opset() < 13 ? node.intsAttribute("axes") : node.has(1) ? node.constant(1).longs() : null;
        boolean[] drop = new boolean[input.length];
        if (axes == null) {
            for (int i = 0; i < input.length; i++) {
                drop[i] = input[i] == 1;
            }
        } else {
            for (long axis : Axes.normalize(node, axes, input.length)) {
                if (input[(int) axis] != 1) {
                    throw node.unsupported("axis " + axis + " of " + Arrays.toString(input) + " is not 1");
                }
                drop[(int) axis] = true;
            }
        }
        long[] shape = new long[input.length];
        int n = 0;
        for (int i = 0; i < input.length; i++) {
            if (!drop[i]) {
                shape[n++] = input[i];
            }
        }
        return Arrays.copyOf(shape, n);
    }

    private static long[] unsqueezed(OnnxNode node) {
        long[] input = node.shape(0);
        long[] axes = node.opset() < 13 ? node.intsAttribute("axes") : node.constant(1).longs();
        if (axes == null) {
            throw node.unsupported("axes are missing");
        }
        int rank = input.length + axes.length;
        boolean[] added = new boolean[rank];
        for (long axis : Axes.normalize(node, axes, rank)) {
            added[(int) axis] = true;
        }
        long[] shape = new long[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
            shape[i] = added[i] ? 1 : input[j++];
        }
        return shape;
    }

    /** The numpy broadcast of two shapes (Expand's output shape). */
    static long[] broadcast(OnnxNode node, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw node.unsupported("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            shape[i] = x == 1 ? y : x;
        }
        return shape;
    }

    private static void concat(OnnxNode node) {
        List<MLOperand> inputs = new ArrayList<>();
        int rank = node.rank(0);
        int axis = Axes.normalize(node, node.intAttribute("axis", 0), rank);
        for (int i = 0; i < node.inputCount(); i++) {
            if (node.has(i) && node.shape(i)[axis] > 0) {
                inputs.add(node.operand(i));
            }
        }
        if (inputs.isEmpty()) {
            throw node.unsupported("every input is empty");
        }
        node.output(0, node.builder().concat(inputs, axis, node.options()));
    }

    private static void split(OnnxNode node) {
        MLOperand x = node.operand(0);
        int axis = Axes.normalize(node, node.intAttribute("axis", 0), x.rank());
        long[] sizes = node.opset() < 13 ? node.intsAttribute("split") : node.has(1) ? node.constant(1).longs() : null;
        MLSplitOptions options = MLSplitOptions.defaults().withAxis(axis).withLabel(node.label());
        MLGraphBuilder b = node.builder();
        List<MLOperand> parts;
        if (sizes != null) {
            parts = b.split(x, sizes, options);
        } else {
            long parts0 = node.hasAttribute("num_outputs") ? node.intAttribute("num_outputs", 1) : node.outputCount();
            long length = x.shape()[axis];
            long chunk = Windows.ceilDiv(length, parts0);
            if (length % parts0 == 0) {
                parts = b.split(x, parts0, options);
            } else {
                long[] uneven = new long[(int) parts0];
                Arrays.fill(uneven, chunk);
                uneven[uneven.length - 1] = length - chunk * (parts0 - 1);
                parts = b.split(x, uneven, options);
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            node.output(i, parts.get(i));
        }
    }

    private static void pad(OnnxNode node) {
        MLOperand x = node.operand(0);
        int rank = x.rank();
        long[] pads;
        double value;
        String mode = node.stringAttribute("mode", "constant");
        if (node.opset() < 11) {
            pads = node.intsAttribute("pads");
            value = node.floatAttribute("value", 0f);
        } else {
            pads = node.constant(1).longs();
            value = node.has(2) ? node.constant(2).getDouble(0) : 0;
        }
        long[] axes = node.has(3) ? Axes.normalize(node, node.constant(3).longs(), rank) : Axes.range(0, rank);
        long[] begin = new long[rank];
        long[] end = new long[rank];
        for (int i = 0; i < axes.length; i++) {
            begin[(int) axes[i]] = pads[i];
            end[(int) axes[i]] = pads[axes.length + i];
        }
        MLPaddingMode paddingMode = switch (mode) {
            case "constant" -> MLPaddingMode.CONSTANT;
            case "reflect" -> MLPaddingMode.REFLECTION;
            case "edge" -> MLPaddingMode.EDGE;
            default -> throw node.unsupported("mode '" + mode + "'");
        };
        for (int i = 0; i < rank; i++) {
            if (begin[i] < 0 || end[i] < 0) {
                throw node.unsupported("negative pads " + Arrays.toString(pads));
            }
        }
        node.output(0, node.builder().pad(x, begin, end, MLPadOptions.defaults().withMode(paddingMode).withValue(value)
                .withLabel(node.label())));
    }

    private static void depthToSpace(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        long[] s = x.shape();
        long size = node.intAttribute("blocksize", 1);
        long c = s[1] / (size * size);
        boolean crd = node.stringAttribute("mode", "DCR").equals("CRD");
        MLOperand split = crd ? b.reshape(x, s[0], c, size, size, s[2], s[3]) : b.reshape(x, s[0], size, size, c, s[2], s[3]);
        long[] perm = crd ? new long[] {0, 1, 4, 2, 5, 3} : new long[] {0, 3, 4, 1, 5, 2};
        MLOperand moved = b.transpose(split, MLTransposeOptions.defaults().withPermutation(perm));
        node.output(0, b.reshape(moved, new long[] {s[0], c, s[2] * size, s[3] * size}, node.options()));
    }

    private static void spaceToDepth(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = node.operand(0);
        long[] s = x.shape();
        long size = node.intAttribute("blocksize", 1);
        MLOperand split = b.reshape(x, s[0], s[1], s[2] / size, size, s[3] / size, size);
        MLOperand moved = b.transpose(split, MLTransposeOptions.defaults().withPermutation(0, 3, 5, 1, 2, 4));
        node.output(0, b.reshape(moved, new long[] {s[0], s[1] * size * size, s[2] / size, s[3] / size}, node.options()));
    }
}
