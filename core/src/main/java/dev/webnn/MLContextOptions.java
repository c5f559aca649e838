package dev.webnn;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link ML#createContext(MLContextOptions)} (spec: {@code MLContextOptions},
 * plus Java-specific backend choice and thread count). Immutable; start from
 * {@link #defaults()} and use the withers.
 *
 * <p>Backend choice: {@link #backend()} when set, else the {@code webnn.backend} system
 * property, else the available backend with the highest priority.
 */
public final class MLContextOptions {

    private static final MLContextOptions DEFAULTS = new MLContextOptions(MLPowerPreference.DEFAULT, true, null, 0);

    private final MLPowerPreference powerPreference;
    private final boolean accelerated;
    private final String backend;
    private final int numThreads;

    private MLContextOptions(MLPowerPreference powerPreference, boolean accelerated, String backend, int numThreads) {
        this.powerPreference = powerPreference;
        this.accelerated = accelerated;
        this.backend = backend;
        this.numThreads = numThreads;
    }

    /**
     * The spec's defaults: power preference {@code default}, {@code accelerated} true, any
     * backend, one thread per available processor.
     *
     * @return the default options
     */
    public static MLContextOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The power preference.
     *
     * @return the preference
     */
    public MLPowerPreference powerPreference() {
        return powerPreference;
    }

    /**
     * Whether massively parallel accelerators are preferred (informational: the backends
     * of this library run on the CPU).
     *
     * @return the preference
     */
    public boolean accelerated() {
        return accelerated;
    }

    /**
     * The backend asked for by name.
     *
     * @return the name, if one was set
     */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /**
     * Threads a backend may use for one graph execution.
     *
     * @return the count, at least 1 ({@link Runtime#availableProcessors()} by default)
     */
    public int numThreads() {
        return numThreads > 0 ? numThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Sets the power preference.
     *
     * @param preference the preference
     * @return new options
     */
    public MLContextOptions withPowerPreference(MLPowerPreference preference) {
        return new MLContextOptions(Objects.requireNonNull(preference, "preference"), accelerated, backend, numThreads);
    }

    /**
     * Sets the acceleration preference.
     *
     * @param value the preference
     * @return new options
     */
    public MLContextOptions withAccelerated(boolean value) {
        return new MLContextOptions(powerPreference, value, backend, numThreads);
    }

    /**
     * Asks for a backend by name, e.g. {@code "xnnpack"} or {@code "onnxruntime"}.
     *
     * @param name the backend's name
     * @return new options
     */
    public MLContextOptions withBackend(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new MLTypeError("backend name is empty");
        }
        return new MLContextOptions(powerPreference, accelerated, name, numThreads);
    }

    /**
     * Sets the number of threads.
     *
     * @param threads at least 1
     * @return new options
     * @throws MLTypeError if {@code threads} is below 1
     */
    public MLContextOptions withNumThreads(int threads) {
        if (threads < 1) {
            throw new MLTypeError("numThreads must be at least 1, got " + threads);
        }
        return new MLContextOptions(powerPreference, accelerated, backend, threads);
    }

    @Override
    public String toString() {
        return "MLContextOptions[powerPreference=" + powerPreference + ", accelerated=" + accelerated
                + ", backend=" + backend + ", numThreads=" + numThreads() + "]";
    }
}
