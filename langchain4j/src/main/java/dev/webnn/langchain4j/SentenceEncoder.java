package dev.webnn.langchain4j;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.onnx.OnnxDimension;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxUnsupported;
import dev.webnn.onnx.OnnxValueInfo;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Sentence embeddings on WebNN: a Hugging Face tokenizer, an ONNX text encoder imported and
 * compiled on one {@link MLContext}, then mean pooling over the attention mask and L2
 * normalisation.
 *
 * <p>A batch is padded to the longest text in it and both dimensions are rounded up to a power
 * of two, so a few compiled graphs serve every batch; the {@value #CACHED_GRAPHS} most recently
 * used shapes stay compiled. Texts longer than the token limit are truncated. Safe for use by
 * several threads: batches run one at a time (each uses the backend's own threads). The
 * caller keeps ownership of the context; {@link #close()} releases the graphs and tokenizer.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** The default token limit (sentence-transformers' for all-MiniLM-L6-v2). */
    public static final int DEFAULT_MAX_TOKENS = 256;
    /** How many compiled shapes are kept. */
    static final int CACHED_GRAPHS = 4;

    private static final String IDS = "input_ids";
    private static final String MASK = "attention_mask";
    private static final String TYPES = "token_type_ids";

    private final MLContext context;
    private final OnnxModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final List<String> inputNames;
    private final String outputName;
    private final int dimension;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<Long, MLGraph> graphs = new LinkedHashMap<>(8, 0.75f, true);
    private boolean closed;

    /**
     * Reads an encoder.
     *
     * @param context the context that runs it
     * @param files the ONNX file and its tokenizer
     * @param maxTokens the longest token sequence (including special tokens); longer texts are truncated
     * @throws IllegalArgumentException if the model's inputs or output do not look like a text encoder
     * @throws IllegalStateException if the tokenizer file cannot be read
     */
    public SentenceEncoder(MLContext context, EncoderFiles files, int maxTokens) {
        this.context = Objects.requireNonNull(context, "context");
        Objects.requireNonNull(files, "files");
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, not " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.model = OnnxModel.read(files.model());
        this.inputNames = model.inputs().stream().map(OnnxValueInfo::name).toList();
        for (String name : inputNames) {
            if (!List.of(IDS, MASK, TYPES).contains(name)) {
                throw new IllegalArgumentException(files.model() + ": input " + name + " is not one of " + IDS + ", "
                        + MASK + ", " + TYPES);
            }
        }
        if (!inputNames.contains(IDS) || !inputNames.contains(MASK)) {
            throw new IllegalArgumentException(files.model() + ": a text encoder needs inputs " + IDS + " and " + MASK);
        }
        OnnxValueInfo output = model.outputs().get(0);
        OnnxDimension last = output.rank() == 3 ? output.dimensions().get(2) : null;
        if (last == null || !last.isFixed()) {
            throw new IllegalArgumentException(files.model() + ": output " + output
                    + " is not token embeddings [batch, sequence, dimension]");
        }
        this.outputName = output.name();
        this.dimension = Math.toIntExact(last.value());
        try {
            this.tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(files.tokenizer()).optMaxLength(maxTokens)
                    .optTruncation(true).optPadding(false).optAddSpecialTokens(true).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read tokenizer " + files.tokenizer() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The size of the vectors.
     *
     * @return e.g. 384 for all-MiniLM-L6-v2
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The context's backend.
     *
     * @return its name
     */
    public String backendName() {
        return context.backendName();
    }

    /**
     * The model's nodes the context cannot run, checked at batch 1 and {@value Buckets#MIN_SEQUENCE} tokens.
     *
     * @return empty if the encoder runs on this context
     */
    public List<OnnxUnsupported> unsupported() {
        return model.check(context, options(1, Buckets.MIN_SEQUENCE));
    }

    /**
     * Embeds any number of texts in batches: texts of similar token counts are batched together
     * (so little padding is computed), the results come back in the given order.
     *
     * @param texts the texts
     * @param batch texts per batch, at least 1
     * @param progress told the number of texts done after each batch, or null
     * @return one unit-length vector per text, in order
     * @throws dev.webnn.MLNotSupportedError if the context's backend cannot run the encoder
     */
    public float[][] encodeAll(List<String> texts, int batch, IntConsumer progress) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
        List<Encoding> encodings = texts.stream().map(text -> tokenizer.encode(Objects.requireNonNull(text, "text")))
                .toList();
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < order.length; from += batch) {
            List<Integer> rows = Arrays.asList(order).subList(from, Math.min(order.length, from + batch));
            float[][] part = encodeTokens(rows.stream().map(encodings::get).toList());
            for (int r = 0; r < part.length; r++) {
                vectors[rows.get(r)] = part[r];
            }
            if (progress != null) {
                progress.accept(from + rows.size());
            }
        }
        return vectors;
    }

    /**
     * Embeds texts as one batch.
     *
     * @param texts the texts, at least one
     * @return one unit-length vector per text, in order
     * @throws dev.webnn.MLNotSupportedError if the context's backend cannot run the encoder
     * @throws IllegalStateException if the encoder is closed
     */
    public float[][] encode(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to embed");
        }
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (String text : texts) {
            encodings.add(tokenizer.encode(Objects.requireNonNull(text, "text")));
        }
        return encodeTokens(encodings);
    }

    private float[][] encodeTokens(List<Encoding> encodings) {
        int longest = 1;
        for (Encoding encoding : encodings) {
            longest = Math.max(longest, encoding.getIds().length);
        }
        int batch = Buckets.batch(encodings.size());
        int sequence = Buckets.sequence(longest, maxTokens);
        float[] tokens = run(encodings, batch, sequence);
        float[][] vectors = new float[encodings.size()][];
        for (int row = 0; row < vectors.length; row++) {
            int length = Math.max(1, encodings.get(row).getIds().length);
            vectors[row] = Pooling.meanNormalized(tokens, row, sequence, dimension, length);
        }
        return vectors;
    }

    private float[] run(List<Encoding> encodings, int batch, int sequence) {
        try (Arena arena = Arena.ofConfined()) {
            long elements = (long) batch * sequence;
            MemorySegment ids = arena.allocate(ValueLayout.JAVA_LONG, elements);
            MemorySegment mask = arena.allocate(ValueLayout.JAVA_LONG, elements);
            MemorySegment types = arena.allocate(ValueLayout.JAVA_LONG, elements);
            for (int row = 0; row < batch; row++) {
                long offset = (long) row * sequence;
                if (row >= encodings.size()) {
                    mask.setAtIndex(ValueLayout.JAVA_LONG, offset, 1); // a padding row attends to one token
                    continue;
                }
                Encoding encoding = encodings.get(row);
                long[] rowIds = encoding.getIds();
                long[] rowTypes = encoding.getTypeIds();
                for (int t = 0; t < rowIds.length; t++) {
                    ids.setAtIndex(ValueLayout.JAVA_LONG, offset + t, rowIds[t]);
                    mask.setAtIndex(ValueLayout.JAVA_LONG, offset + t, 1);
                    types.setAtIndex(ValueLayout.JAVA_LONG, offset + t, rowTypes[t]);
                }
            }
            Map<String, MemorySegment> inputs = new HashMap<>();
            inputs.put(IDS, ids);
            inputs.put(MASK, mask);
            if (inputNames.contains(TYPES)) {
                inputs.put(TYPES, types);
            }
            MemorySegment output = arena.allocate(ValueLayout.JAVA_FLOAT, elements * dimension);
            lock.lock();
            try {
                if (closed) {
                    throw new IllegalStateException("the sentence encoder is closed");
                }
                context.compute(graph(batch, sequence), inputs, Map.of(outputName, output));
            } finally {
                lock.unlock();
            }
            return output.toArray(ValueLayout.JAVA_FLOAT);
        }
    }

    /** The compiled graph of a shape; called with the lock held. */
    private MLGraph graph(int batch, int sequence) {
        long key = (long) batch << 32 | sequence;
        MLGraph graph = graphs.get(key);
        if (graph == null) {
            graph = model.compile(context, options(batch, sequence));
            graphs.put(key, graph);
            if (graphs.size() > CACHED_GRAPHS) {
                Map.Entry<Long, MLGraph> eldest = graphs.entrySet().iterator().next();
                graphs.remove(eldest.getKey());
                eldest.getValue().destroy();
            }
        }
        return graph;
    }

    private OnnxImportOptions options(int batch, int sequence) {
        OnnxImportOptions options = OnnxImportOptions.defaults();
        for (String name : inputNames) {
            options = options.withInputShape(name, batch, sequence);
        }
        return options;
    }

    /** Releases the compiled graphs and the tokenizer; the context stays open. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                graphs.values().forEach(MLGraph::destroy);
                graphs.clear();
                tokenizer.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
