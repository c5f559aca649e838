package dev.webnn;

import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.MLBackend;
import java.util.ArrayList;
import java.util.Arrays;
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
     * Creates a context (spec: {@code createContext(options)}). The backends are
     * {@code options.backends()} when set, else those named, comma-separated, by the
     * {@code webnn.backend} system property, else every available backend in priority order
     * (xnnpack, then onnxruntime).
     *
     * @param options the context options
     * @return the context, to be closed by the caller
     * @throws MLNotSupportedError if a requested backend is unknown or unavailable (with the
     *     reason), or no backend is available
     */
    public static MLContext createContext(MLContextOptions options) {
        Objects.requireNonNull(options, "options");
        List<MLBackend> backends = backends();
        List<String> requested = options.backends();
        if (requested.isEmpty()) {
            String property = System.getProperty("webnn.backend");
            if (property != null && !property.isBlank()) {
                requested = Arrays.stream(property.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
            }
        }
        List<MLBackend> chosen = new ArrayList<>();
        if (!requested.isEmpty()) {
            for (String name : requested) {
                MLBackend backend = backends.stream().filter(b -> b.name().equals(name)).findFirst()
                        .orElseThrow(() -> new MLNotSupportedError("no backend named '" + name + "' (found: "
                                + backends.stream().map(MLBackend::name).collect(Collectors.joining(", ")) + ")"));
                BackendAvailability availability = backend.availability();
                if (!availability.available()) {
                    throw new MLNotSupportedError("backend " + name + " is unavailable: " + availability.reason());
                }
                chosen.add(backend);
            }
        } else {
            backends.stream().filter(b -> b.availability().available()).forEach(chosen::add);
            if (chosen.isEmpty()) {
                throw new MLNotSupportedError(backends.isEmpty()
                        ? "no WebNN backend on the class or module path"
                        : "no WebNN backend is available: " + backends.stream()
                                .map(b -> b.name() + " (" + b.availability().reason() + ")")
                                .collect(Collectors.joining("; ")));
            }
        }
        List<ContextBackend> opened = new ArrayList<>();
        try {
            for (MLBackend backend : chosen) {
                opened.add(new ContextBackend(backend, backend.openContext(options)));
            }
        } catch (RuntimeException e) {
            opened.forEach(ContextBackend::close);
            throw e;
        }
        return new MLContext(opened, options);
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
