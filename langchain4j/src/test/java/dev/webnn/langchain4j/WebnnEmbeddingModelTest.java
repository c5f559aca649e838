package dev.webnn.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.onnx.OnnxUnsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebnnEmbeddingModel against LangChain4j's own ONNX-Runtime-based all-MiniLM-L6-v2 on the same
 * texts, and retrieval through LangChain4j's in-memory embedding store.
 */
class WebnnEmbeddingModelTest {

    /** Required agreement with LangChain4j's own model. */
    private static final double MIN_COSINE = 0.9999;

    private static List<Embedding> reference;

    @BeforeAll
    static void embedWithLangChain4j() {
        reference = new AllMiniLmL6V2EmbeddingModel().embedAll(segments(Sentences.VARIED)).content();
    }

    @AfterAll
    static void forget() {
        reference = null;
    }

    @Test
    void matchesLangChain4jOnOnnxRuntime() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
                WebnnEmbeddingModel model = WebnnEmbeddingModel.allMiniLmL6V2(context)) {
            assertAgrees(model, "onnxruntime");
        }
    }

    @Test
    void matchesLangChain4jOnTheDefaultContext() {
        try (WebnnEmbeddingModel model = WebnnEmbeddingModel.allMiniLmL6V2()) {
            assertAgrees(model, "default context");
            assertEquals(384, model.dimension());
        }
    }

    /** XNNPACK lacks int64 inputs and three of MiniLM's operators (embedding lookup, mask casts, the unsqueeze of int64 masks); the default context runs those on ONNX Runtime. */
    @Test
    void xnnpackNamesTheOperatorsItCannotRun() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
                SentenceEncoder encoder = new SentenceEncoder(context, EncoderFiles.allMiniLmL6V2(), 256)) {
            Set<String> missing = new TreeSet<>();
            encoder.unsupported().stream().map(OnnxUnsupported::opType).forEach(missing::add);
            assertEquals(Set.of("(graph input)", "Cast", "Gather", "Unsqueeze"), missing,
                    "XNNPACK runs more of MiniLM now: test the embeddings on it");
        }
    }

    @Test
    void anInMemoryStoreRetrievesTheAnsweringPassage() {
        try (WebnnEmbeddingModel model = WebnnEmbeddingModel.allMiniLmL6V2()) {
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            List<TextSegment> passages = segments(Sentences.PASSAGES);
            store.addAll(model.embedAll(passages).content(), passages);
            for (int q = 0; q < Sentences.QUESTIONS.size(); q++) {
                String question = Sentences.QUESTIONS.get(q);
                EmbeddingSearchResult<TextSegment> result = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(model.embed(question).content()).maxResults(1).build());
                assertEquals(Sentences.PASSAGES.get(Sentences.ANSWERS.get(q)), result.matches().get(0).embedded().text(),
                        question);
            }
        }
    }

    /** Four threads embedding different slices at once get the same vectors as one thread. */
    @Test
    void concurrentCallsGetTheSameVectors() throws Exception {
        try (WebnnEmbeddingModel model = WebnnEmbeddingModel.allMiniLmL6V2()) {
            List<Embedding> sequential = model.embedAll(segments(Sentences.PASSAGES)).content();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Embedding>>> slices = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    List<TextSegment> slice = segments(Sentences.PASSAGES.subList(t * 10, t * 10 + 20));
                    slices.add(pool.submit(() -> model.embedAll(slice).content()));
                }
                for (int t = 0; t < 4; t++) {
                    List<Embedding> got = slices.get(t).get();
                    for (int i = 0; i < got.size(); i++) {
                        assertTrue(CosineSimilarity.between(sequential.get(t * 10 + i), got.get(i)) > 0.99999,
                                Sentences.PASSAGES.get(t * 10 + i));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void assertAgrees(EmbeddingModel model, String where) {
        List<Embedding> actual = model.embedAll(segments(Sentences.VARIED)).content();
        assertEquals(reference.size(), actual.size());
        double worst = 1;
        List<String> below = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            double cosine = CosineSimilarity.between(reference.get(i), actual.get(i));
            worst = Math.min(worst, cosine);
            if (cosine < MIN_COSINE) {
                below.add(Sentences.VARIED.get(i) + ": " + cosine);
            }
        }
        System.out.printf("%s: lowest cosine to LangChain4j's model over %d sentences %.7f%n", where, actual.size(), worst);
        assertTrue(below.isEmpty(), where + ": " + below);
    }

    private static List<TextSegment> segments(List<String> texts) {
        return texts.stream().map(TextSegment::from).toList();
    }
}
