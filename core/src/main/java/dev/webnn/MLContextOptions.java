package dev.webnn;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link ML#createContext(MLContextOptions)} (spec: {@code MLContextOptions},
 * plus Java-specific backend choice and thread count). Immutable; start from
 * {@link #defaults()} and use the withers.
 *
 * <p>Backend choice: {@link #backends()} when set, else the comma-separated list of the
 * {@code webnn.backend} system property, else every available backend in priority order
 * (xnnpack, then onnxruntime). A context of several backends runs each operation on the
 * first of them that can, splitting a graph into partitions where needed.
 */
public final class MLContextOptions {

    private static final MLContextOptions DEFAULTS = new MLContextOptions(MLPowerPreference.DEFAULT, true, List.of(), 0);

    private final MLPowerPreference powerPreference;
    private final boolean accelerated;
    private final List<String> backends;
    private final int numThreads;

    private MLContextOptions(MLPowerPreference powerPreference, boolean accelerated, List<String> backends,
                             int numThreads) {
        this.powerPreference = powerPreference;
        this.accelerated = accelerated;
        this.backends = backends;
        this.numThreads = numThreads;
    }

    /**
     * The spec's defaults: power preference {@code default}, {@code accelerated} true, any
     * backends, one thread per available processor.
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
     * The backends asked for by name, in order of preference.
     *
     * @return the names, empty if none was set
     */
    public List<String> backends() {
        return backends;
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
        return new MLContextOptions(Objects.requireNonNull(preference, "preference"), accelerated, backends, numThreads);
    }

    /**
     * Sets the acceleration preference.
     *
     * @param value the preference
     * @return new options
     */
    public MLContextOptions withAccelerated(boolean value) {
        return new MLContextOptions(powerPreference, value, backends, numThreads);
    }

    /**
     * Asks for one backend by name, e.g. {@code "xnnpack"} or {@code "onnxruntime"}: the same
     * as {@link #withBackends} with one name.
     *
     * @param name the backend's name
     * @return new options
     * @throws MLTypeError if the name is blank
     */
    public MLContextOptions withBackend(String name) {
        return withBackends(name);
    }

    /**
     * Asks for backends by name, in order of preference: each operation of a graph runs on
     * the first of them that can run it, e.g. {@code withBackends("xnnpack", "onnxruntime")}.
     *
     * @param names the backends' names, at least one, no repeats
     * @return new options
     * @throws MLTypeError if no name is given, a name is blank or repeats
     */
    public MLContextOptions withBackends(String... names) {
        List<String> list = List.of(names);
        if (list.isEmpty()) {
            throw new MLTypeError("withBackends needs at least one backend name");
        }
        for (String name : list) {
            if (name.isBlank()) {
                throw new MLTypeError("backend name is empty");
            }
        }
        if (new HashSet<>(list).size() != list.size()) {
            throw new MLTypeError("backend names repeat: " + list);
        }
        return new MLContextOptions(powerPreference, accelerated, list, numThreads);
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
        return new MLContextOptions(powerPreference, accelerated, backends, threads);
    }

    @Override
    public String toString() {
        return "MLContextOptions[powerPreference=" + powerPreference + ", accelerated=" + accelerated
                + ", backends=" + backends + ", numThreads=" + numThreads() + "]";
    }
}
