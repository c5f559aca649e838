package dev.webnn.backend.xnnpack;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Dimension permutations between a WebNN operand's logical shape and the way its value is
 * stored in the subgraph. A permutation {@code p} means stored dimension {@code i} is
 * logical dimension {@code p[i]}; {@code null} is the identity.
 */
final class Layouts {

    /** NCHW logical, NHWC stored. */
    static final int[] NCHW_AS_NHWC = {0, 2, 3, 1};

    private Layouts() {
    }

    /** The stored shape of a logical shape under a permutation. */
    static long[] apply(long[] logical, int[] perm) {
        if (perm == null) {
            return logical.clone();
        }
        long[] stored = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            stored[i] = logical[perm[i]];
        }
        return stored;
    }

    /** The permutation that undoes {@code perm}. */
    static int[] inverse(int[] perm) {
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return inverse;
    }

    /** The stored position of a logical axis. */
    static int storedAxis(int logicalAxis, int[] perm) {
        return perm == null ? logicalAxis : inverse(perm)[logicalAxis];
    }

    static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    /**
     * Whether data stored under {@code perm} has the same linear order as the logical
     * layout, because only dimensions of size 1 move (e.g. [N,C,1,1] as NHWC).
     */
    static boolean linearOrderPreserved(long[] logical, int[] perm) {
        if (perm == null) {
            return true;
        }
        int previous = -1;
        for (int axis : perm) {
            if (logical[axis] == 1) {
                continue;
            }
            if (axis < previous) {
                return false;
            }
            previous = axis;
        }
        return true;
    }

    /**
     * Copies {@code src} (logical shape {@code shape}) into {@code dst} stored under {@code perm}.
     *
     * @param elementSize bytes per element
     */
    static void permute(MemorySegment src, long[] shape, int[] perm, int elementSize, MemorySegment dst) {
        long[] stored = apply(shape, perm);
        int rank = shape.length;
        long[] logicalStrides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            logicalStrides[i] = stride;
            stride *= shape[i];
        }
        long count = stride;
        long[] index = new long[rank];
        for (long out = 0; out < count; out++) {
            long in = 0;
            for (int i = 0; i < rank; i++) {
                in += index[i] * logicalStrides[perm[i]];
            }
            MemorySegment.copy(src, in * elementSize, dst, out * elementSize, elementSize);
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < stored[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
    }
}
