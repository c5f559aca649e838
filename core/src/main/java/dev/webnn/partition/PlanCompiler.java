package dev.webnn.partition;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperationError;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.spi.CompiledGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plans a graph on several backends and compiles each partition once. A partition its
 * backend fails to compile moves to the next backends: its nodes are excluded from that
 * backend and the plan is recomputed.
 */
public final class PlanCompiler {

    private PlanCompiler() {
    }

    /**
     * A compiled plan.
     *
     * @param plan the partitions as compiled
     * @param compiled the executable graph: the only partition's own compiled graph, or a
     *     {@link PartitionedGraph} running them all
     */
    public record Result(Plan plan, CompiledGraph compiled) {
    }

    /** The partitions' runner; closes them if its boundary memory cannot be allocated. */
    private static CompiledGraph partitioned(Plan plan, List<CompiledGraph> compiled) {
        try {
            return new PartitionedGraph(plan, compiled);
        } catch (RuntimeException | OutOfMemoryError e) {
            compiled.forEach(CompiledGraph::close);
            throw e;
        }
    }

    /**
     * Compiles a whole graph on one backend, as the plan of one partition.
     *
     * @param graph the validated graph, every node of which the backend runs
     * @param engine the backend
     * @return the plan and the backend's compiled graph
     */
    public static Result whole(Graph graph, Engine engine) {
        Plan plan = Plan.whole(graph, 0);
        return new Result(plan, engine.compile(graph));
    }

    /**
     * Plans and compiles.
     *
     * @param graph the validated graph
     * @param engines the backends in order of preference
     * @param where names a node for error messages
     * @return the plan and its executable graph
     * @throws MLNotSupportedError naming an operation no backend runs or compiles
     */
    public static Result compile(Graph graph, List<? extends Engine> engines, Function<Node, String> where) {
        List<Map<Integer, String>> excluded = new ArrayList<>();
        engines.forEach(e -> excluded.add(new HashMap<>()));
        while (true) {
            Plan plan = Partitioner.plan(graph, engines, excluded, where);
            List<CompiledGraph> compiled = new ArrayList<>();
            Partition failed = null;
            String reason = null;
            for (Partition partition : plan.partitions()) {
                try {
                    Engine engine = engines.get(partition.engine());
                    compiled.add(plan.partitions().size() == 1 ? engine.compile(partition.graph())
                            : engine.compilePartition(partition.graph()));
                } catch (MLNotSupportedError | MLOperationError e) {
                    failed = partition;
                    reason = "its partition failed to compile: " + e.getMessage();
                    break;
                }
            }
            if (failed == null) {
                return new Result(plan, compiled.size() == 1 ? compiled.get(0) : partitioned(plan, compiled));
            }
            compiled.forEach(CompiledGraph::close);
            for (int node : failed.nodes()) {
                excluded.get(failed.engine()).put(node, reason);
            }
        }
    }
}
