package dev.webnn.spark;

import dev.webnn.MLContextOptions;
import dev.webnn.langchain4j.EncoderFiles;
import dev.webnn.langchain4j.SentenceEncoder;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What each executor embeds with: the sentence encoder's files, its token limit, the batch
 * size and the WebNN context's backends and threads. Immutable and serializable (Spark ships it
 * to the executors with the job); start from {@link #allMiniLmL6V2()} or {@link #of} and use the
 * withers. Specs that are equal share one context and encoder per executor JVM.
 *
 * @param model the ONNX encoder's path on every executor, or null for all-MiniLM-L6-v2 from
 *     LangChain4j's jar on the executors' class path
 * @param tokenizer its {@code tokenizer.json} on every executor, null exactly when {@code model} is
 * @param maxTokens the longest token sequence; longer texts are truncated
 * @param batchSize texts per dispatch
 * @param backends the WebNN backends in order of preference, empty for the default context
 * @param numThreads threads per dispatch, 0 for one per available processor of the executor
 */
public record EmbeddingSpec(String model, String tokenizer, int maxTokens, int batchSize, List<String> backends,
                            int numThreads) implements Serializable {

    /** Texts per dispatch unless set. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if only one of the files is given, or a count is out of range
     */
    public EmbeddingSpec {
        if ((model == null) != (tokenizer == null)) {
            throw new IllegalArgumentException("the model and tokenizer files go together");
        }
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, not " + maxTokens);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        if (numThreads < 0) {
            throw new IllegalArgumentException("numThreads must be 0 (one per processor) or more, not " + numThreads);
        }
        backends = List.copyOf(Objects.requireNonNull(backends, "backends"));
    }

    /**
     * all-MiniLM-L6-v2 (384 dimensions, {@value SentenceEncoder#DEFAULT_MAX_TOKENS} tokens) in
     * batches of {@value #DEFAULT_BATCH_SIZE} on the default context.
     *
     * @return the spec
     */
    public static EmbeddingSpec allMiniLmL6V2() {
        return new EmbeddingSpec(null, null, SentenceEncoder.DEFAULT_MAX_TOKENS, DEFAULT_BATCH_SIZE, List.of(), 0);
    }

    /**
     * Another mean-pooled ONNX sentence encoder; both files must exist at the same paths on every
     * executor (a shared file system, or files the cluster manager places there).
     *
     * @param model the ONNX file
     * @param tokenizer its Hugging Face {@code tokenizer.json}
     * @return the spec, with the defaults of {@link #allMiniLmL6V2()} otherwise
     */
    public static EmbeddingSpec of(Path model, Path tokenizer) {
        return new EmbeddingSpec(model.toString(), tokenizer.toString(), SentenceEncoder.DEFAULT_MAX_TOKENS,
                DEFAULT_BATCH_SIZE, List.of(), 0);
    }

    /**
     * Sets the batch size.
     *
     * @param texts texts per dispatch, at least 1
     * @return a new spec
     */
    public EmbeddingSpec withBatchSize(int texts) {
        return new EmbeddingSpec(model, tokenizer, maxTokens, texts, backends, numThreads);
    }

    /**
     * Sets the token limit.
     *
     * @param tokens at least 2
     * @return a new spec
     */
    public EmbeddingSpec withMaxTokens(int tokens) {
        return new EmbeddingSpec(model, tokenizer, tokens, batchSize, backends, numThreads);
    }

    /**
     * Sets the backends (see {@link MLContextOptions#withBackends}).
     *
     * @param names backend names in order of preference; none for the default context
     * @return a new spec
     */
    public EmbeddingSpec withBackends(String... names) {
        return new EmbeddingSpec(model, tokenizer, maxTokens, batchSize, List.of(names), numThreads);
    }

    /**
     * Sets the threads of each dispatch.
     *
     * @param threads at least 1, or 0 for one per available processor
     * @return a new spec
     */
    public EmbeddingSpec withNumThreads(int threads) {
        return new EmbeddingSpec(model, tokenizer, maxTokens, batchSize, backends, threads);
    }

    /**
     * The context options on this JVM.
     *
     * @return the options
     * @throws dev.webnn.MLTypeError if a backend name is blank or repeats
     */
    MLContextOptions contextOptions() {
        MLContextOptions options = MLContextOptions.defaults();
        if (!backends.isEmpty()) {
            options = options.withBackends(backends.toArray(String[]::new));
        }
        return numThreads > 0 ? options.withNumThreads(numThreads) : options;
    }

    /**
     * The encoder's files on this JVM.
     *
     * @return the files
     * @throws IllegalArgumentException if a file is missing
     * @throws IllegalStateException if MiniLM's jar is not on the class path
     */
    EncoderFiles files() {
        return model == null ? EncoderFiles.allMiniLmL6V2() : new EncoderFiles(Path.of(model), Path.of(tokenizer));
    }
}
