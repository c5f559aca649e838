package dev.webnn.partition;

import dev.webnn.MLNotSupportedError;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Splits a graph among the backends of a context.
 *
 * <p>Each node goes to the first backend that runs it. A cheap node whose producers and
 * consumers all run on one other backend that also runs it moves there, so it does not split
 * that backend's partition in two. Nodes are then grouped into stages: a node's stage is the largest of its
 * producers' stages, plus one for a producer on another backend; a node reading no other
 * node's result takes the earliest stage of its readers when they all run on its backend
 * (so weights dequantized from constants stay with the product reading them). The nodes of
 * one backend in one stage form a partition; every edge between partitions goes to a later stage, so
 * the partitions run in stage order without cycles.
 */
public final class Partitioner {

    private final Graph graph;
    private final List<? extends Engine> engines;
    private final List<Map<Integer, String>> excluded;
    private final List<Node> nodes;
    /** Producer node index of each operator output, by operand id. */
    private final Map<Integer, Integer> producers = new HashMap<>();
    private final List<Set<Integer>> predecessors = new ArrayList<>();
    private final List<Set<Integer>> successors = new ArrayList<>();
    /** Why each engine cannot run each node, null where it can. */
    private final String[][] refusals;

    private Partitioner(Graph graph, List<? extends Engine> engines, List<Map<Integer, String>> excluded) {
        this.graph = graph;
        this.engines = engines;
        this.excluded = excluded;
        this.nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            predecessors.add(new LinkedHashSet<>());
            successors.add(new LinkedHashSet<>());
            for (Operand output : nodes.get(i).outputs()) {
                producers.put(output.id(), i);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (Operand input : nodes.get(i).operation().operands()) {
                Integer producer = producers.get(input.id());
                if (producer != null) {
                    predecessors.get(i).add(producer);
                    successors.get(producer).add(i);
                }
            }
        }
        refusals = new String[engines.size()][nodes.size()];
        for (int e = 0; e < engines.size(); e++) {
            for (int i = 0; i < nodes.size(); i++) {
                String reason = excluded.get(e).get(i);
                refusals[e][i] = reason != null ? reason
                        : engines.get(e).unsupportedReason(graph, nodes.get(i)).orElse(null);
            }
        }
    }

    /**
     * Plans a graph on a list of backends.
     *
     * @param graph the validated graph
     * @param engines the backends in order of preference
     * @param excluded per engine, the nodes (by index) it must not run, with the reason
     * @param where names a node for an error message (operator and label)
     * @return the plan
     * @throws MLNotSupportedError naming the first node no backend runs, with each one's reason
     */
    public static Plan plan(Graph graph, List<? extends Engine> engines, List<Map<Integer, String>> excluded,
                            Function<Node, String> where) {
        Partitioner partitioner = new Partitioner(graph, engines, excluded);
        int[] assignment = partitioner.assign(where);
        partitioner.absorbLoneNodes(assignment);
        return partitioner.group(assignment);
    }

