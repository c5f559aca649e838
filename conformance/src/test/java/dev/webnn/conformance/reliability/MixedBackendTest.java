package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInvalidStateError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPartition;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import dev.webnn.MLTensorLimits;
import dev.webnn.conformance.GraphFromCase;
import dev.webnn.conformance.WptCase;
import dev.webnn.conformance.WptCaseLoader;
import dev.webnn.conformance.WptData;
import dev.webnn.conformance.reliability.DifferentialRunner.Result;
import dev.webnn.conformance.reliability.DifferentialRunner.Verdict;
import dev.webnn.spi.MLBackend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A graph alternating operations XNNPACK runs with ones it does not (conv2d, gather, conv2d,
 * where, softmax) on a context of both backends: its plan, its results against ONNX Runtime
 * alone, its steady-state heap allocation, and its use from eight threads and closing while
 * it runs.
 */
class MixedBackendTest {

    private static final int THREADS = 8;
    private static MLContext mixed;
    private static MLContext onnxRuntime;
    private static WptCase alternating;

    @BeforeAll
    static void open() {
        List<String> available = ML.backends().stream().filter(b -> b.availability().available()).map(MLBackend::name)
                .toList();
        assumeTrue(available.containsAll(List.of("xnnpack", "onnxruntime")), "needs both backends, found " + available);
        mixed = ML.createContext(MLContextOptions.defaults().withBackends("xnnpack", "onnxruntime"));
        onnxRuntime = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
        alternating = WptCaseLoader.cases("alternating.json", alternatingJson()).get(0);
    }

    @AfterAll
    static void close() {
        if (mixed != null) {
            mixed.close();
            onnxRuntime.close();
        }
    }

    /** x[1,3,6,6] → conv2d 3x3 → gather 2 channels → conv2d 1x1 → where (constant mask) → softmax. */
    private static String alternatingJson() {
        SplittableRandom random = new SplittableRandom(13);
        String x = values(108, () -> String.valueOf((float) random.nextDouble(-1, 1)));
        String filter1 = values(108, () -> String.valueOf((float) random.nextDouble(-0.5, 0.5)));
        String filter2 = values(8, () -> String.valueOf((float) random.nextDouble(-1, 1)));
        String mask = values(144, () -> String.valueOf(random.nextInt(2)));
        return """
                {"operation": "mixed", "tests": [{"name": "conv2d gather conv2d where softmax", "graph": {
                  "inputs": {
                    "x": {"data": [%s], "descriptor": {"shape": [1, 3, 6, 6], "dataType": "float32"}},
                    "filter1": {"data": [%s], "descriptor": {"shape": [4, 3, 3, 3], "dataType": "float32"}, "constant": true},
                    "indices": {"data": [3, 1], "descriptor": {"shape": [2], "dataType": "int32"}, "constant": true},
                    "filter2": {"data": [%s], "descriptor": {"shape": [4, 2, 1, 1], "dataType": "float32"}, "constant": true},
                    "mask": {"data": [%s], "descriptor": {"shape": [1, 4, 6, 6], "dataType": "uint8"}, "constant": true},
                    "fill": {"data": [0.25], "descriptor": {"shape": [1], "dataType": "float32"}, "constant": true}},
                  "operators": [
                    {"name": "conv2d", "arguments": [{"input": "x"}, {"filter": "filter1"},
                      {"options": {"padding": [1, 1, 1, 1]}}], "outputs": "c1"},
                    {"name": "gather", "arguments": [{"input": "c1"}, {"indices": "indices"}, {"options": {"axis": 1}}],
                      "outputs": "g"},
                    {"name": "conv2d", "arguments": [{"input": "g"}, {"filter": "filter2"}], "outputs": "c2"},
                    {"name": "where", "arguments": [{"condition": "mask"}, {"trueValue": "c2"}, {"falseValue": "fill"}],
                      "outputs": "w"},
                    {"name": "softmax", "arguments": [{"input": "w"}, {"axis": 3}], "outputs": "out"}],
                  "expectedOutputs": {"out": {"data": [], "descriptor": {"shape": [1, 4, 6, 6], "dataType": "float32"}}}
                }}]}
                """.formatted(x, filter1, filter2, mask);
    }

    private static String values(int count, java.util.function.Supplier<String> next) {
        return IntStream.range(0, count).mapToObj(i -> next.get()).collect(Collectors.joining(", "));
    }

