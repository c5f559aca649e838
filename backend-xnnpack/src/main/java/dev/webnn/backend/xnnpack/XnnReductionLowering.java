package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Reduce;
import dev.webnn.spi.Permutations;
import java.util.Arrays;

/**
 * XNNPACK lowering of the reductions XNNPACK has a node for ({@code reduceSum},
 * {@code reduceMean}) and of those the spec defines from {@code reduceSum}, composed as
 * the spec's formulas, each step rounded to the data type, and of {@code reduceMax} and
 * {@code reduceMin} through max pooling (see {@link #extremum}):
 * {@code reduceL1 = reduceSum(abs(x))}, {@code reduceSumSquare = reduceSum(x * x)},
 * {@code reduceL2 = sqrt(reduceSumSquare(x))} and {@code reduceLogSum = log(reduceSum(x))}.
 *
 * <p>{@code reduceLogSumExp} is not lowered: the spec's {@code log(reduceSum(exp(x)))}
 * overflows once an input exceeds about 88.7, and where the sum of exponentials is near 1
 * the logarithm amplifies its rounding (on the differential fuzzer's graphs, 170 ULP from
 * the exact result against WPT's 44 ULP tolerance). The accurate form shifts by the largest
 * reduced value, which needs a max reduction and a
 * further exp/sum/log chain; not composed yet.
 *
 * <p>For float16 tensors {@code reduceL2} and {@code reduceLogSum} run in float32 between two
 * convert nodes: their sums (of squares) overflow float16 (above 65504) where the norm or the
 * logarithm does not, and WPT expects the finite result. The plain sums, mean and L1 need no
 * widening: XNNPACK's float16 reduction accumulates in float32 and the result itself is what
 * overflows, if anything.
 *
 * <p>Every reduction runs on the input in its logical layout over the {@code axes}
 * attribute, keeping reduced dimensions (as 1s) when {@code keepDimensions} is true. Empty
 * axes reduce nothing: the element-wise steps of the formula still apply, so
 * {@code reduceL1} with empty axes is {@code abs(x)}, as the spec's emulation gives.
 */
final class XnnReductionLowering {

    private XnnReductionLowering() {
    }

    /** An element-wise step of a composed reduction, from value {@code in} to value {@code out}. */
    @FunctionalInterface
    private interface Step {
        void define(XnnLowering lowering, Node node, MLOperandDataType type, int rank, int in, int out);
    }

    private static Step unary(int type) {
        return (lowering, node, dataType, rank, in, out) ->
                lowering.defineUnary(type, NULL, in, out, node);
    }

    private static final Step SQUARE = (lowering, node, type, rank, in, out) ->
            lowering.defineBinary(Xnnpack.xnn_binary_multiply(), in, in, out, node);

    private static final Step SQUARE_ROOT = (lowering, node, type, rank, in, out) ->
            lowering.squareRoot(type, rank, in, out, node);

    /** The reductions, each one reduce node with element-wise steps around it. */
    static void reduce(Reduce op, Node node, XnnLowering lowering) {
        int sum = Xnnpack.xnn_reduce_sum();
        switch (op.kind()) {
            case REDUCE_SUM -> reduction(op, node, lowering, sum, null, null, false);
            case REDUCE_MEAN -> reduction(op, node, lowering, Xnnpack.xnn_reduce_mean(), null, null, false);
            case REDUCE_L1 -> reduction(op, node, lowering, sum, unary(Xnnpack.xnn_unary_abs()), null, false);
            case REDUCE_SUM_SQUARE -> reduction(op, node, lowering, sum, SQUARE, null, false);
            case REDUCE_L2 -> reduction(op, node, lowering, sum, SQUARE, SQUARE_ROOT, true);
            case REDUCE_LOG_SUM -> reduction(op, node, lowering, sum, null, unary(Xnnpack.xnn_unary_log()), true);
            case REDUCE_MAX -> extremum(op, node, lowering, false);
            case REDUCE_MIN -> extremum(op, node, lowering, true);
            case REDUCE_LOG_SUM_EXP, REDUCE_PRODUCT -> throw XnnLowering.unsupported(node);
        }
    }

    /**
     * {@code after(reduce(before(x)))} for the reduction {@code operator}; a null step is
     * left out. With {@code wide}, a float16 input is converted to float32 (exactly), the
     * steps run in float32 and the result is converted back, rounding once.
     */
    private static void reduction(Reduce op, Node node, XnnLowering lowering, int operator, Step before, Step after,
                                  boolean wide) {
        Operand in = op.input();
        MLOperandDescriptor d = in.descriptor();
        MLOperandDescriptor out = node.output().descriptor();
        boolean widen = wide && d.dataType() == MLOperandDataType.FLOAT16;
        MLOperandDataType type = widen ? MLOperandDataType.FLOAT32 : d.dataType();
        int x = lowering.logical(in);
        int output = lowering.define(node.output(), null);
        if (widen) {
            int widened = lowering.subgraph().internal(type, d.shape());
            lowering.defineUnary(Xnnpack.xnn_unary_convert(), NULL, x, widened, node);
            x = widened;
        }
        if (before != null) {
            int mapped = lowering.subgraph().internal(type, d.shape());
            before.define(lowering, node, type, d.rank(), x, mapped);
            x = mapped;
        }
        int result = widen ? lowering.subgraph().internal(type, out.shape()) : output;
        int reduced = after == null ? result : lowering.subgraph().internal(type, out.shape());
        reduce(lowering, operator, Arrays.stream(op.axes()).asLongStream().toArray(), op.keepDimensions(), x,
                reduced);
        if (after != null) {
            after.define(lowering, node, type, out.rank(), reduced, result);
        }
        if (widen) {
            lowering.defineUnary(Xnnpack.xnn_unary_convert(), NULL, result, output, node);
        }
    }

