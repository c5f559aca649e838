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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classifiers with int8 weights (per output channel, {@link Int8Weights}) against their
 * float32 networks on the same backend, over the models' test data sets. SqueezeNet has real
 * classes: the int8 network keeps the golden top-1 class of every set. MobileNetV2's
 * classifier is synthetic (its classes mean nothing and its probabilities are nearly flat),
 * so its agreement is measured on the log-probabilities, that is the logits up to a
 * constant: their correlation with the float32 network's.
 */
class Int8WeightsAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"xnnpack", "onnxruntime"})
    void squeezeNetInt8KeepsTheGoldenTop1(String backend) {
        Path model = Samples.assumeModel("squeezenet1.1_nchw");
        try (MLContext context = context(backend); Arena arena = Arena.ofConfined()) {
            Samples.assertRuns(context, "SqueezeNet int8", SqueezeNet.INT8_OPERATORS);
            List<MemorySegment> inputs = read(model, "input_0", 2, arena);
            List<MemorySegment> golden = read(model, "output_0", 2, arena);
            float[][] int8 = outputs(context, ImageClassifier.SQUEEZENET_INT8, model, inputs);
            float[][] float32 = outputs(context, ImageClassifier.SQUEEZENET, model, inputs);
            for (int set = 0; set < inputs.size(); set++) {
                float[] expected = golden.get(set).toArray(ValueLayout.JAVA_FLOAT);
                System.out.printf("[squeezenet int8 %s] set %d: top-1 %d (float32 %d, golden %d), logits max |int8 - float32|"
                        + " %.3g, correlation %.5f%n", backend, set, top1(int8[set]), top1(float32[set]), top1(expected),
                        maxDifference(int8[set], float32[set]), correlation(int8[set], float32[set]));
                assertEquals(top1(expected), top1(int8[set]), "set " + set + ": top-1 class");
                assertTrue(correlation(int8[set], float32[set]) >= 0.99,
                        "set " + set + ": correlation " + correlation(int8[set], float32[set]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xnnpack", "onnxruntime"})
    void mobileNetV2Int8LogProbabilitiesFollowFloat32(String backend) {
        Path model = Samples.assumeModel("mobilenetv2_nchw");
        try (MLContext context = context(backend); Arena arena = Arena.ofConfined()) {
            Samples.assertRuns(context, "MobileNetV2 int8", MobileNetV2.INT8_OPERATORS);
            List<MemorySegment> inputs = read(model, "input_0", 3, arena);
            float[][] int8 = outputs(context, ImageClassifier.MOBILENETV2_INT8, model, inputs);
            float[][] float32 = outputs(context, ImageClassifier.MOBILENETV2, model, inputs);
            for (int set = 0; set < inputs.size(); set++) {
                float[] a = logs(int8[set]);
                float[] b = logs(float32[set]);
                System.out.printf("[mobilenetv2 int8 %s] set %d: top-1 %d (float32 %d), log-probabilities max |int8 - float32|"
                        + " %.3g, correlation %.5f%n", backend, set, top1(a), top1(b), maxDifference(a, b), correlation(a, b));
                assertTrue(correlation(a, b) >= 0.95, "set " + set + ": correlation " + correlation(a, b));
            }
        }
    }

    private static MLContext context(String backend) {
        return ML.createContext(MLContextOptions.defaults().withBackend(backend).withNumThreads(2));
    }

    /** Array {@code name} of each of the first {@code sets} test data sets, in memory of its own. */
    private static List<MemorySegment> read(Path model, String name, int sets, Arena arena) {
        List<MemorySegment> arrays = new ArrayList<>();
        for (int set = 0; set < sets; set++) {
            NpyArray array = Npy.read(model.resolve("test_data_set/" + set + "/" + name + ".npy"), arena);
            arrays.add(arena.allocate(array.data().byteSize(), 64).copyFrom(array.data()));
        }
        return arrays;
    }

    /** The classifier's 1000 outputs for each input, from one graph compiled once. */
    private static float[][] outputs(MLContext context, ImageClassifier classifier, Path model, List<MemorySegment> inputs) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        try (MLGraph graph = builder.build(Map.of("out", classifier.build(model.resolve("weights"), builder)));
             Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_FLOAT, 1000);
            float[][] outputs = new float[inputs.size()][];
            for (int i = 0; i < outputs.length; i++) {
                context.compute(graph, Map.of(classifier.input(), inputs.get(i)), Map.of("out", out));
                outputs[i] = out.toArray(ValueLayout.JAVA_FLOAT);
            }
            return outputs;
        }
    }

    private static float[] logs(float[] probabilities) {
        float[] logs = new float[probabilities.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = (float) Math.log(probabilities[i]);
        }
        return logs;
    }

    private static double maxDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /** Pearson's correlation coefficient. */
    private static double correlation(float[] a, float[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i] / (double) a.length;
            meanB += b[i] / (double) b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** The index of the largest value (the first of equal ones). */
    private static int top1(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
