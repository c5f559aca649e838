package dev.webnn.onnx.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.testdata.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Importing all-MiniLM-L6-v2 (90 MB of weights) fits a 64 MiB heap: the weights stay in the
 * memory-mapped file. Run by its own surefire execution with {@code -Xmx64m} (see the POM).
 */
class MiniLmHeapIT {

    private static final long HEAP_LIMIT = 64L << 20;

    @Test
    void importsAndCompilesUnderA64MiBHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT,
                "this test must run with -Xmx64m, the heap limit is " + Runtime.getRuntime().maxMemory());
        Path file = TestData.miniLm();
        assertTrue(Files.size(file) > HEAP_LIMIT, "the model is larger than the heap");
        OnnxModel model = OnnxModel.read(file);
        OnnxImportOptions options = OnnxImportOptions.defaults().withDimension("batch_size", 1)
                .withDimension("sequence_length", 128);
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
                MLGraph graph = model.compile(context, options)) {
            assertEquals(1, graph.outputDescriptors().size());
            assertEquals(384, graph.outputDescriptors().values().iterator().next().dimension(2));
        }
    }
}
