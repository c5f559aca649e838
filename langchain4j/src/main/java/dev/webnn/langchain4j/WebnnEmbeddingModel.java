package dev.webnn.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A LangChain4j {@link EmbeddingModel} that runs an ONNX sentence encoder on WebNN
 * (all-MiniLM-L6-v2 by default, a drop-in replacement for LangChain4j's own
 * {@code AllMiniLmL6V2EmbeddingModel}). {@link #embedAll} embeds in batches of
 * {@value #BATCH} texts of similar lengths. Thread-safe; close it to release the compiled graphs (and the context, when
 * this model created it).
 */
public final class WebnnEmbeddingModel implements EmbeddingModel, AutoCloseable {

    /** Texts per batch in {@link #embedAll}. */
    public static final int BATCH = 32;

    private final SentenceEncoder encoder;
    private final MLContext ownedContext;
    private final String modelName;

    private WebnnEmbeddingModel(SentenceEncoder encoder, MLContext ownedContext, String modelName) {
        this.encoder = encoder;
        this.ownedContext = ownedContext;
        this.modelName = modelName;
    }

    /**
     * all-MiniLM-L6-v2 on the default context (the highest-priority backend).
     *
     * @return the model; it owns its context
     * @throws IllegalStateException if LangChain4j's MiniLM jar is not on the path
     */
    public static WebnnEmbeddingModel allMiniLmL6V2() {
        MLContext context = ML.createContext(MLContextOptions.defaults());
        try {
            return new WebnnEmbeddingModel(new SentenceEncoder(context, EncoderFiles.allMiniLmL6V2(),
                    SentenceEncoder.DEFAULT_MAX_TOKENS), context, "all-minilm-l6-v2");
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * all-MiniLM-L6-v2 on a given context.
     *
     * @param context the context; the caller closes it after this model
     * @return the model
     */
    public static WebnnEmbeddingModel allMiniLmL6V2(MLContext context) {
        return of(context, EncoderFiles.allMiniLmL6V2(), "all-minilm-l6-v2");
    }

    /**
     * Any ONNX sentence encoder with mean pooling.
     *
     * @param context the context; the caller closes it after this model
     * @param files the ONNX file and its tokenizer
     * @param modelName the name {@link #modelName()} reports
     * @return the model
     */
    public static WebnnEmbeddingModel of(MLContext context, EncoderFiles files, String modelName) {
        return new WebnnEmbeddingModel(new SentenceEncoder(context, files, SentenceEncoder.DEFAULT_MAX_TOKENS), null,
                Objects.requireNonNull(modelName, "modelName"));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
        List<String> texts = textSegments.stream().map(TextSegment::text).toList();
        List<Embedding> embeddings = new ArrayList<>(texts.size());
        for (float[] vector : encoder.encodeAll(texts, BATCH, null)) {
            embeddings.add(Embedding.from(vector));
        }
        return Response.from(embeddings);
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public String modelName() {
        return modelName;
    }

    /** Releases the compiled graphs, and the context when this model created it. */
    @Override
    public void close() {
        encoder.close();
        if (ownedContext != null) {
            ownedContext.close();
        }
    }
}
