package dev.webnn.samples.bench;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up cost of an ONNX file on one engine, measured in a fresh JVM so that nothing is
 * loaded or cached yet: the time to make the model ready to run (for a WebNN engine: open the
 * context, read the file, import and compile it; for {@link Engines#ORT_JAVA}: create the
 * session, which reads and optimises the file), and the process's peak resident memory
 * ({@code VmHWM}) after that, next to its resident memory before it (the JVM's own).
 * Linux only: the figures come from {@code /proc/self/status}.
 */
public final class StartupProbe {

    /** The hidden {@code webnn-samples} command that runs {@link #measure} in the child JVM. */
    public static final String COMMAND = "startup-probe";

    /** The exit code of a probe whose engine cannot run the model. */
    public static final int UNSUPPORTED_EXIT = 3;

    private static final Pattern LINE = Pattern.compile("startup-probe: open ([0-9.]+) ms, peak (\\d+) KiB, before (\\d+) KiB");

    private StartupProbe() {
    }

    /**
     * What one fresh JVM measured.
     *
     * @param openMillis time to make the model ready to run
     * @param peakKiB peak resident memory of the process after that
     * @param baselineKiB resident memory before opening anything
     */
    public record Sample(double openMillis, long peakKiB, long baselineKiB) {

        /**
         * The line the child prints.
         *
         * @return the sample as one line
         */
        public String line() {
            return String.format(Locale.ROOT, "startup-probe: open %.1f ms, peak %d KiB, before %d KiB", openMillis, peakKiB,
                    baselineKiB);
        }

        /**
         * Reads a line printed by {@link #line()}.
         *
         * @param line the line
         * @return the sample
         * @throws IllegalArgumentException if the line is not a probe line
         */
        public static Sample parse(String line) {
            Matcher matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a startup-probe line: " + line);
            }
            return new Sample(Double.parseDouble(matcher.group(1)), Long.parseLong(matcher.group(2)),
                    Long.parseLong(matcher.group(3)));
        }
    }

    /**
     * Opens the file on the engine in this JVM and measures it; meaningful only as the first
     * thing a fresh JVM does.
     *
     * @param file the ONNX file
     * @param options import options fixing its symbolic dimensions
     * @param engine a name {@link Engines} knows
     * @param threads intra-op threads
     * @return the sample
     * @throws UnsupportedOperationException if the engine cannot run the model, or this is not Linux
     * @throws IllegalStateException if ONNX Runtime's Java API rejects the model
     */
    public static Sample measure(Path file, OnnxImportOptions options, String engine, int threads) {
        long baseline = status("VmRSS");
        long start = System.nanoTime();
        if (engine.equals(Engines.ORT_JAVA)) {
            try (OrtSession session = OrtJavaRunner.session(file, threads)) {
                return sample(start, baseline, session);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime's Java API cannot open " + file + ": " + e.getMessage(), e);
            }
        }
        try (MLContext context = Engines.open(engine, threads); MLGraph graph = OnnxModel.read(file).compile(context, options)) {
            return sample(start, baseline, graph);
        }
    }

    /** The sample once {@code ready}, the open session or compiled graph, can run. */
    private static Sample sample(long start, long baseline, AutoCloseable ready) {
        double millis = (System.nanoTime() - start) / 1e6;
        Objects.requireNonNull(ready, "nothing was opened");
        return new Sample(millis, status("VmHWM"), baseline);
    }

    /**
     * Measures in a fresh JVM started like this one, running {@value #COMMAND}.
     *
     * @param main the {@code webnn-samples} main class, which knows {@value #COMMAND}
     * @param file the ONNX file
     * @param dimensions the {@code --dim} values
     * @param engine a name {@link Engines} knows
     * @param threads intra-op threads
     * @return the child's sample
     * @throws UnsupportedOperationException if the child reports that the engine cannot run the model
     * @throws IllegalStateException if the child fails otherwise
     */
    public static Sample inFreshJvm(Class<?> main, Path file, Map<String, Long> dimensions, String engine, int threads) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> !argument.startsWith("-agentlib:jdwp")).toList());
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && main.getModule().isNamed()) {
            command.addAll(List.of("--module-path", modulePath, "-m", main.getModule().getName() + "/" + main.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        }
        command.addAll(List.of(COMMAND, "--engine", engine, "--threads", Integer.toString(threads), file.toString()));
        dimensions.forEach((name, value) -> command.addAll(List.of("--dim", name + "=" + value)));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
            int exit = process.waitFor();
            for (String line : lines) {
                if (line.startsWith("startup-probe: ")) {
                    return Sample.parse(line);
                }
            }
            String output = String.join("\n", lines);
            if (exit == UNSUPPORTED_EXIT) {
                throw new UnsupportedOperationException(output.strip());
            }
            throw new IllegalStateException("the start-up probe JVM exited with " + exit + ":\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the start-up probe", e);
        }
    }

    /** A {@code /proc/self/status} field in KiB. */
    private static long status(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            throw new UnsupportedOperationException("start-up memory needs Linux's /proc/self/status");
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + field + " in " + status);
    }
}
