package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Context, tensor, build and dispatch rules of the spec, on the reference test backend. */
class MLContextTest {

    private static final MLOperandDescriptor DESC = MLOperandDescriptor.of(FLOAT32, 1, 2, 2, 2);

    private final MLContext context = TestContexts.reference();

    @AfterEach
    void close() {
        context.close();
    }

    /** The seed example: (0.5 + input1) * (0.5 + input2). */
    private MLGraph helloGraph(MLContext on) {
        MLGraphBuilder b = new MLGraphBuilder(on);
        MLOperand c = b.constant(DESC, filled(8, 0.5f));
        MLOperand out = b.mul(b.add(c, b.input("input1", DESC)), b.add(b.constant(DESC, filled(8, 0.5f)), b.input("input2", DESC)));
        return b.build(Map.of("output", out));
    }

    private static float[] filled(int n, float value) {
        float[] data = new float[n];
        Arrays.fill(data, value);
        return data;
    }

    private MLTensor tensor(MLTensorDescriptor descriptor, float value) {
        MLTensor t = context.createTensor(descriptor);
        if (descriptor.writable()) {
            context.writeTensor(t, MemorySegment.ofArray(filled(8, value)));
        }
        return t;
    }

    @Test
    void helloGraphDispatchesOnTensors() {
        try (MLGraph graph = helloGraph(context)) {
            MLTensor in1 = tensor(MLTensorDescriptor.writable(DESC), 1);
            MLTensor in2 = tensor(MLTensorDescriptor.writable(DESC), 1);
            MLTensor out = context.createTensor(MLTensorDescriptor.readable(DESC));
            context.dispatch(graph, Map.of("input1", in1, "input2", in2), Map.of("output", out));
            assertArrayEquals(filled(8, 2.25f), context.readTensor(out).toArray(JAVA_FLOAT));
            float[] mine = new float[8];
            context.readTensor(out, MemorySegment.ofArray(mine));
            assertArrayEquals(filled(8, 2.25f), mine);
            assertEquals(Map.of("input1", DESC, "input2", DESC), graph.inputDescriptors());
            assertEquals(Map.of("output", DESC), graph.outputDescriptors());
        }
    }

    @Test
    void helloGraphComputesOnCallerSegments() {
        try (MLGraph graph = helloGraph(context); Arena arena = Arena.ofConfined()) {
            MemorySegment in1 = arena.allocateFrom(JAVA_FLOAT, filled(8, 1));
            MemorySegment in2 = arena.allocateFrom(JAVA_FLOAT, filled(8, 2));
            MemorySegment out = arena.allocate(JAVA_FLOAT, 8);
            context.compute(graph, Map.of("input1", in1, "input2", in2), Map.of("output", out));
            assertArrayEquals(filled(8, 3.75f), out.toArray(JAVA_FLOAT));
        }
    }

    @Test
    void backendListsAreOrderedNonEmptyAndWithoutRepeats() {
        assertEquals(List.of(), MLContextOptions.defaults().backends());
        assertEquals(List.of("reference"), MLContextOptions.defaults().withBackend("reference").backends());
        assertEquals(List.of("b", "a"), MLContextOptions.defaults().withBackends("b", "a").backends());
        assertThrows(MLTypeError.class, () -> MLContextOptions.defaults().withBackends());
        assertThrows(MLTypeError.class, () -> MLContextOptions.defaults().withBackends("a", " "));
        MLTypeError repeat = assertThrows(MLTypeError.class, () -> MLContextOptions.defaults().withBackends("a", "a"));
        assertEquals("backend names repeat: [a, a]", repeat.getMessage());
        MLNotSupportedError unknown = assertThrows(MLNotSupportedError.class,
                () -> ML.createContext(MLContextOptions.defaults().withBackends("reference", "nope")));
        assertTrue(unknown.getMessage().startsWith("no backend named 'nope'"), unknown.getMessage());
    }

