package dev.webnn.samples.jmh;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of running a graph beyond its kernels: a one-operation graph ({@link TinyGraph}) run
 * with {@code dispatch} on {@link MLTensor}s and with {@code compute} on the caller's
 * segments, per backend, on one thread, and a whole write–dispatch–read step. With {@code -prof gc}, {@code gc.alloc.rate.norm}
 * shows the heap allocation per run, which must be 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class DispatchBenchmark {

    /** The backend under test. */
    @Param({"xnnpack", "onnxruntime"})
    public String backend;

    private MLContext context;
    private MLGraph graph;
    private Map<String, MLTensor> tensorInputs;
    private Map<String, MLTensor> tensorOutputs;
    private Arena arena;
    private Map<String, MemorySegment> segmentInputs;
    private Map<String, MemorySegment> segmentOutputs;
    private MLTensor input;
    private MLTensor output;
    private MemorySegment hostInput;
    private MemorySegment hostOutput;

    /** Created by JMH. */
    public DispatchBenchmark() {
    }

    /** Compiles the graph and creates its tensors and segments once. */
    @Setup
    public void setUp() {
        context = ML.createContext(MLContextOptions.defaults().withBackend(backend).withNumThreads(1));
        graph = TinyGraph.build(context);
        MLTensor a = context.createTensor(MLTensorDescriptor.writable(TinyGraph.DESCRIPTOR));
        MLTensor b = context.createTensor(MLTensorDescriptor.writable(TinyGraph.DESCRIPTOR));
        MLTensor c = context.createTensor(MLTensorDescriptor.readable(TinyGraph.DESCRIPTOR));
        float[] values = TinyGraph.VALUES;
        context.writeTensor(a, MemorySegment.ofArray(values));
        context.writeTensor(b, MemorySegment.ofArray(values));
        input = a;
        output = c;
        hostInput = MemorySegment.ofArray(values.clone());
        hostOutput = MemorySegment.ofArray(new float[values.length]);
        tensorInputs = Map.of("a", a, "b", b);
        tensorOutputs = Map.of("c", c);
        arena = Arena.ofShared();
        segmentInputs = TinyGraph.inputs(arena);
        segmentOutputs = Map.of("c", TinyGraph.output(arena));
    }

    /** Releases the context (with its graph and tensors) and the segments. */
    @TearDown
    public void tearDown() {
        context.close();
        arena.close();
    }

    /** The spec's path: {@code dispatch} on tensors of the context. */
    @Benchmark
    public void dispatch() {
        context.dispatch(graph, tensorInputs, tensorOutputs);
    }

    /**
     * A whole step of the spec's path: {@code writeTensor} from a Java array, {@code dispatch},
     * {@code readTensor} into a Java array.
     */
    @Benchmark
    public void writeDispatchRead() {
        context.writeTensor(input, hostInput);
        context.dispatch(graph, tensorInputs, tensorOutputs);
        context.readTensor(output, hostOutput);
    }

    /** The zero-copy path: {@code compute} on the caller's native segments. */
    @Benchmark
    public void compute() {
        context.compute(graph, segmentInputs, segmentOutputs);
    }
}
