package dev.webnn.backend.onnxruntime;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers a validated WebNN graph to an ONNX model: graph inputs and outputs keep their
 * names, constants become initializers over the graph's own memory, and each node is
 * emitted by the {@link OpLowering} registered for its operator.
 */
final class Lowering {

    /** Every supported operator and how it is lowered; filled by the family classes. */
    static final Map<Op, OpLowering> OPERATORS = registry();

    private final Graph graph;
    private final OrtModelBuilder model;
    /** Graph inputs keep their WebNN names, by operand id. */
    private final Map<Integer, String> inputNames = new HashMap<>();

    private Lowering(Graph graph, OrtModelBuilder model) {
        this.graph = graph;
        this.model = model;
        graph.inputs().forEach((name, operand) -> inputNames.put(operand.id(), name));
    }

    /**
     * Emits the whole graph into {@code model}.
     *
     * @param graph the validated graph
     * @param model an empty model builder
     */
    static void lower(Graph graph, OrtModelBuilder model) {
        Lowering lowering = new Lowering(graph, model);
        graph.inputs().forEach((name, operand) -> model.input(lowering.name(operand), operand.descriptor()));
        graph.constants().forEach((id, data) -> model.initializer("c" + id, graph.operands().get(id).descriptor(), data));
        for (Node node : graph.nodes()) {
            OpLowering op = OPERATORS.get(node.op());
            if (op == null) {
                throw new IllegalStateException("no ONNX lowering for " + node.op().specName());
            }
            op.lower(node, lowering);
        }
        graph.outputs().forEach((name, operand) -> lowering.emitOutput(name, operand));
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

    /** The value name of a node's input by role. */
    String input(Node node, String role) {
        return name(node.input(role));
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
        model.node("Identity", List.of(name(operand)), name);
    }

    private static Map<Op, OpLowering> registry() {
        Map<Op, OpLowering> map = new EnumMap<>(Op.class);
        ElementwiseLowering.register(map);
        ActivationLowering.register(map);
        ReductionLowering.register(map);
        MatrixLowering.register(map);
        ShapeLowering.register(map);
        RecurrentLowering.register(map);
        ConvolutionLowering.register(map);
        return map;
    }

    /**
     * What this backend runs: the spec's limits narrowed to the lowered operators, then by
     * each family to the data types ONNX Runtime's CPU kernels accept.
     *
     * @param specLimits the spec's limits
     * @return the backend's limits
     */
    static MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits) {
        MLOpSupportLimits limits = specLimits.retainOperators(name -> OPERATORS.containsKey(Op.fromSpecName(name)));
        limits = ElementwiseLowering.narrow(limits);
        limits = ActivationLowering.narrow(limits);
        limits = ReductionLowering.narrow(limits);
        limits = MatrixLowering.narrow(limits);
        limits = ShapeLowering.narrow(limits);
        limits = RecurrentLowering.narrow(limits);
        return ConvolutionLowering.narrow(limits);
    }
}