    @Test
    void theBackendPropertyIsACommaSeparatedList() {
        String before = System.getProperty("webnn.backend");
        System.setProperty("webnn.backend", " reference , ");
        try (MLContext fromProperty = ML.createContext()) {
            assertEquals("reference", fromProperty.backendName());
            System.setProperty("webnn.backend", "reference,nope");
            assertThrows(MLNotSupportedError.class, ML::createContext);
        } finally {
            if (before == null) {
                System.clearProperty("webnn.backend");
            } else {
                System.setProperty("webnn.backend", before);
            }
        }
    }

    @Test
    void contextIsChosenByNameAndReportsUnknownBackends() {
        assertEquals("reference", context.backendName());
        assertFalse(context.accelerated());
        MLNotSupportedError e = assertThrows(MLNotSupportedError.class,
                () -> ML.createContext(MLContextOptions.defaults().withBackend("nope")));
        assertTrue(e.getMessage().startsWith("no backend named 'nope' (found: "), e.getMessage());
        assertThrows(MLTypeError.class, () -> MLContextOptions.defaults().withNumThreads(0));
        assertEquals(3, MLContextOptions.defaults().withNumThreads(3).numThreads());
        assertEquals(Runtime.getRuntime().availableProcessors(), MLContextOptions.defaults().numThreads());
    }

    @Test
    void opSupportLimitsComeFromTheSpecTables() {
        MLOpSupportLimits limits = MLOpSupportLimits.specification();
        assertEquals(95, limits.operators().size());
        MLTensorLimits filter = limits.operator("conv2d").orElseThrow().get("filter");
        assertEquals(java.util.Set.of(FLOAT32, MLOperandDataType.FLOAT16), filter.dataTypes());
        assertEquals(new MLRankRange(4, 4), filter.rankRange());
        assertEquals(java.util.Set.of(FLOAT32, MLOperandDataType.FLOAT16),
                limits.operator("conv2d").orElseThrow().get("output").dataTypes(), "'same as input' is resolved");
        MLOpSupportLimits narrowed = dev.webnn.spi.SupportLimitsBuilder.from(limits).retainDataTypes(java.util.Set.of(INT32))
                .build();
        assertTrue(narrowed.operator("conv2d").isEmpty(), "conv2d has no int32 form");
        assertTrue(narrowed.operator("add").isPresent());
        assertEquals(java.util.Set.of(INT32), narrowed.input().dataTypes());
    }

    @Test
    void createTensorIsZeroFilledAndEnforcesFlags() {
        MLTensor readable = context.createTensor(MLTensorDescriptor.readable(DESC));
        assertArrayEquals(new float[8], context.readTensor(readable).toArray(JAVA_FLOAT));
        MLTypeError write = assertThrows(MLTypeError.class, () -> context.writeTensor(readable, MemorySegment.ofArray(new float[8])));
        assertEquals("writeTensor: the tensor is not writable", write.getMessage());
        MLTensor writable = context.createTensor(MLTensorDescriptor.writable(DESC));
        assertEquals("readTensor: the tensor is not readable",
                assertThrows(MLTypeError.class, () -> context.readTensor(writable)).getMessage());
        MLTensor both = context.createTensor(MLTensorDescriptor.readWrite(DESC));
        assertEquals("writeTensor: float32[1, 2, 2, 2] has 32 bytes, the buffer has 28",
                assertThrows(MLTypeError.class, () -> context.writeTensor(both, MemorySegment.ofArray(new float[7]))).getMessage());
        assertThrows(MLTypeError.class, () -> context.readTensor(both, MemorySegment.ofArray(new float[9])));
        assertThrows(MLTypeError.class, () -> context.readTensor(both, MemorySegment.ofArray(new float[8]).asReadOnly()));
        both.close();
        assertTrue(both.isDestroyed());
        assertEquals("readTensor: the tensor is destroyed", assertThrows(MLTypeError.class, () -> context.readTensor(both)).getMessage());
        both.close();
        assertThrows(MLTypeError.class, () -> context.createTensor(MLTensorDescriptor.readable(MLOperandDescriptor.of(FLOAT32, 0))));
    }