    /**
     * reduceMax, and reduceMin as {@code -reduceMax(-x)} (negation is exact), through max
     * pooling, which XNNPACK has and a max reduction it has not: the reduced axes are moved
     * in front of the kept ones, the data is viewed as an NHWC image [1, reduced, 1, kept]
     * and pooled with a [reduced, 1] window, each kept element being a channel. The result
     * has the kept axes in their order, so a reshape gives either output shape.
     */
    private static void extremum(Reduce op, Node node, XnnLowering lowering, boolean min) {
        Operand in = op.input();
        MLOperandDescriptor d = in.descriptor();
        MLOperandDataType type = d.dataType();
        long[] shape = d.shape();
        int[] axes = op.axes();
        long reducedCount = 1;
        int[] perm = new int[shape.length];
        int next = 0;
        for (int axis : axes) {
            perm[next++] = axis;
            reducedCount *= shape[axis];
        }
        for (int axis = 0; axis < shape.length; axis++) {
            int kept = axis;
            if (Arrays.stream(axes).noneMatch(a -> a == kept)) {
                perm[next++] = axis;
            }
        }
        long keptCount = d.elementCount() / Math.max(1, reducedCount);
        int output = lowering.define(node.output(), null);
        int x = lowering.logical(in);
        if (axes.length == 0) {
            reduce(lowering, Xnnpack.xnn_reduce_sum(), new long[0], false, x, output);
            return;
        }
        if (min) {
            x = negated(lowering, node, type, shape, x);
        }
        if (!XnnLayouts.linearOrderPreserved(shape, perm)) {
            int moved = lowering.subgraph().internal(type, Permutations.apply(shape, perm));
            lowering.transpose(x, perm, moved);
            x = moved;
        }
        long[] image = {1, reducedCount, 1, keptCount};
        int pooled = lowering.subgraph().internal(type, new long[] {1, 1, 1, keptCount});
        int viewed = lowering.subgraph().internal(type, image);
        XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), 4, lowering.subgraph().sizes(image),
                x, viewed, 0), "define a reshape");
        if (reducedCount > 1) {
            XnnStatus.check(Xnnpack.xnn_define_max_pooling_2d(lowering.subgraph().handle(), 0, 0, 0, 0, (int) reducedCount,
                    1, 1, 1, 1, 1, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, viewed, pooled, 0),
                    "define " + node.op().specName());
        } else {
            pooled = viewed;
        }
        long[] outShape = node.output().descriptor().shape();
        int result = min ? lowering.subgraph().internal(type, outShape) : output;
        XnnStatus.check(Xnnpack.xnn_define_static_reshape(lowering.subgraph().handle(), outShape.length,
                lowering.subgraph().sizes(outShape), pooled, result, 0), "define a reshape");
        if (min) {
            lowering.defineBinary(Xnnpack.xnn_binary_multiply(), result, lowering.scalar(type, outShape.length, -1), output,
                    node);
        }
    }

    /** {@code -x} as a multiply by -1 (exact, where XNNPACK's negate kernel is not for every input). */
    private static int negated(XnnLowering lowering, Node node, MLOperandDataType type, long[] shape, int x) {
        int negative = lowering.subgraph().internal(type, shape);
        lowering.defineBinary(Xnnpack.xnn_binary_multiply(), x, lowering.scalar(type, shape.length, -1), negative, node);
        return negative;
    }

    /**
     * Defines {@code output = reduce(input)} over {@code axes} (of the input as the value is
     * stored), a copy when there are none.
     *
     * @param lowering the lowering
     * @param operator an {@code xnn_reduce_operator}
     * @param axes the axes to reduce
     * @param keepDimensions whether reduced dimensions stay as 1s
     * @param input the value to reduce
     * @param output the value receiving the result
     */
    static void reduce(XnnLowering lowering, int operator, long[] axes, boolean keepDimensions, int input, int output) {
        if (axes.length == 0) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), input, output, 0), "define a copy");
            return;
        }
        XnnStatus.check(Xnnpack.xnn_define_static_reduce(lowering.subgraph().handle(), operator, axes.length,
                lowering.subgraph().sizes(axes), input, output, keepDimensions ? Xnnpack.XNN_FLAG_KEEP_DIMS() : 0),
                "define a reduction");
    }
}
