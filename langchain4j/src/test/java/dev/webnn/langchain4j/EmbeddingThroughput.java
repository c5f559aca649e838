package dev.webnn.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hand-run measurement, not a test: sentences per second of all-MiniLM-L6-v2 at batch 32
 * ({@link WebnnEmbeddingModel#BATCH}) on WebNN's ONNX Runtime backend next to LangChain4j's own
 * ONNX-Runtime-based model (which runs its texts one by one on parallel threads), each given
 * the same 320 sentences (the test texts repeated) in one {@code embedAll}; one warm-up round,
 * then the median of five. Run it with
 * {@code ./mvnw -B -pl langchain4j -am -Pthroughput verify -DskipTests}.
 */
public final class EmbeddingThroughput {

    private static final int SENTENCES = 320;
    private static final int ROUNDS = 5;

    private EmbeddingThroughput() {
    }

    /**
     * Prints a Markdown table.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<String> base = Stream.concat(Sentences.VARIED.stream(), Sentences.PASSAGES.stream()).toList();
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < SENTENCES; i++) {
            texts.add(TextSegment.from(base.get(i % base.size())));
        }
        System.out.println("| model | sentences/s (batch 32, median of " + ROUNDS + ") |");
        System.out.println("|---|---|");
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
                WebnnEmbeddingModel webnn = WebnnEmbeddingModel.allMiniLmL6V2(context)) {
            System.out.printf("| WebnnEmbeddingModel (WebNN, onnxruntime backend) | %.0f |%n", rate(webnn, texts));
        }
        System.out.printf("| LangChain4j AllMiniLmL6V2EmbeddingModel (ONNX Runtime) | %.0f |%n",
                rate(new AllMiniLmL6V2EmbeddingModel(), texts));
    }

    private static double rate(EmbeddingModel model, List<TextSegment> texts) {
        double[] rates = new double[ROUNDS];
        for (int round = -1; round < ROUNDS; round++) {
            long start = System.nanoTime();
            model.embedAll(texts);
            if (round >= 0) {
                rates[round] = texts.size() / ((System.nanoTime() - start) / 1e9);
            }
        }
        Arrays.sort(rates);
        return rates[ROUNDS / 2];
    }
}
