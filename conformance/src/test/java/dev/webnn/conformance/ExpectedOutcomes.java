package dev.webnn.conformance;

import dev.webnn.conformance.CaseRunner.Outcome;
import dev.webnn.conformance.CaseRunner.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A backend's committed list of the WPT cases that are expected not to pass, read from the
 * test resource {@code expected/wpt-<backend>.txt}.
 *
 * <p>One case a line: {@code <case name> TAB <outcome> TAB <reason>}, the outcome being
 * {@code unsupported} (the backend declares it does not run the case), {@code failing}
 * (rare: a known wrong result or error, with its reason) or {@code not-runnable} (the case's
 * data cannot be represented); lines starting with {@code #} and blank lines are ignored. A
 * case not listed must pass. {@link #violation} tells when a run differs from the list in
 * either direction, so the list can only shrink by editing it and no regression hides in it.
 *
 * @param backend the backend's name
 * @param entries the listed cases by name
 */
public record ExpectedOutcomes(String backend, Map<String, Entry> entries) {

    /** Folder of the lists, under the test resources. */
    public static final String FOLDER = "expected";

    /**
     * One listed case.
     *
     * @param outcome the outcome it is expected to have (never {@link Outcome#PASSED})
     * @param reason why
     */
    public record Entry(Outcome outcome, String reason) {
    }

    /** Copies the entries. */
    public ExpectedOutcomes {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The list of a backend, empty when it has none.
     *
     * @param backend the backend's name
     * @return its list
     * @throws IllegalArgumentException if a line is malformed or a case is listed twice
     */
    public static ExpectedOutcomes load(String backend) {
        String resource = "/" + FOLDER + "/" + fileName(backend);
        try (InputStream in = ExpectedOutcomes.class.getResourceAsStream(resource)) {
            return parse(backend, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the text of a list.
     *
     * @param backend the backend's name
     * @param text the list's text
     * @return the list
     * @throws IllegalArgumentException if a line is malformed or a case is listed twice
     */
    public static ExpectedOutcomes parse(String backend, String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || fields[0].isBlank() || fields[2].isBlank()) {
                throw new IllegalArgumentException(fileName(backend) + " line " + number
                        + ": expected '<case name> TAB <outcome> TAB <reason>': " + line);
            }
            Entry entry = new Entry(outcome(fields[1], fileName(backend) + " line " + number), fields[2]);
            if (entries.put(fields[0], entry) != null) {
                throw new IllegalArgumentException(fileName(backend) + " line " + number + ": '" + fields[0]
                        + "' is listed twice");
            }
        }
        return new ExpectedOutcomes(backend, entries);
    }

    /**
     * The file name of a backend's list.
     *
     * @param backend the backend's name
     * @return e.g. {@code wpt-xnnpack.txt}
     */
    public static String fileName(String backend) {
        return "wpt-" + backend + ".txt";
    }

    /**
     * How a case's result departs from the list.
     *
     * @param caseName the case
     * @param result its result on this backend
     * @return why the run contradicts the list, or empty when it agrees
     */
    public Optional<String> violation(String caseName, Result result) {
        Entry entry = entries.get(caseName);
        String where = FOLDER + "/" + fileName(backend);
        if (entry == null) {
            return result.outcome() == Outcome.PASSED ? Optional.empty()
                    : Optional.of("newly " + token(result.outcome()) + " (not in " + where + "): " + result.detail());
        }
        if (result.outcome() == Outcome.PASSED) {
            return Optional.of("passes now but " + where + " lists it as " + token(entry.outcome())
                    + " (" + entry.reason() + "): remove the line");
        }
        if (result.outcome() != entry.outcome()) {
            return Optional.of("now " + token(result.outcome()) + " but " + where + " lists it as "
                    + token(entry.outcome()) + " (" + entry.reason() + "): " + result.detail());
        }
        return Optional.empty();
    }

    /**
     * The listed cases that are not among some case names (a renamed or removed case).
     *
     * @param caseNames every case name of the suites
     * @return the stale names
     */
    public Set<String> staleNames(Set<String> caseNames) {
        Set<String> stale = new java.util.TreeSet<>(entries.keySet());
        stale.removeAll(caseNames);
        return stale;
    }

    /**
     * A new list from the results of a full run: every case that did not pass, with the
     * reason already listed when the outcome is unchanged, else the run's detail.
     *
     * @param results every case's result on this backend, by case name
     * @return the list's text, cases in name order
     */
    public String regenerated(Map<String, Result> results) {
        StringBuilder text = new StringBuilder("# WPT cases expected not to pass on ").append(backend)
                .append(": <case name> TAB unsupported|failing|not-runnable TAB <reason>.\n")
                .append("# Checked by WptConformanceTest; regenerate with -D").append(WptConformanceTest.UPDATE_PROPERTY)
                .append("=true (see conformance/README.md).\n");
        new TreeMap<>(results).forEach((name, result) -> {
            if (result.outcome() == Outcome.PASSED) {
                return;
            }
            Entry old = entries.get(name);
            String reason = old != null && old.outcome() == result.outcome() ? old.reason()
                    : result.detail().lines().findFirst().orElse("").replace('\t', ' ');
            text.append(name).append('\t').append(token(result.outcome())).append('\t').append(reason).append('\n');
        });
        return text.toString();
    }

    /**
     * Writes {@link #regenerated} into a folder.
     *
     * @param folder the lists' folder (the source tree's {@code src/test/resources/expected})
     * @param results every case's result on this backend
     * @return the file written
     * @throws UncheckedIOException if writing fails
     */
    public Path write(Path folder, Map<String, Result> results) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(fileName(backend));
            Files.writeString(file, regenerated(results));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "passed";
            case FAILED -> "failing";
            case UNSUPPORTED -> "unsupported";
            case NOT_RUNNABLE -> "not-runnable";
        };
    }

    private static Outcome outcome(String token, String where) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.PASSED && token(outcome).equals(token)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException(where + ": unknown outcome '" + token
                + "' (unsupported, failing or not-runnable)");
    }
}
