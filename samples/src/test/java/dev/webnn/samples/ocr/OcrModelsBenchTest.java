package dev.webnn.samples.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bench --onnx} on the two PaddleOCR models, whose symbolic dimensions share names:
 * each file gets the {@code --dim} values that follow it.
 */
class OcrModelsBenchTest {

    @Test
    void eachOnnxFileTakesTheDimensionsThatFollowIt() {
        Path folder = modelsFolder();
        // both files name their dimensions p2o.DynamicDimension.N, with other values each
        Samples.Result result = Samples.run("bench", "--onnx", folder.resolve(OcrModels.DETECTOR).toString(),
                "--dim", "p2o.DynamicDimension.0=1", "--dim", "p2o.DynamicDimension.1=32", "--dim", "p2o.DynamicDimension.2=64",
                "--onnx", folder.resolve(OcrModels.RECOGNISER).toString(), "--dim", "p2o.DynamicDimension.0=1",
                "--dim", "p2o.DynamicDimension.1=96", "--backends", "onnxruntime", "--no-ort-java", "--threads", "1",
                "--warmup", "0", "--runs", "1", "--rounds", "1");
        assertEquals(0, result.exitCode(), result::err);
        List<String> rows = result.out().lines().filter(l -> l.startsWith("| ch_")).toList();
        assertEquals(2, rows.size(), result::out);
        assertTrue(rows.get(0).startsWith("| " + OcrModels.DETECTOR + " x[1,3,32,64] | 1 | "), rows.get(0));
        assertTrue(rows.get(1).startsWith("| " + OcrModels.RECOGNISER + " x[1,3,48,96] | 1 | "), rows.get(1));
    }

    @Test
    void aDimensionLeftFreeIsBadInputNamingIt() {
        Path folder = modelsFolder();
        Samples.Result result = Samples.run("bench", "--onnx", folder.resolve(OcrModels.RECOGNISER).toString(),
                "--dim", "p2o.DynamicDimension.0=1");
        assertEquals(2, result.exitCode(), result::err);
        assertTrue(result.err().contains("dimension 'p2o.DynamicDimension.1' of input 'x' is not set")
                && result.err().contains("--dim NAME=V"), result::err);
    }

    /** The PaddleOCR models' folder; skips the test when they have not been fetched. */
    private static Path modelsFolder() {
        Path folder = OcrModels.defaultFolder();
        assumeTrue(Files.isRegularFile(folder.resolve(OcrModels.RECOGNISER)), "needs the PaddleOCR models: "
                + "tools/fetch-test-data.sh ocr-models");
        return folder;
    }
}
