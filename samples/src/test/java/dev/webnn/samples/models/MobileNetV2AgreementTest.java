package dev.webnn.samples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MobileNetV2 (NCHW, and NHWC with the same weights permuted) gives the same probabilities on
 * XNNPACK as on ONNX Runtime, to 1e-4 of the largest probability; with the synthetic
 * classifier the golden outputs cannot be checked (models README).
 */
class MobileNetV2AgreementTest {

    private static final Path WEIGHTS = Path.of(System.getProperty("webnn.shared", "../shared"), "models",
            "mobilenetv2_nchw", "weights");

    @ParameterizedTest
    @EnumSource(MLInputOperandLayout.class)
    void xnnpackAgreesWithOnnxRuntime(MLInputOperandLayout layout) {
        assumeTrue(Files.isDirectory(WEIGHTS), "../shared is absent: " + WEIGHTS + " not found");
        MLOperandDescriptor desc = layout == MLInputOperandLayout.NHWC ? MobileNetV2.NHWC_INPUT_DESCRIPTOR
                : MobileNetV2.INPUT_DESCRIPTOR;
        float[] image = new float[(int) desc.elementCount()];
        Random random = new Random(42);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextGaussian();
        }
        float[] xnnpack = run("xnnpack", layout, image);
        float[] ort = run("onnxruntime", layout, image);
        float largest = 0;
        float worst = 0;
        for (int i = 0; i < ort.length; i++) {
            largest = Math.max(largest, Math.abs(ort[i]));
            worst = Math.max(worst, Math.abs(xnnpack[i] - ort[i]));
        }
        System.out.printf("[mobilenetv2 %s] max |xnnpack - onnxruntime| = %.3g, largest probability %.3g%n", layout, worst,
                largest);
        assertEquals(1000, xnnpack.length);
        assertTrue(worst <= 1e-4 * largest, "difference " + worst + " exceeds 1e-4 of " + largest);
    }

    private static float[] run(String backend, MLInputOperandLayout layout, float[] image) {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend).withNumThreads(2));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            try (MLGraph graph = builder.build(Map.of("p", MobileNetV2.build(WEIGHTS, builder, layout)))) {
                MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, image);
                MemorySegment out = arena.allocate(ValueLayout.JAVA_FLOAT, 1000);
                context.compute(graph, Map.of(MobileNetV2.INPUT, in), Map.of("p", out));
                return out.toArray(ValueLayout.JAVA_FLOAT);
            }
        }
    }
}
