package dev.webnn.onnx.convert;

/**
 * Sliding-window geometry of ONNX Conv, ConvTranspose and pooling nodes in two spatial
 * dimensions: kernel, strides, dilations and the explicit padding that {@code auto_pad} and
 * {@code pads} describe, in WebNN order [begin H, end H, begin W, end W].
 */
final class Windows {

    final long[] kernel;
    final long[] strides;
    final long[] dilations;
    final long[] padding;

    private Windows(long[] kernel, long[] strides, long[] dilations, long[] padding) {
        this.kernel = kernel;
        this.strides = strides;
        this.dilations = dilations;
        this.padding = padding;
    }

    /**
     * Reads the window attributes of a node with {@code spatial} spatial dimensions (1 or 2;
     * one-dimensional windows get a unit second dimension).
     *
     * @param node the node
     * @param kernel the kernel's spatial size (from the filter or kernel_shape)
     * @param input the input's spatial size
     * @param transposed true for ConvTranspose (SAME padding follows its output formula)
     */
    static Windows of(OnnxNode node, long[] kernel, long[] input, boolean transposed) {
        int n = kernel.length;
        long[] strides = orOnes(node.intsAttribute("strides"), n);
        long[] dilations = orOnes(node.intsAttribute("dilations"), n);
        String autoPad = node.stringAttribute("auto_pad", "NOTSET");
        long[] begin = new long[n];
        long[] end = new long[n];
        switch (autoPad) {
            case "NOTSET" -> {
                long[] pads = node.intsAttribute("pads");
                if (pads != null) {
                    if (pads.length != 2 * n) {
                        throw node.unsupported("pads " + java.util.Arrays.toString(pads) + " need " + 2 * n + " values");
                    }
                    for (int i = 0; i < n; i++) {
                        begin[i] = pads[i];
                        end[i] = pads[n + i];
                    }
                }
            }
            case "VALID" -> {
                // no padding
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                for (int i = 0; i < n; i++) {
                    long effective = (kernel[i] - 1) * dilations[i] + 1;
                    long total = transposed ? Math.max(0, effective - strides[i])
                            : Math.max(0, (ceilDiv(input[i], strides[i]) - 1) * strides[i] + effective - input[i]);
                    long small = total / 2;
                    boolean upper = autoPad.equals("SAME_UPPER");
                    begin[i] = upper ? small : total - small;
                    end[i] = total - begin[i];
                }
            }
            default -> throw node.unsupported("auto_pad '" + autoPad + "'");
        }
        for (int i = 0; i < n; i++) {
            if (begin[i] < 0 || end[i] < 0) {
                throw node.unsupported("negative padding");
            }
        }
        long[] kernel2 = n == 1 ? new long[] {kernel[0], 1} : kernel;
        long[] strides2 = n == 1 ? new long[] {strides[0], 1} : strides;
        long[] dilations2 = n == 1 ? new long[] {dilations[0], 1} : dilations;
        long[] padding = n == 1 ? new long[] {begin[0], end[0], 0, 0} : new long[] {begin[0], end[0], begin[1], end[1]};
        return new Windows(kernel2, strides2, dilations2, padding);
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long[] orOnes(long[] values, int n) {
        if (values != null) {
            return values;
        }
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    boolean hasPadding() {
        for (long pad : padding) {
            if (pad != 0) {
                return true;
            }
        }
        return false;
    }
}
