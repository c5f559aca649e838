package dev.webnn.samples;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTensorLimits;
import dev.webnn.spi.MLBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by the samples that run a real model ({@code classify}, {@code lenet}):
 * where the weights are and the {@link RunOptions}; plus the
 * checks that turn a missing folder or an unusable backend into a {@link SampleException}.
 */
final class ModelOptions {

    /** Environment variable naming the models folder when {@code --models} is not given. */
    static final String MODELS_ENV = "WEBNN_MODELS";
    /** Models folder used when neither {@code --models} nor {@value #MODELS_ENV} is given. */
    static final Path DEFAULT_MODELS = Path.of("..", "shared", "models");
    /** Where the weights come from, for error messages. */
    static final String TEST_DATA = "https://github.com/webmachinelearning/test-data (its models/ folder)";

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of the WebNN test-data models (default: $" + MODELS_ENV + ", else ../shared/models).")
    private Path models;

    @Mixin
    private RunOptions run = new RunOptions();

    /**
     * The models folder: {@code --models}, else {@value #MODELS_ENV}, else
     * {@code ../shared/models} relative to the current directory.
     *
     * @return an existing folder
     * @throws SampleException if it does not exist
     */
    Path modelsFolder() {
        return modelsFolder(models);
    }

    /**
     * The models folder: {@code given}, else {@value #MODELS_ENV}, else
     * {@code ../shared/models} relative to the current directory.
     *
     * @param given the folder named by an option, or null
     * @return an existing folder
     * @throws SampleException if it does not exist
     */
    static Path modelsFolder(Path given) {
        String fromEnv = System.getenv(MODELS_ENV);
        Path folder = given != null ? given
                : fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : DEFAULT_MODELS;
        if (!Files.isDirectory(folder)) {
            throw SampleException.badInput("models folder " + folder.toAbsolutePath().normalize()
                    + " not found; pass --models DIR or set " + MODELS_ENV + " to a copy of " + TEST_DATA);
        }
        return folder;
    }

    /**
     * A folder or file the model needs, checked to exist.
     *
     * @param path the folder or file
     * @param what what it is, for the message (e.g. "SqueezeNet weights folder")
     * @return {@code path}
     * @throws SampleException if it is missing
     */
    static Path require(Path path, String what) {
        if (!Files.exists(path)) {
            throw SampleException.badInput(what + " " + path.toAbsolutePath().normalize()
                    + " not found; the models folder must be a copy of " + TEST_DATA);
        }
        return path;
    }

    /**
     * The number of timed runs.
     *
     * @return at least 1
     * @throws SampleException if {@code --runs} is below 1
     */
    int runs() {
        return run.runs();
    }

    /**
     * Opens a context for a model: on {@code --backend} when given (or the
     * {@code webnn.backend} system property), else on the highest-priority available
     * backend that runs every operator of the model, else on the highest-priority one (whose
     * missing operators {@link #requireOperators} then reports).
     *
     * @param operators the spec names of the operators the model uses
     * @return the context, to be closed by the caller
     * @throws SampleException if {@code --threads} is below 1, or the backend is unknown or unavailable
     */
    MLContext openContext(Collection<String> operators) {
        MLContextOptions options = run.contextOptions();
        try {
            if (run.backend().isPresent()) {
                return ML.createContext(options.withBackend(run.backend().get()));
            }
            if (System.getProperty("webnn.backend") == null) {
                for (MLBackend candidate : ML.backends()) {
                    if (candidate.availability().available()) {
                        MLContext context = ML.createContext(options.withBackend(candidate.name()));
                        if (missingOperators(context, operators).isEmpty()) {
                            return context;
                        }
                        context.close();
                    }
                }
            }
            return ML.createContext(options);
        } catch (MLNotSupportedError e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
    }

    /**
     * The operators of a model that a context cannot run on float32 tensors.
     *
     * @param context the context
     * @param operators the spec names of the operators the model uses
     * @return those the backend lacks, in the given order; empty when it can run the model
     */
    static List<String> missingOperators(MLContext context, Collection<String> operators) {
        MLOpSupportLimits limits = context.opSupportLimits();
        return operators.stream().filter(op -> !runsFloat32(limits.operator(op))).toList();
    }

    /**
     * Fails unless the context's backend runs every operator of a model.
     *
     * @param context the context
     * @param model the model's name, for the message
     * @param operators the spec names of the operators the model uses
     * @throws SampleException if an operator is missing (exit code {@value SampleException#CANNOT_RUN})
     */
    static void requireOperators(MLContext context, String model, Collection<String> operators) {
        List<String> missing = missingOperators(context, operators);
        if (!missing.isEmpty()) {
            throw SampleException.cannotRun("the " + context.backendName() + " backend cannot run " + model
                    + " yet: it lacks " + String.join(", ", missing) + " (see ./webnn-samples ops; try another --backend)");
        }
    }

    /** Whether the operator computes float32 (its output's types; dequantizeLinear reads integers to make it). */
    private static boolean runsFloat32(Optional<Map<String, MLTensorLimits>> roles) {
        return roles.isPresent() && roles.get().getOrDefault("output", roles.get().values().iterator().next()).dataTypes()
                .contains(MLOperandDataType.FLOAT32);
    }
}
