package dev.webnn.backend.xnnpack;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLNumber;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation.ArgMinMax;
import dev.webnn.graph.Operation.BatchNormalization;
import dev.webnn.graph.Operation.Binary;
import dev.webnn.graph.Operation.Cast;
import dev.webnn.graph.Operation.Clamp;
import dev.webnn.graph.Operation.Concat;
import dev.webnn.graph.Operation.Conv2d;
import dev.webnn.graph.Operation.ConvTranspose2d;
import dev.webnn.graph.Operation.CumulativeSum;
import dev.webnn.graph.Operation.Elu;
import dev.webnn.graph.Operation.Expand;
import dev.webnn.graph.Operation.Gather;
import dev.webnn.graph.Operation.GatherND;
import dev.webnn.graph.Operation.Gemm;
import dev.webnn.graph.Operation.Gru;
import dev.webnn.graph.Operation.GruCell;
import dev.webnn.graph.Operation.HardSigmoid;
import dev.webnn.graph.Operation.InstanceNormalization;
import dev.webnn.graph.Operation.LayerNormalization;
import dev.webnn.graph.Operation.LeakyRelu;
import dev.webnn.graph.Operation.Linear;
import dev.webnn.graph.Operation.LogicalBinary;
import dev.webnn.graph.Operation.LogicalUnary;
import dev.webnn.graph.Operation.Lstm;
import dev.webnn.graph.Operation.LstmCell;
import dev.webnn.graph.Operation.Matmul;
import dev.webnn.graph.Operation.Pad;
import dev.webnn.graph.Operation.Pool2d;
import dev.webnn.graph.Operation.Prelu;
import dev.webnn.graph.Operation.Quantization;
import dev.webnn.graph.Operation.Reduce;
import dev.webnn.graph.Operation.Resample2d;
import dev.webnn.graph.Operation.Reshape;
import dev.webnn.graph.Operation.Reverse;
import dev.webnn.graph.Operation.ScatterElements;
import dev.webnn.graph.Operation.ScatterND;
import dev.webnn.graph.Operation.Slice;
import dev.webnn.graph.Operation.Softmax;
import dev.webnn.graph.Operation.Split;
import dev.webnn.graph.Operation.Tile;
import dev.webnn.graph.Operation.Transpose;
import dev.webnn.graph.Operation.Triangular;
import dev.webnn.graph.Operation.Unary;
import dev.webnn.graph.Operation.Where;
import dev.webnn.spi.Permutations;
import dev.webnn.spi.ConstantDequantization;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers a validated WebNN graph to an XNNPACK subgraph.
 *
 * <p>XNNPACK computes images in NHWC. Each WebNN operand is defined as one XNNPACK value
 * stored under a dimension permutation ({@link XnnLayouts}): an NCHW convolution produces its
 * output stored as NHWC, element-wise operators and activations keep whatever layout their
 * input has (permuting constant operands once, at compile time), and a value is transposed
 * back to its logical layout only where an operator needs it (a reshape that moves data, a
 * graph output). External value ids are the graph inputs, then the graph outputs, in order.
 */
final class XnnLowering {

