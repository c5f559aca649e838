package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLNumber;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
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
import dev.webnn.spi.SupportLimitsBuilder;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/**
 * Lowers a validated WebNN graph to an ONNX model: graph inputs and outputs keep their
 * names, constants become initializers over the graph's own memory, and each node is
 * emitted by its family's lowering, chosen by an exhaustive switch over the typed IR
 * ({@link #lowerNode}). Also the emission helpers the families share.
 */
final class OrtLowering {

    /** Moves the channels of an NHWC tensor to axis 1. */
    private static final int[] NHWC_TO_NCHW = {0, 3, 1, 2};

    private final Graph graph;
    private final OrtModelBuilder model;
    /** Graph inputs keep their WebNN names, by operand id. */
    private final Map<Integer, String> inputNames = new HashMap<>();
    /** The node computing each operator output, by operand id. */
    private final Map<Integer, Node> producers = new HashMap<>();
    /** The nodes reading each operand, by operand id. */
    private final Map<Integer, List<Node>> readers = new HashMap<>();
    /** DynamicQuantizeLinear's three outputs for each operand quantized so, by operand id. */
    private final Map<Integer, String[]> dynamicallyQuantized = new HashMap<>();

    private OrtLowering(Graph graph, OrtModelBuilder model) {
        this.graph = graph;
        this.model = model;
        graph.inputs().forEach((name, operand) -> inputNames.put(operand.id(), name));
        for (Node node : graph.nodes()) {
            node.outputs().forEach(output -> producers.put(output.id(), node));
            node.operation().operands().forEach(operand -> readers.computeIfAbsent(operand.id(), id -> new ArrayList<>())
                    .add(node));
        }
    }

    /**
     * Emits the whole graph into {@code model}.
     *
     * @param graph the validated graph
     * @param model an empty model builder
     */
    static void lower(Graph graph, OrtModelBuilder model) {
        OrtLowering lowering = new OrtLowering(graph, model);
        graph.inputs().forEach((name, operand) -> model.input(lowering.name(operand), operand.descriptor()));
        graph.constants().forEach((id, data) -> model.initializer("c" + id, graph.operands().get(id).descriptor(), data));
        for (Node node : graph.nodes()) {
            lowering.lowerNode(node);
        }
        graph.outputs().forEach((name, operand) -> lowering.emitOutput(name, operand));
    }

    /** Emits the ONNX nodes of one WebNN node, by its operation's family; every operation is lowered. */
    private void lowerNode(Node node) {
        switch (node.operation()) {
            case Binary op -> OrtElementwiseLowering.binary(op, node, this);
            case LogicalBinary op -> OrtElementwiseLowering.logical(op, node, this);
            case LogicalUnary op -> OrtElementwiseLowering.logical(op, node, this);
            case Unary op -> OrtElementwiseLowering.unary(op, node, this);
            case Cast op -> OrtElementwiseLowering.cast(op, node, this);
            case Clamp op -> OrtElementwiseLowering.clamp(op, node, this);
            case Where op -> OrtElementwiseLowering.where(op, node, this);
            case Elu op -> OrtActivationLowering.elu(op, node, this);
            case HardSigmoid op -> OrtActivationLowering.hardSigmoid(op, node, this);
            case LeakyRelu op -> OrtActivationLowering.leakyRelu(op, node, this);
            case Linear op -> OrtActivationLowering.linear(op, node, this);
            case Prelu op -> OrtActivationLowering.prelu(op, node, this);
            case Softmax op -> OrtActivationLowering.softmax(op, node, this);
            case Reduce op -> OrtReductionLowering.reduce(op, node, this);
            case ArgMinMax op -> OrtReductionLowering.argMinMax(op, node, this);
            case CumulativeSum op -> OrtReductionLowering.cumulativeSum(op, node, this);
            case Gemm op -> OrtMatrixLowering.gemm(op, node, this);
            case Matmul op -> OrtQuantizedWeights.weights(op, this).ifPresentOrElse(
                    weights -> OrtQuantizedWeights.lower(op, weights, node, this), () -> OrtMatrixLowering.matmul(op, node, this));
            case Triangular op -> OrtMatrixLowering.triangular(op, node, this);
            case Quantization op -> {
                if (OrtQuantizedWeights.readOnlyAsFloatWeights(node, this)) {
                    OrtQuantizedWeights.dequantizeAtCompileTime(node, this);
                } else if (!OrtQuantizedWeights.readOnlyByIntegerProducts(node, this)) {
                    OrtMatrixLowering.quantization(op, node, this);
                }
            }
            case Concat op -> OrtShapeLowering.concat(op, node, this);
            case Expand op -> OrtShapeLowering.expand(op, node, this);
            case Reshape op -> OrtShapeLowering.reshape(op, node, this);
            case Tile op -> OrtShapeLowering.tile(op, node, this);
            case Transpose op -> OrtShapeLowering.transpose(op, node, this);
            case Slice op -> OrtShapeLowering.slice(op, node, this);
            case Reverse op -> OrtShapeLowering.reverse(op, node, this);
            case Split op -> OrtShapeLowering.split(op, node, this);
            case Pad op -> OrtShapeLowering.pad(op, node, this);
            case Gather op -> OrtShapeLowering.gather(op, node, this);
            case GatherND op -> OrtShapeLowering.gatherND(op, node, this);
            case ScatterElements op -> OrtShapeLowering.scatterElements(op, node, this);
            case ScatterND op -> OrtShapeLowering.scatterND(op, node, this);
            case Gru op -> OrtRecurrentLowering.gru(op, node, this);
            case GruCell op -> OrtRecurrentLowering.gruCell(op, node, this);
            case Lstm op -> OrtRecurrentLowering.lstm(op, node, this);
            case LstmCell op -> OrtRecurrentLowering.lstmCell(op, node, this);
            case Conv2d op -> OrtConvolutionLowering.conv2d(op, node, this);
            case ConvTranspose2d op -> OrtConvolutionLowering.convTranspose2d(op, node, this);
            case Pool2d op -> OrtPoolingLowering.pool2d(op, node, this);
            case Resample2d op -> OrtPoolingLowering.resample2d(op, node, this);
            case BatchNormalization op -> OrtNormalizationLowering.batchNormalization(op, node, this);
            case InstanceNormalization op -> OrtNormalizationLowering.instanceNormalization(op, node, this);
            case LayerNormalization op -> OrtNormalizationLowering.layerNormalization(op, node, this);
        }
    }

