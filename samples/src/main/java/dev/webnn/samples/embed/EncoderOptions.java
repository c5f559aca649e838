package dev.webnn.samples.embed;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLNotSupportedError;
import dev.webnn.langchain4j.EncoderFiles;
import dev.webnn.langchain4j.SentenceEncoder;
import dev.webnn.onnx.OnnxUnsupported;
import dev.webnn.samples.SampleException;
import dev.webnn.spark.EmbeddingSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * Options of the embedding samples ({@code embed}, {@code search}, {@code spark-embed}): the backend, the encoder
 * files (all-MiniLM-L6-v2 from LangChain4j's jar by default) and the batch size; opens the
 * context and the encoder, turning missing files and unusable backends into
 * {@link SampleException}s.
 */
final class EncoderOptions {

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend to use (default: the highest-priority available one).")
    private String backend;

    @Option(names = "--model", paramLabel = "FILE",
            description = "ONNX sentence encoder (default: all-MiniLM-L6-v2 from LangChain4j's jar); needs --tokenizer.")
    private Path model;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "Hugging Face tokenizer.json of --model.")
    private Path tokenizer;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
            description = "Texts per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    /**
     * Texts per batch.
     *
     * @return at least 1
     * @throws SampleException if the option is not positive
     */
    int batch() {
        if (batch < 1) {
            throw SampleException.badInput("--batch must be at least 1, not " + batch);
        }
        return batch;
    }

    /**
     * Creates the context.
     *
     * @return a context on {@code --backend} or the default backend
     */
    MLContext openContext() {
        MLContextOptions options = MLContextOptions.defaults();
        try {
            return ML.createContext(backend == null ? options : options.withBackend(backend));
        } catch (MLNotSupportedError | IllegalArgumentException e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
    }

    /**
     * Reads the encoder and checks the context runs it.
     *
     * @param context the context
     * @return the encoder; the caller closes it
     * @throws SampleException exit code 2 for missing or unreadable files, 1 if the backend lacks operators
     */
    SentenceEncoder openEncoder(MLContext context) {
        SentenceEncoder encoder;
        try {
            encoder = new SentenceEncoder(context, files(), SentenceEncoder.DEFAULT_MAX_TOKENS);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
        List<OnnxUnsupported> gaps = encoder.unsupported();
        if (!gaps.isEmpty()) {
            TreeSet<String> operators = new TreeSet<>();
            gaps.forEach(gap -> operators.add(gap.opType()));
            encoder.close();
            throw SampleException.cannotRun("the " + context.backendName() + " backend cannot run the encoder: "
                    + String.join(", ", operators) + " (try --backend onnxruntime)");
        }
        return encoder;
    }

    /**
     * The same choices as a spec for Spark's executors (the files must be at the same paths on
     * every executor).
     *
     * @return the spec
     * @throws SampleException if only one of the files or a batch below 1 is given
     */
    EmbeddingSpec spec() {
        EmbeddingSpec spec = customModel() ? EmbeddingSpec.of(model, tokenizer) : EmbeddingSpec.allMiniLmL6V2();
        spec = spec.withBatchSize(batch());
        return backend == null ? spec : spec.withBackends(backend);
    }

    private EncoderFiles files() {
        return customModel() ? new EncoderFiles(model, tokenizer) : EncoderFiles.allMiniLmL6V2();
    }

    /** Whether --model and --tokenizer are given; throws if only one is. */
    private boolean customModel() {
        if ((model == null) != (tokenizer == null)) {
            throw SampleException.badInput("--model and --tokenizer go together");
        }
        return model != null;
    }
}
