package dev.webnn.onnx.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxFormatError;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.testdata.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the models of ONNX's node-test suite (bit flips, truncation, and splicing a byte run
 * of one model into another) with a fixed seed, and imports each mutant into a builder on an
 * ONNX Runtime context. The only acceptable outcomes are an import or a documented refusal:
 * {@link OnnxFormatError} for a malformed file, another {@link MLTypeError} for a model that
 * is well-formed but invalid, {@link MLNotSupportedError} for one WebNN cannot express. Any
 * other throwable (a runtime exception of our own, an out-of-memory error) fails the test
 * with the mutation's number and source case; a crash of the JVM would fail the build. 10,000
 * mutations by default, 200,000 with {@code -Dwebnn.soak=true}; counts per mutation kind and
 * outcome go to the log and {@code target/onnx-mutation-fuzz.md}.
 */
class MutatedModelFuzzTest {

    private static final long SEED = 0x5eed_0_0badL;

    /** How a model's bytes are damaged. */
    private enum Mutation {
        BIT_FLIPS, TRUNCATION, SPLICE;

        byte[] apply(byte[] model, byte[] donor, SplittableRandom random) {
            switch (this) {
                case BIT_FLIPS -> {
                    byte[] copy = model.clone();
                    int flips = 1 + random.nextInt(8);
                    for (int i = 0; i < flips; i++) {
                        int bit = random.nextInt(copy.length * 8);
                        copy[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    return copy;
                }
                case TRUNCATION -> {
                    byte[] copy = new byte[random.nextInt(model.length)];
                    System.arraycopy(model, 0, copy, 0, copy.length);
                    return copy;
                }
                case SPLICE -> {
                    int from = random.nextInt(donor.length);
                    int length = 1 + random.nextInt(Math.min(64, donor.length - from));
                    int at = random.nextInt(model.length + 1);
                    byte[] copy = new byte[model.length + length];
                    System.arraycopy(model, 0, copy, 0, at);
                    System.arraycopy(donor, from, copy, at, length);
                    System.arraycopy(model, at, copy, at + length, model.length - at);
                    return copy;
                }
                default -> throw new AssertionError(this);
            }
        }
    }

    @Test
    void mutatedModelsImportOrEndInADocumentedRefusal(@TempDir Path folder) throws IOException {
        List<Path> cases = modelFiles(TestData.onnxSuites().resolve("node"));
        List<byte[]> models = new ArrayList<>();
        for (Path file : cases) {
            models.add(Files.readAllBytes(file));
        }
        int mutations = Boolean.getBoolean("webnn.soak") ? 200_000 : 10_000;
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"))) {
            for (int i = 0; i < mutations; i++) {
                Mutation mutation = Mutation.values()[i % Mutation.values().length];
                int source = random.nextInt(models.size());
                byte[] mutant = mutation.apply(models.get(source), models.get(random.nextInt(models.size())), random);
                Path file = folder.resolve("mutant-" + i + ".onnx");
                Files.write(file, mutant);
                String outcome = importOutcome(context, file, failures, "mutation " + i + " (" + mutation + " of "
                        + cases.get(source).getParent().getFileName() + ")");
                counts.computeIfAbsent(mutation.name(), k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
                Files.delete(file);
            }
        }
        String report = report(mutations, counts);
        System.out.println(report);
        write(report);
        assertTrue(failures.isEmpty(), failures.size() + " mutants ended in an undocumented throwable:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(mutations, counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum());
    }

    /** Imports one file; returns the outcome's name, recording a failure for any undocumented throwable. */
    private static String importOutcome(MLContext context, Path file, List<String> failures, String what) {
        try {
            OnnxModel model = OnnxModel.read(file);
            model.addTo(new MLGraphBuilder(context), OnnxImportOptions.defaults());
            return "imported";
        } catch (OnnxFormatError e) {
            return "OnnxFormatError";
        } catch (MLNotSupportedError e) {
            return "MLNotSupportedError";
        } catch (MLTypeError e) {
            return "MLTypeError";
        } catch (Throwable e) {
            failures.add(what + ": " + e);
            return "FAILURE " + e.getClass().getSimpleName();
        }
    }

    private static List<Path> modelFiles(Path suite) throws IOException {
        try (Stream<Path> folders = Files.list(suite)) {
            return folders.map(folder -> folder.resolve("model.onnx")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String report(int mutations, Map<String, Map<String, Integer>> counts) {
        StringBuilder text = new StringBuilder("# Mutated ONNX models: " + mutations + " mutants, seed 0x"
                + Long.toHexString(SEED) + "\n\n| mutation | outcome | count |\n|---|---|---|\n");
        counts.forEach((mutation, outcomes) -> outcomes.forEach((outcome, count) ->
                text.append("| ").append(mutation).append(" | ").append(outcome).append(" | ").append(count).append(" |\n")));
        return text.toString();
    }

    private static void write(String report) {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("onnx-mutation-fuzz.md"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
