package dev.webnn.onnx.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of the suite's outcomes per folder and backend, and per ONNX operator and backend
 * (a case counts for every operator type its model uses), written as a Markdown report.
 */
final class SuiteSummary {

    /** Where the report goes, relative to the module. */
    static final Path REPORT = Path.of("target", "onnx-node-suite-summary.md");

    private final Set<String> backends = new LinkedHashSet<>();
    private final Map<String, Map<String, Map<Outcome.Status, Integer>>> byFolder = new TreeMap<>();
    private final Map<String, Map<String, Map<Outcome.Status, Integer>>> byOperator = new TreeMap<>();

    /**
     * Adds the outcome of one case.
     *
     * @param folder the suite folder
     * @param backend the backend's name
     * @param outcome the outcome
     */
    synchronized void add(String folder, String backend, Outcome outcome) {
        backends.add(backend);
        count(byFolder, folder, backend, outcome.status());
        for (String operator : new TreeSet<>(outcome.operators())) {
            count(byOperator, operator, backend, outcome.status());
        }
    }

    /**
     * The report: a table per folder, then per operator; columns per backend are the counts
     * passed / not convertible / unsupported by backend / wrong result / error.
     *
     * @return Markdown text
     */
    synchronized String report() {
        List<String> lines = new ArrayList<>();
        lines.add("# ONNX node-test suite (libonnx-testdata 1.12.0)");
        lines.add("");
        lines.add("Counts per backend: passed / not convertible / unsupported by backend / wrong result / error.");
        lines.add("");
        table(lines, "folder", byFolder);
        lines.add("");
        table(lines, "operator", byOperator);
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /**
     * Writes the report to {@link #REPORT}.
     *
     * @return the file written
     */
    synchronized Path write() {
        try {
            Files.createDirectories(REPORT.getParent());
            return Files.writeString(REPORT, report());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(List<String> lines, String key, Map<String, Map<String, Map<Outcome.Status, Integer>>> rows) {
        StringBuilder header = new StringBuilder("| " + key + " |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String backend : backends) {
            header.append(' ').append(backend).append(" |");
            rule.append("---|");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        rows.forEach((name, perBackend) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (String backend : backends) {
                Map<Outcome.Status, Integer> counts = perBackend.getOrDefault(backend, Map.of());
                List<String> cells = new ArrayList<>();
                for (Outcome.Status status : Outcome.Status.values()) {
                    cells.add(Integer.toString(counts.getOrDefault(status, 0)));
                }
                row.append(' ').append(String.join(" / ", cells)).append(" |");
            }
            lines.add(row.toString());
        });
    }

    private static void count(Map<String, Map<String, Map<Outcome.Status, Integer>>> rows, String row, String backend,
            Outcome.Status status) {
        rows.computeIfAbsent(row, r -> new TreeMap<>()).computeIfAbsent(backend, b -> new EnumMap<>(Outcome.Status.class))
                .merge(status, 1, Integer::sum);
    }
}
