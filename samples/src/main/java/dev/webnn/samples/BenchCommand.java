package dev.webnn.samples;

import dev.webnn.samples.bench.BarChart;
import dev.webnn.samples.bench.BenchInput;
import dev.webnn.samples.bench.BenchReport;
import dev.webnn.samples.bench.Harness;
import dev.webnn.samples.bench.OrtJavaRunner;
import dev.webnn.samples.bench.Runner;
import dev.webnn.samples.bench.WebnnRunner;
import dev.webnn.samples.models.ImageClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples bench}: inference latency of the sample models on every backend and
 * thread count, next to ONNX Runtime's own Java API running the same ONNX model, as a
 * Markdown table (median / p90, ratios to ORT Java) and optionally a PNG bar chart.
 * Configurations are timed interleaved in rounds (see {@link Harness}); a configuration a
 * backend cannot run is reported as unsupported with the reason. Progress goes to stderr.
 */
@Command(name = "bench", description = {
    "Time the sample models (batch 1, float32, NCHW) on each backend and thread count, and ONNX Runtime's",
    "Java API on the same model; print a Markdown table of median / p90 latencies and ratios, and a chart."})
final class BenchCommand implements Callable<Integer> {

    /** Column name of ONNX Runtime's Java API. */
    static final String ORT_JAVA = "ORT Java";

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", split = ",", defaultValue = "squeezenet,mobilenetv2",
            description = "Models to time, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private List<ImageClassifier> models;

