package dev.webnn;

import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.MLBackend;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Entry point of WebNN for Java (the spec's {@code navigator.ml}).
 *
 * <p>Backends are discovered with {@link ServiceLoader} from the class and module path.
 */
public final class ML {

    private ML() {
    }

    /**
     * Creates a context on the default backend with default options.
     *
     * @return the context, to be closed by the caller
     * @throws MLNotSupportedError if no backend is available
     */
    public static MLContext createContext() {
        return createContext(MLContextOptions.defaults());
    }

    /**
     * Creates a context (spec: {@code createContext(options)}). The backend is
     * {@code options.backend()} when set, else the one named by the {@code webnn.backend}
     * system property, else the available backend with the highest priority.
     *
     * @param options the context options
     * @return the context, to be closed by the caller
     * @throws MLNotSupportedError if the requested backend is unknown or unavailable (with the
     *     reason), or no backend is available
     */
    public static MLContext createContext(MLContextOptions options) {
        Objects.requireNonNull(options, "options");
        List<MLBackend> backends = backends();
        String requested = options.backend().orElse(System.getProperty("webnn.backend"));
        MLBackend chosen;
        if (requested != null && !requested.isBlank()) {
            chosen = backends.stream().filter(b -> b.name().equals(requested)).findFirst()
                    .orElseThrow(() -> new MLNotSupportedError("no backend named '" + requested + "' (found: "
                            + backends.stream().map(MLBackend::name).collect(Collectors.joining(", ")) + ")"));
            BackendAvailability availability = chosen.availability();
            if (!availability.available()) {
                throw new MLNotSupportedError("backend " + requested + " is unavailable: " + availability.reason());
            }
        } else {
            chosen = backends.stream().filter(b -> b.availability().available()).findFirst()
                    .orElseThrow(() -> new MLNotSupportedError(backends.isEmpty()
                            ? "no WebNN backend on the class or module path"
                            : "no WebNN backend is available: " + backends.stream()
                                    .map(b -> b.name() + " (" + b.availability().reason() + ")")
                                    .collect(Collectors.joining("; "))));
        }
        return new MLContext(chosen, chosen.openContext(options), options);
    }

    /**
     * Every backend on the class or module path, available or not, highest priority first.
     * Call {@link MLBackend#availability()} to learn whether one can be used and why not.
     *
     * @return the discovered backends
     */
    public static List<MLBackend> backends() {
        return ServiceLoader.load(MLBackend.class, ML.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(MLBackend::priority).reversed().thenComparing(MLBackend::name))
                .toList();
    }
}