    private int[] assign(Function<Node, String> where) {
        int[] assignment = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            assignment[i] = -1;
            for (int e = 0; e < engines.size() && assignment[i] < 0; e++) {
                if (refusals[e][i] == null) {
                    assignment[i] = e;
                }
            }
            if (assignment[i] < 0) {
                StringBuilder reasons = new StringBuilder();
                for (int e = 0; e < engines.size(); e++) {
                    reasons.append(e == 0 ? "" : "; ").append(engines.get(e).name()).append(": ").append(refusals[e][i]);
                }
                throw new MLNotSupportedError(where.apply(nodes.get(i)) + "no backend of this context runs it ("
                        + reasons + ")");
            }
        }
        return assignment;
    }

    /**
     * Moves a cheap node between two partitions of one other backend there, if that backend
     * runs it: its producers and consumers all run on that backend.
     */
    private void absorbLoneNodes(int[] assignment) {
        for (int i = 0; i < nodes.size(); i++) {
            if (!isCheap(nodes.get(i).operation()) || predecessors.get(i).isEmpty() || successors.get(i).isEmpty()) {
                continue;
            }
            Set<Integer> neighbours = new LinkedHashSet<>(predecessors.get(i));
            neighbours.addAll(successors.get(i));
            int common = neighbours.stream().mapToInt(n -> assignment[n]).distinct().reduce((a, b) -> -1).orElse(-1);
            if (common >= 0 && common != assignment[i] && refusals[common][i] == null) {
                assignment[i] = common;
            }
        }
    }

    /** Heavy operations stay on the backend that was preferred for them. */
    private static boolean isCheap(Operation operation) {
        return switch (operation) {
            case Operation.Conv2d _, Operation.ConvTranspose2d _, Operation.Gemm _, Operation.Matmul _,
                 Operation.Gru _, Operation.GruCell _, Operation.Lstm _, Operation.LstmCell _ -> false;
            default -> true;
        };
    }

    private Plan group(int[] assignment) {
        int[] stage = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            for (int p : predecessors.get(i)) {
                stage[i] = Math.max(stage[i], stage[p] + (assignment[p] == assignment[i] ? 0 : 1));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            int root = i;
            if (predecessors.get(i).isEmpty() && !successors.get(i).isEmpty()
                    && successors.get(i).stream().allMatch(s -> assignment[s] == assignment[root])) {
                // a node reading no other node's result (weights dequantized from constants) joins its readers' partition
                stage[i] = successors.get(i).stream().mapToInt(s -> stage[s]).min().orElseThrow();
            }
        }
        Map<Long, List<Integer>> byStage = new TreeMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            byStage.computeIfAbsent(((long) stage[i] << 32) | assignment[i], k -> new ArrayList<>()).add(i);
        }
        int[] partitionOf = new int[nodes.size()];
        List<List<Integer>> groups = new ArrayList<>(byStage.values());
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                partitionOf[i] = g;
            }
        }
        return new PlanBuilder(graph, nodes, producers, partitionOf).build(groups, assignment);
    }

    /** Builds the partitions' graphs and slots once the nodes are grouped. */
    private static final class PlanBuilder {

        private final Graph graph;
        private final List<Node> nodes;
        private final Map<Integer, Integer> producers;
        private final int[] partitionOf;
        private final List<String> inputNames;
        private final List<Operand> inputOperands;
        private final List<String> outputNames;
        private final List<Operand> outputOperands;
        private final Map<Integer, Integer> boundarySlots = new LinkedHashMap<>();
        private final List<Operand> boundaries = new ArrayList<>();
        private final String boundaryPrefix;
        /** The partitions reading each operand, by operand id. */
        private final Map<Integer, Set<Integer>> readers = new HashMap<>();

        PlanBuilder(Graph graph, List<Node> nodes, Map<Integer, Integer> producers, int[] partitionOf) {
            this.graph = graph;
            this.nodes = nodes;
            this.producers = producers;
            this.partitionOf = partitionOf;
            for (int i = 0; i < nodes.size(); i++) {
                for (Operand operand : nodes.get(i).operation().operands()) {
                    readers.computeIfAbsent(operand.id(), id -> new HashSet<>()).add(partitionOf[i]);
                }
            }
            this.inputNames = List.copyOf(graph.inputs().keySet());
            this.inputOperands = List.copyOf(graph.inputs().values());
            this.outputNames = List.copyOf(graph.outputs().keySet());
            this.outputOperands = List.copyOf(graph.outputs().values());
            String prefix = "boundary:";
            while (startsWith(inputNames, prefix) || startsWith(outputNames, prefix)) {
                prefix = "_" + prefix;
            }
            this.boundaryPrefix = prefix;
        }

        private static boolean startsWith(List<String> names, String prefix) {
            return names.stream().anyMatch(n -> n.startsWith(prefix));
        }

        Plan build(List<List<Integer>> groups, int[] assignment) {
            if (groups.size() == 1) {
                return Plan.whole(graph, assignment[0]);
            }
            List<Partition> partitions = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                int[] indexes = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
                partitions.add(partition(g, assignment[indexes[0]], indexes));
            }
            return new Plan(partitions, inputNames.size(), outputNames.size(), boundaries);
        }

        private Partition partition(int g, int engine, int[] indexes) {
            Map<String, Operand> inputs = new LinkedHashMap<>();
            List<Integer> inputSlots = new ArrayList<>();
            Map<Integer, MemorySegment> constants = new LinkedHashMap<>();
            List<Node> members = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (int i : indexes) {
                Node node = nodes.get(i);
                members.add(node);
                for (Operand operand : node.operation().operands()) {
                    if (graph.isConstant(operand)) {
                        constants.put(operand.id(), graph.constant(operand));
                        continue;
                    }
                    Integer producer = producers.get(operand.id());
                    if (producer != null && partitionOf[producer] == g || !seen.add(operand.id())) {
                        continue;
                    }
                    int graphInput = inputOperands.indexOf(operand);
                    if (graphInput >= 0) {
                        inputs.put(inputNames.get(graphInput), operand);
                        inputSlots.add(graphInput);
                    } else {
                        inputs.put(boundaryPrefix + operand.id(), operand);
                        inputSlots.add(slotOf(operand));
                    }
                }
            }
            Map<String, Operand> outputs = new LinkedHashMap<>();
            List<Integer> outputSlots = new ArrayList<>();
            for (int i : indexes) {
                for (Operand operand : nodes.get(i).outputs()) {
                    boolean isOutput = false;
                    for (int o = 0; o < outputOperands.size(); o++) {
                        if (outputOperands.get(o).equals(operand)) {
                            outputs.put(outputNames.get(o), operand);
                            outputSlots.add(inputNames.size() + o);
                            isOutput = true;
                        }
                    }
                    if (!isOutput && readElsewhere(operand, g)) {
                        outputs.put(boundaryPrefix + operand.id(), operand);
                        outputSlots.add(slotOf(operand));
                    }
                }
            }
            Graph part = new Graph(graph.operands(), inputs, constants, members, outputs);
            return new Partition(engine, indexes, part, toArray(inputSlots), toArray(outputSlots));
        }

        /** Slot of an operand crossing partitions: the caller's output if it is a graph output, else a boundary. */
        private int slotOf(Operand operand) {
            int output = outputOperands.indexOf(operand);
            if (output >= 0) {
                return inputNames.size() + output;
            }
            return boundarySlots.computeIfAbsent(operand.id(), id -> {
                boundaries.add(operand);
                return inputNames.size() + outputNames.size() + boundaries.size() - 1;
            });
        }

        private boolean readElsewhere(Operand operand, int g) {
            return readers.getOrDefault(operand.id(), Set.of()).stream().anyMatch(p -> p != g);
        }

        private static int[] toArray(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
