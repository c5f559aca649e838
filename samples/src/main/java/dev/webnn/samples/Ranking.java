package dev.webnn.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Turning a model's scores into a ranked, printed answer: softmax, top-k, class labels. */
final class Ranking {

    private Ranking() {
    }

    /**
     * Softmax: {@code exp(x - max) / sum(exp(x - max))}, in double precision.
     *
     * @param logits the scores
     * @return probabilities summing to one
     */
    static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] exp = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            exp[i] = Math.exp(logits[i] - max);
            sum += exp[i];
        }
        float[] probabilities = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = (float) (exp[i] / sum);
        }
        return probabilities;
    }

    /**
     * The indices of the {@code k} highest scores, highest first (ties: lower index first).
     *
     * @param scores the scores
     * @param k how many; at most {@code scores.length} are returned
     * @return the indices
     */
    static int[] top(float[] scores, int k) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> scores[i]).reversed().thenComparing(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Prints the {@code k} most probable classes, one a line: rank, probability in percent, label.
     *
     * @param out where to print
     * @param probabilities one probability per class
     * @param k how many classes
     * @param label the label of a class index
     */
    static void print(PrintWriter out, float[] probabilities, int k, IntFunction<String> label) {
        int[] best = top(probabilities, k);
        for (int rank = 0; rank < best.length; rank++) {
            out.printf("  %2d. %7.3f%%  %s%n", rank + 1, 100.0 * probabilities[best[rank]], label.apply(best[rank]));
        }
    }

    /**
     * Reads class labels, one a line, the line number (from 0) being the class index.
     *
     * @param file the labels file
     * @param count the number of classes the model has
     * @return exactly {@code count} labels
     * @throws SampleException if the file is missing, unreadable or has another number of lines
     */
    static List<String> readLabels(Path file, int count) {
        ModelOptions.require(file, "labels file");
        List<String> labels;
        try {
            labels = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw SampleException.badInput("cannot read labels file " + file + ": " + e.getMessage(), e);
        }
        if (labels.size() != count) {
            throw SampleException.badInput("labels file " + file + " has " + labels.size() + " lines, expected " + count
                    + " (one class name a line)");
        }
        return labels.stream().map(String::strip).toList();
    }
}
