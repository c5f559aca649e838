package dev.webnn.onnx.convert;

import java.util.Arrays;

/**
 * Axis arithmetic shared by converters and folders: ONNX allows negative axes counted from
 * the end.
 */
final class Axes {

    private Axes() {
    }

    /** Normalises one axis into [0, rank); refuses it outside [-rank, rank). */
    static int normalize(OnnxNode node, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw node.unsupported("axis " + axis + " is outside [" + -rank + ", " + rank + ")");
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Normalises axes and sorts them; refuses duplicates. */
    static long[] normalize(OnnxNode node, long[] axes, int rank) {
        long[] result = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            result[i] = normalize(node, axes[i], rank);
        }
        Arrays.sort(result);
        for (int i = 1; i < result.length; i++) {
            if (result[i] == result[i - 1]) {
                throw node.unsupported("axes " + Arrays.toString(axes) + " repeat an axis");
            }
        }
        return result;
    }

    /** All axes from {@code from} to rank - 1. */
    static long[] range(int from, int rank) {
        long[] axes = new long[Math.max(0, rank - from)];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = from + i;
        }
        return axes;
    }

    /** The product of dimensions [from, to). */
    static long product(long[] shape, int from, int to) {
        long product = 1;
        for (int i = from; i < to; i++) {
            product = Math.multiplyExact(product, shape[i]);
        }
        return product;
    }
}
