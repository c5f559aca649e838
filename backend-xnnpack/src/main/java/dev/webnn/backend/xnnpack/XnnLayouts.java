package dev.webnn.backend.xnnpack;

import dev.webnn.spi.Permutations;
import java.util.Arrays;

/**
 * Dimension permutations between a WebNN operand's logical shape and the way its value is
 * stored in the subgraph. A permutation {@code p} means stored dimension {@code i} is
 * logical dimension {@code p[i]}; {@code null} is the identity.
 */
final class XnnLayouts {

    /** NCHW logical, NHWC stored. */
    static final int[] NCHW_AS_NHWC = {0, 2, 3, 1};

    private XnnLayouts() {
    }

    /** The stored position of a logical axis. */
    static int storedAxis(int logicalAxis, int[] perm) {
        return perm == null ? logicalAxis : Permutations.inverse(perm)[logicalAxis];
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

}
