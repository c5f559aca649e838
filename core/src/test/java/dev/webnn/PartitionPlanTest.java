package dev.webnn;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.partition.Engine;
import dev.webnn.partition.Partition;
import dev.webnn.partition.PartitionedGraph;
import dev.webnn.partition.PlanCompiler;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.CompiledGraph;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partitioner and the plan compiler on engines that run chosen operators through the
 * reference interpreter: first-backend assignment, lone-node absorption, constant-fed nodes
 * joining their readers, boundaries, moving a partition whose compile fails, and the error when no backend runs an operation.
 */
class PartitionPlanTest {

    private MLContext context;
    private BackendContext interpreter;
    private final List<String> compiled = new ArrayList<>();

    /** Runs the given operators; refuses at compile time those in {@code failing}. */
    private final class FakeEngine implements Engine {
        private final String name;
        private final Set<Op> runs;
        private final Set<Op> failing;

        FakeEngine(String name, Set<Op> runs, Set<Op> failing) {
            this.name = name;
            this.runs = runs;
            this.failing = failing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> unsupportedReason(Graph graph, Node node) {
            return runs.contains(node.op()) ? Optional.empty() : Optional.of(name + " lacks " + node.op().specName());
        }

        @Override
        public CompiledGraph compile(Graph graph) {
            return compile(graph, name);
        }

        /** Recorded as "name partition:[ops]": the graph shares the cores with other backends' partitions. */
        @Override
        public CompiledGraph compilePartition(Graph graph) {
            return compile(graph, name + " partition");
        }

        private CompiledGraph compile(Graph graph, String record) {
            for (Node node : graph.nodes()) {
                if (failing.contains(node.op())) {
                    throw new MLNotSupportedError(name + " cannot compile " + node.op().specName());
                }
            }
            compiled.add(record + ":" + graph.nodes().stream().map(n -> n.op().specName()).toList());
            return interpreter.compile(graph);
        }
    }

    @BeforeEach
    void open() {
        context = TestContexts.reference();
        interpreter = new ReferenceBackend().openContext(MLContextOptions.defaults());
    }

    @AfterEach
    void close() {
        interpreter.close();
        context.close();
    }

