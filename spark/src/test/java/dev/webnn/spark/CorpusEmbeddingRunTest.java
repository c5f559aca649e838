package dev.webnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CorpusEmbedding.run in a session of its own, on the master {@code spark-submit} hands over as
 * the {@code spark.master} system property when none is given.
 */
class CorpusEmbeddingRunTest {

    private static final int ROWS = 100;

    @TempDir
    Path folder;

    @Test
    void withoutAMasterItRunsOnTheOneSparkSubmitSets() throws Exception {
        Path corpus = TestCorpus.write(folder, ROWS);
        Path output = folder.resolve("out.parquet");
        System.setProperty("spark.master", "local[1]");
        try {
            CorpusEmbedding.Summary summary = CorpusEmbedding.run(null, corpus.toString(), output.toString(), "text",
                    EmbeddingSpec.allMiniLmL6V2().withBackends("onnxruntime"));
            assertEquals(ROWS, summary.rows());
            assertEquals("local[1]", summary.master());
            assertTrue(summary.rowsPerSecond() > 0, summary.toString());
            assertTrue(Files.isRegularFile(output.resolve("_SUCCESS")), "a committed Parquet output");
        } finally {
            System.clearProperty("spark.master");
        }
    }
}
