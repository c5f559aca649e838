package dev.webnn.samples;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.samples.bench.BarChart;
import dev.webnn.samples.bench.BenchModel;
import dev.webnn.samples.bench.BenchReport;
import dev.webnn.samples.bench.ClassifierBenchModel;
import dev.webnn.samples.bench.Engines;
import dev.webnn.samples.bench.Harness;
import dev.webnn.samples.bench.InputPattern;
import dev.webnn.samples.bench.OnnxBenchModel;
import dev.webnn.samples.bench.Runner;
import dev.webnn.samples.bench.StartupProbe;
import dev.webnn.samples.bench.StartupReport;
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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples bench}: inference latency of models on every engine and thread count,
 * as a Markdown table (median / p90, ratios to ONNX Runtime's own Java API) and optionally a
 * PNG bar chart. The models are the sample image classifiers (built operation by operation; ORT
 * Java runs the model our onnxruntime backend exports) and any {@code --onnx} files (imported;
 * ORT Java runs the original file). Configurations are timed interleaved in rounds (see
 * {@link Harness}); a configuration an engine cannot run is reported as unsupported with the
 * reason. Progress goes to stderr.
 */
@Command(name = "bench", description = {
    "Time models on each engine and thread count next to ONNX Runtime's own Java API, and print a Markdown table",
    "of median / p90 latencies and ratios (and a chart). Models: the sample classifiers (--model) and ONNX files",
    "(--onnx FILE [--dim NAME=V]..., repeatable; ORT Java runs the original file, WebNN engines import it)."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", split = ",",
            description = "Sample classifiers to time, of ${COMPLETION-CANDIDATES} (default: squeezenet,mobilenetv2 when"
                    + " no --onnx is given, else none).")
    private List<ImageClassifier> models;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    private List<OnnxFile> onnxFiles = new ArrayList<>();

    @Option(names = "--backends", paramLabel = "NAME", split = ",", defaultValue = "xnnpack,onnxruntime,default",
            description = "WebNN engines to time: backend names, several joined by + for a mixed context (e.g."
                    + " xnnpack+onnxruntime), or default for the context created with no backend chosen (default: ${DEFAULT-VALUE}).")
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
            description = "Also time ONNX Runtime's own Java API, the reference of the ratios (default: on).")
    private boolean ortJava;

    @Option(names = "--startup", paramLabel = "N", defaultValue = "0",
            description = "Also measure start-up for each --onnx file on each engine in N fresh JVMs each, interleaved: time"
                    + " to ready (import + compile, or ORT Java's session creation) and peak RSS (default: ${DEFAULT-VALUE}).")
    private int startup;

    @Option(names = "--chart", paramLabel = "FILE", description = "Write a PNG bar chart of the results to this file.")
    private Path chart;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder of the WebNN test-data models (default: $" + ModelOptions.MODELS_ENV + ", else ../shared/models).")
    private Path modelsFolder;

    /** An {@code --onnx} file with the {@code --dim} values that follow it. */
    static final class OnnxFile {

        @Option(names = "--onnx", required = true, paramLabel = "MODEL.onnx",
                description = "An ONNX file to time (repeatable; each may be followed by its own --dim options).")
        private Path file;

        // no initial map: picocli would share one initial value among the repeated groups
        @Option(names = "--dim", paramLabel = "NAME=V",
                description = "Fixes a symbolic input dimension of the preceding --onnx file, e.g. --dim batch_size=1.")
        private Map<String, Long> dimensions;

        /** The {@code --dim} values of this file. */
        private Map<String, Long> dimensions() {
            return dimensions == null ? Map.of() : dimensions;
        }

        /** Measures start-up on an engine in a fresh JVM. */
        StartupProbe.Sample probe(String engine, int threads) {
            return StartupProbe.inFreshJvm(Main.class, file, dimensions(), engine, threads);
        }

        /** Reads the file, its inputs shaped by the {@code --dim} values. */
        BenchModel open() {
            if (!Files.isRegularFile(file)) {
                throw SampleException.badInput("--onnx " + file + ": no such file");
            }
            try {
                OnnxImportOptions options = OnnxImportOptions.defaults();
                for (Map.Entry<String, Long> dimension : dimensions().entrySet()) {
                    options = options.withDimension(dimension.getKey(), dimension.getValue());
                }
                return new OnnxBenchModel(file, options);
            } catch (MLTypeError e) {
                throw SampleException.badInput(file + ": " + e.getMessage() + " (fix symbolic dimensions with --dim NAME=V"
                        + " after the --onnx file)", e);
            } catch (MLNotSupportedError | IllegalArgumentException e) {
                throw SampleException.badInput(file + ": " + e.getMessage(), e);
            }
        }
    }

    /** One cell of the table: a model, a thread count and an engine. */
    private record Configuration(BenchModel model, int threads, String engine) {
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
        if (startup < 0) {
            throw SampleException.badInput("--startup must be at least 0, got " + startup);
        }
        List<String> engines = new ArrayList<>(backends.stream().map(String::strip).distinct().toList());
        if (ortJava) {
            engines.add(Engines.ORT_JAVA);
        }
        List<BenchModel> chosen = new ArrayList<>();
        Map<Configuration, Runner> runners = new LinkedHashMap<>();
        Map<Configuration, String> unsupported = new LinkedHashMap<>();
        try {
            openModels(chosen);
            for (BenchModel model : chosen) {
                for (int count : threads.stream().distinct().toList()) {
                    for (String engine : engines) {
                        Configuration configuration = new Configuration(model, count, engine);
                        progress(err, "compiling " + model.title() + " on " + engine + ", " + count
                                + (count == 1 ? " thread" : " threads"));
                        try {
                            runners.put(configuration, model.open(engine, count));
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
            checkOutputs(runners, err);
            Map<Configuration, BenchReport.Cell> cells = new LinkedHashMap<>();
            int index = 0;
            for (Configuration configuration : runners.keySet()) {
                Harness.Measurement measurement = measurements.get(index++);
                cells.put(configuration, new BenchReport.Measured(measurement.latencies()));
                progress(err, String.format(Locale.ROOT, "heap: %s on %s, %d thread(s): %.1f bytes allocated per run",
                        configuration.model().title(), configuration.engine(), configuration.threads(),
                        measurement.allocatedBytesPerRun()));
            }
            unsupported.forEach((configuration, reason) -> cells.put(configuration, new BenchReport.Unsupported(reason)));
            BenchReport report = report(chosen, engines, cells, settings);
            out.print(report.markdown());
            out.flush();
            if (chart != null) {
                BarChart.write(report, "WebNN for Java: inference latency", chart);
                progress(err, "chart written to " + chart);
            }
        } finally {
            runners.values().forEach(Runner::close);
            chosen.forEach(BenchModel::close);
        }
        if (startup > 0 && !onnxFiles.isEmpty()) {
            out.println();
            out.print(startupReport(engines, err).markdown());
            out.flush();
        }
        return 0;
    }

    /** Start-up of every ONNX file on every engine, {@code --startup} fresh JVMs each, engines interleaved. */
    private StartupReport startupReport(List<String> engines, PrintWriter err) {
        int count = threads.get(0);
        List<StartupReport.Row> rows = new ArrayList<>();
        for (OnnxFile file : onnxFiles) {
            String title = file.file.getFileName().toString();
            Map<String, List<StartupProbe.Sample>> samples = new LinkedHashMap<>();
            Map<String, String> unsupported = new LinkedHashMap<>();
            engines.forEach(engine -> samples.put(engine, new ArrayList<>()));
            for (int round = 1; round <= startup; round++) {
                for (String engine : engines) {
                    if (unsupported.containsKey(engine)) {
                        continue;
                    }
                    try {
                        StartupProbe.Sample sample = file.probe(engine, count);
                        samples.get(engine).add(sample);
                        progress(err, String.format(Locale.ROOT, "start-up %d/%d: %s on %s: ready in %.0f ms, peak RSS %d MiB",
                                round, startup, title, engine, sample.openMillis(), sample.peakKiB() / 1024));
                    } catch (UnsupportedOperationException e) {
                        unsupported.put(engine, e.getMessage());
                        progress(err, "start-up: " + title + " on " + engine + ": unsupported: " + e.getMessage());
                    }
                }
            }
            engines.forEach(engine -> rows.add(new StartupReport.Row(title, engine, samples.get(engine),
                    unsupported.getOrDefault(engine, ""))));
        }
        String description = String.format(Locale.ROOT, "Start-up, medians of %d fresh JVMs per cell (engines interleaved), %d"
                + " thread%s: ready in = context + read + import + compile for WebNN engines, session creation for %s; peak"
                + " RSS = the process's VmHWM once ready; RSS before = the JVM's own before opening anything. %s, %s.",
                startup, count, count == 1 ? "" : "s", Engines.ORT_JAVA, machine(), LocalDate.now());
        return new StartupReport(description, rows);
    }

    /** Adds the chosen classifiers and ONNX files to {@code chosen}, checking their files first. */
    private void openModels(List<BenchModel> chosen) {
        List<ImageClassifier> classifiers = models != null ? models.stream().distinct().toList()
                : onnxFiles.isEmpty() ? List.of(ImageClassifier.SQUEEZENET, ImageClassifier.MOBILENETV2) : List.of();
        Path folder = classifiers.isEmpty() ? null : ModelOptions.modelsFolder(modelsFolder);
        for (ImageClassifier model : classifiers) {
            Path weights = ModelOptions.require(model.weights(folder), model.title() + " weights folder");
            String title = model.title() + (model.hasSyntheticClassifier(weights) ? ", synthetic classifier" : "");
            chosen.add(new ClassifierBenchModel(model, weights, title));
        }
        for (OnnxFile file : onnxFiles) {
            chosen.add(file.open());
        }
    }

    /** Compares each configuration's checked output with ORT Java's (or the first engine's) on the same model. */
    private static void checkOutputs(Map<Configuration, Runner> runners, PrintWriter err) {
        Map<BenchModel, float[]> references = new LinkedHashMap<>();
        List<Map.Entry<Configuration, Runner>> ordered = runners.entrySet().stream()
                .sorted(Comparator.comparing(e -> !e.getKey().engine().equals(Engines.ORT_JAVA))).toList();
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
                        configuration.model().title(), configuration.engine(), configuration.threads(), difference));
            }
        }
    }

    private BenchReport report(List<BenchModel> chosen, List<String> engines, Map<Configuration, BenchReport.Cell> cells,
                               Harness.Settings settings) {
        List<BenchReport.Row> rows = new ArrayList<>();
        for (BenchModel model : chosen) {
            for (int count : threads.stream().distinct().toList()) {
                Map<String, BenchReport.Cell> row = new LinkedHashMap<>();
                for (String engine : engines) {
                    row.put(engine, cells.get(new Configuration(model, count, engine)));
                }
                rows.add(new BenchReport.Row(model.title(), count, row));
            }
        }
        List<String> inputs = new ArrayList<>();
        if (chosen.stream().anyMatch(ClassifierBenchModel.class::isInstance)) {
            inputs.add("classifiers: batch 1, float32, NCHW [1,3,224,224]; " + Engines.ORT_JAVA
                    + " runs the model our onnxruntime backend exports");
        }
        if (!onnxFiles.isEmpty()) {
            inputs.add("ONNX files: input shapes as in the row title, " + InputPattern.DESCRIPTION + "; " + Engines.ORT_JAVA
                    + " runs the original file, WebNN engines import it");
        }
        String description = String.format(Locale.ROOT, "Inputs: %s. Median / p90 of %d runs per cell "
                + "(%d interleaved rounds × %d runs after %d warm-up runs)%s; %s is the context created with no backend"
                + " chosen. %s, %s.", String.join("; ", inputs), settings.timedRuns(), settings.rounds(), settings.runs(),
                settings.warmup(), engines.contains(Engines.ORT_JAVA)
                        ? "; ratios: ours / " + Engines.ORT_JAVA + ", median of the per-round ratios of medians" : "",
                Engines.DEFAULT, machine(), LocalDate.now());
        return new BenchReport(description, engines, engines.contains(Engines.ORT_JAVA) ? Optional.of(Engines.ORT_JAVA)
                : Optional.empty(), rows);
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

    private static void progress(PrintWriter err, String line) {
        err.println("bench: " + line);
        err.flush();
    }
}
