package dev.webnn;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The recording behind {@link MLGraphBuilder}: the operands, the constants' memory, the
 * operations in creation order and their producers, and the final {@link Graph}. The
 * per-family {@code *Ops} validators check their arguments and then record one
 * {@link Operation} here with one call.
 */
final class GraphRecorder {

    private static final Cleaner CLEANER = Cleaner.create();

    private final MLGraphBuilder facade;
    private final MLContext context;
    private final Arena arena = Arena.ofShared();
    private final ArenaOwner arenaOwner = new ArenaOwner(arena);
    private final List<MLOperand> operands = new ArrayList<>();
    private final Map<String, MLOperand> inputs = new LinkedHashMap<>();
    private final Map<Integer, MemorySegment> constants = new HashMap<>();
    private final List<Recorded> nodes = new ArrayList<>();
    /** Producer node index of each operator output, by operand id. */
    private final Map<Integer, Integer> producers = new HashMap<>();
    private boolean built;

    /** Closes the constants' arena of a builder that was collected without building. */
    private static final class ArenaOwner implements Runnable {
        private final Arena arena;
        private volatile boolean transferred;

        ArenaOwner(Arena arena) {
            this.arena = arena;
        }

        @Override
        public void run() {
            if (!transferred) {
                arena.close();
            }
        }
    }

    /** An operation as recorded, on builder-wide operand ids. */
    private record Recorded(Operation operation, String label, List<MLOperand> outputs) {
    }

    /**
     * Starts recording for a facade.
     *
     * @param facade the builder whose collection frees the constants of an unbuilt graph
     * @param context the context that will compile the graph
     */
    GraphRecorder(MLGraphBuilder facade, MLContext context) {
        this.facade = facade;
        this.context = context;
        // Safety net: constants of a builder that never builds are freed when it is collected.
        CLEANER.register(facade, arenaOwner);
    }

    /** The builder this recorder records for. */
    MLGraphBuilder facade() {
        return facade;
    }

    /** Spec: "can build" — not built and the context is not closed. */
    void checkCanBuild() {
        if (built) {
            throw new MLInvalidStateError("this MLGraphBuilder has already built a graph");
        }
        context.checkOpen();
    }

    /**
     * The first steps of every operation: the builder can build (spec: "If this can not
     * build, then throw an InvalidStateError"), then its options are present.
     *
     * @param op the operation
     * @param options the options given
     * @param <T> the options type
     * @return the options
     * @throws MLInvalidStateError if the builder cannot build
     * @throws MLTypeError if {@code options} is null
     */
    <T> T begin(Op op, T options) {
        checkCanBuild();
        return Checks.options(op, options);
    }

    /**
     * The first steps of every operation: the builder can build, and every operand is
     * non-null and belongs to this builder (spec: "validate operand").
     *
     * @param op the operation
     * @param label the user's label
     * @param roles role name and operand, alternating: {@code "input", x, "filter", w}
     * @throws MLInvalidStateError if the builder cannot build
     * @throws MLTypeError if an operand is null or from another builder
     */
    void validateOperands(Op op, String label, Object... roles) {
        validate(op, label, false, roles);
    }

    /**
     * {@link #validateOperands} for the operands of optional options: an absent (null) one
     * is skipped.
     *
     * @param op the operation
     * @param label the user's label
     * @param roles role name and operand or null, alternating
     * @throws MLInvalidStateError if the builder cannot build
     * @throws MLTypeError if an operand is from another builder
     */
    void validateOptionalOperands(Op op, String label, Object... roles) {
        validate(op, label, true, roles);
    }

    private void validate(Op op, String label, boolean optional, Object... roles) {
        checkCanBuild();
        for (int i = 0; i < roles.length; i += 2) {
            String role = (String) roles[i];
            Object operand = roles[i + 1];
            if (operand == null) {
                if (optional) {
                    continue;
                }
                throw Checks.typeError(op, label, role + " is null");
            }
            if (!owns((MLOperand) operand)) {
                throw Checks.typeError(op, label, role + " belongs to another MLGraphBuilder");
            }
        }
    }

    /** Whether the operand was created by this recorder's builder. */
    boolean owns(MLOperand operand) {
        return operand.recorder() == this;
    }

    /** Whether a graph input of that name exists. */
    boolean hasInput(String name) {
        return inputs.containsKey(name);
    }

    /** Records a graph input. */
    MLOperand input(String name, MLOperandDescriptor descriptor) {
        MLOperand operand = newOperand(descriptor, MLOperand.Kind.INPUT, name);
        inputs.put(name, operand);
        return operand;
    }

    /**
     * Memory for constant data, owned by the graph once built.
     *
     * @param byteSize the data's size
     * @return 64-byte aligned memory of exactly {@code byteSize} bytes
     */
    MemorySegment allocate(long byteSize) {
        return arena.allocate(Math.max(1, byteSize), 64).asSlice(0, byteSize);
    }

