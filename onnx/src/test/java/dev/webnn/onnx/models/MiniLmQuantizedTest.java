package dev.webnn.onnx.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLPartition;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.testdata.TestData;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * all-MiniLM-L6-v2 quantized to int8 by ONNX Runtime's dynamic quantization (from its Maven
 * Central jar) at batch 4, sequence 128, against ONNX Runtime's Java API on the same file and
 * against the float32 model: the sentence embeddings (mean over the real tokens) agree with ORT
 * Java's to a cosine similarity of 0.98 and are at least as close to the float32 model's as
 * ORT Java's own (within 0.005). The import leaves the rounding of each product's activations
 * to the backend: the onnxruntime backend rounds them to uint8 with one scale per tensor, as ONNX
 * Runtime does on the file (its cosine with ORT Java is 1 to five places), XNNPACK to int8 with
 * one scale per row.
 */
class MiniLmQuantizedTest {

    private static final int BATCH = 4;
    private static final int SEQUENCE = 128;
    private static final int HIDDEN = 384;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"onnxruntime", "xnnpack,onnxruntime"})
    void embeddingsFollowOnnxRuntimeAndTheFloatModel(String backend) throws OrtException {
        Path quantized = TestData.miniLmQuantized();
        OnnxModel model = OnnxModel.read(quantized);
        OnnxImportOptions options = OnnxImportOptions.defaults().withDimension("batch_size", BATCH)
                .withDimension("sequence_length", SEQUENCE);
        try (Arena arena = Arena.ofConfined();
             MLContext context = ML.createContext(MLContextOptions.defaults().withBackends(backend.split(",")))) {
            Map<String, ModelInput> inputs = MiniLmTest.inputs(arena, BATCH, SEQUENCE);
            if (backend.startsWith("xnnpack")) {
                try (MLGraph graph = model.compile(context, options)) {
                    // only the embedding look-ups (int64 ids, gather) run on ONNX Runtime: the quantized weights
                    // stay with the products on XNNPACK
                    List<MLPartition> partitions = graph.describe();
                    assertEquals(List.of("onnxruntime", "xnnpack"), partitions.stream().map(MLPartition::backend).toList(),
                            partitions.toString());
                }
            }
            float[][] ours = pooled(Outputs.webnn(context, model, options, inputs));
            float[][] reference = pooled(Outputs.onnxRuntime(quantized, inputs));
            float[][] float32 = pooled(Outputs.onnxRuntime(TestData.miniLm(), inputs));
            double vsReference = minCosine(ours, reference);
            double vsFloat = minCosine(ours, float32);
            double referenceVsFloat = minCosine(reference, float32);
            System.out.printf("all-minilm-l6-v2-q on %s, batch %d, sequence %d: smallest cosine of sentence embeddings"
                    + " %.5f with ORT Java on the same file, %.5f with the float32 model (ORT Java's own: %.5f)%n",
                    backend, BATCH, SEQUENCE, vsReference, vsFloat, referenceVsFloat);
            assertTrue(vsReference >= 0.98, "cosine with ORT Java on the same file " + vsReference);
            assertTrue(vsFloat >= referenceVsFloat - 0.005, "cosine with the float32 model " + vsFloat
                    + ", ORT Java's own " + referenceVsFloat);
        }
    }

    /** Each row's mean of last_hidden_state over its real tokens. */
    private static float[][] pooled(Outputs outputs) {
        float[] hidden = outputs.values().get("last_hidden_state");
        float[][] pooled = new float[BATCH][HIDDEN];
        for (int row = 0; row < BATCH; row++) {
            int length = MiniLmTest.length(row, SEQUENCE);
            for (int token = 0; token < length; token++) {
                for (int h = 0; h < HIDDEN; h++) {
                    pooled[row][h] += hidden[(row * SEQUENCE + token) * HIDDEN + h] / length;
                }
            }
        }
        return pooled;
    }

    private static double minCosine(float[][] a, float[][] b) {
        double smallest = 1;
        for (int row = 0; row < a.length; row++) {
            double dot = 0;
            double aa = 0;
            double bb = 0;
            for (int h = 0; h < a[row].length; h++) {
                dot += (double) a[row][h] * b[row][h];
                aa += (double) a[row][h] * a[row][h];
                bb += (double) b[row][h] * b[row][h];
            }
            smallest = Math.min(smallest, dot / Math.sqrt(aa * bb));
        }
        return smallest;
    }
}