    /** The model under construction, for emitting nodes and constants. */
    OrtModelBuilder model() {
        return model;
    }

    /**
     * The ONNX value name of an operand: graph inputs keep their WebNN name, constants are
     * {@code c<id>}, intermediate values {@code v<id>}.
     *
     * @param operand an operand of the graph
     * @return its value name
     */
    String name(Operand operand) {
        if (graph.isConstant(operand)) {
            return "c" + operand.id();
        }
        return inputNames.getOrDefault(operand.id(), "v" + operand.id());
    }

    /**
     * The data of a constant operand, for lowerings that transform weights once at compile
     * time rather than by nodes at every inference (e.g. permuting a filter into the layout an
     * ONNX operator expects, reordering recurrent gate blocks).
     *
     * @param operand an operand of the graph
     * @return its read-only data, or empty if it is not a constant
     */
    Optional<MemorySegment> constantData(Operand operand) {
        return graph.isConstant(operand) ? Optional.of(graph.constant(operand)) : Optional.empty();
    }

    /** The graph being lowered. */
    Graph graph() {
        return graph;
    }

    /**
     * The node computing an operand.
     *
     * @param operand an operand of the graph
     * @return its producer; empty for graph inputs and constants
     */
    Optional<Node> producer(Operand operand) {
        return Optional.ofNullable(producers.get(operand.id()));
    }

    /**
     * The nodes reading an operand.
     *
     * @param operand an operand of the graph
     * @return its readers, in graph order
     */
    List<Node> readers(Operand operand) {
        return readers.getOrDefault(operand.id(), List.of());
    }

    /** Whether an operand is one of the graph's outputs. */
    boolean isGraphOutput(Operand operand) {
        return graph.outputs().values().stream().anyMatch(output -> output.id() == operand.id());
    }

    /**
     * A float32 operand quantized to uint8 at run time by ONNX's DynamicQuantizeLinear (one
     * node per operand, shared by its readers).
     *
     * @param operand a float32 operand
     * @return the value names of the quantized values, their scale and their zero point
     */
    String[] dynamicallyQuantized(Operand operand) {
        return dynamicallyQuantized.computeIfAbsent(operand.id(), id -> {
            String[] outputs = {model.temporary("quantized"), model.temporary("scale"), model.temporary("zero_point")};
            model.node("DynamicQuantizeLinear", List.of(name(operand)), List.of(outputs));
            return outputs;
        });
    }

    /** The value name of a node's single output. */
    String output(Node node) {
        return name(node.output());
    }

    /**
     * Graph outputs get their WebNN names through an Identity node, so that the same operand
     * can be several outputs and inputs can never clash with output names.
     */
    private void emitOutput(String name, Operand operand) {
        model.output(name, operand.descriptor());
        model.copy(name(operand), operand.descriptor().dataType(), name);
    }