    /**
     * The operations {@link #lowerNode} defines; every other operation is refused there
     * (and left out of the backend's {@code opSupportLimits}).
     */
    static final Set<Op> OPERATORS = Collections.unmodifiableSet(EnumSet.of(
            Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MAX, Op.MIN, Op.POW, Op.CAST,
            Op.ABS, Op.CEIL, Op.FLOOR, Op.EXP, Op.LOG, Op.TANH, Op.ROUND_EVEN, Op.SIGN, Op.IDENTITY, Op.NEG, Op.SQRT,
            Op.ERF, Op.SIGMOID, Op.HARD_SWISH, Op.SOFTSIGN, Op.RELU, Op.CLAMP, Op.ELU, Op.LEAKY_RELU, Op.LINEAR,
            Op.HARD_SIGMOID, Op.PRELU, Op.SOFTMAX,
            Op.CONV2D, Op.CONV_TRANSPOSE2D, Op.AVERAGE_POOL2D, Op.MAX_POOL2D, Op.RESAMPLE2D,
            Op.GEMM, Op.MATMUL, Op.BATCH_NORMALIZATION, Op.LAYER_NORMALIZATION,
            Op.REDUCE_SUM, Op.REDUCE_MEAN, Op.REDUCE_L1, Op.REDUCE_SUM_SQUARE, Op.REDUCE_L2, Op.REDUCE_LOG_SUM,
            Op.REDUCE_MAX, Op.REDUCE_MIN,
            Op.RESHAPE, Op.TRANSPOSE, Op.CONCAT, Op.SPLIT, Op.SLICE, Op.PAD, Op.DEQUANTIZE_LINEAR));

    /** An operand's value in the subgraph and the permutation it is stored under. */
    record Value(int id, int[] perm) {
    }

    private final Graph graph;
    private final XnnSubgraph subgraph;
    private final Map<Integer, Value> values = new HashMap<>();
    /** Logical-layout copies of permuted values, by operand id. */
    private final Map<Integer, Integer> identityCopies = new HashMap<>();
    /** NHWC copies of NCHW values, by operand id. */
    private final Map<Integer, Integer> nhwcCopies = new HashMap<>();
    /** External output id of each graph-output operand not yet defined. */
    private final Map<Integer, Integer> unclaimedOutputs = new HashMap<>();
    /** Nodes reading each operand, by operand id. */
    private final Map<Integer, List<Node>> consumers = new HashMap<>();
    /** The node computing each operator output, by operand id. */
    private final Map<Integer, Node> producers = new HashMap<>();
    /** Activation nodes folded into their producer's output bounds. */
    private final Set<Node> fused = Collections.newSetFromMap(new IdentityHashMap<>());
    /** float32 data of dequantized constants, by operand id. */
    private final Map<Integer, MemorySegment> dequantized = new HashMap<>();
    /** Dynamically quantized int8 copies of values, by value id and the dimensions one scale covers. */
    private final Map<List<Integer>, Integer> quantizedCopies = new HashMap<>();

    private XnnLowering(Graph graph, XnnSubgraph subgraph) {
        this.graph = graph;
        this.subgraph = subgraph;
    }

    /**
     * Defines the whole graph in {@code subgraph}.
     *
     * @param graph the validated graph
     * @param subgraph an empty subgraph with {@code inputs + outputs} external ids
     */
    static void lower(Graph graph, XnnSubgraph subgraph) {
        XnnLowering lowering = new XnnLowering(graph, subgraph);
        int external = 0;
        for (Operand input : graph.inputs().values()) {
            MLOperandDescriptor d = input.descriptor();
            lowering.values.put(input.id(), new Value(subgraph.external(d.dataType(), d.shape(), external++, false), null));
        }
        for (Operand output : graph.outputs().values()) {
            lowering.unclaimedOutputs.putIfAbsent(output.id(), external);
            external++;
        }
        for (Node node : graph.nodes()) {
            for (Operand input : node.operation().operands()) {
                lowering.consumers.computeIfAbsent(input.id(), id -> new ArrayList<>()).add(node);
            }
            for (Operand output : node.outputs()) {
                lowering.producers.put(output.id(), node);
            }
        }
        for (Node node : graph.nodes()) {
            if (lowering.fused.contains(node)) {
                continue;
            }
            lowering.lowerNode(node);
        }
        lowering.connectOutputs();
    }

