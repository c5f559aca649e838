package dev.webnn.samples.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLPartition;
import dev.webnn.samples.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The default context runs every available backend, XNNPACK first: SqueezeNet 1.1 and
 * MobileNetV2, whose every operation XNNPACK runs, form exactly one XNNPACK partition, so
 * they run as fast as on XNNPACK alone.
 */
class DefaultContextPlanTest {

    @Test
    void squeezeNetIsOneXnnpackPartition() {
        Path model = Samples.assumeModel("squeezenet1.1_nchw");
        assertOneXnnpackPartition((weights, builder) -> SqueezeNet.build(weights, builder), model.resolve("weights"));
    }

    @Test
    void mobileNetV2IsOneXnnpackPartition() {
        Path model = Samples.assumeModel("mobilenetv2_nchw");
        assertOneXnnpackPartition((weights, builder) -> MobileNetV2.build(weights, builder), model.resolve("weights"));
    }

    private static void assertOneXnnpackPartition(BiFunction<Path, MLGraphBuilder, MLOperand> model, Path weights) {
        try (MLContext context = ML.createContext(MLContextOptions.defaults())) {
            assumeTrue(System.getProperty("webnn.backend") == null, "webnn.backend chooses the backends");
            assertEquals("xnnpack,onnxruntime", context.backendName());
            MLGraphBuilder builder = new MLGraphBuilder(context);
            try (MLGraph graph = builder.build(Map.of("out", model.apply(weights, builder)))) {
                List<MLPartition> plan = graph.describe();
                assertEquals(List.of("xnnpack"), plan.stream().map(MLPartition::backend).toList(), plan::toString);
                System.out.println("[plan] " + weights.getParent().getFileName() + " on the default context: " + plan);
            }
        }
    }
}
