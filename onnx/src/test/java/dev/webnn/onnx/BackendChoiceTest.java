package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conversions that pick an equivalent composition when the backend lacks an operator: on
 * xnnpack (no reciprocal, no reduceMax) Reciprocal becomes a division and LogSoftmax
 * log(softmax), and check() reports nothing for them.
 */
class BackendChoiceTest {

    @TempDir
    Path folder;

    @Test
    void reciprocalAndLogSoftmaxRunWithoutTheMissingOperators() {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 1L, 4L)
                .node("Reciprocal", new String[] {"x"}, new String[] {"r"})
                .node("LogSoftmax", new String[] {"r"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT)
                .read(folder);
        float[] x = {1, 2, 4, 0.5f};
        double sum = 0;
        for (float v : x) {
            sum += Math.exp(1 / v);
        }
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"))) {
            assertEquals(List.of(), model.check(context, OnnxImportOptions.defaults()));
            try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults())) {
                float[] y = Runs.run(context, graph, "y", Map.of("x", x));
                for (int i = 0; i < x.length; i++) {
                    assertEquals(1 / x[i] - Math.log(sum), y[i], 1e-5);
                }
            }
        }
        try (MLContext context = Runs.context(); MLGraph graph = model.compile(context, OnnxImportOptions.defaults())) {
            float[] y = Runs.run(context, graph, "y", Map.of("x", x));
            assertArrayEquals(new float[] {(float) (1 - Math.log(sum)), (float) (0.5 - Math.log(sum)),
                    (float) (0.25 - Math.log(sum)), (float) (2 - Math.log(sum))}, y, 1e-5f);
        }
    }
}
