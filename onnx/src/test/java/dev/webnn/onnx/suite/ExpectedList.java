package dev.webnn.onnx.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed list of the cases of one suite folder that one backend is expected not to
 * pass, with the reason: one line per case, {@code case_name<TAB>category: detail}; blank
 * lines and lines starting with {@code #} are ignored. The categories are those of
 * {@link Outcome.Status}.
 *
 * @param file where the list is (it may not exist yet: then nothing is expected to fail)
 * @param reasons the listed cases and their reasons, sorted by case name
 */
record ExpectedList(Path file, Map<String, String> reasons) {

    /** Folder of the committed lists, relative to the module (surefire's working directory). */
    static final Path FOLDER = Path.of("src", "test", "resources", "expected");

    /**
     * Reads the list of a suite folder and backend.
     *
     * @param suite the suite folder, e.g. {@code node}
     * @param backend the backend's name
     * @return the list; empty when the file does not exist
     * @throws IllegalStateException if a line has no tab or a case is listed twice
     */
    static ExpectedList read(String suite, String backend) {
        Path file = FOLDER.resolve(suite + "-" + backend + ".txt");
        Map<String, String> reasons = new TreeMap<>();
        if (Files.exists(file)) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0 || reasons.put(line.substring(0, tab), line.substring(tab + 1).strip()) != null) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": expected one 'case<TAB>reason' per case, got: " + line);
                }
            }
        }
        return new ExpectedList(file, reasons);
    }

    /**
     * Writes the list of every outcome that did not pass, replacing the file.
     *
     * @param outcomes the outcomes of every case of the suite folder on the backend
     */
    void write(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        lines.add("# Cases of this ONNX test folder that this backend does not pass, with the reason.");
        lines.add("# Written by -Dwebnn.onnx.updateExpected=true; review every change before committing.");
        outcomes.stream().filter(o -> o.status() != Outcome.Status.PASSED).sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(o -> lines.add(o.name() + "\t" + o.reason()));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why an outcome disagrees with this list.
     *
     * @param outcome the outcome of one case
     * @return null when it agrees: a passing case is not listed, or a listed case fails with
     *     the listed category
     */
    String disagreement(Outcome outcome) {
        String listed = reasons.get(outcome.name());
        if (outcome.status() == Outcome.Status.PASSED) {
            return listed == null ? null : "passes now: remove it from " + file + " (listed as: " + listed + ")";
        }
        if (listed == null) {
            return outcome.reason() + " (not on " + file + ")";
        }
        String category = listed.contains(":") ? listed.substring(0, listed.indexOf(':')) : listed;
        return category.equals(outcome.status().category()) ? null
                : outcome.reason() + " (listed in " + file + " as: " + listed + ")";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
