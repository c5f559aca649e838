package dev.webnn.samples.ocr;

import java.util.List;

/**
 * Greedy CTC decoding of per-step class probabilities: the most likely class per step, repeats
 * collapsed, blanks (class 0) dropped. Class {@code i + 1} is line {@code i} of the dictionary and
 * the class after the dictionary is a space.
 */
final class CtcDecoder {

    private final List<String> dictionary;

    /**
     * A decoder.
     *
     * @param dictionary one character (string) per line of the keys file
     */
    CtcDecoder(List<String> dictionary) {
        this.dictionary = List.copyOf(dictionary);
    }

    /**
     * A decoded text and its confidence.
     *
     * @param text the characters
     * @param confidence the mean probability of the kept steps (0 when none)
     */
    record Decoded(String text, double confidence) {
    }

    /**
     * Decodes one sequence.
     *
     * @param probabilities {@code [steps, classes]} row-major
     * @param offset where the sequence starts
     * @param steps time steps
     * @param classes classes per step
     * @return the text
     */
    Decoded decode(float[] probabilities, int offset, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        double sum = 0;
        int kept = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[base + c] > probabilities[base + best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                text.append(best <= dictionary.size() ? dictionary.get(best - 1) : " ");
                sum += probabilities[base + best];
                kept++;
            }
            previous = best;
        }
        return new Decoded(text.toString(), kept == 0 ? 0 : sum / kept);
    }
}
