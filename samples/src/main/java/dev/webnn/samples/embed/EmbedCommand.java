package dev.webnn.samples.embed;

import dev.webnn.MLContext;
import dev.webnn.langchain4j.SentenceEncoder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples embed TEXT...}: sentence embeddings (all-MiniLM-L6-v2 by default).
 * Prints the start of each vector and, for several texts, their cosine similarities.
 */
@Command(name = "embed", description = "Embed sentences with all-MiniLM-L6-v2 (or --model) and compare them.")
public final class EmbedCommand implements Callable<Integer> {

    /** Values of each vector that are printed. */
    private static final int SHOWN = 6;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EncoderOptions options;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The sentences.")
    private List<String> texts;

    /** Created by picocli. */
    public EmbedCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (MLContext context = options.openContext(); SentenceEncoder encoder = options.openEncoder(context)) {
            long start = System.nanoTime();
            float[][] vectors = encoder.encodeAll(texts, options.batch(), null);
            double millis = (System.nanoTime() - start) / 1e6;
            out.printf("backend %s, %d dimensions, %d texts in %.0f ms%n", context.backendName(), encoder.dimension(),
                    texts.size(), millis);
            for (int i = 0; i < texts.size(); i++) {
                StringBuilder line = new StringBuilder("[");
                for (int d = 0; d < SHOWN; d++) {
                    line.append(String.format("%+.4f ", vectors[i][d]));
                }
                out.println(line.append("...] ").append(texts.get(i)));
            }
            if (texts.size() > 1) {
                out.println("cosine similarities:");
                for (int i = 0; i < texts.size(); i++) {
                    for (int j = i + 1; j < texts.size(); j++) {
                        out.printf("  %.4f  %d-%d%n", Corpus.cosine(vectors[i], vectors[j]), i + 1, j + 1);
                    }
                }
            }
        }
        return 0;
    }
}
