package dev.webnn.onnx.convert;

import dev.webnn.MLConv2dOptions;
import dev.webnn.MLConvTranspose2dFilterOperandLayout;
import dev.webnn.MLConvTranspose2dOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLPool2dOptions;
import dev.webnn.MLRoundingType;

import java.util.Arrays;
import java.util.List;

/**
 * Conv, ConvTranspose and the pooling operators, in one or two spatial dimensions (1-D
 * windows run as 2-D with a unit width): auto_pad, pads, strides, dilations, groups,
 * ceil_mode, count_include_pad, output_padding and output_shape.
 */
final class ConvPoolConverters {

    /** A WebNN pooling operator. */
    @FunctionalInterface
    private interface Pool {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, MLPool2dOptions options);
    }

    private ConvPoolConverters() {
    }

    static void register(Registry registry) {
        registry.add("Conv", List.of("conv2d"), ConvPoolConverters::conv);
        registry.add("ConvTranspose", List.of("convTranspose2d"), ConvPoolConverters::convTranspose);
        registry.add("MaxPool", List.of("maxPool2d"), node -> pool(node, MLGraphBuilder::maxPool2d, false));
        registry.add("AveragePool", List.of("averagePool2d"), node -> pool(node, MLGraphBuilder::averagePool2d, true));
        registry.add("LpPool", List.of("l2Pool2d"), node -> {
            requireP2(node);
            pool(node, MLGraphBuilder::l2Pool2d, false);
        });
        registry.add("GlobalAveragePool", List.of("averagePool2d"), node -> globalPool(node, MLGraphBuilder::averagePool2d));
        registry.add("GlobalMaxPool", List.of("maxPool2d"), node -> globalPool(node, MLGraphBuilder::maxPool2d));
        registry.add("GlobalLpPool", List.of("l2Pool2d"), node -> {
            requireP2(node);
            globalPool(node, MLGraphBuilder::l2Pool2d);
        });
    }

    private static void requireP2(OnnxNode node) {
        if (node.intAttribute("p", 2) != 2) {
            throw node.unsupported("p = " + node.intAttribute("p", 2) + "; WebNN has only the L2 pool");
        }
    }

    /** Refuses inputs other than N, C and one or two spatial dimensions. */
    private static MLOperand requireSpatial(OnnxNode node, MLOperand x) {
        if (x.rank() != 3 && x.rank() != 4) {
            throw node.unsupported("input of rank " + x.rank() + "; WebNN has 1-D and 2-D windows only");
        }
        return x;
    }

    /** The input as 4-D: 1-D spatial inputs get a unit last dimension. */
    private static MLOperand as4d(OnnxNode node, MLOperand x) {
        long[] shape = x.shape();
        if (shape.length == 4) {
            return x;
        }
        if (shape.length == 3) {
            return node.builder().reshape(x, shape[0], shape[1], shape[2], 1);
        }
        throw node.unsupported("input of rank " + shape.length + "; WebNN has 1-D and 2-D windows only");
    }

    private static long[] spatial(long[] shape) {
        return Arrays.copyOfRange(shape, 2, shape.length);
    }

    private static MLOperand restore(OnnxNode node, MLOperand result, int rank) {
        if (rank == 4) {
            return result;
        }
        long[] shape = result.shape();
        return node.builder().reshape(result, shape[0], shape[1], shape[2]);
    }

    private static void conv(OnnxNode node) {
        MLOperand x = node.operand(0);
        node.output(0, conv(node, x, node.operand(1, x.dataType()), node.has(2) ? node.operand(2, x.dataType()) : null));
    }

    /** ONNX Conv of x with filter w and optional bias, with the node's window attributes. */
    static MLOperand conv(OnnxNode node, MLOperand input, MLOperand w, MLOperand bias) {
        MLGraphBuilder b = node.builder();
        MLOperand x = requireSpatial(node, input);
        int rank = x.rank();
        long[] wShape = w.shape();
        Windows windows = Windows.of(node, spatial(wShape), spatial(x.shape()), false);
        MLConv2dOptions options = MLConv2dOptions.defaults().withLabel(node.label())
                .withPadding(windows.padding).withStrides(windows.strides).withDilations(windows.dilations)
                .withGroups(node.intAttribute("group", 1));
        if (bias != null) {
            options = options.withBias(bias);
        }
        return restore(node, b.conv2d(as4d(node, x), as4d(node, w), options), rank);
    }

    private static void convTranspose(OnnxNode node) {
        MLGraphBuilder b = node.builder();
        MLOperand x = requireSpatial(node, node.operand(0));
        MLOperand w = node.operand(1, x.dataType());
        int rank = x.rank();
        long[] inSpatial = spatial(x.shape());
        long[] kernel = spatial(w.shape());
        int n = kernel.length;
        long[] outputPadding = node.intsAttribute("output_padding");
        long[] outputShape = node.intsAttribute("output_shape");
        Windows windows = Windows.of(node, kernel, inSpatial, true);
        long[] padding = windows.padding;
        long[] extra = new long[2];
        for (int i = 0; i < n; i++) {
            extra[i] = outputPadding == null ? 0 : outputPadding[i];
        }
        if (outputShape != null) {
            long[] wanted = Arrays.copyOfRange(outputShape, outputShape.length - n, outputShape.length);
            boolean upper = !node.stringAttribute("auto_pad", "NOTSET").equals("SAME_LOWER");
            padding = new long[4];
            for (int i = 0; i < n; i++) {
                long effective = (kernel[i] - 1) * windows.dilations[i] + 1;
                long total = windows.strides[i] * (inSpatial[i] - 1) + extra[i] + effective - wanted[i];
                if (total < 0) {
                    extra[i] -= total;
                    total = 0;
                }
                long small = total / 2;
                padding[2 * i] = upper ? small : total - small;
                padding[2 * i + 1] = total - padding[2 * i];
            }
        }
        MLConvTranspose2dOptions options = MLConvTranspose2dOptions.defaults().withLabel(node.label())
                .withPadding(padding).withStrides(windows.strides).withDilations(windows.dilations)
                .withOutputPadding(extra).withGroups(node.intAttribute("group", 1))
                .withFilterLayout(MLConvTranspose2dFilterOperandLayout.IOHW);
        if (node.has(2)) {
            options = options.withBias(node.operand(2, x.dataType()));
        }
        node.output(0, restore(node, b.convTranspose2d(as4d(node, x), as4d(node, w), options), rank));
    }

    private static void pool(OnnxNode node, Pool op, boolean average) {
        if (node.hasOutput(1)) {
            throw node.unsupported("the Indices output has no WebNN equivalent");
        }
        MLGraphBuilder b = node.builder();
        MLOperand x = requireSpatial(node, node.operand(0));
        int rank = x.rank();
        long[] kernel = node.intsAttribute("kernel_shape");
        if (kernel == null) {
            throw node.unsupported("kernel_shape is missing");
        }
        long[] inSpatial = spatial(x.shape());
        Windows windows = Windows.of(node, kernel, inSpatial, false);
        boolean ceil = node.intAttribute("ceil_mode", 0) == 1;
        MLOperand input = as4d(node, x);
        long[] padding = windows.padding;
        if (average && windows.hasPadding() && node.intAttribute("count_include_pad", 0) == 1) {
            // WebNN averages exclude padding: pad with zeros explicitly instead
            input = b.pad(input, new long[] {0, 0, padding[0], padding[2]}, new long[] {0, 0, padding[1], padding[3]});
            padding = new long[4];
            if (ceil) {
                throw node.unsupported("ceil_mode with count_include_pad");
            }
        }
        long[] sizes = new long[2];
        long[] in4 = input.shape();
        for (int i = 0; i < 2; i++) {
            long effective = (windows.kernel[i] - 1) * windows.dilations[i] + 1;
            long span = in4[2 + i] + padding[2 * i] + padding[2 * i + 1] - effective;
            long size = (ceil ? Windows.ceilDiv(span, windows.strides[i]) : Math.floorDiv(span, windows.strides[i])) + 1;
            if (ceil && (size - 1) * windows.strides[i] >= in4[2 + i] + padding[2 * i]) {
                size--;
            }
            sizes[i] = size;
        }
        MLPool2dOptions options = MLPool2dOptions.defaults().withLabel(node.label()).withWindowDimensions(windows.kernel)
                .withPadding(padding).withStrides(windows.strides).withDilations(windows.dilations)
                .withOutputShapeRounding(ceil ? MLRoundingType.CEIL : MLRoundingType.FLOOR).withOutputSizes(sizes);
        node.output(0, restore(node, op.apply(b, input, options), rank));
    }

    private static void globalPool(OnnxNode node, Pool op) {
        MLOperand x = node.operand(0);
        int rank = x.rank();
        MLOperand input = as4d(node, x);
        long[] shape = input.shape();
        MLPool2dOptions options = MLPool2dOptions.defaults().withLabel(node.label())
                .withWindowDimensions(shape[2], shape[3]);
        node.output(0, restore(node, op.apply(node.builder(), input, options), rank));
    }
}
