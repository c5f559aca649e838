package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.bindings.xnnpack.xnn_unary_params;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * XNNPACK lowering of the activation and element-wise unary operators.
 *
 * <p>Every operator here computes each element on its own (softmax: each row along one axis),
 * so it runs in whatever layout its input is stored in and its output keeps that layout.
 * Most map to one {@code xnn_define_unary} node; {@code relu} and {@code clamp} are clamp
 * nodes; {@code identity} is a copy; {@code prelu} and {@code pow} are binary nodes;
 * {@code softmax} works on the last stored dimension, with transposes around it for other
 * axes. {@code linear}, {@code hardSigmoid}, {@code softsign} and {@code hardSwish} are
 * compositions of binary nodes with scalar constants following the spec's formulas, each
 * rounding once per formula step.
 *
 * <p>Where an XNNPACK float32 kernel is not exact for some inputs, the operator is built
 * from other nodes: {@code neg} multiplies by -1, {@code sqrt} is {@code pow(x, 0.5)},
 * {@code sigmoid} clamps its input first and {@code hardSwish} avoids the fused kernel (see
 * each method). Still known: {@code log} scales by sqrt(2) before taking the exponent, so
 * inputs above about 2.4e38 give +Infinity; and XNNPACK computes with denormals flushed to
 * zero, in every operator.
 *
 * <p>float16 runs through the same nodes, with every scalar constant made in float16;
 * {@code sigmoid}, {@code sign} and {@code softmax} compute in float32 between convert nodes
 * (see {@link #inFloat32}).
 *
 * <p>Not lowered: {@code gelu}, whose XNNPACK kernel is a rational approximation that is
 * tens to millions of ULP off below x = -2 (the spec's erf form is not composable from
 * XNNPACK nodes); {@code softplus}, because {@code log(1 + exp(x))} from XNNPACK's kernels
 * loses all precision where {@code exp(x)} is small next to 1 and overflows for large x.
 */
final class XnnActivationLowering {

    /** Operators lowered to a final clamp node (which XNNPACK may fuse with a following clamp). */
    private static final Set<Op> CLAMP_LIKE = EnumSet.of(Op.CLAMP, Op.RELU, Op.HARD_SIGMOID);

    /** Magnitude beyond which float32 sigmoid is 0 (flushed) or 1. */
    private static final float SIGMOID_SATURATION = 100f;

    private XnnActivationLowering() {
    }

    /** Adds this family's lowerings to the registry. */
    static void register(Map<Op, XnnOpLowering> map) {
        map.put(Op.ABS, unary(Xnnpack.xnn_unary_abs()));
        map.put(Op.CEIL, unary(Xnnpack.xnn_unary_ceiling()));
        map.put(Op.FLOOR, unary(Xnnpack.xnn_unary_floor()));
        map.put(Op.EXP, unary(Xnnpack.xnn_unary_exp()));
        map.put(Op.LOG, unary(Xnnpack.xnn_unary_log()));
        map.put(Op.TANH, unary(Xnnpack.xnn_unary_tanh()));
        // Halves to even, as roundEven; sign gives +0 for zeros and NaN, as the spec's emulation.
        map.put(Op.ROUND_EVEN, unary(Xnnpack.xnn_unary_bankers_rounding()));
        map.put(Op.SIGN, unaryInFloat32(Xnnpack.xnn_unary_sign()));
        map.put(Op.ELU, XnnActivationLowering::elu);
        map.put(Op.LEAKY_RELU, XnnActivationLowering::leakyRelu);
        map.put(Op.RELU, (node, lowering) -> clamp(node, lowering, 0f, Float.POSITIVE_INFINITY));
        map.put(Op.CLAMP, (node, lowering) -> clamp(node, lowering, minValue(node), maxValue(node)));
        map.put(Op.IDENTITY, XnnActivationLowering::identity);
        map.put(Op.NEG, XnnActivationLowering::neg);
        map.put(Op.SQRT, XnnActivationLowering::sqrt);
        map.put(Op.SIGMOID, XnnActivationLowering::sigmoid);
        map.put(Op.HARD_SWISH, XnnActivationLowering::hardSwish);
        map.put(Op.LINEAR, XnnActivationLowering::linear);
        map.put(Op.HARD_SIGMOID, XnnActivationLowering::hardSigmoid);
        map.put(Op.SOFTSIGN, XnnActivationLowering::softsign);
        map.put(Op.PRELU, binary(Xnnpack.xnn_binary_prelu(), "input", "slope"));
        map.put(Op.POW, binary(Xnnpack.xnn_binary_pow(), "a", "b"));
        map.put(Op.SOFTMAX, XnnActivationLowering::softmax);
    }

    /** An operator that is one parameterless unary node. */
    private static XnnOpLowering unary(int type) {
        return (node, lowering) -> {
            XnnLowering.Value in = lowering.value(node.input("input"));
            defineUnary(lowering, type, NULL, in.id(), lowering.define(node.output(), in.perm()), node);
        };
    }

    /**
     * An operator that is one parameterless unary node, computed in float32 for float16
     * tensors (see {@link #inFloat32}).
     */
    private static XnnOpLowering unaryInFloat32(int type) {
        return (node, lowering) -> {
            XnnLowering.Value in = lowering.value(node.input("input"));
            inFloat32(node, lowering, in, lowering.define(node.output(), in.perm()),
                    (x, y) -> defineUnary(lowering, type, NULL, x, y, node));
        };
    }

    /** Defines nodes computing a float32 value {@code y} from a float32 value {@code x}. */
    @FunctionalInterface
    private interface Float32Body {
        void define(int x, int y);
    }

    /**
     * Defines {@code body} from the value {@code in} to {@code out}; for a float16 input, on
     * float32 copies: the input is converted up (exactly), {@code body} runs on float32
     * values and its result is converted down, rounding once. Used where XNNPACK's float16
     * kernel is less accurate than WPT's float16 tolerance allows; only convert nodes join
     * the float16 and float32 values.
     */
    private static void inFloat32(Node node, XnnLowering lowering, XnnLowering.Value in, int out, Float32Body body) {
        MLOperandDescriptor d = node.input("input").descriptor();
        if (d.dataType() != MLOperandDataType.FLOAT16) {
            body.define(in.id(), out);
            return;
        }
        long[] stored = Layouts.apply(d.shape(), in.perm());
        int wide = lowering.subgraph().internal(MLOperandDataType.FLOAT32, stored);
        defineUnary(lowering, Xnnpack.xnn_unary_convert(), NULL, in.id(), wide, node);
        int result = lowering.subgraph().internal(MLOperandDataType.FLOAT32, stored);
        body.define(wide, result);
        defineUnary(lowering, Xnnpack.xnn_unary_convert(), NULL, result, out, node);
    }

    private static void elu(Node node, XnnLowering lowering) {
        MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
        xnn_unary_params.elu.alpha(xnn_unary_params.elu(params), alpha(node));
        XnnLowering.Value in = lowering.value(node.input("input"));
        defineUnary(lowering, Xnnpack.xnn_unary_elu(), params, in.id(), lowering.define(node.output(), in.perm()), node);
    }

    private static void leakyRelu(Node node, XnnLowering lowering) {
        MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
        xnn_unary_params.leaky_relu.negative_slope(xnn_unary_params.leaky_relu(params), alpha(node));
        XnnLowering.Value in = lowering.value(node.input("input"));
        defineUnary(lowering, Xnnpack.xnn_unary_leaky_relu(), params, in.id(),
                lowering.define(node.output(), in.perm()), node);
    }

    /** The {@code alpha} attribute cast to float32, as the spec casts it to the input's type. */
    private static float alpha(Node node) {
        return (float) node.attributes().real("alpha");
    }

    /**
     * clamp's {@code minValue} as float32; NaN is no bound (as XNNPACK's clamp kernels and the
     * WPT cases have it), made -Infinity so that no NaN reaches XNNPACK's fusion of clamp
     * ranges: a convolution or pooling node given a fused NaN bound fails to be created.
     * Package-private for lowerings that fold a clamp into their own output bounds.
     *
     * @param node a clamp node
     * @return the lower bound, never NaN
     */
    static float minValue(Node node) {
        float min = node.attributes().number("minValue").toFloat32();
        return Float.isNaN(min) ? Float.NEGATIVE_INFINITY : min;
    }

    /**
     * clamp's {@code maxValue} as float32, NaN made +Infinity (see {@link #minValue}).
     *
     * @param node a clamp node
     * @return the upper bound, never NaN
     */
    static float maxValue(Node node) {
        float max = node.attributes().number("maxValue").toFloat32();
        return Float.isNaN(max) ? Float.POSITIVE_INFINITY : max;
    }

    /**
     * {@code min(max(x, min), max)}.
     *
     * <p>XNNPACK's subgraph removes copy nodes and fuses a clamp node into a producing node
     * that clamps by intersecting the two ranges. That is the composition only while the
     * ranges overlap, so when this clamp's input comes (through identities) from a clamp-like
     * operator whose output range is disjoint from {@code [min, max]}, the bounds are applied
     * as maximum and minimum nodes instead, which are never fused.
     */
    private static void clamp(Node node, XnnLowering lowering, float min, float max) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        clampInto(lowering, node, input, in.id(), min, max, lowering.define(node.output(), in.perm()));
    }

    /** Defines {@code out = clamp(x, min, max)} for the value {@code x} of {@code input}, guarding against fusion. */
    private static void clampInto(XnnLowering lowering, Node node, Operand input, int x, float min, float max, int out) {
        if (!fusesWrongly(input, min, max, lowering)) {
            defineClamp(lowering, min, max, x, out, node);
            return;
        }
        boolean lower = min != Float.NEGATIVE_INFINITY;
        boolean upper = max != Float.POSITIVE_INFINITY;
        if (!lower && !upper) {
            XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), x, out, 0), "define " + node.op().specName());
            return;
        }
        int raised = x;
        if (lower) {
            raised = upper ? internalLike(lowering, input, lowering.value(input).perm()) : out;
            defineBinary(lowering, Xnnpack.xnn_binary_maximum(), x, scalar(lowering, input, min), raised, node);
        }
        if (upper) {
            defineBinary(lowering, Xnnpack.xnn_binary_minimum(), raised, scalar(lowering, input, max), out, node);
        }
    }

    /**
     * Whether XNNPACK would fuse a clamp to {@code [min, max]} of {@code input} into the
     * clamp-like node producing it (through identities) with a wrong result: the producer's
     * output range and {@code [min, max]} do not overlap.
     */
    private static boolean fusesWrongly(Operand input, float min, float max, XnnLowering lowering) {
        Node producer = clampLikeProducer(input, lowering);
        if (producer == null) {
            return false;
        }
        float[] range = range(producer, lowering);
        return min > range[1] || max < range[0];
    }

    /**
     * The {@code [lowest, highest]} values a clamp-like node outputs, following chains of
     * clamp-like nodes and identities (unbounded past them).
     */
    private static float[] range(Node node, XnnLowering lowering) {
        if (node.op() == Op.HARD_SIGMOID) {
            return new float[] {0f, 1f};
        }
        Node producer = clampLikeProducer(node.input("input"), lowering);
        float[] below = producer != null ? range(producer, lowering)
                : new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        float min = node.op() == Op.RELU ? 0f : minValue(node);
        float max = node.op() == Op.RELU ? Float.POSITIVE_INFINITY : maxValue(node);
        return new float[] {Math.min(Math.max(below[0], min), max), Math.min(Math.max(below[1], min), max)};
    }

    /** The clamp-like node computing an operand, looking through identities; null if none. */
    private static Node clampLikeProducer(Operand operand, XnnLowering lowering) {
        Node producer = lowering.producer(operand);
        while (producer != null && producer.op() == Op.IDENTITY) {
            producer = lowering.producer(producer.input("input"));
        }
        return producer != null && CLAMP_LIKE.contains(producer.op()) ? producer : null;
    }

    private static void identity(Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(node.input("input"));
        XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), in.id(),
                lowering.define(node.output(), in.perm()), 0), "define identity");
    }

    /**
     * {@code -x} as {@code x * -1}: exact for every value, where XNNPACK's x86 negate kernels
     * compute {@code 0 - x} and so give +0 for +0.
     */
    private static void neg(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        defineBinary(lowering, Xnnpack.xnn_binary_multiply(), in.id(), scalar(lowering, input, -1f),
                lowering.define(node.output(), in.perm()), node);
    }

    /**
     * {@code sqrt(x)} as {@code pow(x, 0.5)} (XNNPACK's reference kernel, the C library's
     * {@code powf}: within 1 ULP). XNNPACK's x86 square-root kernels refine a reciprocal
     * square root estimate whose square underflows above about 8.5e37, giving 1.5 times the
     * root there and NaN for +Infinity. Differs from IEEE sqrt only for -0 (+0) and -Infinity
     * (+Infinity).
     */
    private static void sqrt(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        squareRoot(lowering, input.descriptor().dataType(), input.descriptor().rank(), in.id(),
                lowering.define(node.output(), in.perm()), node);
    }

    /**
     * Defines {@code out = sqrt(in)} as {@link #sqrt} computes it, for values of {@code type}
     * and {@code rank}; for other lowerings that take square roots.
     */
    static void squareRoot(XnnLowering lowering, MLOperandDataType type, int rank, int in, int out, Node node) {
        defineBinary(lowering, Xnnpack.xnn_binary_pow(), in, lowering.scalar(type, rank, 0.5), out, node);
    }

    /**
     * Sigmoid of the input clamped to [-100, 100], where sigmoid is 0 (below the float32
     * normal range, which XNNPACK flushes) and 1 already: XNNPACK's AVX-512 sigmoid kernel
     * gives NaN for magnitudes above about 8e26. float16 runs in float32: XNNPACK's float16
     * kernel returns 0 wherever sigmoid is a float16 subnormal (inputs below about -9.7).
     */
    private static void sigmoid(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        int out = lowering.define(node.output(), in.perm());
        if (input.descriptor().dataType() == MLOperandDataType.FLOAT16) {
            long[] stored = Layouts.apply(input.descriptor().shape(), in.perm());
            inFloat32(node, lowering, in, out, (x, y) -> {
                int bounded = lowering.subgraph().internal(MLOperandDataType.FLOAT32, stored);
                defineClamp(lowering, -SIGMOID_SATURATION, SIGMOID_SATURATION, x, bounded, node);
                defineUnary(lowering, Xnnpack.xnn_unary_sigmoid(), NULL, bounded, y, node);
            });
            return;
        }
        int bounded = internalLike(lowering, input, in.perm());
        clampInto(lowering, node, input, in.id(), -SIGMOID_SATURATION, SIGMOID_SATURATION, bounded);
        defineUnary(lowering, Xnnpack.xnn_unary_sigmoid(), NULL, bounded, out, node);
    }

    /**
     * {@code x * (max(0, min(6, x + 3)) / 6)} node by node: XNNPACK's hardswish kernel
     * computes {@code x * (x / 6 + 0.5)}, hundreds of ULP off near -3 where the sum cancels.
     * Dividing the ramp before multiplying (the spec's formula multiplies first) rounds as
     * often, cannot overflow for large x and gives exactly x from 3 up.
     */
    private static void hardSwish(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        int shifted = internalLike(lowering, input, in.perm());
        defineBinary(lowering, Xnnpack.xnn_binary_add(), in.id(), scalar(lowering, input, 3f), shifted, node);
        int ramp = internalLike(lowering, input, in.perm());
        defineClamp(lowering, 0f, 6f, shifted, ramp, node);
        int gate = internalLike(lowering, input, in.perm());
        defineBinary(lowering, Xnnpack.xnn_binary_divide(), ramp, scalar(lowering, input, 6f), gate, node);
        defineBinary(lowering, Xnnpack.xnn_binary_multiply(), in.id(), gate,
                lowering.define(node.output(), in.perm()), node);
    }

    /** {@code alpha * x + beta}: a multiply, then an add. */
    private static void linear(Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(node.input("input"));
        scaleAndShift(node, lowering, in, lowering.define(node.output(), in.perm()));
    }

    /** {@code max(0, min(1, alpha * x + beta))}: a multiply, an add, then a clamp to [0, 1]. */
    private static void hardSigmoid(Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(node.input("input"));
        int shifted = scaleAndShift(node, lowering, in, internalLike(lowering, node.output(), in.perm()));
        defineClamp(lowering, 0f, 1f, shifted, lowering.define(node.output(), in.perm()), node);
    }

    /**
     * Defines {@code alpha * x + beta} (attributes {@code alpha}, {@code beta}) into {@code out}.
     *
     * @return {@code out}
     */
    private static int scaleAndShift(Node node, XnnLowering lowering, XnnLowering.Value in, int out) {
        Operand input = node.input("input");
        int scaled = internalLike(lowering, node.output(), in.perm());
        defineBinary(lowering, Xnnpack.xnn_binary_multiply(), in.id(),
                scalar(lowering, input, node.attributes().real("alpha")), scaled, node);
        double beta = node.attributes().real("beta");
        defineBinary(lowering, Xnnpack.xnn_binary_add(), scaled, scalar(lowering, input, beta), out, node);
        return out;
    }

    /** {@code x / (1 + |x|)}: abs, add, divide. */
    private static void softsign(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        int magnitude = internalLike(lowering, node.output(), in.perm());
        defineUnary(lowering, Xnnpack.xnn_unary_abs(), NULL, in.id(), magnitude, node);
        int denominator = internalLike(lowering, node.output(), in.perm());
        defineBinary(lowering, Xnnpack.xnn_binary_add(), magnitude, scalar(lowering, input, 1f), denominator, node);
        defineBinary(lowering, Xnnpack.xnn_binary_divide(), in.id(), denominator,
                lowering.define(node.output(), in.perm()), node);
    }

    /**
     * A binary operator over two input roles, computed in the layout the variable inputs share
     * (as the element-wise binary operators).
     */
    private static XnnOpLowering binary(int type, String first, String second) {
        return (node, lowering) -> {
            int[] perm = XnnElementwiseLowering.sharedLayout(node, lowering);
            int a = XnnElementwiseLowering.operandIn(node.input(first), node, perm, lowering);
            int b = XnnElementwiseLowering.operandIn(node.input(second), node, perm, lowering);
            defineBinary(lowering, type, a, b, lowering.define(node.output(), perm), node);
        };
    }

    /**
     * Softmax along the stored position of {@code axis}. XNNPACK normalizes the last
     * dimension, so another axis is first moved last (constants at compile time, values by a
     * transpose) and the result transposed back to the input's layout. float16 runs in
     * float32 ({@link #inFloat32}): XNNPACK's float16 softmax returns 0 where the result is a
     * float16 subnormal (75 ULP off at 4.5e-6, against WPT's 15).
     */
    private static void softmax(Node node, XnnLowering lowering) {
        Operand input = node.input("input");
        XnnLowering.Value in = lowering.value(input);
        inFloat32(node, lowering, in, lowering.define(node.output(), in.perm()),
                (x, y) -> softmaxAlongAxis(node, lowering, in, x, y));
    }

    /** Softmax from {@code x} to {@code y}, float32 values (or the input's own type) stored like the input. */
    private static void softmaxAlongAxis(Node node, XnnLowering lowering, XnnLowering.Value in, int x, int y) {
        Operand input = node.input("input");
        int rank = input.descriptor().rank();
        int axis = Layouts.storedAxis((int) node.attributes().integer("axis"), in.perm());
        if (axis == rank - 1) {
            defineSoftmax(lowering, x, y, node);
            return;
        }
        int[] toLast = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != axis) {
                toLast[j++] = i;
            }
        }
        toLast[rank - 1] = axis;
        int[] movedPerm = new int[rank];
        for (int i = 0; i < rank; i++) {
            movedPerm[i] = in.perm() == null ? toLast[i] : in.perm()[toLast[i]];
        }
        MLOperandDataType type = x == in.id() ? input.descriptor().dataType() : MLOperandDataType.FLOAT32;
        long[] movedShape = Layouts.apply(input.descriptor().shape(), movedPerm);
        int moved;
        if (x == in.id() && lowering.graph().isConstant(input)) {
            moved = lowering.stored(input, movedPerm);
        } else {
            moved = lowering.subgraph().internal(type, movedShape);
            lowering.transpose(x, toLast, moved);
        }
        int normalized = lowering.subgraph().internal(type, movedShape);
        defineSoftmax(lowering, moved, normalized, node);
        lowering.transpose(normalized, Layouts.inverse(toLast), y);
    }

    /** A new internal value with an operand's type and shape, stored under {@code perm}. */
    private static int internalLike(XnnLowering lowering, Operand operand, int[] perm) {
        return lowering.subgraph().internal(operand.descriptor().dataType(),
                Layouts.apply(operand.descriptor().shape(), perm));
    }

    /** A scalar constant of an operand's data type, broadcasting against it in any layout. */
    private static int scalar(XnnLowering lowering, Operand like, double value) {
        return lowering.scalar(like.descriptor().dataType(), like.descriptor().rank(), value);
    }

    /** Defines {@code out = unary(in)}, naming the node's operator if XNNPACK refuses it. */
    static void defineUnary(XnnLowering lowering, int type, MemorySegment params, int in, int out, Node node) {
        XnnStatus.check(Xnnpack.xnn_define_unary(lowering.subgraph().handle(), type, params, in, out, 0),
                "define " + node.op().specName());
    }

    private static void defineClamp(XnnLowering lowering, float min, float max, int in, int out, Node node) {
        MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
        MemorySegment clamp = xnn_unary_params.clamp(params);
        xnn_unary_params.clamp.min(clamp, min);
        xnn_unary_params.clamp.max(clamp, max);
        defineUnary(lowering, Xnnpack.xnn_unary_clamp(), params, in, out, node);
    }

    /** Defines {@code out = binary(a, b)}, naming the node's operator if XNNPACK refuses it. */
    static void defineBinary(XnnLowering lowering, int type, int a, int b, int out, Node node) {
        XnnStatus.check(Xnnpack.xnn_define_binary(lowering.subgraph().handle(), type, NULL, a, b, out, 0),
                "define " + node.op().specName());
    }

    private static void defineSoftmax(XnnLowering lowering, int in, int out, Node node) {
        XnnStatus.check(Xnnpack.xnn_define_softmax(lowering.subgraph().handle(), in, out, 0),
                "define " + node.op().specName());
    }
}
