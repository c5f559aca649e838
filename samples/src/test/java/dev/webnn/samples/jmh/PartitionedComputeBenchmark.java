package dev.webnn.samples.jmh;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code compute} of a graph split into three partitions on the default context
 * ({@code d = add(cos(add(a, b)), b)}: XNNPACK, ONNX Runtime, XNNPACK) on one thread. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} shows the heap allocation per run, which must be
 * 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PartitionedComputeBenchmark {

    private MLContext context;
    private MLGraph graph;
    private Arena arena;
    private Map<String, MemorySegment> inputs;
    private Map<String, MemorySegment> outputs;

    /** Created by JMH. */
    public PartitionedComputeBenchmark() {
    }

    /** Compiles the graph and allocates its segments once. */
    @Setup
    public void setUp() {
        context = ML.createContext(MLContextOptions.defaults().withBackends("xnnpack", "onnxruntime").withNumThreads(1));
        MLGraphBuilder builder = new MLGraphBuilder(context);
        MLOperand a = builder.input("a", TinyGraph.DESCRIPTOR);
        MLOperand b = builder.input("b", TinyGraph.DESCRIPTOR);
        graph = builder.build(Map.of("d", builder.add(builder.cos(builder.add(a, b)), b)));
        if (graph.describe().size() != 3) {
            throw new IllegalStateException("expected three partitions: " + graph.describe());
        }
        arena = Arena.ofShared();
        inputs = TinyGraph.inputs(arena);
        outputs = Map.of("d", TinyGraph.output(arena));
    }

    /** Releases the context (with its graph) and the segments. */
    @TearDown
    public void tearDown() {
        context.close();
        arena.close();
    }

    /** Three partitions, two boundary tensors, on the caller's segments. */
    @Benchmark
    public void compute() {
        context.compute(graph, inputs, outputs);
    }
}
