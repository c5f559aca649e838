package dev.webnn.samples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.io.Npy;
import dev.webnn.io.NpyArray;
import dev.webnn.samples.Samples;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SqueezeNet 1.1 NCHW built op by op matches the golden logits of its test data sets, element
 * by element and in the top-1 class.
 */
class SqueezeNetGoldenTest {

    @ParameterizedTest(name = "{0} threads={1}")
    @CsvSource({"xnnpack, 1", "xnnpack, 2", "onnxruntime, 1", "onnxruntime, 2"})
    void matchesGoldenOutputs(String backend, int threads) {
        Path model = Samples.assumeModel("squeezenet1.1_nchw");
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend).withNumThreads(threads));
             Arena arena = Arena.ofConfined()) {
            Samples.assertRuns(context, "SqueezeNet", SqueezeNet.OPERATORS);
            MLGraphBuilder builder = new MLGraphBuilder(context);
            try (MLGraph graph = builder.build(Map.of("logits", SqueezeNet.build(model.resolve("weights"), builder)))) {
                for (String set : new String[] {"0", "1"}) {
                    NpyArray input = Npy.read(model.resolve("test_data_set/" + set + "/input_0.npy"), arena);
                    NpyArray golden = Npy.read(model.resolve("test_data_set/" + set + "/output_0.npy"), arena);
                    MemorySegment in = arena.allocate(input.data().byteSize(), 64).copyFrom(input.data());
                    MemorySegment out = arena.allocate(golden.data().byteSize(), 64);
                    context.compute(graph, Map.of(SqueezeNet.INPUT, in), Map.of("logits", out));
                    float[] expected = golden.data().toArray(ValueLayout.JAVA_FLOAT);
                    float[] actual = out.toArray(ValueLayout.JAVA_FLOAT);
                    assertEquals(1000, actual.length);
                    for (int i = 0; i < expected.length; i++) {
                        double tolerance = 1e-5 + 1e-3 * Math.abs(expected[i]);
                        int index = i;
                        assertTrue(Math.abs(actual[i] - expected[i]) <= tolerance,
                                () -> "set " + set + " logit " + index + ": " + actual[index] + " vs golden " + expected[index]);
                    }
                    assertEquals(top1(expected), top1(actual), "set " + set + ": top-1 class");
                }
            }
        }
    }

    /** The index of the largest logit (the first of equal ones). */
    private static int top1(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            best = logits[i] > logits[best] ? i : best;
        }
        return best;
    }
}
