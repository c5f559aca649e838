package dev.webnn.spi;

import dev.webnn.MLConv2dFilterOperandLayout;
import dev.webnn.MLConvTranspose2dFilterOperandLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Dimension permutations for backends: the filter layouts' tables, composing and applying
 * permutations to shapes, and permuting constant data once at compile time.
 *
 * <p>A permutation {@code perm} follows the spec's {@code transpose}: dimension {@code i}
 * of the result is dimension {@code perm[i]} of the source.
 */
public final class Permutations {

    private Permutations() {
    }

    /**
     * The permutation from a conv2d filter layout to OIHW (output channels, input channels
     * per group, height, width).
     *
     * @param layout the filter layout
     * @return positions of O, I, H and W in the layout
     */
    public static int[] toOihw(MLConv2dFilterOperandLayout layout) {
        return switch (Objects.requireNonNull(layout, "layout")) {
            case OIHW -> new int[] {0, 1, 2, 3};
            case HWIO -> new int[] {3, 2, 0, 1};
            case OHWI -> new int[] {0, 3, 1, 2};
            case IHWO -> new int[] {3, 0, 1, 2};
        };
    }

    /**
     * The permutation from a convTranspose2d filter layout to OIHW (output channels per
     * group, input channels, height, width).
     *
     * @param layout the filter layout
     * @return positions of O, I, H and W in the layout
     */
    public static int[] toOihw(MLConvTranspose2dFilterOperandLayout layout) {
        return switch (Objects.requireNonNull(layout, "layout")) {
            case IOHW -> new int[] {1, 0, 2, 3};
            case HWOI -> new int[] {2, 3, 0, 1};
            case OHWI -> new int[] {0, 3, 1, 2};
        };
    }

    /**
     * The permutation applying {@code first}, then {@code then}.
     *
     * @param first the first permutation
     * @param then the permutation applied to the result of {@code first}
     * @return the composition, of {@code then}'s length
     */
    public static int[] compose(int[] first, int[] then) {
        int[] result = new int[then.length];
        for (int i = 0; i < then.length; i++) {
            result[i] = first[then[i]];
        }
        return result;
    }

    /**
     * The permutation that undoes {@code perm}.
     *
     * @param perm a permutation
     * @return its inverse
     */
    public static int[] inverse(int[] perm) {
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return inverse;
    }

    /**
     * A shape permuted.
     *
     * @param shape the source dimensions
     * @param perm the permutation, or null for none
     * @return the permuted dimensions (a copy)
     */
    public static long[] apply(long[] shape, int[] perm) {
        if (perm == null) {
            return shape.clone();
        }
        long[] result = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            result[i] = shape[perm[i]];
        }
        return result;
    }

    /**
     * Copies the elements of {@code src} (dimensions {@code shape}) into {@code dst} in the
     * order of the permuted tensor.
     *
     * @param src the source elements, densely in row-major order
     * @param shape the source dimensions
     * @param perm the permutation
     * @param elementSize bytes per element
     * @param dst receives the permuted elements; at least as large as {@code src}
     */
    public static void permute(MemorySegment src, long[] shape, int[] perm, int elementSize, MemorySegment dst) {
        long[] permuted = apply(shape, perm);
        int rank = shape.length;
        long[] sourceStrides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            sourceStrides[i] = stride;
            stride *= shape[i];
        }
        long count = stride;
        long[] index = new long[rank];
        for (long out = 0; out < count; out++) {
            long in = 0;
            for (int i = 0; i < rank; i++) {
                in += index[i] * sourceStrides[perm[i]];
            }
            MemorySegment.copy(src, in * elementSize, dst, out * elementSize, elementSize);
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < permuted[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
    }
}
