package dev.webnn.samples.bench;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;

/**
 * The engines the bench can time, by the names its table shows: {@value #ORT_JAVA} (ONNX
 * Runtime's own Java API), {@value #DEFAULT} (the WebNN context {@code ML.createContext} gives
 * when no backend is chosen), or WebNN backend names, several joined by {@code +} for a mixed
 * context (e.g. {@code xnnpack+onnxruntime}).
 */
public final class Engines {

    /** ONNX Runtime's own Java API: the independent reference. */
    public static final String ORT_JAVA = "ORT Java";
    /** The default WebNN context: every available backend in priority order. */
    public static final String DEFAULT = "default";

    private Engines() {
    }

    /**
     * Opens the WebNN context of an engine.
     *
     * @param engine {@value #DEFAULT} or backend names joined by {@code +}
     * @param threads {@code numThreads} of the context
     * @return the context; close it after use
     * @throws IllegalArgumentException for {@value #ORT_JAVA}, which is not a WebNN context
     * @throws dev.webnn.MLNotSupportedError if a named backend is unknown or unavailable
     */
    public static MLContext open(String engine, int threads) {
        if (engine.equals(ORT_JAVA)) {
            throw new IllegalArgumentException(ORT_JAVA + " is not a WebNN context");
        }
        MLContextOptions options = MLContextOptions.defaults().withNumThreads(threads);
        return ML.createContext(engine.equals(DEFAULT) ? options : options.withBackends(engine.split("\\+")));
    }
}