    /**
     * What this backend runs: every operation (see {@link #lowerNode}), with the spec's
     * limits narrowed by the families to the data types ONNX Runtime's CPU kernels accept.
     *
     * @param specLimits the spec's limits
     * @return the backend's limits
     */
    static MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits) {
        SupportLimitsBuilder limits = SupportLimitsBuilder.from(specLimits);
        OrtElementwiseLowering.narrow(limits);
        OrtShapeLowering.narrow(limits);
        return OrtPoolingLowering.narrow(limits).build();
    }

    // ---- emission helpers shared by the families ----

    /** Emits the core ONNX node(s) of one operator between the input and output transpositions. */
    @FunctionalInterface
    interface Core {

        /**
         * Emits the computation.
         *
         * @param input the input value name, transposed for the ONNX operator
         * @param output the value name to write
         */
        void emit(String input, String output);
    }

    /**
     * One binary ONNX node of a chain: the value so far, then {@code operand}.
     *
     * @param onnx the ONNX operator, e.g. {@code "Sub"}
     * @param operand the value name of its second input
     */
    record Step(String onnx, String operand) {
    }

    /** The permutation that moves the channels of {@code layout} to axis 1; null for NCHW. */
    static int[] toNchw(MLInputOperandLayout layout) {
        return layout == MLInputOperandLayout.NHWC ? NHWC_TO_NCHW : null;
    }

    /** The value name of an optional operand. */
    Optional<String> name(Optional<Operand> operand) {
        return operand.map(this::name);
    }

    /** A constant of the node's data type (float32 or float16), every element {@code value}. */
    String filled(Node node, long[] shape, double value) {
        return constant(node, shape, index -> value);
    }

    /** A constant of the node's data type (float32 or float16), the element at each row-major index computed. */
    String constant(Node node, long[] shape, LongToDoubleFunction values) {
        MLOperandDataType type = node.output().descriptor().dataType();
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        MemorySegment data = MemorySegment.ofArray(new byte[Math.toIntExact(count * type.byteSize())]);
        for (long i = 0; i < count; i++) {
            double value = values.applyAsDouble(i);
            if (type == FLOAT16) {
                data.setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i, MLNumber.of(value).toFloat16Bits());
            } else {
                data.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i, (float) value);
            }
        }
        return model.constant(MLOperandDescriptor.of(type, shape), data);
    }

    /**
     * An operand permuted: a constant permuted once here, another through a Transpose node.
     *
     * @param operand the operand, e.g. a filter
     * @param perm the permutation, null for none
     * @return the permuted value's name
     */
    String permuted(Operand operand, int[] perm) {
        String name = name(operand);
        if (perm == null) {
            return name;
        }
        Optional<MemorySegment> data = constantData(operand);
        if (data.isPresent()) {
            MLOperandDescriptor descriptor = operand.descriptor();
            MemorySegment permutedData = MemorySegment.ofArray(new byte[Math.toIntExact(descriptor.byteLength())]);
            Permutations.permute(data.get(), descriptor.shape(), perm, descriptor.dataType().byteSize(),
                    permutedData);
            return model.constant(MLOperandDescriptor.of(descriptor.dataType(),
                    Permutations.apply(descriptor.shape(), perm)), permutedData);
        }
        return transposed(name, perm, model.temporary("permuted"));
    }

    /** Applies the steps in order to {@code input}, the last one writing the node's output. */
    void chain(Node node, String input, List<Step> steps) {
        String value = input;
        for (int i = 0; i < steps.size(); i++) {
            String target = i == steps.size() - 1 ? output(node) : model.temporary(node.op().specName());
            model.node(steps.get(i).onnx(), List.of(value, steps.get(i).operand()), target);
            value = target;
        }
    }

    /**
     * Transposes the input, lets {@code core} compute, and writes its result transposed
     * back to the node's output.
     *
     * @param node the node
     * @param input the input value
     * @param perm the permutation for the ONNX operator, or null for none
     * @param core the ONNX node(s)
     */
    void emit(Node node, String input, int[] perm, Core core) {
        String output = output(node);
        if (perm == null) {
            core.emit(input, output);
            return;
        }
        String result = model.temporary(node.op().specName());
        core.emit(transposed(input, perm, model.temporary("transposed")), result);
        transposed(result, Permutations.inverse(perm), output);
    }

    private String transposed(String value, int[] perm, String output) {
        model.node("Transpose", List.of(value), output, OrtAttribute.integers("perm", longs(perm)));
        return output;
    }

    /**
     * Integers widened for ONNX attributes and int64 tensors.
     *
     * @param values the values
     * @return the same values as {@code long}s
     */
    static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
