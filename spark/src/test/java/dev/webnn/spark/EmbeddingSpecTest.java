package dev.webnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EmbeddingSpec: its checks, its context options and its trip to the executors. */
class EmbeddingSpecTest {

    @Test
    void travelsToTheExecutorsUnchanged() throws Exception {
        EmbeddingSpec spec = EmbeddingSpec.of(Path.of("/models/e5.onnx"), Path.of("/models/tokenizer.json"))
                .withBatchSize(16).withMaxTokens(128).withBackends("xnnpack", "onnxruntime").withNumThreads(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(spec, in.readObject());
        }
        assertEquals(new EmbeddingSpec("/models/e5.onnx", "/models/tokenizer.json", 128, 16,
                List.of("xnnpack", "onnxruntime"), 3), spec);
    }

    @Test
    void contextOptionsFollowTheSpec() {
        assertEquals(List.of(), EmbeddingSpec.allMiniLmL6V2().contextOptions().backends());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                EmbeddingSpec.allMiniLmL6V2().contextOptions().numThreads());
        EmbeddingSpec spec = EmbeddingSpec.allMiniLmL6V2().withBackends("onnxruntime").withNumThreads(1);
        assertEquals(List.of("onnxruntime"), spec.contextOptions().backends());
        assertEquals(1, spec.contextOptions().numThreads());
    }

    @Test
    void badValuesAreRefused() {
        EmbeddingSpec spec = EmbeddingSpec.allMiniLmL6V2();
        assertEquals("batchSize must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> spec.withBatchSize(0)).getMessage());
        assertEquals("maxTokens must be at least 2, not 1",
                assertThrows(IllegalArgumentException.class, () -> spec.withMaxTokens(1)).getMessage());
        assertEquals("numThreads must be 0 (one per processor) or more, not -1",
                assertThrows(IllegalArgumentException.class, () -> spec.withNumThreads(-1)).getMessage());
        assertEquals("the model and tokenizer files go together", assertThrows(IllegalArgumentException.class,
                () -> new EmbeddingSpec("/m.onnx", null, 256, 32, List.of(), 0)).getMessage());
        assertEquals("no such file: /absent/m.onnx", assertThrows(IllegalArgumentException.class,
                () -> EmbeddingSpec.of(Path.of("/absent/m.onnx"), Path.of("/absent/t.json")).files()).getMessage());
    }
}
