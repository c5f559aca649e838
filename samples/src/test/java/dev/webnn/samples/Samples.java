package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.spi.NativeLibraries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test helpers shared by the sample tests: the shared models folder (skipping with a visible
 * reason when it is missing), failing when a backend stops running a sample's operators, and
 * running a command with its output captured.
 */
public final class Samples {

    /** The models of {@code ../shared} (the {@code webnn.shared} property set by the parent POM). */
    public static final Path MODELS = Path.of(System.getProperty("webnn.shared", "../shared"), "models");

    private Samples() {
    }

    /**
     * Skips the test unless the ONNX node test case's model (from the {@code libonnx-testdata}
     * package the onnx module's build fetches) is cached.
     *
     * @param name the case, e.g. {@code test_sigmoid}
     * @return its {@code model.onnx}
     */
    public static Path nodeTest(String name) {
        Path model = NativeLibraries.cacheRoot().resolve("test-data/onnx-testdata/usr/share/libonnx-testdata/data/node")
                .resolve(name).resolve("model.onnx");
        assumeTrue(Files.isRegularFile(model), "test data missing: " + model
                + " (run tools/fetch-test-data.sh onnx-testdata; the onnx module's build does)");
        return model;
    }

    /**
     * Skips the test unless a file or folder of the shared models exists.
     *
     * @param relative the path under {@link #MODELS}
     * @return the resolved path
     */
    public static Path assumeModel(String relative) {
        Path path = MODELS.resolve(relative);
        assumeTrue(Files.exists(path), "../shared is absent: " + path + " not found");
        return path;
    }

    /**
     * Fails the test unless a context runs every operator of a model, saying which are missing:
     * every backend runs every sample model, and losing one is a regression.
     *
     * @param context the context
     * @param model the model's name
     * @param operators the model's operators
     */
    public static void assertRuns(MLContext context, String model, List<String> operators) {
        List<String> missing = ModelOptions.missingOperators(context, operators);
        assertTrue(missing.isEmpty(), () -> context.backendName() + " no longer runs " + model + ": it lacks " + missing);
    }

    /**
     * Fails the test unless a backend runs every operator of a model.
     *
     * @param backend the backend's name
     * @param model the model's name
     * @param operators the model's operators
     */
    public static void assertRuns(String backend, String model, List<String> operators) {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend))) {
            assertRuns(context, model, operators);
        }
    }

    /**
     * The backend {@code classify} and {@code lenet} pick without {@code --backend}: the
     * highest-priority available one that runs every operator, else the highest-priority one.
     *
     * @param operators the model's operators
     * @return the backend's name
     */
    public static String backendRunning(List<String> operators) {
        try (MLContext context = new ModelOptions().openContext(operators)) {
            return context.backendName();
        }
    }

    /**
     * What a command printed and returned.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    public record Result(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code webnn-samples} in this JVM with its output captured.
     *
     * @param args the command and its options
     * @return the exit code and output
     */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exitCode = line.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
