package dev.webnn.samples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of a benchmark: one row per model and thread count, one cell per engine, and
 * the ratios of each engine to a reference engine, as a Markdown table.
 *
 * @param description what was measured and where, printed above the table
 * @param engines the engine columns, in order
 * @param reference the engine the ratios divide by, if any; one of {@code engines}
 * @param rows the rows, in order
 */
public record BenchReport(String description, List<String> engines, Optional<String> reference, List<Row> rows) {

    /**
     * Validates and copies the parts.
     *
     * @throws IllegalArgumentException if the reference is not an engine or a row misses an engine
     */
    public BenchReport {
        Objects.requireNonNull(description, "description");
        engines = List.copyOf(engines);
        rows = List.copyOf(rows);
        if (reference.isPresent() && !engines.contains(reference.get())) {
            throw new IllegalArgumentException("reference " + reference.get() + " is not one of " + engines);
        }
        for (Row row : rows) {
            if (!row.cells().keySet().containsAll(engines)) {
                throw new IllegalArgumentException("row " + row.model() + " has cells for " + row.cells().keySet()
                        + ", the report has engines " + engines);
            }
        }
    }

    /** The result of one configuration. */
    public sealed interface Cell {
    }

    /**
     * A configuration that ran.
     *
     * @param latencies its timings
     */
    public record Measured(Latencies latencies) implements Cell {
    }

    /**
     * A configuration that could not run.
     *
     * @param reason why, e.g. the operator the backend lacks
     */
    public record Unsupported(String reason) implements Cell {
    }

    /**
     * The cells of one model at one thread count.
     *
     * @param model the model's title
     * @param threads the thread count
     * @param cells one cell per engine
     */
    public record Row(String model, int threads, Map<String, Cell> cells) {

        /**
         * Copies the cells, keeping their order.
         */
        public Row {
            Objects.requireNonNull(model, "model");
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        /**
         * The latencies of an engine, if it ran.
         *
         * @param engine the engine
         * @return its latencies, or empty when unsupported
         */
        public Optional<Latencies> latencies(String engine) {
            return cells.get(engine) instanceof Measured measured ? Optional.of(measured.latencies()) : Optional.empty();
        }
    }

    /**
     * The engines whose ratio to the reference the table shows.
     *
     * @return every engine but the reference; empty without a reference
     */
    public List<String> comparedEngines() {
        return reference.map(ref -> engines.stream().filter(engine -> !engine.equals(ref)).toList()).orElse(List.of());
    }

    /**
     * An engine's latency relative to the reference in a row.
     *
     * @param row the row
     * @param engine the engine
     * @return the paired ratio (see {@link Latencies#ratioTo}), empty if either did not run
     */
    public Optional<Double> ratio(Row row, String engine) {
        return reference.flatMap(ref -> row.latencies(ref).flatMap(r -> row.latencies(engine).map(l -> l.ratioTo(r))));
    }

    /**
     * The report as Markdown: the description, the table (cells: median / p90 latency of one
     * inference in milliseconds), and numbered reasons for the unsupported cells.
     *
     * @return Markdown text ending with a line break
     */
    public String markdown() {
        StringBuilder text = new StringBuilder(description).append("\n\n| model | threads |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (String engine : engines) {
            text.append(' ').append(engine).append(" |");
            rule.append("---:|");
        }
        for (String engine : comparedEngines()) {
            text.append(' ').append(engine).append(" / ").append(reference.orElseThrow()).append(" |");
            rule.append("---:|");
        }
        text.append('\n').append(rule).append('\n');
        List<String> reasons = new ArrayList<>();
        for (Row row : rows) {
            text.append("| ").append(row.model()).append(" | ").append(row.threads()).append(" |");
            for (String engine : engines) {
                text.append(' ').append(switch (row.cells().get(engine)) {
                    case Measured m -> String.format(Locale.ROOT, "%.2f / %.2f ms", m.latencies().medianMillis(),
                            m.latencies().p90Millis());
                    case Unsupported u -> "unsupported [" + footnote(reasons, engine + ": " + u.reason()) + "]";
                }).append(" |");
            }
            for (String engine : comparedEngines()) {
                text.append(' ').append(ratio(row, engine).map(r -> String.format(Locale.ROOT, "%.3f", r)).orElse("—"))
                        .append(" |");
            }
            text.append('\n');
        }
        if (!reasons.isEmpty()) {
            text.append('\n');
            for (int i = 0; i < reasons.size(); i++) {
                text.append('[').append(i + 1).append("] ").append(reasons.get(i)).append("  \n");
            }
        }
        return text.toString();
    }

    /** The 1-based number of a reason, adding it when new. */
    private static int footnote(List<String> reasons, String reason) {
        String line = reason.replace('\n', ' ').replace("|", "\\|");
        int index = reasons.indexOf(line);
        if (index < 0) {
            reasons.add(line);
            index = reasons.size() - 1;
        }
        return index + 1;
    }
}
