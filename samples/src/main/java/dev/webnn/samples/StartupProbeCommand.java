package dev.webnn.samples;

import dev.webnn.samples.bench.Engines;
import dev.webnn.samples.bench.StartupProbe;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples startup-probe} (hidden): the child JVM of {@code bench --startup}.
 * Opens one ONNX file on one engine as the first thing it does and prints one
 * {@link StartupProbe.Sample} line, or the reason and exit code
 * {@value StartupProbe#UNSUPPORTED_EXIT} when the engine cannot run the model.
 */
@Command(name = StartupProbe.COMMAND, hidden = true,
        description = "Open an ONNX file on one engine in this fresh JVM and print the start-up time and peak memory.")
final class StartupProbeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OnnxModelOptions model;

    @Option(names = "--engine", required = true, paramLabel = "NAME",
            description = "A backend list joined by +, " + Engines.DEFAULT + ", or '" + Engines.ORT_JAVA + "'.")
    private String engine;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Intra-op threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(StartupProbe.measure(model.file(), model.importOptions(), engine, threads).line());
            return 0;
        } catch (UnsupportedOperationException e) {
            out.println(e.getMessage());
            return StartupProbe.UNSUPPORTED_EXIT;
        } finally {
            out.flush();
        }
    }
}