    /**
     * Defines the XNNPACK nodes of one WebNN node, by its operation's family. Options that
     * XNNPACK cannot run are refused first, by the same {@link XnnSupport} check a context of
     * several backends asks before it assigns the node.
     */
    private void lowerNode(Node node) {
        XnnSupport.unsupportedReason(graph, node).ifPresent(reason -> {
            throw new MLNotSupportedError(reason);
        });
        switch (node.operation()) {
            case Binary op -> XnnElementwiseLowering.binary(op, node, this);
            case Cast op -> XnnElementwiseLowering.cast(op, node, this);
            case Unary op -> XnnActivationLowering.unary(op, node, this);
            case Clamp op -> XnnActivationLowering.clamp(op, node, this);
            case Elu op -> XnnActivationLowering.elu(op, node, this);
            case LeakyRelu op -> XnnActivationLowering.leakyRelu(op, node, this);
            case Linear op -> XnnActivationLowering.linear(op, node, this);
            case HardSigmoid op -> XnnActivationLowering.hardSigmoid(op, node, this);
            case Prelu op -> XnnActivationLowering.prelu(op, node, this);
            case Softmax op -> XnnActivationLowering.softmax(op, node, this);
            case Conv2d op -> XnnConvolutionLowering.conv2d(op, node, this);
            case ConvTranspose2d op -> XnnConvolutionLowering.convTranspose2d(op, node, this);
            case Pool2d op -> XnnPoolingLowering.pool2d(op, node, this);
            case Resample2d op -> XnnPoolingLowering.resample2d(op, node, this);
            case Gemm op -> XnnMatrixLowering.gemm(op, node, this);
            case Matmul op -> XnnMatrixLowering.matmul(op, node, this);
            case BatchNormalization op -> XnnNormalizationLowering.batchNormalization(op, node, this);
            case LayerNormalization op -> XnnNormalizationLowering.layerNormalization(op, node, this);
            case Reduce op -> XnnReductionLowering.reduce(op, node, this);
            case Reshape op -> XnnShapeLowering.reshape(op, node, this);
            case Transpose op -> XnnShapeLowering.transpose(op, node, this);
            case Concat op -> XnnShapeLowering.concat(op, node, this);
            case Split op -> XnnShapeLowering.split(op, node, this);
            case Slice op -> XnnShapeLowering.slice(op, node, this);
            case Pad op -> XnnShapeLowering.pad(op, node, this);
            case Quantization _ -> {
                // a dequantized constant is defined where it is read: as int8 weights or as float32 data
            }
            case LogicalBinary _, LogicalUnary _, Where _, ArgMinMax _, CumulativeSum _, Expand _, Reverse _, Tile _,
                 Gather _, GatherND _, ScatterElements _, ScatterND _, Triangular _, InstanceNormalization _, Gru _, GruCell _, Lstm _, LstmCell _ -> throw unsupported(node);
        }
    }

    /**
     * The error for an operation (or operation of a family) this backend does not lower;
     * such operations are not in {@link #OPERATORS}, so a graph holding one is refused
     * before lowering.
     *
     * @param node the node
     * @return the error to throw
     */
    static MLNotSupportedError unsupported(Node node) {
        return new MLNotSupportedError(node.op().specName() + " is not supported by the xnnpack backend");
    }

    /** The subgraph, for define calls. */
    XnnSubgraph subgraph() {
        return subgraph;
    }

    /** The graph being lowered. */
    Graph graph() {
        return graph;
    }

    /**
     * An operand's value as stored (constants are defined on first use, unpermuted).
     *
     * @param operand an operand of the graph
     * @return the value and its permutation
     */
    Value value(Operand operand) {
        Value value = values.get(operand.id());
        if (value == null) {
            if (!isStatic(operand)) {
                throw new IllegalStateException("operand " + operand.id() + " used before it is defined");
            }
            MLOperandDescriptor d = operand.descriptor();
            value = new Value(subgraph.constant(d.dataType(), d.shape(), staticData(operand)), null);
            values.put(operand.id(), value);
        }
        return value;
    }

