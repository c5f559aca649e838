package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Native resources stay flat: 100,000 dispatches of a small graph, and 1,000 build,
 * compile and close cycles, on every available backend. Prints the RSS figures.
 */
class ResourceTest {

    private static final MLOperandDescriptor DESC = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 4, 8);
    /** Growth allowed for 100,000 dispatches: far below one leaked byte per dispatch per tensor. */
    private static final long DISPATCH_BUDGET_KB = 4 * 1024;
    /** Growth allowed for 1,000 graph lifecycles. */
    private static final long LIFECYCLE_BUDGET_KB = 16 * 1024;

    static Stream<String> backends() {
        return AvailableBackends.names();
    }

    private static MLGraph graph(MLContext context) {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        MLOperand y = b.input("y", DESC);
        return b.build(Map.of("z", b.mul(b.add(x, y), y)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void hundredThousandDispatchesKeepRssFlat(String backend) {
        try (MLContext context = AvailableBackends.open(backend);
             MLGraph graph = graph(context)) {
            MLTensor x = context.createTensor(MLTensorDescriptor.writable(DESC));
            MLTensor y = context.createTensor(MLTensorDescriptor.writable(DESC));
            MLTensor z = context.createTensor(MLTensorDescriptor.readable(DESC));
            float[] ones = new float[32];
            Arrays.fill(ones, 1);
            float[] twos = new float[32];
            Arrays.fill(twos, 2);
            context.writeTensor(x, MemorySegment.ofArray(ones));
            context.writeTensor(y, MemorySegment.ofArray(twos));
            Map<String, MLTensor> inputs = Map.of("x", x, "y", y);
            Map<String, MLTensor> outputs = Map.of("z", z);
            for (int i = 0; i < 20_000; i++) {
                context.dispatch(graph, inputs, outputs);
            }
            long before = AvailableBackends.rssKb();
            for (int i = 0; i < 100_000; i++) {
                context.dispatch(graph, inputs, outputs);
            }
            long after = AvailableBackends.rssKb();
            float[] expected = new float[32];
            Arrays.fill(expected, 6);
            assertArrayEquals(expected, context.readTensor(z).toArray(ValueLayout.JAVA_FLOAT));
            System.out.printf("[resources] %s: 100000 dispatches: RSS %d KiB -> %d KiB (%+d KiB)%n", backend, before, after,
                    after - before);
            assertTrue(after - before < DISPATCH_BUDGET_KB, backend + ": RSS grew by " + (after - before) + " KiB");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void thousandGraphLifecyclesReleaseTheirNativeMemory(String backend) {
        try (MLContext context = AvailableBackends.open(backend)) {
            for (int i = 0; i < 100; i++) {
                graph(context).close();
            }
            long before = AvailableBackends.rssKb();
            for (int i = 0; i < 1_000; i++) {
                graph(context).close();
            }
            long after = AvailableBackends.rssKb();
            System.out.printf("[resources] %s: 1000 build/compile/close cycles: RSS %d KiB -> %d KiB (%+d KiB)%n", backend,
                    before, after, after - before);
            assertTrue(after - before < LIFECYCLE_BUDGET_KB, backend + ": RSS grew by " + (after - before) + " KiB");
        }
    }
}
