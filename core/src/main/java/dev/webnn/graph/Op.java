package dev.webnn.graph;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 95 operators of the WebNN specification, by their spec names.
 *
 * <p>A {@link Node}'s inputs and options are its typed {@link Operation}; each record (or
 * family record's {@code Kind}) names its entry here with {@code op()}.
 */
public enum Op {
    /** The spec's {@code abs} operator. */
    ABS("abs"),
    /** The spec's {@code add} operator. */
    ADD("add"),
    /** The spec's {@code argMax} operator. */
    ARG_MAX("argMax"),
    /** The spec's {@code argMin} operator. */
    ARG_MIN("argMin"),
    /** The spec's {@code averagePool2d} operator. */
    AVERAGE_POOL2D("averagePool2d"),
    /** The spec's {@code batchNormalization} operator. */
    BATCH_NORMALIZATION("batchNormalization"),
    /** The spec's {@code cast} operator. */
    CAST("cast"),
    /** The spec's {@code ceil} operator. */
    CEIL("ceil"),
    /** The spec's {@code clamp} operator. */
    CLAMP("clamp"),
    /** The spec's {@code concat} operator. */
    CONCAT("concat"),
    /** The spec's {@code conv2d} operator. */
    CONV2D("conv2d"),
    /** The spec's {@code convTranspose2d} operator. */
    CONV_TRANSPOSE2D("convTranspose2d"),
    /** The spec's {@code cos} operator. */
    COS("cos"),
    /** The spec's {@code cumulativeSum} operator. */
    CUMULATIVE_SUM("cumulativeSum"),
    /** The spec's {@code dequantizeLinear} operator. */
    DEQUANTIZE_LINEAR("dequantizeLinear"),
    /** The spec's {@code div} operator. */
    DIV("div"),
    /** The spec's {@code elu} operator. */
    ELU("elu"),
    /** The spec's {@code equal} operator. */
    EQUAL("equal"),
    /** The spec's {@code erf} operator. */
    ERF("erf"),
    /** The spec's {@code exp} operator. */
    EXP("exp"),
    /** The spec's {@code expand} operator. */
    EXPAND("expand"),
    /** The spec's {@code floor} operator. */
    FLOOR("floor"),
    /** The spec's {@code gather} operator. */
    GATHER("gather"),
    /** The spec's {@code gatherElements} operator. */
    GATHER_ELEMENTS("gatherElements"),
    /** The spec's {@code gatherND} operator. */
    GATHER_ND("gatherND"),
    /** The spec's {@code gelu} operator. */
    GELU("gelu"),
    /** The spec's {@code gemm} operator. */
    GEMM("gemm"),
    /** The spec's {@code greater} operator. */
    GREATER("greater"),
    /** The spec's {@code greaterOrEqual} operator. */
    GREATER_OR_EQUAL("greaterOrEqual"),
    /** The spec's {@code gru} operator. */
    GRU("gru"),
    /** The spec's {@code gruCell} operator. */
    GRU_CELL("gruCell"),
    /** The spec's {@code hardSigmoid} operator. */
    HARD_SIGMOID("hardSigmoid"),
    /** The spec's {@code hardSwish} operator. */
    HARD_SWISH("hardSwish"),
    /** The spec's {@code identity} operator. */
    IDENTITY("identity"),
    /** The spec's {@code instanceNormalization} operator. */
    INSTANCE_NORMALIZATION("instanceNormalization"),
    /** The spec's {@code isInfinite} operator. */
    IS_INFINITE("isInfinite"),
    /** The spec's {@code isNaN} operator. */
    IS_NAN("isNaN"),
    /** The spec's {@code l2Pool2d} operator. */
    L2_POOL2D("l2Pool2d"),
    /** The spec's {@code layerNormalization} operator. */
    LAYER_NORMALIZATION("layerNormalization"),
    /** The spec's {@code leakyRelu} operator. */
    LEAKY_RELU("leakyRelu"),
    /** The spec's {@code lesser} operator. */
    LESSER("lesser"),
    /** The spec's {@code lesserOrEqual} operator. */
    LESSER_OR_EQUAL("lesserOrEqual"),
    /** The spec's {@code linear} operator. */
    LINEAR("linear"),
    /** The spec's {@code log} operator. */
    LOG("log"),
    /** The spec's {@code logicalAnd} operator. */
    LOGICAL_AND("logicalAnd"),
    /** The spec's {@code logicalNot} operator. */
    LOGICAL_NOT("logicalNot"),
    /** The spec's {@code logicalOr} operator. */
    LOGICAL_OR("logicalOr"),
    /** The spec's {@code logicalXor} operator. */
    LOGICAL_XOR("logicalXor"),
    /** The spec's {@code lstm} operator. */
    LSTM("lstm"),
    /** The spec's {@code lstmCell} operator. */
    LSTM_CELL("lstmCell"),
    /** The spec's {@code matmul} operator. */
    MATMUL("matmul"),
    /** The spec's {@code max} operator. */
    MAX("max"),
    /** The spec's {@code maxPool2d} operator. */
    MAX_POOL2D("maxPool2d"),
    /** The spec's {@code min} operator. */
    MIN("min"),
    /** The spec's {@code mul} operator. */
    MUL("mul"),
    /** The spec's {@code neg} operator. */
    NEG("neg"),
    /** The spec's {@code notEqual} operator. */
    NOT_EQUAL("notEqual"),
    /** The spec's {@code pad} operator. */
    PAD("pad"),
    /** The spec's {@code pow} operator. */
    POW("pow"),
    /** The spec's {@code prelu} operator. */
    PRELU("prelu"),
    /** The spec's {@code quantizeLinear} operator. */
    QUANTIZE_LINEAR("quantizeLinear"),
    /** The spec's {@code reciprocal} operator. */
    RECIPROCAL("reciprocal"),
    /** The spec's {@code reduceL1} operator. */
    REDUCE_L1("reduceL1"),
    /** The spec's {@code reduceL2} operator. */
    REDUCE_L2("reduceL2"),
    /** The spec's {@code reduceLogSum} operator. */
    REDUCE_LOG_SUM("reduceLogSum"),
    /** The spec's {@code reduceLogSumExp} operator. */
    REDUCE_LOG_SUM_EXP("reduceLogSumExp"),
    /** The spec's {@code reduceMax} operator. */
    REDUCE_MAX("reduceMax"),
    /** The spec's {@code reduceMean} operator. */
    REDUCE_MEAN("reduceMean"),
    /** The spec's {@code reduceMin} operator. */
    REDUCE_MIN("reduceMin"),
    /** The spec's {@code reduceProduct} operator. */
    REDUCE_PRODUCT("reduceProduct"),
    /** The spec's {@code reduceSum} operator. */
    REDUCE_SUM("reduceSum"),
    /** The spec's {@code reduceSumSquare} operator. */
    REDUCE_SUM_SQUARE("reduceSumSquare"),
    /** The spec's {@code relu} operator. */
    RELU("relu"),
    /** The spec's {@code resample2d} operator. */
    RESAMPLE2D("resample2d"),
    /** The spec's {@code reshape} operator. */
    RESHAPE("reshape"),
    /** The spec's {@code reverse} operator. */
    REVERSE("reverse"),
    /** The spec's {@code roundEven} operator. */
    ROUND_EVEN("roundEven"),
    /** The spec's {@code scatterElements} operator. */
    SCATTER_ELEMENTS("scatterElements"),
    /** The spec's {@code scatterND} operator. */
    SCATTER_ND("scatterND"),
    /** The spec's {@code sigmoid} operator. */
    SIGMOID("sigmoid"),
    /** The spec's {@code sign} operator. */
    SIGN("sign"),
    /** The spec's {@code sin} operator. */
    SIN("sin"),
    /** The spec's {@code slice} operator. */
    SLICE("slice"),
    /** The spec's {@code softmax} operator. */
    SOFTMAX("softmax"),
    /** The spec's {@code softplus} operator. */
    SOFTPLUS("softplus"),
    /** The spec's {@code softsign} operator. */
    SOFTSIGN("softsign"),
    /** The spec's {@code split} operator. */
    SPLIT("split"),
    /** The spec's {@code sqrt} operator. */
    SQRT("sqrt"),
    /** The spec's {@code sub} operator. */
    SUB("sub"),
    /** The spec's {@code tan} operator. */
    TAN("tan"),
    /** The spec's {@code tanh} operator. */
    TANH("tanh"),
    /** The spec's {@code tile} operator. */
    TILE("tile"),
    /** The spec's {@code transpose} operator. */
    TRANSPOSE("transpose"),
    /** The spec's {@code triangular} operator. */
    TRIANGULAR("triangular"),
    /** The spec's {@code where} operator. */
    WHERE("where");

    private static final Map<String, Op> BY_SPEC_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Op::specName, Function.identity()));

    private final String specName;

    Op(String specName) {
        this.specName = specName;
    }

    /**
     * The operator's name in the spec and on {@code MLGraphBuilder}, e.g. {@code "conv2d"}.
     *
     * @return the spec name
     */
    public String specName() {
        return specName;
    }

    /**
     * Looks an operator up by its spec name.
     *
     * @param specName e.g. {@code "averagePool2d"}
     * @return the operator
     * @throws IllegalArgumentException if no operator has that name
     */
    public static Op fromSpecName(String specName) {
        Op op = BY_SPEC_NAME.get(specName);
        if (op == null) {
            throw new IllegalArgumentException("unknown WebNN operator: " + specName);
        }
        return op;
    }
}