    /**
     * Whether an operand is static data: a constant, or a dequantized constant (see
     * {@link ConstantDequantization}).
     *
     * @param operand an operand of the graph
     * @return true if its values are known at compile time
     */
    boolean isStatic(Operand operand) {
        return graph.isConstant(operand) || dequantizedConstant(operand).isPresent();
    }

    /**
     * The data of a static operand: a constant's own, or a dequantized constant's float32
     * values, computed once.
     *
     * @param operand a static operand
     * @return its elements in logical order
     */
    MemorySegment staticData(Operand operand) {
        if (graph.isConstant(operand)) {
            return graph.constant(operand);
        }
        return dequantized.computeIfAbsent(operand.id(),
                id -> dequantizedConstant(operand).orElseThrow().dequantize(subgraph::allocateConstant));
    }

    /**
     * The dequantized constant computing an operand.
     *
     * @param operand an operand of the graph
     * @return it, or empty when the operand is not the output of a {@code dequantizeLinear} of constants
     */
    Optional<ConstantDequantization> dequantizedConstant(Operand operand) {
        return ConstantDequantization.of(graph, producers.get(operand.id()));
    }

    /**
     * The operand's weights as channelwise-quantized int8, when it is a dequantized constant
     * of float32 that is exactly that (see {@link ConstantDequantization#channelwise}).
     *
     * @param operand an operand of the graph
     * @param axis the operand's dimension of the output channels
     * @return the int8 data (alive as long as the runtime) and scales, or empty
     */
    Optional<ConstantDequantization.Channelwise> channelwise(Operand operand, int axis) {
        return dequantizedConstant(operand).flatMap(d -> d.channelwise(axis, subgraph::allocateConstant));
    }

    /**
     * A float32 value quantized to int8 at run time, one scale per batch element (made once
     * per value and split).
     *
     * @param value a float32 value id
     * @param shape its dimensions as stored
     * @param nonBatchDims how many trailing dimensions one scale covers
     * @return the {@code qdint8} value id
     */
    int dynamicallyQuantized(int value, long[] shape, int nonBatchDims) {
        return quantizedCopies.computeIfAbsent(List.of(value, nonBatchDims), key -> {
            int quantized = subgraph.dynamicallyQuantized(shape, nonBatchDims);
            XnnStatus.check(Xnnpack.xnn_define_convert(subgraph.handle(), value, quantized, 0),
                    "define a dynamic quantization");
            return quantized;
        });
    }

    /**
     * The operand in its logical layout, transposing a permuted value once (cached).
     *
     * @param operand an operand of the graph
     * @return the id of a value stored unpermuted
     */
    int logical(Operand operand) {
        Value value = value(operand);
        if (value.perm() == null) {
            return value.id();
        }
        return identityCopies.computeIfAbsent(operand.id(), id -> {
            int copy = subgraph.internal(operand.descriptor().dataType(), operand.descriptor().shape());
            transpose(value.id(), Permutations.inverse(value.perm()), copy);
            return copy;
        });
    }

    /**
     * The operand stored under {@code perm}: the value itself if already so, a permuted copy
     * of a constant (made once at compile time), or a transpose node.
     *
     * @param operand an operand of the graph
     * @param perm the wanted permutation ({@code null}: logical)
     * @return the value id
     */
    int stored(Operand operand, int[] perm) {
        if (perm == null) {
            return logical(operand);
        }
        Value value = value(operand);
        if (XnnLayouts.same(value.perm(), perm)) {
            return value.id();
        }
        if (XnnLayouts.same(perm, XnnLayouts.NCHW_AS_NHWC) && nhwcCopies.containsKey(operand.id())) {
            return nhwcCopies.get(operand.id());
        }
        MLOperandDescriptor d = operand.descriptor();
        long[] storedShape = Permutations.apply(d.shape(), perm);
        int id;
        if (isStatic(operand)) {
            MemorySegment data = subgraph.allocateConstant(d.byteLength());
            Permutations.permute(staticData(operand), d.shape(), perm, d.dataType().byteSize(), data);
            id = subgraph.constant(d.dataType(), storedShape, data);
        } else {
            id = subgraph.internal(d.dataType(), storedShape);
            transpose(logical(operand), perm, id);
        }
        if (XnnLayouts.same(perm, XnnLayouts.NCHW_AS_NHWC)) {
            nhwcCopies.put(operand.id(), id);
        }
        return id;
    }