    /** Records a constant whose data was written into memory from {@link #allocate}. */
    MLOperand constant(MLOperandDescriptor descriptor, MemorySegment data) {
        MLOperand operand = newOperand(descriptor, MLOperand.Kind.CONSTANT, null);
        constants.put(operand.id(), data.asReadOnly());
        return operand;
    }

    /**
     * Records an operation with one output.
     *
     * @param operation the validated operation on this builder's operands
     * @param label the user's label
     * @param output the inferred output descriptor
     * @return the output operand
     */
    MLOperand record(Operation operation, String label, MLOperandDescriptor output) {
        return record(operation, label, List.of(output)).get(0);
    }

    /**
     * Records an operation with several outputs (split, gru, lstm, lstmCell).
     *
     * @return the output operands in order
     */
    List<MLOperand> record(Operation operation, String label, List<MLOperandDescriptor> outputDescriptors) {
        checkCanBuild();
        List<MLOperand> outputs = new ArrayList<>(outputDescriptors.size());
        for (MLOperandDescriptor descriptor : outputDescriptors) {
            MLOperand output = newOperand(descriptor, MLOperand.Kind.OPERATOR_OUTPUT, null);
            producers.put(output.id(), nodes.size());
            outputs.add(output);
        }
        nodes.add(new Recorded(operation, label == null ? "" : label, List.copyOf(outputs)));
        return List.copyOf(outputs);
    }

    /**
     * Ends recording: the graph computing {@code outputs}, whose constants' memory now
     * belongs to the caller.
     *
     * @param outputs validated outputs by name
     * @return the graph and the arena owning its constants
     */
    Built build(Map<String, MLOperand> outputs) {
        built = true;
        Graph graph = toGraph(outputs);
        arenaOwner.transferred = true;
        return new Built(graph, arena);
    }

    /**
     * A finished recording.
     *
     * @param graph the graph handed to the backend
     * @param arena the memory of its constants
     */
    record Built(Graph graph, Arena arena) {
    }

    private MLOperand newOperand(MLOperandDescriptor descriptor, MLOperand.Kind kind, String name) {
        MLOperand operand = new MLOperand(this, operands.size(), descriptor, kind, name);
        operands.add(operand);
        return operand;
    }

    /** The nodes reachable from the outputs, renumbered densely, in creation (topological) order. */
    private Graph toGraph(Map<String, MLOperand> outputs) {
        BitSet neededNodes = new BitSet(nodes.size());
        BitSet seen = new BitSet(operands.size());
        Deque<MLOperand> queue = new ArrayDeque<>(outputs.values());
        while (!queue.isEmpty()) {
            MLOperand operand = queue.pop();
            if (seen.get(operand.id())) {
                continue;
            }
            seen.set(operand.id());
            Integer producer = producers.get(operand.id());
            if (producer != null && !neededNodes.get(producer)) {
                neededNodes.set(producer);
                nodes.get(producer).operation().operands().forEach(input -> queue.add(operands.get(input.id())));
                // every output of a multi-output node is an operand of the graph
                nodes.get(producer).outputs().forEach(o -> seen.set(o.id()));
            }
        }
        Map<Integer, Operand> renumbered = new HashMap<>();
        List<Operand> graphOperands = new ArrayList<>();
        Map<Integer, MemorySegment> graphConstants = new HashMap<>();
        UnaryOperator<Operand> map = o -> renumbered.computeIfAbsent(o.id(), id -> {
            Operand operand = new Operand(graphOperands.size(), o.descriptor());
            graphOperands.add(operand);
            MemorySegment data = constants.get(id);
            if (data != null) {
                graphConstants.put(operand.id(), data);
            }
            return operand;
        });
        Map<String, Operand> graphInputs = new LinkedHashMap<>();
        inputs.forEach((name, operand) -> {
            if (seen.get(operand.id())) {
                graphInputs.put(name, map.apply(operand.operand()));
            }
        });
        List<Node> graphNodes = new ArrayList<>();
        for (int i = neededNodes.nextSetBit(0); i >= 0; i = neededNodes.nextSetBit(i + 1)) {
            Recorded node = nodes.get(i);
            Operation operation = node.operation().withOperands(map);
            graphNodes.add(new Node(operation, node.label(),
                    node.outputs().stream().map(o -> map.apply(o.operand())).toList()));
        }
        Map<String, Operand> graphOutputs = new LinkedHashMap<>();
        outputs.forEach((name, operand) -> graphOutputs.put(name, map.apply(operand.operand())));
        return new Graph(graphOperands, graphInputs, graphConstants, graphNodes, graphOutputs);
    }
}