    /** The graph {@code out = (((x op1 x) op2 x) ...)} over a float32 input x of 4 elements. */
    private Graph chain(String... ops) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        MLOperand x = builder.input("x", MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 4));
        MLOperand value = x;
        for (String op : ops) {
            BinaryOperator<MLOperand> step = switch (op) {
                case "add" -> builder::add;
                case "sub" -> builder::sub;
                default -> builder::mul;
            };
            value = step.apply(value, x);
        }
        try (MLGraph graph = builder.build(Map.of("out", value))) {
            return graph.graph();
        }
    }

    private static float[] run(CompiledGraph graph, float[] x) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_FLOAT, x.length);
            graph.execute(new MemorySegment[] {arena.allocateFrom(JAVA_FLOAT, x)}, new MemorySegment[] {out});
            return out.toArray(JAVA_FLOAT);
        }
    }

    private static String where(Node node) {
        return node.op().specName() + ": ";
    }

    @Test
    void eachOperationGoesToTheFirstBackendThatRunsItAndBoundariesCarryTheValues() {
        Graph graph = chain("add", "sub", "mul");
        FakeEngine a = new FakeEngine("a", EnumSet.of(Op.ADD, Op.MUL), Set.of());
        FakeEngine b = new FakeEngine("b", EnumSet.of(Op.ADD, Op.SUB, Op.MUL), Set.of());
        PlanCompiler.Result result = PlanCompiler.compile(graph, List.of(a, b), PartitionPlanTest::where);
        try (CompiledGraph executable = result.compiled()) {
            assertEquals(List.of(0, 1, 0), result.plan().partitions().stream().map(Partition::engine).toList());
            assertEquals(2, result.plan().boundaries().size());
            assertEquals(List.of("a partition:[add]", "b partition:[sub]", "a partition:[mul]"), compiled);
            PartitionedGraph partitioned = assertInstanceOf(PartitionedGraph.class, executable);
            assertEquals(2 * 4 * Float.BYTES, partitioned.boundaryBytes());
            // ((x + x) - x) * x = x * x
            assertArrayEquals(new float[] {1, 4, 9, 16}, run(executable, new float[] {1, 2, 3, 4}));
            assertArrayEquals(new float[] {0.25f, 0, 4, 100}, run(executable, new float[] {-0.5f, 0, 2, -10}));
        }
    }

    @Test
    void aLoneCheapOperationBetweenTwoPartitionsOfAnotherBackendJoinsThem() {
        Graph graph = chain("sub", "add", "sub");
        FakeEngine a = new FakeEngine("a", EnumSet.of(Op.ADD), Set.of());
        FakeEngine b = new FakeEngine("b", EnumSet.of(Op.ADD, Op.SUB), Set.of());
        PlanCompiler.Result result = PlanCompiler.compile(graph, List.of(a, b), PartitionPlanTest::where);
        try (CompiledGraph executable = result.compiled()) {
            assertEquals(1, result.plan().partitions().size());
            assertEquals(List.of("b:[sub, add, sub]"), compiled);
            // ((x - x) + x) - x = 0
            assertArrayEquals(new float[] {0, 0, 0, 0}, run(executable, new float[] {1, 2, 3, -4}), 0f);
        }
    }

    @Test
    void aNodeReadingOnlyConstantsJoinsThePartitionOfItsReader() {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        MLOperandDescriptor vector = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 4);
        MLOperand x = builder.input("x", vector);
        // as weights dequantized from constants are: computed from constants only
        MLOperand weights = builder.add(builder.constant(vector, new float[] {1, 2, 3, 4}),
                builder.constant(vector, new float[] {0, -4, 0, 0}));
        FakeEngine a = new FakeEngine("a", EnumSet.of(Op.ADD, Op.MUL), Set.of());
        FakeEngine b = new FakeEngine("b", EnumSet.of(Op.SUB), Set.of());
        // the built graph owns the constants' data: it stays open while the plan runs
        try (MLGraph built = builder.build(Map.of("out", builder.mul(builder.sub(x, builder.constant(vector,
                new float[] {1, 1, 1, 1})), weights)));
             CompiledGraph executable = PlanCompiler.compile(built.graph(), List.of(a, b), PartitionPlanTest::where)
                     .compiled()) {
            // no partition of their own and no boundary for the weights: they are computed where they are read
            assertEquals(List.of("b partition:[sub]", "a partition:[add, mul]"), compiled);
            assertEquals(4 * Float.BYTES, assertInstanceOf(PartitionedGraph.class, executable).boundaryBytes());
            // (x - 1) * [1, -2, 3, 4]
            assertArrayEquals(new float[] {0, -2, 6, 12}, run(executable, new float[] {1, 2, 3, 4}));
        }
    }

    @Test
    void aPartitionThatFailsToCompileMovesToTheNextBackend() {
        Graph graph = chain("add", "mul");
        FakeEngine a = new FakeEngine("a", EnumSet.of(Op.ADD, Op.MUL), EnumSet.of(Op.MUL));
        FakeEngine b = new FakeEngine("b", EnumSet.of(Op.ADD, Op.MUL), Set.of());
        PlanCompiler.Result result = PlanCompiler.compile(graph, List.of(a, b), PartitionPlanTest::where);
        try (CompiledGraph executable = result.compiled()) {
            assertEquals(List.of(1), result.plan().partitions().stream().map(Partition::engine).toList());
            assertEquals(List.of("b:[add, mul]"), compiled);
            assertArrayEquals(new float[] {2, 8, 0, 18}, run(executable, new float[] {1, 2, 0, -3}));
        }
    }

    @Test
    void onlyAnOperationNoBackendRunsFailsTheBuildNamingIt() {
        Graph graph = chain("add", "sub");
        FakeEngine a = new FakeEngine("a", EnumSet.of(Op.ADD), Set.of());
        FakeEngine b = new FakeEngine("b", EnumSet.of(Op.ADD, Op.SUB), EnumSet.of(Op.SUB));
        MLNotSupportedError e = assertThrows(MLNotSupportedError.class,
                () -> PlanCompiler.compile(graph, List.of(a, b), PartitionPlanTest::where));
        assertEquals("sub: no backend of this context runs it (a: a lacks sub; b: its partition failed to compile: "
                + "b cannot compile sub)", e.getMessage());
        assertTrue(compiled.stream().allMatch(c -> c.startsWith("a partition:")), compiled::toString);
    }
}