    /**
     * A constant of lower rank, padded with leading 1s to {@code rank} and stored under
     * {@code perm}, so it broadcasts against a permuted value (e.g. a [C,1,1] bias against
     * NCHW data stored as NHWC). Made once at compile time.
     *
     * @param operand a constant operand
     * @param rank the rank to pad to
     * @param perm the permutation of the padded shape
     * @return the value id
     */
    int paddedConstant(Operand operand, int rank, int[] perm) {
        MLOperandDescriptor d = operand.descriptor();
        long[] padded = new long[rank];
        Arrays.fill(padded, 1);
        System.arraycopy(d.shape(), 0, padded, rank - d.rank(), d.rank());
        MemorySegment data = subgraph.allocateConstant(d.byteLength());
        Permutations.permute(staticData(operand), padded, perm, d.dataType().byteSize(), data);
        return subgraph.constant(d.dataType(), Permutations.apply(padded, perm), data);
    }

    /**
     * A constant computed during lowering, in a graph data type: each value is rounded once,
     * from double, to {@code type} (float16 constants hold binary16 bits), so compositions
     * never feed float32 constants into float16 nodes.
     *
     * @param type float32 or float16
     * @param shape the dimensions as stored
     * @param values the elements in stored order
     * @return the value id
     */
    int constant(MLOperandDataType type, long[] shape, double... values) {
        MemorySegment data = subgraph.allocateConstant((long) values.length * type.byteSize());
        for (int i = 0; i < values.length; i++) {
            switch (type) {
                case FLOAT32 -> data.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) values[i]);
                case FLOAT16 -> data.setAtIndex(ValueLayout.JAVA_SHORT, i, MLNumber.of(values[i]).toFloat16Bits());
                default -> throw new IllegalStateException("no " + type + " constants for XNNPACK");
            }
        }
        return subgraph.constant(type, shape, data);
    }

    /**
     * The elements of a float32 or float16 constant operand, as doubles (exact).
     *
     * @param operand a constant of the graph
     * @return its elements in logical order
     */
    double[] constantValues(Operand operand) {
        return values(staticData(operand), operand.descriptor().dataType(), operand.descriptor().elementCount());
    }

    /**
     * The first {@code count} elements of float32 or float16 data, as doubles (exact).
     *
     * @param data the elements
     * @param type their data type
     * @param count how many
     * @return the elements
     */
    static double[] values(MemorySegment data, MLOperandDataType type, long count) {
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (type) {
                case FLOAT32 -> data.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
                case FLOAT16 -> Float.float16ToFloat(data.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i));
                default -> throw new IllegalStateException("no " + type + " constants for XNNPACK");
            };
        }
        return values;
    }

    /**
     * A constant holding one number of {@code type}, shaped as {@code rank} 1s so that it
     * broadcasts against a value of that rank in any layout.
     *
     * @param type float32 or float16
     * @param rank the rank of the values it is combined with
     * @param value the number, rounded once to {@code type}
     * @return the value id
     */
    int scalar(MLOperandDataType type, int rank, double value) {
        long[] ones = new long[rank];
        Arrays.fill(ones, 1);
        return constant(type, ones, value);
    }

    /**
     * Defines the value of a node's output, stored under {@code perm}. A graph output in
     * logical layout is written straight into its external value.
     *
     * @param operand the output operand
     * @param perm how it will be stored ({@code null}: logical)
     * @return the value id to pass as the node's output
     */
    int define(Operand operand, int[] perm) {
        MLOperandDescriptor d = operand.descriptor();
        Integer external = perm == null ? unclaimedOutputs.remove(operand.id()) : null;
        int id = external != null
                ? subgraph.external(d.dataType(), d.shape(), external, true)
                : subgraph.internal(d.dataType(), Permutations.apply(d.shape(), perm));
        values.put(operand.id(), new Value(id, perm));
        return id;
    }

    /**
     * Output bounds for a node that can clamp its own output (convolutions, pooling, fully
     * connected, binary operators): when the node's only consumer is a relu or clamp and the
     * node's output is not a graph output, that activation is fused here and skipped later,
     * and its output operand becomes this node's output.
     *
     * @param node the producing node
     * @return the operand to define as the node's output, and its {@code [min, max]} bounds
     */
    Fusion fuseActivation(Node node) {
        Optional<Node> reader = onlyReader(node);
        if (reader.isPresent()) {
            Node activation = reader.get();
            if (activation.operation() instanceof Unary unary && unary.kind() == Unary.Kind.RELU) {
                fused.add(activation);
                return new Fusion(activation.output(), 0f, Float.POSITIVE_INFINITY);
            }
            if (activation.operation() instanceof Clamp clamp) {
                fused.add(activation);
                return new Fusion(activation.output(), XnnActivationLowering.minValue(clamp),
                        XnnActivationLowering.maxValue(clamp));
            }
        }
        return new Fusion(node.output(), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    }

    /**
     * The bias of a fully connected node: when the node's result, directly or through one
     * reshape that keeps its last dimension (an importer flattening the rows of a linear
     * layer), is read only by an {@code add} of a float32 constant holding exactly one value
     * per output column ({@code [n]} or {@code [1, ..., 1, n]}), and no value on the way is a
     * graph output, that add (and the reshape) are fused into the node, skipped later, and the
     * constant becomes the node's bias.
     *
     * @param node the producing node, of a float32 result with {@code n} columns
     * @param n the number of output columns
     * @return the add node, the bias value id and whether a reshape was passed; empty when
     *     there is no such add
     */
    Optional<FusedBias> fuseBias(Node node, long n) {
        Optional<Node> reader = onlyReader(node);
        Optional<Node> reshape = reader.filter(r -> r.operation() instanceof Reshape
                && r.output().descriptor().shape()[r.output().descriptor().rank() - 1] == n);
        Optional<Node> add = reshape.isPresent() ? onlyReader(reshape.get()) : reader;
        if (add.isEmpty() || node.output().descriptor().dataType() != MLOperandDataType.FLOAT32
                || !(add.get().operation() instanceof Binary binary) || binary.kind() != Binary.Kind.ADD) {
            return Optional.empty();
        }
        Operand sum = reshape.orElse(node).output();
        Operand bias = binary.a().id() == sum.id() ? binary.b() : binary.a();
        long[] shape = bias.descriptor().shape();
        boolean perColumn = shape.length >= 1 && shape.length <= sum.descriptor().rank() && shape[shape.length - 1] == n
                && bias.descriptor().elementCount() == n;
        if (bias.id() == sum.id() || !perColumn || !graph.isConstant(bias)
                || bias.descriptor().dataType() != MLOperandDataType.FLOAT32) {
            return Optional.empty();
        }
        reshape.ifPresent(fused::add);
        fused.add(add.get());
        return Optional.of(new FusedBias(add.get(), subgraph.constant(MLOperandDataType.FLOAT32, new long[] {n},
                graph.constant(bias)), reshape.isPresent()));
    }

    /** The node's single reader, when the node has one output, read once and not a graph output. */
    private Optional<Node> onlyReader(Node node) {
        List<Node> readers = consumers.getOrDefault(node.output().id(), List.of());
        return readers.size() == 1 && node.outputs().size() == 1 && !isGraphOutput(node.output())
                ? Optional.of(readers.get(0)) : Optional.empty();
    }

    /**
     * The result of {@link #fuseBias}.
     *
     * @param add the fused add node, whose output the fully connected node now defines
     * @param bias the bias value id
     * @param reshaped whether a reshape between the product and the add was fused too
     */
    record FusedBias(Node add, int bias, boolean reshaped) {
    }

    private boolean isGraphOutput(Operand operand) {
        return graph.outputs().values().stream().anyMatch(o -> o.id() == operand.id());
    }

    /**
     * The result of {@link #fuseActivation}.
     *
     * @param output the operand the node's result stands for (the activation's output when fused)
     * @param min lower output bound
     * @param max upper output bound
     */
    record Fusion(Operand output, float min, float max) {
    }

    /**
     * Defines {@code out = unary(in)}, naming the node's operator if XNNPACK refuses it.
     *
     * @param type an {@code xnn_unary_operator}
     * @param params its parameters, or {@code NULL}
     * @param in the input value
     * @param out the output value
     * @param node the node, for the message
     */
    void defineUnary(int type, MemorySegment params, int in, int out, Node node) {
        XnnStatus.check(Xnnpack.xnn_define_unary(subgraph.handle(), type, params, in, out, 0),
                "define " + node.op().specName());
    }

    /**
     * Defines {@code out = binary(a, b)}, naming the node's operator if XNNPACK refuses it.
     *
     * @param type an {@code xnn_binary_operator}
     * @param a the first input value
     * @param b the second input value
     * @param out the output value
     * @param node the node, for the message
     */
    void defineBinary(int type, int a, int b, int out, Node node) {
        XnnStatus.check(Xnnpack.xnn_define_binary(subgraph.handle(), type, MemorySegment.NULL, a, b, out, 0),
                "define " + node.op().specName());
    }

    /**
     * Defines {@code out = sqrt(in)} as {@code pow(in, 0.5)} for values of {@code type} and
     * {@code rank} (see {@code XnnActivationLowering}'s sqrt for why not XNNPACK's kernel).
     *
     * @param type the data type
     * @param rank the rank of the values
     * @param in the input value
     * @param out the output value
     * @param node the node, for the message
     */
    void squareRoot(MLOperandDataType type, int rank, int in, int out, Node node) {
        defineBinary(Xnnpack.xnn_binary_pow(), in, scalar(type, rank, 0.5), out, node);
    }

    /** Defines a transpose node: {@code output = transpose(input, perm)}. */
    void transpose(int input, int[] perm, int output) {
        long[] permutation = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            permutation[i] = perm[i];
        }
        XnnStatus.check(Xnnpack.xnn_define_static_transpose(subgraph.handle(), perm.length, subgraph.sizes(permutation),
                input, output, 0), "define a transpose");
    }

    /**
     * The node computing an operand.
     *
     * @param operand an operand of the graph
     * @return its producer, or null for graph inputs and constants
     */
    Node producer(Operand operand) {
        return producers.get(operand.id());
    }

    /** Graph outputs not written directly by their node get a transpose or copy into their external value. */
    private void connectOutputs() {
        int external = graph.inputs().size();
        for (Operand output : graph.outputs().values()) {
            int id = external++;
            Value value = value(output);
            if (value.id() == id) {
                continue;
            }
            MLOperandDescriptor d = output.descriptor();
            subgraph.external(d.dataType(), d.shape(), id, true);
            if (value.perm() != null) {
                transpose(value.id(), Permutations.inverse(value.perm()), id);
            } else {
                XnnStatus.check(Xnnpack.xnn_define_copy(subgraph.handle(), value.id(), id, 0), "define a copy");
            }
        }
    }

    /** Operands of a node that are not constants, for layout decisions. */
    List<Operand> variableInputs(Node node) {
        return node.operation().operands().stream().filter(o -> !graph.isConstant(o)).toList();
    }
}
