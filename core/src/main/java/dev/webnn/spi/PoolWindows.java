package dev.webnn.spi;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.graph.Operation.Pool2d;
import java.util.Arrays;

/**
 * Where a pooling's windows fall on its input, per spatial axis: how many input elements
 * (not padding) the window of each output position holds. A window holding none lies wholly
 * in the padding ({@code outputShapeRounding: "ceil"}, large padding or dilations); the spec
 * snapshot gives it no value (webmachinelearning/webnn#935) and both backends write 0 there,
 * as upstream WPT and Chromium do. A 2-D window is empty when its window along either axis is.
 */
public final class PoolWindows {

    private final int[][] counts;

    private PoolWindows(int[][] counts) {
        this.counts = counts;
    }

    /**
     * The windows of a pooling.
     *
     * @param op the pooling
     * @return its windows along the height and width axes
     */
    public static PoolWindows of(Pool2d op) {
        long[] shape = op.input().descriptor().shape();
        boolean nchw = op.layout() == MLInputOperandLayout.NCHW;
        long[] spatial = nchw ? new long[] {shape[2], shape[3]} : new long[] {shape[1], shape[2]};
        int[][] counts = new int[2][];
        for (int axis = 0; axis < 2; axis++) {
            counts[axis] = new int[Math.toIntExact(op.outputSizes()[axis])];
            for (int o = 0; o < counts[axis].length; o++) {
                for (long k = 0; k < op.windowDimensions()[axis]; k++) {
                    long position = o * op.strides()[axis] - op.padding()[2 * axis] + k * op.dilations()[axis];
                    counts[axis][o] += position >= 0 && position < spatial[axis] ? 1 : 0;
                }
            }
        }
        return new PoolWindows(counts);
    }

    /**
     * The number of input elements in the window of each output position along an axis.
     *
     * @param axis 0 for the height, 1 for the width
     * @return one count per output position (a copy)
     */
    public int[] inputCounts(int axis) {
        return counts[axis].clone();
    }

    /**
     * Whether some window lies wholly in the padding.
     *
     * @return true if some output position's window holds no input element
     */
    public boolean anyEmpty() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).anyMatch(count -> count == 0);
    }

    /**
     * The number of leading output positions along an axis whose windows hold no input element.
     *
     * @param axis 0 for the height, 1 for the width
     * @return how many windows from the start are empty
     */
    public int leadingEmpty(int axis) {
        int n = 0;
        while (n < counts[axis].length && counts[axis][n] == 0) {
            n++;
        }
        return n;
    }

    /**
     * The number of trailing output positions along an axis whose windows hold no input element.
     *
     * @param axis 0 for the height, 1 for the width
     * @return how many windows from the end are empty
     */
    public int trailingEmpty(int axis) {
        int n = 0;
        while (n < counts[axis].length && counts[axis][counts[axis].length - 1 - n] == 0) {
            n++;
        }
        return n;
    }

    /**
     * Whether the empty windows are only at the ends of each axis, leaving a non-empty middle
     * of non-empty windows (always so without dilations, unless every window is empty).
     *
     * @return true if trimming the leading and trailing empty positions leaves only non-empty windows
     */
    public boolean emptyOnlyAtEnds() {
        for (int axis = 0; axis < 2; axis++) {
            int end = counts[axis].length - trailingEmpty(axis);
            int start = leadingEmpty(axis);
            if (start >= end || Arrays.stream(counts[axis], start, end).anyMatch(count -> count == 0)) {
                return false;
            }
        }
        return true;
    }
}
