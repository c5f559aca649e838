package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import dev.webnn.conformance.AvailableBackends;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Native resources of whole lifecycles stay flat, on every available backend: 10,000
 * build/compile/close cycles of a graph with constants, and contexts closed while graphs and
 * tensors are still open (the context releases graphs, then tensors, then its native state;
 * the backends expose no object counts, so the process RSS is the witness, together with
 * every object reporting itself destroyed). Prints the RSS before and after each fifth of a
 * run; the test JVM's heap is fixed and pre-touched (see the POM), so the RSS moves with
 * native memory only.
 *
 * <p>{@code -Dwebnn.soak=true} runs 100,000 cycles and 10,000 contexts.
 */
class LifecycleResourceTest {

    private static final MLOperandDescriptor DESC = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 8, 16);
    /** Growth allowed for the measured part of a run: far below a leak of one object per cycle. */
    private static final long BUDGET_KB = 16 * 1024;

    static Stream<String> backends() {
        return AvailableBackends.names();
    }

    /** A small graph with a 512-byte constant, so that leaked constants would show. */
    private static MLGraph graph(MLContext context) {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        MLOperand weights = b.constant(DESC, new float[128]);
        return b.build(Map.of("y", b.max(b.mul(x, weights), b.sub(x, weights))));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void tenThousandGraphLifecyclesKeepRssFlat(String backend) {
        long cycles = Soak.value("webnn.resources.cycles", 10_000, 100_000);
        try (MLContext context = AvailableBackends.open(backend)) {
            for (int i = 0; i < 500; i++) {
                graph(context).close();
            }
            long start = System.nanoTime();
            long[] rss = windows(cycles, () -> graph(context).close());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            report(backend + ": " + cycles + " build/compile/close cycles in " + seconds + " s", rss);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void closingContextsWithLiveGraphsAndTensorsReleasesThem(String backend) {
        long contexts = Soak.value("webnn.resources.contexts", 1_000, 10_000);
        for (int i = 0; i < 100; i++) {
            useAndAbandon(backend);
        }
        long[] rss = windows(contexts, () -> useAndAbandon(backend));
        report(backend + ": " + contexts + " contexts closed with 3 live graphs and 6 live tensors each", rss);
    }

    /** Runs {@code count} cycles in 5 windows; the RSS before the first and after each window. */
    private static long[] windows(long count, Runnable cycle) {
        long[] rss = new long[6];
        rss[0] = AvailableBackends.rssKb();
        for (int w = 1; w <= 5; w++) {
            for (long i = 0; i < count / 5; i++) {
                cycle.run();
            }
            rss[w] = AvailableBackends.rssKb();
        }
        return rss;
    }

    private static void report(String what, long[] rss) {
        long growth = rss[rss.length - 1] - rss[0];
        System.out.printf("[resources] %s: RSS %s KiB (%+d KiB)%n", what, java.util.Arrays.toString(rss), growth);
        assertTrue(growth < BUDGET_KB, what + ": RSS grew by " + growth + " KiB " + java.util.Arrays.toString(rss));
    }

    /** Opens a context, leaves graphs and tensors open after using them, closes the context. */
    private static void useAndAbandon(String backend) {
        MLContext context = AvailableBackends.open(backend);
        List<MLGraph> graphs = new ArrayList<>();
        List<MLTensor> tensors = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            MLGraph graph = graph(context);
            graphs.add(graph);
            MLTensor x = context.createTensor(MLTensorDescriptor.writable(DESC));
            MLTensor y = context.createTensor(MLTensorDescriptor.readable(DESC));
            tensors.add(x);
            tensors.add(y);
            context.dispatch(graph, Map.of("x", x), Map.of("y", y));
        }
        context.close();
        for (MLGraph graph : graphs) {
            assertTrue(graph.isDestroyed(), "a graph survived its context");
            graph.close();
        }
        for (MLTensor tensor : tensors) {
            assertTrue(tensor.isDestroyed(), "a tensor survived its context");
            tensor.close();
        }
    }
}
