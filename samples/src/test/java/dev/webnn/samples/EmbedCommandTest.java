package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code embed} and {@code search} with all-MiniLM-L6-v2 on ONNX Runtime: similar sentences are
 * closer than unrelated ones, search finds the answering line, bad input ends with exit code 2
 * and one line (for {@code spark-embed} too), and XNNPACK names what it lacks with exit code 1.
 */
class EmbedCommandTest {

    @TempDir
    Path temp;

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        Samples.Result result = Samples.run("embed", "--backend", "onnxruntime", "The cat sits on the mat.",
                "A kitten is resting on a rug.", "Stock prices fell sharply today.");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("backend onnxruntime, 384 dimensions, 3 texts in "), result.out());
        double related = similarity(result.out(), "1-2");
        assertTrue(related > 0.5, result.out());
        assertTrue(similarity(result.out(), "1-3") < 0.2, result.out());
        assertTrue(similarity(result.out(), "2-3") < 0.2, result.out());
    }

    @Test
    void searchPrintsTheClosestLinesFirst() throws IOException {
        Path corpus = Files.write(temp.resolve("corpus.txt"), List.of("Penguins cannot fly but swim very well.", "",
                "The stock market closed higher on Friday.", "Bread is baked in an oven.", "Mars has two moons."));
        Samples.Result result = Samples.run("search", "--backend", "onnxruntime", "--corpus", corpus.toString(), "--top",
                "2", "Which", "planet", "has", "two", "moons?");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).matches("0\\.\\d{4}  Mars has two moons\\."), result.out());
    }

    @Test
    void anEmptyCorpusIsBadInput() throws IOException {
        Path corpus = Files.write(temp.resolve("empty.txt"), List.of("", "  "));
        assertBadInput("webnn-samples search: corpus " + corpus + " has no text lines", "search", "--corpus",
                corpus.toString(), "query");
        assertBadInput("webnn-samples search: corpus " + temp.resolve("none.txt") + " not found", "search", "--corpus", temp.resolve("none.txt").toString(), "query");
    }

    @Test
    void missingModelFilesAreBadInput() throws IOException {
        Path tokenizer = Files.writeString(temp.resolve("tokenizer.json"), "{}");
        assertBadInput("webnn-samples embed: no such file: " + temp.resolve("model.onnx"), "embed", "--model",
                temp.resolve("model.onnx").toString(), "--tokenizer", tokenizer.toString(), "text");
        assertBadInput("webnn-samples embed: --model and --tokenizer go together", "embed", "--tokenizer",
                tokenizer.toString(), "text");
    }

    /** Options are checked before Spark starts (these tests run on the module path, without Spark). */
    @Test
    void sparkEmbedRefusesBadOptionsBeforeStartingSpark() {
        String input = temp.resolve("corpus.txt").toString();
        String output = temp.resolve("out.parquet").toString();
        assertBadInput("webnn-samples spark-embed: --batch must be at least 1, not 0", "spark-embed", "--input", input,
                "--output", output, "--batch", "0");
        assertBadInput("webnn-samples spark-embed: --model and --tokenizer go together", "spark-embed", "--input",
                input, "--output", output, "--model", temp.resolve("model.onnx").toString());
    }

    @Test
    void xnnpackNamesTheOperatorsItLacks() {
        Samples.Result result = Samples.run("embed", "--backend", "xnnpack", "text");
        assertEquals(1, result.exitCode(), result.out());
        assertEquals("webnn-samples embed: the xnnpack backend cannot run the encoder: (graph input), Cast, Gather,"
                + " Unsqueeze (try --backend onnxruntime)", result.err().strip());
    }

    private static void assertBadInput(String message, String... args) {
        Samples.Result result = Samples.run(args);
        assertEquals(2, result.exitCode(), result.out());
        assertEquals(message, result.err().strip());
    }

    private static double similarity(String out, String pair) {
        return out.lines().filter(line -> line.endsWith("  " + pair)).mapToDouble(line -> Double.parseDouble(
                line.strip().split(" +")[0])).findFirst().orElseThrow(() -> new AssertionError(pair + " in " + out));
    }
}
