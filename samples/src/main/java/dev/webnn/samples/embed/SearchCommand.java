package dev.webnn.samples.embed;

import dev.webnn.MLContext;
import dev.webnn.langchain4j.SentenceEncoder;
import dev.webnn.samples.SampleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples search --corpus FILE QUERY}: semantic search over the non-blank lines of
 * a UTF-8 text file. Embeds the corpus once (a progress bar on standard error for long ones),
 * then prints the lines closest to the query with their cosine similarity.
 */
@Command(name = "search", description = "Find the lines of a text file closest in meaning to a query.")
public final class SearchCommand implements Callable<Integer> {

    /** Corpora with more lines than this get a progress bar. */
    private static final int PROGRESS_FROM = 64;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EncoderOptions options;

    @Option(names = "--corpus", paramLabel = "FILE", required = true,
            description = "UTF-8 text file, one passage a line (blank lines are skipped).")
    private Path corpus;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Lines to print (default: ${DEFAULT-VALUE}).")
    private int top;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several words are joined by spaces).")
    private List<String> query;

    /** Created by picocli. */
    public SearchCommand() {
    }

    @Override
    public Integer call() {
        if (top < 1) {
            throw SampleException.badInput("--top must be at least 1, not " + top);
        }
        List<String> lines = readCorpus();
        PrintWriter out = spec.commandLine().getOut();
        try (MLContext context = options.openContext(); SentenceEncoder encoder = options.openEncoder(context)) {
            ProgressBar bar = lines.size() > PROGRESS_FROM
                    ? new ProgressBar(spec.commandLine().getErr(), "embedding the corpus", lines.size()) : null;
            float[][] passages = encoder.encodeAll(lines, options.batch(), bar);
            float[] question = encoder.encode(List.of(String.join(" ", query)))[0];
            double[] scores = IntStream.range(0, lines.size()).mapToDouble(i -> Corpus.cosine(question, passages[i]))
                    .toArray();
            IntStream.range(0, lines.size()).boxed().sorted(Comparator.comparingDouble(i -> -scores[i])).limit(top)
                    .forEach(i -> out.printf("%.4f  %s%n", scores[i], lines.get(i)));
        }
        return 0;
    }

    private List<String> readCorpus() {
        List<String> lines;
        try {
            lines = Files.readAllLines(corpus).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw SampleException.badInput("corpus " + corpus + " not found", e);
        } catch (MalformedInputException e) {
            throw SampleException.badInput("corpus " + corpus + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw SampleException.badInput("cannot read corpus " + corpus + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw SampleException.badInput("corpus " + corpus + " has no text lines");
        }
        return lines;
    }
}
