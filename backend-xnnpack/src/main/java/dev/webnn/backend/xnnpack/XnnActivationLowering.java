package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.bindings.xnnpack.xnn_unary_params;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.Clamp;
import dev.webnn.graph.Operation.Elu;
import dev.webnn.graph.Operation.HardSigmoid;
import dev.webnn.graph.Operation.LeakyRelu;
import dev.webnn.graph.Operation.Linear;
import dev.webnn.graph.Operation.Prelu;
import dev.webnn.graph.Operation.Softmax;
import dev.webnn.graph.Operation.Unary;
import dev.webnn.spi.Permutations;
import java.lang.foreign.MemorySegment;

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
 * <p>{@code erf} has no XNNPACK kernel and is composed in float32 from a polynomial
 * approximation, within 5e-7 absolute (see {@link #erf}).
 *
 * <p>Not lowered: {@code gelu}, whose XNNPACK kernel is a rational approximation that is
 * tens to millions of ULP off below x = -2 (and the composed erf, accurate in absolute
 * terms, is not accurate enough relative to the tiny {@code 1 + erf(x / sqrt 2)} there for
 * gelu's 18-ULP tolerance); {@code softplus}, because {@code log(1 + exp(x))} from XNNPACK's kernels
 * loses all precision where {@code exp(x)} is small next to 1 and overflows for large x.
 */
final class XnnActivationLowering {

    /** Magnitude beyond which float32 sigmoid is 0 (flushed) or 1. */
    private static final float SIGMOID_SATURATION = 100f;

    private XnnActivationLowering() {
    }

    /** The element-wise unary operators and the activations without options. */
    static void unary(Unary op, Node node, XnnLowering lowering) {
        Operand input = op.input();
        switch (op.kind()) {
            case ABS -> plain(Xnnpack.xnn_unary_abs(), input, node, lowering);
            case CEIL -> plain(Xnnpack.xnn_unary_ceiling(), input, node, lowering);
            case FLOOR -> plain(Xnnpack.xnn_unary_floor(), input, node, lowering);
            case EXP -> plain(Xnnpack.xnn_unary_exp(), input, node, lowering);
            case LOG -> plain(Xnnpack.xnn_unary_log(), input, node, lowering);
            case TANH -> plain(Xnnpack.xnn_unary_tanh(), input, node, lowering);
            // Halves to even, as roundEven; sign gives +0 for zeros and NaN, as the spec's emulation.
            case ROUND_EVEN -> plain(Xnnpack.xnn_unary_bankers_rounding(), input, node, lowering);
            case SIGN -> plainInFloat32(Xnnpack.xnn_unary_sign(), input, node, lowering);
            case IDENTITY -> identity(input, node, lowering);
            case NEG -> neg(input, node, lowering);
            case SQRT -> sqrt(input, node, lowering);
            case SIGMOID -> sigmoid(input, node, lowering);
            case HARD_SWISH -> hardSwish(input, node, lowering);
            case SOFTSIGN -> softsign(input, node, lowering);
            case RELU -> clamp(input, node, lowering, 0f, Float.POSITIVE_INFINITY);
            case ERF -> erf(input, node, lowering);
            case COS, RECIPROCAL, SIN, TAN, GELU, SOFTPLUS -> throw XnnLowering.unsupported(node);
        }
    }

    /** An operator that is one parameterless unary node. */
    private static void plain(int type, Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        lowering.defineUnary(type, NULL, in.id(), lowering.define(node.output(), in.perm()), node);
    }

    /**
     * An operator that is one parameterless unary node, computed in float32 for float16
     * tensors (see {@link #inFloat32}).
     */
    private static void plainInFloat32(int type, Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        inFloat32(input, node, lowering, in, lowering.define(node.output(), in.perm()),
                (x, y) -> lowering.defineUnary(type, NULL, x, y, node));
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
    private static void inFloat32(Operand input, Node node, XnnLowering lowering, XnnLowering.Value in, int out,
                                  Float32Body body) {
        MLOperandDescriptor d = input.descriptor();
        if (d.dataType() != MLOperandDataType.FLOAT16) {
            body.define(in.id(), out);
            return;
        }
        long[] stored = Permutations.apply(d.shape(), in.perm());
        int wide = lowering.subgraph().internal(MLOperandDataType.FLOAT32, stored);
        lowering.defineUnary(Xnnpack.xnn_unary_convert(), NULL, in.id(), wide, node);
        int result = lowering.subgraph().internal(MLOperandDataType.FLOAT32, stored);
        body.define(wide, result);
        lowering.defineUnary(Xnnpack.xnn_unary_convert(), NULL, result, out, node);
    }

    /** elu, with {@code alpha} cast to float32 (the spec cast it to the input's type). */
    static void elu(Elu op, Node node, XnnLowering lowering) {
        MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
        xnn_unary_params.elu.alpha(xnn_unary_params.elu(params), (float) op.alpha());
        XnnLowering.Value in = lowering.value(op.input());
        lowering.defineUnary(Xnnpack.xnn_unary_elu(), params, in.id(), lowering.define(node.output(), in.perm()), node);
    }

    /** leakyRelu, with {@code alpha} cast to float32. */
    static void leakyRelu(LeakyRelu op, Node node, XnnLowering lowering) {
        MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
        xnn_unary_params.leaky_relu.negative_slope(xnn_unary_params.leaky_relu(params), (float) op.alpha());
        XnnLowering.Value in = lowering.value(op.input());
        lowering.defineUnary(Xnnpack.xnn_unary_leaky_relu(), params, in.id(),
                lowering.define(node.output(), in.perm()), node);
    }

    /**
     * clamp's {@code minValue} as float32; NaN is no bound (as XNNPACK's clamp kernels and the
     * WPT cases have it), made -Infinity so that no NaN reaches XNNPACK's fusion of clamp
     * ranges: a convolution or pooling node given a fused NaN bound fails to be created.
     * Package-private for lowerings that fold a clamp into their own output bounds.
     *
     * @param clamp a clamp operation
     * @return the lower bound, never NaN
     */
    static float minValue(Clamp clamp) {
        float min = clamp.minValue().toFloat32();
        return Float.isNaN(min) ? Float.NEGATIVE_INFINITY : min;
    }

    /**
     * clamp's {@code maxValue} as float32, NaN made +Infinity (see {@link #minValue}).
     *
     * @param clamp a clamp operation
     * @return the upper bound, never NaN
     */
    static float maxValue(Clamp clamp) {
        float max = clamp.maxValue().toFloat32();
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
    private static void clamp(Operand input, Node node, XnnLowering lowering, float min, float max) {
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
            lowering.defineBinary(Xnnpack.xnn_binary_maximum(), x, scalar(lowering, input, min), raised, node);
        }
        if (upper) {
            lowering.defineBinary(Xnnpack.xnn_binary_minimum(), raised, scalar(lowering, input, max), out, node);
        }
    }

    /**
     * Whether XNNPACK would fuse a clamp to {@code [min, max]} of {@code input} into the
     * clamp-like node producing it (through identities) with a wrong result: the producer's
     * output range and {@code [min, max]} do not overlap.
     */
    private static boolean fusesWrongly(Operand input, float min, float max, XnnLowering lowering) {
        ClampLike producer = clampLikeProducer(input, lowering);
        if (producer == null) {
            return false;
        }
        float[] range = range(producer, lowering);
        return min > range[1] || max < range[0];
    }

    /**
     * An operator lowered to a final clamp node (which XNNPACK may fuse with a following
     * clamp): clamp, relu, hardSigmoid.
     *
     * @param input the operand clamped, null when the output range does not depend on it
     * @param min the lower bound
     * @param max the upper bound
     */
    private record ClampLike(Operand input, float min, float max) {
    }

    /**
     * The {@code [lowest, highest]} values a clamp-like node outputs, following chains of
     * clamp-like nodes and identities (unbounded past them).
     */
    private static float[] range(ClampLike bounds, XnnLowering lowering) {
        if (bounds.input() == null) {
            return new float[] {bounds.min(), bounds.max()};
        }
        ClampLike producer = clampLikeProducer(bounds.input(), lowering);
        float[] below = producer != null ? range(producer, lowering)
                : new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        float min = bounds.min();
        float max = bounds.max();
        return new float[] {Math.min(Math.max(below[0], min), max), Math.min(Math.max(below[1], min), max)};
    }

    /** The clamp-like operation computing an operand, looking through identities; null if none. */
    private static ClampLike clampLikeProducer(Operand operand, XnnLowering lowering) {
        Node producer = lowering.producer(operand);
        while (producer != null && producer.operation() instanceof Unary unary && unary.kind() == Unary.Kind.IDENTITY) {
            producer = lowering.producer(unary.input());
        }
        if (producer == null) {
            return null;
        }
        return switch (producer.operation()) {
            case Clamp clamp -> new ClampLike(clamp.input(), minValue(clamp), maxValue(clamp));
            case Unary unary when unary.kind() == Unary.Kind.RELU ->
                    new ClampLike(unary.input(), 0f, Float.POSITIVE_INFINITY);
            case HardSigmoid _ -> new ClampLike(null, 0f, 1f);
            default -> null;
        };
    }

    /** clamp to its bounds (see {@link #minValue}). */
    static void clamp(Clamp op, Node node, XnnLowering lowering) {
        clamp(op.input(), node, lowering, minValue(op), maxValue(op));
    }

    private static void identity(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        XnnStatus.check(Xnnpack.xnn_define_copy(lowering.subgraph().handle(), in.id(),
                lowering.define(node.output(), in.perm()), 0), "define identity");
    }

    /**
     * {@code -x} as {@code x * -1}: exact for every value, where XNNPACK's x86 negate kernels
     * compute {@code 0 - x} and so give +0 for +0.
     */
    private static void neg(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        lowering.defineBinary(Xnnpack.xnn_binary_multiply(), in.id(), scalar(lowering, input, -1f),
                lowering.define(node.output(), in.perm()), node);
    }

    /**
     * {@code sqrt(x)} as {@code pow(x, 0.5)} (XNNPACK's reference kernel, the C library's
     * {@code powf}: within 1 ULP). XNNPACK's x86 square-root kernels refine a reciprocal
     * square root estimate whose square underflows above about 8.5e37, giving 1.5 times the
     * root there and NaN for +Infinity. Differs from IEEE sqrt only for -0 (+0) and -Infinity
     * (+Infinity).
     */
    private static void sqrt(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        lowering.squareRoot(input.descriptor().dataType(), input.descriptor().rank(), in.id(),
                lowering.define(node.output(), in.perm()), node);
    }

    /**
     * Sigmoid of the input clamped to [-100, 100], where sigmoid is 0 (below the float32
     * normal range, which XNNPACK flushes) and 1 already: XNNPACK's AVX-512 sigmoid kernel
     * gives NaN for magnitudes above about 8e26. float16 runs in float32: XNNPACK's float16
     * kernel returns 0 wherever sigmoid is a float16 subnormal (inputs below about -9.7).
     */
    private static void sigmoid(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        int out = lowering.define(node.output(), in.perm());
        if (input.descriptor().dataType() == MLOperandDataType.FLOAT16) {
            long[] stored = Permutations.apply(input.descriptor().shape(), in.perm());
            inFloat32(input, node, lowering, in, out, (x, y) -> {
                int bounded = lowering.subgraph().internal(MLOperandDataType.FLOAT32, stored);
                defineClamp(lowering, -SIGMOID_SATURATION, SIGMOID_SATURATION, x, bounded, node);
                lowering.defineUnary(Xnnpack.xnn_unary_sigmoid(), NULL, bounded, y, node);
            });
            return;
        }
        int bounded = internalLike(lowering, input, in.perm());
        clampInto(lowering, node, input, in.id(), -SIGMOID_SATURATION, SIGMOID_SATURATION, bounded);
        lowering.defineUnary(Xnnpack.xnn_unary_sigmoid(), NULL, bounded, out, node);
    }

    /**
     * {@code x * (max(0, min(6, x + 3)) / 6)} node by node: XNNPACK's hardswish kernel
     * computes {@code x * (x / 6 + 0.5)}, hundreds of ULP off near -3 where the sum cancels.
     * Dividing the ramp before multiplying (the spec's formula multiplies first) rounds as
     * often, cannot overflow for large x and gives exactly x from 3 up.
     */
    private static void hardSwish(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        int shifted = internalLike(lowering, input, in.perm());
        lowering.defineBinary(Xnnpack.xnn_binary_add(), in.id(), scalar(lowering, input, 3f), shifted, node);
        int ramp = internalLike(lowering, input, in.perm());
        defineClamp(lowering, 0f, 6f, shifted, ramp, node);
        int gate = internalLike(lowering, input, in.perm());
        lowering.defineBinary(Xnnpack.xnn_binary_divide(), ramp, scalar(lowering, input, 6f), gate, node);
        lowering.defineBinary(Xnnpack.xnn_binary_multiply(), in.id(), gate,
                lowering.define(node.output(), in.perm()), node);
    }

    /** {@code alpha * x + beta}: a multiply, then an add. */
    static void linear(Linear op, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(op.input());
        scaleAndShift(op.input(), op.alpha(), op.beta(), node, lowering, in, lowering.define(node.output(), in.perm()));
    }

    /** {@code max(0, min(1, alpha * x + beta))}: a multiply, an add, then a clamp to [0, 1]. */
    static void hardSigmoid(HardSigmoid op, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(op.input());
        int shifted = scaleAndShift(op.input(), op.alpha(), op.beta(), node, lowering, in,
                internalLike(lowering, node.output(), in.perm()));
        defineClamp(lowering, 0f, 1f, shifted, lowering.define(node.output(), in.perm()), node);
    }

    /**
     * Defines {@code alpha * x + beta} into {@code out}.
     *
     * @return {@code out}
     */
    private static int scaleAndShift(Operand input, double alpha, double beta, Node node, XnnLowering lowering,
                                     XnnLowering.Value in, int out) {
        int scaled = internalLike(lowering, node.output(), in.perm());
        lowering.defineBinary(Xnnpack.xnn_binary_multiply(), in.id(), scalar(lowering, input, alpha), scaled, node);
        lowering.defineBinary(Xnnpack.xnn_binary_add(), scaled, scalar(lowering, input, beta), out, node);
        return out;
    }

    /** {@code x / (1 + |x|)}: abs, add, divide. */
    private static void softsign(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        int magnitude = internalLike(lowering, node.output(), in.perm());
        lowering.defineUnary(Xnnpack.xnn_unary_abs(), NULL, in.id(), magnitude, node);
        int denominator = internalLike(lowering, node.output(), in.perm());
        lowering.defineBinary(Xnnpack.xnn_binary_add(), magnitude, scalar(lowering, input, 1f), denominator, node);
        lowering.defineBinary(Xnnpack.xnn_binary_divide(), in.id(), denominator,
                lowering.define(node.output(), in.perm()), node);
    }

    /** p of the erf approximation 7.1.26 in Abramowitz and Stegun's Handbook of Mathematical Functions. */
    private static final double ERF_P = 0.3275911;
    /** a5, a4, ..., a1 of that approximation, for Horner's scheme. */
    private static final double[] ERF_A = {1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592};

    /**
     * erf, which XNNPACK has no kernel for, composed from XNNPACK nodes in float32 (float16
     * through {@link #inFloat32}) with Abramowitz and Stegun's approximation 7.1.26:
     * {@code erf(x) = copysign(1 - (a1 t + ... + a5 t^5) exp(-x^2), x)} with
     * {@code t = 1 / (1 + p |x|)}, at most 1.5e-7 from erf for every x. {@code exp(-x^2)} is
     * computed as {@code elu(-x^2) + 1}: XNNPACK's exp is a scalar reference kernel, about ten
     * times slower than its vectorised elu, and the argument is never positive. With the float32
     * rounding of its steps (largest near 0, where {@code 1 - tail} cancels) the result is
     * within 5e-7 of erf, far inside WPT's absolute tolerance of 1/1024, though not
     * correctly rounded. Infinities give ±1 and NaN stays NaN.
     */
    private static void erf(Operand input, Node node, XnnLowering lowering) {
        XnnLowering.Value in = lowering.value(input);
        inFloat32(input, node, lowering, in, lowering.define(node.output(), in.perm()), (x, y) -> {
            long[] stored = Permutations.apply(input.descriptor().shape(), in.perm());
            Float32Nodes f = new Float32Nodes(lowering, node, stored);
            int magnitude = f.unary(Xnnpack.xnn_unary_abs(), x);
            int t = f.binary(Xnnpack.xnn_binary_divide(), f.constant(1),
                    f.binary(Xnnpack.xnn_binary_add(), f.constant(1), f.binary(Xnnpack.xnn_binary_multiply(), magnitude,
                            f.constant(ERF_P))));
            int polynomial = f.constant(ERF_A[0]);
            for (int i = 1; i < ERF_A.length; i++) {
                polynomial = f.binary(Xnnpack.xnn_binary_add(), f.binary(Xnnpack.xnn_binary_multiply(), polynomial, t),
                        f.constant(ERF_A[i]));
            }
            polynomial = f.binary(Xnnpack.xnn_binary_multiply(), polynomial, t);
            int negativeSquare = f.binary(Xnnpack.xnn_binary_multiply(), f.binary(Xnnpack.xnn_binary_multiply(), x, x),
                    f.constant(-1));
            int tail = f.binary(Xnnpack.xnn_binary_multiply(), polynomial, f.binary(Xnnpack.xnn_binary_add(),
                    f.elu(negativeSquare), f.constant(1)));
            int positive = f.binary(Xnnpack.xnn_binary_subtract(), f.constant(1), tail);
            lowering.defineBinary(Xnnpack.xnn_binary_copysign(), positive, x, y, node);
        });
    }

    /** Builds float32 values of one stored shape from unary and binary nodes, for compositions. */
    private record Float32Nodes(XnnLowering lowering, Node node, long[] shape) {

        int constant(double value) {
            return lowering.scalar(MLOperandDataType.FLOAT32, shape.length, value);
        }

        /** {@code elu(in)} with alpha 1, that is {@code exp(in) - 1} for {@code in <= 0}. */
        int elu(int in) {
            MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
            xnn_unary_params.elu.alpha(xnn_unary_params.elu(params), 1f);
            int out = lowering.subgraph().internal(MLOperandDataType.FLOAT32, shape);
            lowering.defineUnary(Xnnpack.xnn_unary_elu(), params, in, out, node);
            return out;
        }

        int unary(int type, int in) {
            int out = lowering.subgraph().internal(MLOperandDataType.FLOAT32, shape);
            lowering.defineUnary(type, NULL, in, out, node);
            return out;
        }

        int binary(int type, int a, int b) {
            int out = lowering.subgraph().internal(MLOperandDataType.FLOAT32, shape);
            lowering.defineBinary(type, a, b, out, node);
            return out;
        }
    }

    /** prelu: one binary node, computed as the element-wise binary operators. */
    static void prelu(Prelu op, Node node, XnnLowering lowering) {
        XnnElementwiseLowering.binary(Xnnpack.xnn_binary_prelu(), op.input(), op.slope(), node, lowering);
    }

    /**
     * Softmax along the stored position of {@code axis}. XNNPACK normalizes the last
     * dimension, so another axis is first moved last (constants at compile time, values by a
     * transpose) and the result transposed back to the input's layout. float16 runs in
     * float32 ({@link #inFloat32}): XNNPACK's float16 softmax returns 0 where the result is a
     * float16 subnormal (75 ULP off at 4.5e-6, against WPT's 15).
     */
    static void softmax(Softmax op, Node node, XnnLowering lowering) {
        Operand input = op.input();
        XnnLowering.Value in = lowering.value(input);
        inFloat32(input, node, lowering, in, lowering.define(node.output(), in.perm()),
                (x, y) -> softmaxAlongAxis(op, node, lowering, in, x, y));
    }

    /** Softmax from {@code x} to {@code y}, float32 values (or the input's own type) stored like the input. */
    private static void softmaxAlongAxis(Softmax op, Node node, XnnLowering lowering, XnnLowering.Value in,
                                         int x, int y) {
        Operand input = op.input();
        int rank = input.descriptor().rank();
        int axis = XnnLayouts.storedAxis(op.axis(), in.perm());
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
        long[] movedShape = Permutations.apply(input.descriptor().shape(), movedPerm);
        int moved;
        if (x == in.id() && lowering.graph().isConstant(input)) {
            moved = lowering.stored(input, movedPerm);
        } else {
            moved = lowering.subgraph().internal(type, movedShape);
            lowering.transpose(x, toLast, moved);
        }
        int normalized = lowering.subgraph().internal(type, movedShape);
        defineSoftmax(lowering, moved, normalized, node);
        lowering.transpose(normalized, Permutations.inverse(toLast), y);
    }

    /** A new internal value with an operand's type and shape, stored under {@code perm}. */
    private static int internalLike(XnnLowering lowering, Operand operand, int[] perm) {
        return lowering.subgraph().internal(operand.descriptor().dataType(),
                Permutations.apply(operand.descriptor().shape(), perm));
    }

    /** A scalar constant of an operand's data type, broadcasting against it in any layout. */
    private static int scalar(XnnLowering lowering, Operand like, double value) {
        return lowering.scalar(like.descriptor().dataType(), like.descriptor().rank(), value);
    }

    private static void defineClamp(XnnLowering lowering, float min, float max, int in, int out, Node node) {
        MemorySegment params = xnn_unary_params.allocate(lowering.subgraph().scratch());
        MemorySegment clamp = xnn_unary_params.clamp(params);
        xnn_unary_params.clamp.min(clamp, min);
        xnn_unary_params.clamp.max(clamp, max);
        lowering.defineUnary(Xnnpack.xnn_unary_clamp(), params, in, out, node);
    }

    private static void defineSoftmax(XnnLowering lowering, int in, int out, Node node) {
        XnnStatus.check(Xnnpack.xnn_define_softmax(lowering.subgraph().handle(), in, out, 0),
                "define " + node.op().specName());
    }
}
