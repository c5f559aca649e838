package dev.webnn.samples;

import dev.webnn.MLContextOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of every sample that runs a model: which backend, how many threads, how many
 * timed runs.
 */
final class RunOptions {

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to use, e.g. xnnpack or onnxruntime (default: the highest-priority available one that runs"
                    + " the model).")
    private String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per graph execution (default: one per processor).")
    private Integer threads;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
            description = "Timed runs after one warm-up; the median is printed (default: ${DEFAULT-VALUE}).")
    private int runs;

    /**
     * The backend named by {@code --backend}.
     *
     * @return the name, or empty to let the sample choose
     */
    Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /**
     * Context options with {@code --threads} applied.
     *
     * @return the options (no backend set)
     * @throws SampleException if {@code --threads} is below 1
     */
    MLContextOptions contextOptions() {
        MLContextOptions options = MLContextOptions.defaults();
        if (threads != null) {
            if (threads < 1) {
                throw SampleException.badInput("--threads must be at least 1, got " + threads);
            }
            options = options.withNumThreads(threads);
        }
        return options;
    }

    /**
     * The number of timed runs.
     *
     * @return at least 1
     * @throws SampleException if {@code --runs} is below 1
     */
    int runs() {
        if (runs < 1) {
            throw SampleException.badInput("--runs must be at least 1, got " + runs);
        }
        return runs;
    }
}
