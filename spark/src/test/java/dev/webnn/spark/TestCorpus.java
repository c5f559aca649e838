package dev.webnn.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated corpus of distinct sentences of varied lengths: mostly 5 to 40 words, one in a
 * hundred long enough to be truncated at 256 tokens.
 */
final class TestCorpus {

    private static final String[] SUBJECTS = {"The committee", "A small cat", "Our new server", "The river",
        "My grandmother", "This algorithm", "The orchestra", "A tired student", "The city council", "Every engine"};
    private static final String[] VERBS = {"approved", "ignored", "measured", "painted", "rebuilt", "described",
        "crossed", "translated", "doubled", "forgot"};
    private static final String[] OBJECTS = {"the annual budget", "a wooden bridge", "forty thousand requests",
        "the northern valley", "an old recipe for bread", "the shortest path", "a symphony in D minor",
        "the final exam", "the parking rules", "its fuel consumption"};
    private static final String[] CLAUSES = {"after a long discussion", "despite the heavy rain",
        "while nobody was watching", "in less than a second", "because the deadline was close",
        "with surprising patience", "before the summer holidays", "for the third time this year"};

    private TestCorpus() {
    }

    /**
     * Distinct sentences, the same for the same count.
     *
     * @param count how many
     * @return the sentences
     */
    static List<String> sentences(int count) {
        Random random = new Random(16);
        Set<String> lines = new LinkedHashSet<>();
        while (lines.size() < count) {
            StringBuilder line = new StringBuilder().append(pick(random, SUBJECTS)).append(' ')
                    .append(pick(random, VERBS)).append(' ').append(pick(random, OBJECTS));
            int clauses = random.nextInt(100) == 0 ? 40 : random.nextInt(5);
            for (int c = 0; c < clauses; c++) {
                line.append(c % 2 == 0 ? ", " : " and ").append(pick(random, CLAUSES));
            }
            lines.add(line.append(" (item ").append(lines.size() + 1).append(").").toString());
        }
        return new ArrayList<>(lines);
    }

    /**
     * Writes sentences to a text file, one per line.
     *
     * @param folder where
     * @param count how many
     * @return the file
     * @throws IOException if it cannot be written
     */
    static Path write(Path folder, int count) throws IOException {
        return Files.write(folder.resolve("corpus.txt"), sentences(count));
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
