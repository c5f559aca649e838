package dev.webnn.samples;

import dev.webnn.ML;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.MLBackend;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code webnn-samples backends}: lists the backends found, their native versions or why not. */
@Command(name = "backends", description = "List the backends on the module path and their native libraries.")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<MLBackend> backends = ML.backends();
        if (backends.isEmpty()) {
            out.println("no WebNN backend on the module path");
            return 1;
        }
        out.printf("%-12s %-9s %s%n", "backend", "priority", "native library");
        for (MLBackend backend : backends) {
            BackendAvailability availability = backend.availability();
            String state = availability.available() ? availability.nativeVersion() : "unavailable: " + availability.reason();
            out.printf("%-12s %-9d %s%n", backend.name(), backend.priority(), state);
        }
        return backends.stream().anyMatch(b -> b.availability().available()) ? 0 : 1;
    }
}
