package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.samples.models.ImageClassifier;
import dev.webnn.samples.models.MobileNetV2;
import dev.webnn.samples.models.SqueezeNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code classify}: SqueezeNet, also with int8 weights, ranks the lesser panda first on every
 * backend that runs its operators, MobileNetV2 warns that its classes are synthetic, and every bad input ends
 * with exit code 2 and a one-line message.
 */
class ClassifyCommandTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"xnnpack, squeezenet", "onnxruntime, squeezenet", "xnnpack, squeezenet_int8", "onnxruntime, squeezenet_int8"})
    void squeezeNetRanksTheLesserPandaFirst(String backend, String model) {
        Samples.assumeModel("squeezenet1.1_nchw");
        Samples.assertRuns(backend, model, ImageClassifier.valueOf(model.toUpperCase(Locale.ROOT)).operators());
        Samples.Result result = Samples.run("classify", "--models", Samples.MODELS.toString(), "--backend", backend,
                "--model", model, "--threads", "2", "--runs", "3");
        System.out.print(result.out());
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        int top = lines.indexOf("top-5:");
        assertTrue(top >= 0, result.out());
        assertTrue(lines.get(top + 1).matches("\\s+1\\.\\s+\\d+\\.\\d+%\\s+lesser panda, red panda.*"), lines.get(top + 1));
        assertTrue(lines.get(top + 5).startsWith("   5."), result.out());
        assertTrue(result.out().contains("backend: " + backend + ", 2 threads"), result.out());
        assertTrue(result.out().contains("latency: median "), result.out());
        assertFalse(result.out().contains("WARNING"), result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xnnpack", "onnxruntime"})
    void mobileNetV2RunsAndWarnsThatItsClassesAreSynthetic(String backend) {
        Path weights = Samples.assumeModel("mobilenetv2_nchw/weights");
        Samples.assertRuns(backend, "MobileNetV2", MobileNetV2.OPERATORS);
        Samples.Result result = Samples.run("classify", "--models", Samples.MODELS.toString(), "--model", "mobilenetv2",
                "--backend", backend, "--runs", "1");
        System.out.print(result.out());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(!MobileNetV2.hasRealClassifier(weights), result.out().contains("WARNING: ")
                && result.out().contains("MEANINGLESS"), result.out());
        assertTrue(result.out().contains("   5."), result.out());
    }

    @Test
    void withoutLabelsTheDefaultBackendPrintsClassIndices() throws IOException {
        Path weights = Samples.assumeModel("squeezenet1.1_nchw/weights");
        Samples.assertRuns(Samples.backendRunning(SqueezeNet.OPERATORS), "SqueezeNet", SqueezeNet.OPERATORS);
        Path models = temp.resolve("models");
        copyWeights(weights, models);
        Samples.Result result = Samples.run("classify", "--models", models.toString(), "--image",
                Samples.MODELS.resolve(ClassifyCommand.DEFAULT_IMAGE).toString(), "--runs", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("note: no labels/imagenet1000.txt in the models folder"), result.out());
        assertTrue(result.out().matches("(?s).*\\n\\s+1\\.\\s+\\d+\\.\\d+%\\s+class 387\\n.*"), result.out());
    }

    @Test
    void missingModelsFolderIsExitCodeTwo() {
        Path missing = temp.resolve("no-such-models");
        assertOneLineError(Samples.run("classify", "--models", missing.toString()), "models folder " + missing,
                "github.com/webmachinelearning/test-data");
    }

    @Test
    void missingWeightsFolderIsExitCodeTwo() {
        assertOneLineError(Samples.run("classify", "--models", temp.toString()), "SqueezeNet 1.1 (NCHW) weights folder",
                "squeezenet1.1_nchw");
    }

    @Test
    void missingImageIsExitCodeTwo() throws IOException {
        Samples.assumeModel("labels/imagenet1000.txt");
        Path models = modelsWithLabels();
        Files.createDirectories(models.resolve("squeezenet1.1_nchw/weights"));
        assertOneLineError(Samples.run("classify", "--models", models.toString()), "image ", "lesser_panda.jpg not found");
    }

    @Test
    void corruptImageIsExitCodeTwo() throws IOException {
        Samples.assumeModel("labels/imagenet1000.txt");
        Path models = modelsWithLabels();
        Files.createDirectories(models.resolve("squeezenet1.1_nchw/weights"));
        Path image = temp.resolve("broken.jpg");
        Files.write(image, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2});
        assertOneLineError(Samples.run("classify", "--models", models.toString(), "--image", image.toString()),
                "cannot decode image " + image);
        Path truncated = temp.resolve("truncated.jpg");
        byte[] photo = Files.readAllBytes(Samples.assumeModel(ClassifyCommand.DEFAULT_IMAGE.toString()));
        Files.write(truncated, Arrays.copyOf(photo, photo.length / 2));
        assertOneLineError(Samples.run("classify", "--models", models.toString(), "--image", truncated.toString()),
                "cannot decode image " + truncated + ": Truncated File");
        Path text = temp.resolve("notes.png");
        Files.writeString(text, "not an image");
        assertOneLineError(Samples.run("classify", "--models", models.toString(), "--image", text.toString()),
                "cannot decode image " + text);
    }

    @Test
    void corruptWeightsAreExitCodeTwo() throws IOException {
        Path source = Samples.assumeModel("squeezenet1.1_nchw/weights");
        Path models = modelsWithLabels();
        Path weights = copyWeights(source, models);
        Files.createDirectories(models.resolve("images"));
        Files.copy(Samples.MODELS.resolve(ClassifyCommand.DEFAULT_IMAGE), models.resolve(ClassifyCommand.DEFAULT_IMAGE));
        Path corrupt = weights.resolve("squeezenet0_conv13_weight.npy");
        Files.write(corrupt, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 10, 0, '{', '}'});
        assertOneLineError(Samples.run("classify", "--models", models.toString()), "cannot build SqueezeNet 1.1 (NCHW)",
                corrupt.toString());
        Files.delete(corrupt);
        assertOneLineError(Samples.run("classify", "--models", models.toString()), "cannot build SqueezeNet 1.1 (NCHW)",
                corrupt + " is missing");
    }

    @Test
    void badOptionsAreExitCodeTwo() {
        Path models = Samples.assumeModel("squeezenet1.1_nchw/weights").getParent().getParent();
        assertOneLineError(Samples.run("classify", "--models", models.toString(), "--threads", "0", "--runs", "1"),
                "--threads must be at least 1");
        assertOneLineError(Samples.run("classify", "--models", models.toString(), "--backend", "tpu"), "no backend named 'tpu'");
        assertOneLineError(Samples.run("classify", "--models", models.toString(), "--runs", "0"), "--runs must be at least 1");
    }

    /** Copies SqueezeNet's weights into {@code models}; returns the copy's weights folder. */
    private static Path copyWeights(Path source, Path models) throws IOException {
        Path weights = Files.createDirectories(models.resolve("squeezenet1.1_nchw/weights"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, weights.resolve(file.getFileName()));
            }
        }
        return weights;
    }

    /** A models folder holding only a copy of the labels. */
    private Path modelsWithLabels() throws IOException {
        Path models = temp.resolve("models");
        Files.createDirectories(models.resolve("labels"));
        Files.copy(Samples.MODELS.resolve(ClassifyCommand.LABELS), models.resolve(ClassifyCommand.LABELS));
        return models;
    }

    /** Exit code 2, nothing on standard output, one line on standard error naming the problem, no stack trace. */
    static void assertOneLineError(Samples.Result result, String... fragments) {
        assertEquals(2, result.exitCode(), result.out() + result.err());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("webnn-samples "), result.err());
        for (String fragment : fragments) {
            assertTrue(lines.get(0).contains(fragment), () -> "'" + fragment + "' not in: " + result.err());
        }
        assertFalse(result.err().contains("Exception"), result.err());
    }
}