    private static MLGraph build(MLContext context, Arena arena) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        return builder.build(GraphFromCase.addTo(builder, alternating, arena).outputs());
    }

    private static Map<String, MemorySegment> inputs(Arena arena) {
        return Map.of("x", WptData.encode(alternating.inputs().get("x"), arena));
    }

    private static MemorySegment output(MLGraph graph, Arena arena) {
        MLOperandDescriptor out = graph.outputDescriptors().get("out");
        return arena.allocate(out.byteLength(), 4);
    }

    @Test
    void planAlternatesBackendsWithOneBoundaryPerHandOff() {
        try (Arena arena = Arena.ofConfined(); MLGraph graph = build(mixed, arena)) {
            List<MLPartition> plan = graph.describe();
            assertEquals(List.of("xnnpack", "onnxruntime", "xnnpack", "onnxruntime", "xnnpack"),
                    plan.stream().map(MLPartition::backend).toList(), plan::toString);
            assertTrue(plan.stream().allMatch(p -> p.operations() == 1), plan::toString);
            assertEquals(List.of("x"), plan.get(0).inputs());
            assertEquals(plan.get(0).outputs(), plan.get(1).inputs());
            assertEquals(List.of("out"), plan.get(4).outputs());
            assertTrue(plan.get(2).inputs().get(0).startsWith("boundary:"), plan::toString);
        }
    }

    @Test
    void alternatingGraphAgreesWithOnnxRuntimeAloneWithinWptTolerances() {
        Map<String, long[]> shapes = Map.of("x", new long[] {1, 3, 6, 6}, "filter1", new long[] {4, 3, 3, 3},
                "indices", new long[] {2}, "filter2", new long[] {4, 2, 1, 1}, "mask", new long[] {1, 4, 6, 6},
                "fill", new long[] {1}, "c1", new long[] {1, 4, 6, 6}, "g", new long[] {1, 2, 6, 6},
                "c2", new long[] {1, 4, 6, 6}, "w", new long[] {1, 4, 6, 6});
        Map<String, long[]> all = new LinkedHashMap<>(shapes);
        all.put("out", new long[] {1, 4, 6, 6});
        GraphGenerator.Generated generated = new GraphGenerator.Generated(null, alternating, all,
                List.of("conv2d", "gather", "conv2d", "where", "softmax"));
        Result result = DifferentialRunner.run(generated, List.of(onnxRuntime, mixed));
        assertEquals(Verdict.AGREE, result.verdict(), result.detail());
    }

    /**
     * int4 weights (beyond the spec snapshot), which XNNPACK does not take: their
     * dequantizeLinear falls back to ONNX Runtime and the matmul after it runs on XNNPACK.
     */
    @Test
    void fourBitWeightsDequantizeOnOnnxRuntimeAndFeedAnXnnpackMatmul() {
        MLGraphBuilder b = new MLGraphBuilder(mixed);
        // [[1, -2], [7, -8]], low nibble first: 0xE1 and 0x87
        MLOperand weights = b.dequantizeLinear(b.constant(MLOperandDescriptor.of(MLOperandDataType.INT4, 2, 2),
                        new byte[] {(byte) 0xE1, (byte) 0x87}),
                b.constant(MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 1), new float[] {0.5f}),
                b.constant(MLOperandDescriptor.of(MLOperandDataType.INT4, 1, 1), new byte[] {0}));
        MLOperand x = b.input("x", MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 2));
        try (Arena arena = Arena.ofConfined(); MLGraph graph = b.build(Map.of("y", b.matmul(x, weights)))) {
            assertEquals(List.of("onnxruntime", "xnnpack"), graph.describe().stream().map(MLPartition::backend).toList(),
                    graph.describe()::toString);
            MemorySegment y = arena.allocate(ValueLayout.JAVA_FLOAT, 2);
            mixed.compute(graph, Map.of("x", arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1, 2)), Map.of("y", y));
            // [1, 2] x 0.5 * [[1, -2], [7, -8]]
            assertArrayEquals(new float[] {7.5f, -9}, y.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    @Test
    void theContextListsBothBackendsAndSupportsTheUnionOfTheirOperations() {
        assertEquals("xnnpack,onnxruntime", mixed.backendName());
        assertEquals(onnxRuntime.opSupportLimits().operators(), mixed.opSupportLimits().operators());
        try (MLContext xnnpack = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"))) {
            assertEquals(xnnpack.opSupportLimits().preferredInputLayout(), mixed.opSupportLimits().preferredInputLayout());
            for (String op : mixed.opSupportLimits().operators()) {
                Map<String, MLTensorLimits> union = mixed.opSupportLimits().operator(op).orElseThrow();
                onnxRuntime.opSupportLimits().operator(op).orElseThrow().forEach((role, limits) ->
                        assertTrue(union.get(role).dataTypes().containsAll(limits.dataTypes()), op + " " + role));
                xnnpack.opSupportLimits().operator(op).ifPresent(roles -> roles.forEach((role, limits) ->
                        assertTrue(union.get(role).dataTypes().containsAll(limits.dataTypes()), op + " " + role)));
            }
        }
    }

    @Test
    void dispatchOnTensorsGivesWhatComputeGives() {
        try (Arena arena = Arena.ofConfined(); MLGraph graph = build(mixed, arena)) {
            Map<String, MemorySegment> inputs = inputs(arena);
            MemorySegment computed = output(graph, arena);
            mixed.compute(graph, inputs, Map.of("out", computed));
            MLTensor x = mixed.createTensor(MLTensorDescriptor.writable(graph.inputDescriptors().get("x")));
            MLTensor out = mixed.createTensor(MLTensorDescriptor.readable(graph.outputDescriptors().get("out")));
            mixed.writeTensor(x, inputs.get("x"));
            mixed.dispatch(graph, Map.of("x", x), Map.of("out", out));
            assertEquals(-1, mixed.readTensor(out).mismatch(computed));
            x.close();
            out.close();
        }
    }

    @Test
    void steadyStateComputeAllocatesNothingOnTheHeap() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "the JVM does not count allocated bytes per thread");
        try (Arena arena = Arena.ofConfined(); MLGraph graph = build(mixed, arena)) {
            Map<String, MemorySegment> inputs = inputs(arena);
            Map<String, MemorySegment> outputs = Map.of("out", output(graph, arena));
            for (int i = 0; i < 5_000; i++) {
                mixed.compute(graph, inputs, outputs);
            }
            int runs = 2_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < runs; i++) {
                mixed.compute(graph, inputs, outputs);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(0, allocated, allocated + " bytes allocated by " + runs + " computes of " + graph.describe());
        }
    }

    @Test
    void eightThreadsComputeThePartitionedGraphAlike() throws Exception {
        try (Arena arena = Arena.ofShared(); MLGraph graph = build(mixed, arena)) {
            Map<String, MemorySegment> inputs = inputs(arena);
            MemorySegment reference = output(graph, arena);
            mixed.compute(graph, inputs, Map.of("out", reference));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Long>> mismatches = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    mismatches.add(pool.submit(() -> {
                        MemorySegment out = output(graph, arena);
                        long wrong = 0;
                        for (int i = 0; i < 200; i++) {
                            out.fill((byte) 0);
                            mixed.compute(graph, inputs, Map.of("out", out));
                            wrong += out.mismatch(reference) < 0 ? 0 : 1;
                        }
                        return wrong;
                    }));
                }
                for (Future<Long> f : mismatches) {
                    assertEquals(0L, f.get(60, TimeUnit.SECONDS), "a thread computed other values than the reference");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closingThePartitionedGraphWhileThreadsRunItStopsThemCleanly() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MLGraph graph = build(mixed, arena);
            Map<String, MemorySegment> inputs = inputs(arena);
            AtomicLong computed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<String>> endings = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    endings.add(pool.submit(() -> {
                        MemorySegment out = output(graph, arena);
                        try {
                            while (true) {
                                mixed.compute(graph, inputs, Map.of("out", out));
                                computed.incrementAndGet();
                            }
                        } catch (MLInvalidStateError e) {
                            return e.getMessage();
                        }
                    }));
                }
                while (computed.get() < 50) {
                    Thread.onSpinWait();
                }
                graph.close();
                for (Future<String> ending : endings) {
                    assertEquals("compute: the graph is destroyed", ending.get(60, TimeUnit.SECONDS));
                }
                assertTrue(graph.isDestroyed());
            } finally {
                pool.shutdownNow();
            }
        }
        try (Arena arena = Arena.ofConfined(); MLGraph again = build(mixed, arena)) {
            MemorySegment out = output(again, arena);
            mixed.compute(again, inputs(arena), Map.of("out", out));
            assertTrue(out.get(ValueLayout.JAVA_FLOAT, 0) > 0, "the context still runs graphs after one was closed");
        }
    }
}
