package dev.webnn.samples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Start-up results of {@code bench --startup}: per model and engine, the medians of the
 * fresh-JVM samples (time to ready, peak resident memory) and their ratios to
 * {@link Engines#ORT_JAVA} on the same model, as a Markdown table.
 *
 * @param description what was measured and where, printed above the table
 * @param rows the rows, in order
 */
public record StartupReport(String description, List<Row> rows) {

    /**
     * Copies the rows.
     */
    public StartupReport {
        Objects.requireNonNull(description, "description");
        rows = List.copyOf(rows);
    }

    /**
     * One model on one engine.
     *
     * @param model the model's title
     * @param engine the engine
     * @param samples one sample per fresh JVM; empty when the engine cannot run the model
     * @param unsupported why the engine cannot run the model, or empty
     */
    public record Row(String model, String engine, List<StartupProbe.Sample> samples, String unsupported) {

        /**
         * Copies the samples.
         */
        public Row {
            samples = List.copyOf(samples);
        }

        /**
         * Median time to ready.
         *
         * @return milliseconds, or empty without samples
         */
        public Optional<Double> openMillis() {
            return median(samples.stream().mapToDouble(StartupProbe.Sample::openMillis).toArray());
        }

        /**
         * Median peak resident memory.
         *
         * @return MiB, or empty without samples
         */
        public Optional<Double> peakMiB() {
            return median(samples.stream().mapToDouble(sample -> sample.peakKiB() / 1024.0).toArray());
        }

        /**
         * Median resident memory before opening (the JVM's own).
         *
         * @return MiB, or empty without samples
         */
        public Optional<Double> baselineMiB() {
            return median(samples.stream().mapToDouble(sample -> sample.baselineKiB() / 1024.0).toArray());
        }
    }

    /**
     * The report as Markdown.
     *
     * @return Markdown text ending with a line break
     */
    public String markdown() {
        StringBuilder text = new StringBuilder(description).append("\n\n| model | engine | ready in | peak RSS | RSS before |")
                .append(" time / ").append(Engines.ORT_JAVA).append(" | peak RSS / ").append(Engines.ORT_JAVA).append(" |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        List<String> reasons = new ArrayList<>();
        for (Row row : rows) {
            text.append("| ").append(row.model()).append(" | ").append(row.engine()).append(" | ");
            if (row.samples().isEmpty()) {
                reasons.add(row.engine() + ": " + row.unsupported().replace('\n', ' ').replace("|", "\\|"));
                text.append("unsupported [").append(reasons.size()).append("] | — | — | — | — |\n");
                continue;
            }
            Optional<Row> reference = rows.stream().filter(r -> r.model().equals(row.model())
                    && r.engine().equals(Engines.ORT_JAVA) && !r.samples().isEmpty()).findFirst();
            text.append(String.format(Locale.ROOT, "%.0f ms | %.0f MiB | %.0f MiB | %s | %s |%n", row.openMillis().orElseThrow(),
                    row.peakMiB().orElseThrow(), row.baselineMiB().orElseThrow(),
                    ratio(row.openMillis(), reference.flatMap(Row::openMillis)),
                    ratio(row.peakMiB(), reference.flatMap(Row::peakMiB))));
        }
        if (!reasons.isEmpty()) {
            text.append('\n');
            for (int i = 0; i < reasons.size(); i++) {
                text.append('[').append(i + 1).append("] ").append(reasons.get(i)).append("  \n");
            }
        }
        return text.toString();
    }

    private static String ratio(Optional<Double> value, Optional<Double> reference) {
        return value.flatMap(v -> reference.map(r -> String.format(Locale.ROOT, "%.2f", v / r))).orElse("—");
    }

    private static Optional<Double> median(double[] values) {
        if (values.length == 0) {
            return Optional.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Optional.of(Latencies.percentile(sorted, 0.5));
    }
}