    @Test
    void tensorsOfAnotherContextAreRejected() {
        try (MLContext other = TestContexts.reference()) {
            MLTensor foreign = other.createTensor(MLTensorDescriptor.readWrite(DESC));
            assertEquals("readTensor: the tensor belongs to another context",
                    assertThrows(MLTypeError.class, () -> context.readTensor(foreign)).getMessage());
            assertThrows(MLTypeError.class, () -> context.writeTensor(foreign, MemorySegment.ofArray(new float[8])));
            MLGraphBuilder b = new MLGraphBuilder(context);
            assertThrows(MLTypeError.class, () -> b.constant(foreign));
            MLTensor notConstant = context.createTensor(MLTensorDescriptor.readable(DESC));
            assertEquals("constant: the tensor was not created by createConstantTensor",
                    assertThrows(MLTypeError.class, () -> b.constant(notConstant)).getMessage());
            try (MLGraph graph = helloGraph(other)) {
                MLTensor t = context.createTensor(MLTensorDescriptor.readWrite(DESC));
                assertEquals("dispatch: the graph was built for another context", assertThrows(MLTypeError.class,
                        () -> context.dispatch(graph, Map.of("input1", t), Map.of())).getMessage());
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the graph is closed inside the block on purpose
    void dispatchValidatesNamesDescriptorsAndDuplicates() {
        try (MLGraph graph = helloGraph(context)) {
            MLTensor a = tensor(MLTensorDescriptor.writable(DESC), 1);
            MLTensor b = tensor(MLTensorDescriptor.writable(DESC), 1);
            MLTensor out = context.createTensor(MLTensorDescriptor.readable(DESC));
            assertEquals("dispatch: the graph has 2 inputs [input1, input2], got 1 [input1]", assertThrows(MLTypeError.class,
                    () -> context.dispatch(graph, Map.of("input1", a), Map.of("output", out))).getMessage());
            assertTrue(assertThrows(MLTypeError.class, () -> context.dispatch(graph, Map.of("input1", a, "inputX", b),
                    Map.of("output", out))).getMessage().startsWith("dispatch: no tensor for input 'input2'"));
            assertEquals("dispatch: tensor 'input2' is used more than once", assertThrows(MLTypeError.class,
                    () -> context.dispatch(graph, Map.of("input1", a, "input2", a), Map.of("output", out))).getMessage());
            assertEquals("dispatch: tensor 'output' is used more than once", assertThrows(MLTypeError.class,
                    () -> context.dispatch(graph, Map.of("input1", a, "input2", b), Map.of("output", a))).getMessage());
            MLTensor wrong = context.createTensor(MLTensorDescriptor.readable(MLOperandDescriptor.of(FLOAT32, 8)));
            assertEquals("dispatch: tensor 'output' is float32[8], the graph expects float32[1, 2, 2, 2]", assertThrows(
                    MLTypeError.class, () -> context.dispatch(graph, Map.of("input1", a, "input2", b), Map.of("output", wrong))).getMessage());
            MLTensor constant = context.createConstantTensor(DESC, MemorySegment.ofArray(new float[8]));
            assertTrue(constant.constant());
            assertEquals("dispatch: tensor 'input1' is a constant tensor", assertThrows(MLTypeError.class,
                    () -> context.dispatch(graph, Map.of("input1", constant, "input2", b), Map.of("output", out))).getMessage());
            b.close();
            assertEquals("dispatch: tensor 'input2' is destroyed", assertThrows(MLTypeError.class,
                    () -> context.dispatch(graph, Map.of("input1", a, "input2", b), Map.of("output", out))).getMessage());
            graph.close();
            assertEquals("dispatch: the graph is destroyed", assertThrows(MLInvalidStateError.class,
                    () -> context.dispatch(graph, Map.of(), Map.of())).getMessage());
        }
    }

    @Test
    void computeNeedsLiveNativeSegmentsOfTheRightSize() {
        try (MLGraph graph = helloGraph(context); Arena arena = Arena.ofConfined()) {
            MemorySegment ok = arena.allocate(32);
            MemorySegment out = arena.allocate(32);
            assertTrue(assertThrows(MLTypeError.class, () -> context.compute(graph,
                    Map.of("input1", MemorySegment.ofArray(new float[8]), "input2", ok), Map.of("output", out)))
                    .getMessage().contains("is a heap segment"));
            assertEquals("compute: input 'input2' has 16 bytes, float32[1, 2, 2, 2] needs 32", assertThrows(MLTypeError.class,
                    () -> context.compute(graph, Map.of("input1", ok, "input2", arena.allocate(16)), Map.of("output", out))).getMessage());
            assertEquals("compute: output 'output' is read-only", assertThrows(MLTypeError.class,
                    () -> context.compute(graph, Map.of("input1", ok, "input2", ok), Map.of("output", out.asReadOnly()))).getMessage());
            MemorySegment freed;
            try (Arena shortLived = Arena.ofConfined()) {
                freed = shortLived.allocate(32);
            }
            MemorySegment dead = freed;
            assertEquals("compute: the memory of input 'input1' is already freed", assertThrows(MLTypeError.class,
                    () -> context.compute(graph, Map.of("input1", dead, "input2", ok), Map.of("output", out))).getMessage());
        }
    }

    @Test
    void builderRulesOfBuildInputAndConstant() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        assertEquals("input: name is empty", assertThrows(MLTypeError.class, () -> b.input("", DESC)).getMessage());
        assertEquals("input: name 'x' is already used by another input", assertThrows(MLTypeError.class, () -> b.input("x", DESC)).getMessage());
        assertEquals("input 'y': shape [2, 0] has invalid dimension 0 (valid: 1 to 2147483647)",
                assertThrows(MLTypeError.class, () -> b.input("y", MLOperandDescriptor.of(FLOAT32, 2, 0))).getMessage());
        assertEquals("input 'y': shape [65536, 65536] has 4294967296 elements, more than 2147483647",
                assertThrows(MLTypeError.class, () -> b.input("y", MLOperandDescriptor.of(FLOAT32, 65536, 65536))).getMessage());
        assertEquals("input 'y': rank 9 exceeds the supported maximum 8",
                assertThrows(MLTypeError.class, () -> b.input("y", MLOperandDescriptor.of(FLOAT32, 1, 1, 1, 1, 1, 1, 1, 1, 1))).getMessage());
        assertThrows(MLTypeError.class, () -> MLOperandDescriptor.of(FLOAT32, -1));
        assertThrows(MLTypeError.class, () -> MLOperandDescriptor.of(FLOAT32, 1L << 32));
        assertEquals("constant: float32[1, 2, 2, 2] needs 32 bytes, the data has 28",
                assertThrows(MLTypeError.class, () -> b.constant(DESC, new float[7])).getMessage());
        assertEquals("constant: int[] data does not match data type float32",
                assertThrows(MLTypeError.class, () -> b.constant(DESC, new int[8])).getMessage());
        MLOperand scalar = b.constant(INT32, MLNumber.of(3.7));
        assertEquals(0, scalar.rank());
        assertEquals("build: outputs are empty", assertThrows(MLTypeError.class, () -> b.build(Map.of())).getMessage());
        assertEquals("build: output 'x' is a graph input; use identity() to output it",
                assertThrows(MLTypeError.class, () -> b.build(Map.of("x", x))).getMessage());
        assertEquals("build: output 's' is a graph constant; use identity() to output it",
                assertThrows(MLTypeError.class, () -> b.build(Map.of("s", scalar))).getMessage());
        MLGraphBuilder other = new MLGraphBuilder(context);
        assertEquals("add: b belongs to another MLGraphBuilder",
                assertThrows(MLTypeError.class, () -> b.add(x, other.input("z", DESC))).getMessage());
        assertEquals("add: a is null", assertThrows(MLTypeError.class, () -> b.add(null, x)).getMessage());
        assertEquals("build: output 'o' is not an operand of this builder",
                assertThrows(MLTypeError.class, () -> b.build(Map.of("o", other.add(other.input("w", DESC), other.input("v", DESC))))).getMessage());
        b.build(Map.of("sum", b.add(x, x))).close();
        assertEquals("this MLGraphBuilder has already built a graph",
                assertThrows(MLInvalidStateError.class, () -> b.add(x, x)).getMessage());
        assertThrows(MLInvalidStateError.class, () -> b.input("late", DESC));
        assertThrows(MLInvalidStateError.class, () -> b.build(Map.of("sum", x)));
    }

    @Test
    void buildKeepsOnlyWhatTheOutputsNeed() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        b.input("unused", DESC);
        b.mul(x, x);
        try (MLGraph graph = b.build(Map.of("y", b.add(x, b.constant(DESC, filled(8, 1)))))) {
            assertEquals(1, graph.graph().nodes().size());
            assertEquals(List.of("x"), List.copyOf(graph.graph().inputs().keySet()));
            assertEquals(1, graph.graph().constants().size());
        }
    }

    @Test
    void closingTheContextReleasesGraphsTensorsAndTheBackendInOrder() {
        int contexts = ReferenceBackend.OPEN_CONTEXTS.get();
        int graphs = ReferenceBackend.OPEN_GRAPHS.get();
        MLContext c = TestContexts.reference();
        MLGraph g1 = helloGraph(c);
        MLGraph g2 = helloGraph(c);
        MLTensor t = c.createTensor(MLTensorDescriptor.readable(DESC));
        assertEquals(graphs + 2, ReferenceBackend.OPEN_GRAPHS.get());
        g1.close();
        assertEquals(graphs + 1, ReferenceBackend.OPEN_GRAPHS.get());
        c.close();
        assertEquals(graphs, ReferenceBackend.OPEN_GRAPHS.get());
        assertEquals(contexts, ReferenceBackend.OPEN_CONTEXTS.get());
        assertTrue(g2.isDestroyed() && t.isDestroyed() && c.isClosed());
        assertEquals("the MLContext is closed", assertThrows(MLInvalidStateError.class, () -> new MLGraphBuilder(c)).getMessage());
        assertThrows(MLInvalidStateError.class, () -> c.createTensor(MLTensorDescriptor.readable(DESC)));
        assertThrows(MLInvalidStateError.class, () -> c.dispatch(g2, Map.of(), Map.of()));
        c.close();
        g2.close();
        t.close();
    }

    @Test
    void builderOfAClosedContextCannotBuild() {
        MLContext c = TestContexts.reference();
        MLGraphBuilder b = new MLGraphBuilder(c);
        MLOperand x = b.input("x", DESC);
        MLOperand sum = b.add(x, x);
        c.close();
        assertThrows(MLInvalidStateError.class, () -> b.build(Map.of("y", sum)));
        assertThrows(MLInvalidStateError.class, () -> b.add(x, x));
    }

    @Test
    void eightThreadsDispatchOnOneContextAndEveryResultIsRight() throws Exception {
        try (MLGraph graph = helloGraph(context)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    float value = thread;
                    jobs.add(pool.submit(() -> {
                        MLTensor a = tensor(MLTensorDescriptor.writable(DESC), value);
                        MLTensor b = tensor(MLTensorDescriptor.writable(DESC), 1);
                        MLTensor out = context.createTensor(MLTensorDescriptor.readable(DESC));
                        for (int i = 0; i < 200; i++) {
                            context.dispatch(graph, Map.of("input1", a, "input2", b), Map.of("output", out));
                            assertArrayEquals(filled(8, (0.5f + value) * 1.5f), context.readTensor(out).toArray(JAVA_FLOAT));
                        }
                        return null;
                    }));
                }
                for (Future<?> job : jobs) {
                    job.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
