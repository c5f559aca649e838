package dev.webnn.conformance;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.spi.MLBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the resource and reliability suites share: the backends available here, a context on
 * one of them, and the process's resident set size.
 */
public final class AvailableBackends {

    private AvailableBackends() {
    }

    /**
     * The backends that are available on this machine.
     *
     * @return their names
     */
    public static Stream<String> names() {
        return ML.backends().stream().filter(b -> b.availability().available()).map(MLBackend::name);
    }

    /**
     * A new context on one backend, with one thread.
     *
     * @param backend the backend's name
     * @return an open context; close it after use
     */
    public static MLContext open(String backend) {
        return ML.createContext(MLContextOptions.defaults().withBackend(backend).withNumThreads(1));
    }

    /**
     * Resident set size of this process after a full GC.
     *
     * @return the VmRSS of {@code /proc/self/status}, in KiB
     */
    public static long rssKb() {
        System.gc();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
