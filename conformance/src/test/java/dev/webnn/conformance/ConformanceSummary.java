package dev.webnn.conformance;

import dev.webnn.conformance.CaseRunner.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects the outcome of every (backend, case) and renders the conformance table:
 * rows = operations, columns = backends, cells {@code passed/failed/unsupported}, a totals
 * row, a column of cases whose data cannot be run, and the list of failures.
 *
 * <p>Thread-safe; rendering reflects what has been recorded so far.
 */
public final class ConformanceSummary {

    /** Creates an empty summary. */
    public ConformanceSummary() {
    }

    /** A failed case, for the list under the table. */
    private record Failure(String backend, String operation, String caseName, String detail) {
    }

    private final Set<String> backends = new TreeSet<>();
    private final Map<String, Map<String, EnumMap<Outcome, Integer>>> counts = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * Records one result.
     *
     * @param backend the backend name
     * @param operation the operation under test
     * @param caseName the case name
     * @param result the result
     */
    public synchronized void record(String backend, String operation, String caseName, CaseRunner.Result result) {
        backends.add(backend);
        counts.computeIfAbsent(operation, o -> new TreeMap<>())
                .computeIfAbsent(backend, b -> new EnumMap<>(Outcome.class))
                .merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == Outcome.FAILED) {
            failures.add(new Failure(backend, operation, caseName, result.detail()));
        }
    }

    /**
     * Adds a line printed under the table (e.g. an unavailable backend).
     *
     * @param note the text
     */
    public synchronized void note(String note) {
        notes.add(note);
    }

    /**
     * The count of one outcome.
     *
     * @param backend the backend
     * @param operation the operation, or {@code null} for all operations
     * @param outcome the outcome
     * @return how many cases ended so
     */
    public synchronized int count(String backend, String operation, Outcome outcome) {
        int total = 0;
        for (Map.Entry<String, Map<String, EnumMap<Outcome, Integer>>> row : counts.entrySet()) {
            if (operation == null || operation.equals(row.getKey())) {
                total += row.getValue().getOrDefault(backend, new EnumMap<>(Outcome.class)).getOrDefault(outcome, 0);
            }
        }
        return total;
    }

    /**
     * Whether nothing was recorded.
     *
     * @return true when empty
     */
    public synchronized boolean isEmpty() {
        return counts.isEmpty() && notes.isEmpty();
    }

    /**
     * The summary as Markdown.
     *
     * @return the table, notes and failures
     */
    public synchronized String toMarkdown() {
        StringBuilder out = new StringBuilder("# WebNN WPT conformance\n\n");
        out.append("Cells: passed/failed/unsupported. \"not runnable\": cases whose JSON data cannot be represented "
                + "(per backend).\n\n");
        out.append("| operation |");
        backends.forEach(b -> out.append(' ').append(b).append(" |"));
        out.append(" not runnable |\n|---|");
        backends.forEach(b -> out.append("---|"));
        out.append("---|\n");
        for (String operation : counts.keySet()) {
            row(out, operation, operation);
        }
        row(out, "**total**", null);
        for (String note : notes) {
            out.append('\n').append(note).append('\n');
        }
        if (!failures.isEmpty()) {
            out.append("\n## Failures\n\n");
            for (Failure failure : failures) {
                out.append("- ").append(failure.backend()).append(" / ").append(failure.operation()).append(" / ")
                        .append(failure.caseName()).append(": ").append(firstLine(failure.detail())).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Writes {@link #toMarkdown()} to a file, creating its folder.
     *
     * @param file the target file
     * @throws UncheckedIOException if writing fails
     */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, toMarkdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(StringBuilder out, String title, String operation) {
        out.append("| ").append(title).append(" |");
        int notRunnable = 0;
        for (String backend : backends) {
            out.append(' ').append(count(backend, operation, Outcome.PASSED)).append('/')
                    .append(count(backend, operation, Outcome.FAILED)).append('/')
                    .append(count(backend, operation, Outcome.UNSUPPORTED)).append(" |");
            notRunnable = Math.max(notRunnable, count(backend, operation, Outcome.NOT_RUNNABLE));
        }
        out.append(' ').append(notRunnable == 0 ? "" : Integer.toString(notRunnable)).append(" |\n");
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