    @Option(names = "--backends", paramLabel = "NAME", split = ",", defaultValue = "xnnpack,onnxruntime",
            description = "WebNN backends to time; join names with + for a mixed context, e.g. xnnpack+onnxruntime"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<String> backends;

    @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1,2", description = "Thread counts (default: ${DEFAULT-VALUE}).")
    private List<Integer> threads;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", description = "Untimed runs per configuration first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "30", description = "Timed runs per configuration per round (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20", description = "Rounds over all configurations (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--ort-java", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also time ONNX Runtime's Java API on the model the onnxruntime backend exports (default: on).")
    private boolean ortJava;

    @Option(names = "--chart", paramLabel = "FILE", description = "Write a PNG bar chart of the results to this file.")
    private Path chart;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of the WebNN test-data models (default: $" + ModelOptions.MODELS_ENV + ", else ../shared/models).")
    private Path modelsFolder;

    /** One cell of the table: a model, a thread count and an engine, and what runs it. */
    private record Configuration(ImageClassifier model, int threads, String engine) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Harness.Settings settings;
        try {
            settings = new Harness.Settings(warmup, runs, rounds);
        } catch (IllegalArgumentException e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
        if (threads.stream().anyMatch(t -> t < 1)) {
            throw SampleException.badInput("--threads must be at least 1, got " + threads);
        }
        List<ImageClassifier> chosen = models.stream().distinct().toList();
        Path folder = ModelOptions.modelsFolder(modelsFolder);
        for (ImageClassifier model : chosen) {
            ModelOptions.require(model.weights(folder), model.title() + " weights folder");
        }
        List<String> engines = new ArrayList<>(backends.stream().map(String::strip).distinct().toList());
        if (ortJava) {
            engines.add(ORT_JAVA);
        }
        Map<Configuration, Runner> runners = new LinkedHashMap<>();
        Map<Configuration, String> unsupported = new LinkedHashMap<>();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("webnn-bench");
            for (ImageClassifier model : chosen) {
                float[] image = BenchInput.image(model.inputDescriptor());
                Path weights = model.weights(folder);
                Optional<String> exportFailure = Optional.empty();
                Path onnx = scratch.resolve(model + ".onnx");
                if (ortJava) {
                    progress(err, "exporting " + title(model, folder) + " from the onnxruntime backend");
                    exportFailure = export(model, weights, onnx);
                }
                for (int count : threads.stream().distinct().toList()) {
                    for (String engine : engines) {
                        Configuration configuration = new Configuration(model, count, engine);
                        progress(err, "compiling " + title(model, folder) + " on " + engine + ", " + count
                                + (count == 1 ? " thread" : " threads"));
                        if (engine.equals(ORT_JAVA) && exportFailure.isPresent()) {
                            unsupported.put(configuration, exportFailure.get());
                            continue;
                        }
                        try {
                            runners.put(configuration, engine.equals(ORT_JAVA) ? OrtJavaRunner.open(onnx, count, model, image)
                                    : WebnnRunner.open(engine, count, model, weights, image));
                        } catch (UnsupportedOperationException | IllegalStateException e) {
                            unsupported.put(configuration, e.getMessage());
                            progress(err, "  unsupported: " + e.getMessage());
                        }
                    }
                }
            }
            progress(err, "timing " + runners.size() + " configurations: " + settings.warmup() + " warm-up runs each, then "
                    + settings.rounds() + " rounds of " + settings.runs() + " runs each");
            List<Harness.Measurement> measurements = Harness.measure(List.copyOf(runners.values()), settings,
                    line -> progress(err, line));
            checkOutputs(runners, err, folder);
            Map<Configuration, BenchReport.Cell> cells = new LinkedHashMap<>();
            int index = 0;
            for (Configuration configuration : runners.keySet()) {
                Harness.Measurement measurement = measurements.get(index++);
                cells.put(configuration, new BenchReport.Measured(measurement.latencies()));
                progress(err, String.format(Locale.ROOT, "heap: %s on %s, %d thread(s): %.1f bytes allocated per run",
                        title(configuration.model(), folder), configuration.engine(), configuration.threads(),
                        measurement.allocatedBytesPerRun()));
            }
            unsupported.forEach((configuration, reason) -> cells.put(configuration, new BenchReport.Unsupported(reason)));
            BenchReport report = report(chosen, engines, cells, settings, folder);
            out.print(report.markdown());
            out.flush();
            if (chart != null) {
                BarChart.write(report, "WebNN for Java: inference latency, batch 1, float32", chart);
                progress(err, "chart written to " + chart);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            runners.values().forEach(Runner::close);
            delete(scratch);
        }
    }

    /** Writes the ONNX model of the onnxruntime backend; the reason when it cannot. */
    private static Optional<String> export(ImageClassifier model, Path weights, Path onnx) {
        try {
            OrtJavaRunner.export(model, weights, onnx);
            return Optional.empty();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return Optional.of("the onnxruntime backend cannot build the model to export: " + e.getMessage());
        }
    }

    /** Compares each configuration's last output with the reference engine's (or the first one's). */
    private void checkOutputs(Map<Configuration, Runner> runners, PrintWriter err, Path folder) {
        Map<ImageClassifier, float[]> references = new LinkedHashMap<>();
        List<Map.Entry<Configuration, Runner>> ordered = runners.entrySet().stream()
                .sorted(Comparator.comparing(e -> !e.getKey().engine().equals(ORT_JAVA))).toList();
        for (Map.Entry<Configuration, Runner> entry : ordered) {
            Configuration configuration = entry.getKey();
            float[] output = entry.getValue().output();
            float[] reference = references.computeIfAbsent(configuration.model(), key -> output);
            if (reference != output) {
                double difference = 0;
                for (int i = 0; i < output.length; i++) {
                    difference = Math.max(difference, Math.abs(output[i] - reference[i]));
                }
                progress(err, String.format(Locale.ROOT, "check: %s on %s, %d thread(s): max |difference| %.3g",
                        title(configuration.model(), folder), configuration.engine(), configuration.threads(), difference));
            }
        }
    }

    private BenchReport report(List<ImageClassifier> chosen, List<String> engines, Map<Configuration, BenchReport.Cell> cells,
                               Harness.Settings settings, Path folder) {
        List<BenchReport.Row> rows = new ArrayList<>();
        for (ImageClassifier model : chosen) {
            for (int count : threads.stream().distinct().toList()) {
                Map<String, BenchReport.Cell> row = new LinkedHashMap<>();
                for (String engine : engines) {
                    row.put(engine, cells.get(new Configuration(model, count, engine)));
                }
                rows.add(new BenchReport.Row(title(model, folder), count, row));
            }
        }
        String description = String.format(Locale.ROOT, "Batch 1, float32, NCHW [1,3,224,224]; median / p90 of %d runs per cell "
                + "(%d interleaved rounds × %d runs after %d warm-up runs)%s. %s, %s.", settings.timedRuns(), settings.rounds(),
                settings.runs(), settings.warmup(), engines.contains(ORT_JAVA)
                        ? "; ratios: ours / " + ORT_JAVA + ", median of the per-round ratios of medians" : "",
                machine(), LocalDate.now());
        return new BenchReport(description, engines, engines.contains(ORT_JAVA) ? Optional.of(ORT_JAVA) : Optional.empty(), rows);
    }

    /** CPU, core count, OS and JVM, for the table's description. */
    private static String machine() {
        String cpu = System.getProperty("os.arch");
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            Map<String, String> fields = new LinkedHashMap<>();
            lines.takeWhile(line -> !line.isBlank()).filter(line -> line.contains(":")).forEach(line ->
                    fields.putIfAbsent(line.substring(0, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip()));
            if (fields.containsKey("model name")) {
                cpu = fields.get("model name") + (fields.containsKey("cpu family")
                        ? " (family " + fields.get("cpu family") + ", model " + fields.get("model") + ")" : "");
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux: the architecture will do
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("os.name") + ", Java "
                + Runtime.version();
    }

    /** The model's title, saying when its classifier is synthetic (the timing is real, the classes are not). */
    private static String title(ImageClassifier model, Path folder) {
        return model.title() + (model.hasSyntheticClassifier(model.weights(folder)) ? ", synthetic classifier" : "");
    }

    private static void progress(PrintWriter err, String line) {
        err.println("bench: " + line);
        err.flush();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
