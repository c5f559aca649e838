package dev.webnn.backend.xnnpack;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDataType;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Op;
import dev.webnn.spi.SupportLimitsBuilder;
import dev.webnn.spi.ConstantDequantization;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data types this backend runs, operator by operator, and their XNNPACK
 * {@code xnn_datatype} values (ordinals read from the bindings).
 *
 * <p>Every lowered operator runs float32. float16 runs for the operators of
 * {@link #FLOAT16_OPERATORS}: each was checked to build an XNNPACK float16 subgraph and to
 * stay within WPT's float16 tolerances (unary operators over every finite float16, binary
 * ones over random pairs, the rest against their float32 graphs), with every constant its
 * composition makes in float16. XNNPACK's x86 float16 kernels compute in float32 on
 * converted halves and round back. Where that was not enough the lowering works around it:
 * convolutions take their float16 weights widened to float32 (XNNPACK accepts no other
 * float16 filter), and {@code sigmoid} (which XNNPACK flushes below about -9.7),
 * {@code softmax} (which flushes float16 subnormal results) and {@code sign} (whose kernel
 * gives -1 for -0) run in float32 between two convert nodes, as do {@code reduceL2} and
 * {@code reduceLogSum} (whose sums overflow float16 before the norm or the logarithm does)
 * and the composed {@code erf}; {@code layerNormalization} computes in float32 throughout.
 * An operator lowered later is float32 only until it is added here: {@link #narrow} limits
 * the others to float32, so a float16 graph using one fails at build with
 * {@code MLNotSupportedError}.
 */
final class XnnTypes {

    /** The WebNN data types of graph inputs and outputs, and of every operator's operands but dequantizeLinear's. */
    static final Set<MLOperandDataType> SUPPORTED = EnumSet.of(MLOperandDataType.FLOAT32, MLOperandDataType.FLOAT16);

    /**
     * The integer types of the constant data and zero points {@code dequantizeLinear} reads
     * (see {@link ConstantDequantization}); constants take these and {@link #SUPPORTED}.
     */
    static final Set<MLOperandDataType> QUANTIZED = EnumSet.of(MLOperandDataType.INT8, MLOperandDataType.UINT8);

    /** The WebNN data types of constants: {@link #SUPPORTED} and {@link #QUANTIZED}. */
    static final Set<MLOperandDataType> CONSTANTS = Collections.unmodifiableSet(
            EnumSet.copyOf(Stream.concat(SUPPORTED.stream(), QUANTIZED.stream()).toList()));

    /**
     * The operators that also run float16 tensors ({@code cast} between float32 and float16).
     * Not listed, because their float16 compositions round at every step and the differential
     * fuzzer found results beyond the WPT float16 tolerances where terms cancel: linear,
     * hardSigmoid (alpha * x + beta), batchNormalization, and resample2d (XNNPACK interpolates
     * in float16 steps, up to 128 ULP off where values of both signs meet, against WPT's 10).
     */
    static final Set<Op> FLOAT16_OPERATORS = EnumSet.of(
            // element-wise binary
            Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MAX, Op.MIN, Op.POW, Op.PRELU, Op.CAST,
            // unary and activations
            Op.ABS, Op.CEIL, Op.FLOOR, Op.EXP, Op.LOG, Op.TANH, Op.ROUND_EVEN, Op.SIGN, Op.NEG, Op.SQRT, Op.IDENTITY, Op.ERF,
            Op.RELU, Op.CLAMP, Op.ELU, Op.LEAKY_RELU, Op.SIGMOID, Op.HARD_SWISH, Op.SOFTSIGN, Op.SOFTMAX,
            // convolution and pooling
            Op.CONV2D, Op.CONV_TRANSPOSE2D, Op.AVERAGE_POOL2D, Op.MAX_POOL2D,
            // shapes and data movement
            Op.RESHAPE, Op.TRANSPOSE, Op.CONCAT, Op.SPLIT, Op.SLICE, Op.PAD,
            // matrices, normalization and reductions
            Op.GEMM, Op.MATMUL, Op.LAYER_NORMALIZATION, Op.REDUCE_SUM, Op.REDUCE_MEAN,
            Op.REDUCE_L1, Op.REDUCE_SUM_SQUARE, Op.REDUCE_L2, Op.REDUCE_LOG_SUM, Op.REDUCE_MAX, Op.REDUCE_MIN);

    private static final Set<MLOperandDataType> FLOAT32_ONLY = EnumSet.of(MLOperandDataType.FLOAT32);

    private XnnTypes() {
    }

    /**
     * Narrows the limits of every lowered operator to the types it runs: float32 and
     * float16 for {@link #FLOAT16_OPERATORS}, float32 for the rest, and for
     * {@code dequantizeLinear} {@link #QUANTIZED} data and zero points with a float32 scale.
     *
     * @param limits limits already narrowed to {@link #SUPPORTED} and {@link #QUANTIZED}
     * @return the same builder, narrowed
     */
    static SupportLimitsBuilder narrow(SupportLimitsBuilder limits) {
        for (Op op : Op.values()) {
            if (op == Op.DEQUANTIZE_LINEAR) {
                limits.retainDataTypes(op.specName(), QUANTIZED, "input", "zeroPoint");
                limits.retainDataTypes(op.specName(), FLOAT32_ONLY, "scale", "output");
            } else {
                limits.retainDataTypes(op.specName(), FLOAT16_OPERATORS.contains(op) ? SUPPORTED : FLOAT32_ONLY);
            }
        }
        return limits;
    }

    /**
     * The {@code xnn_datatype} of a WebNN type.
     *
     * @param type a supported type
     * @return the XNNPACK enum value
     * @throws MLNotSupportedError for types the backend does not run
     */
    static int of(MLOperandDataType type) {
        return switch (type) {
            case FLOAT32 -> Xnnpack.xnn_datatype_fp32();
            case FLOAT16 -> Xnnpack.xnn_datatype_fp16();
            default -> throw new MLNotSupportedError("the xnnpack backend does not run " + type + " tensors");
        };
    }
}
