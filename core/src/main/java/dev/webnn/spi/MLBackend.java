package dev.webnn.spi;

import dev.webnn.MLContextOptions;

/**
 * A WebNN backend: native kernels that run compiled graphs.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} ({@code provides
 * dev.webnn.spi.MLBackend with ...} in their {@code module-info.java}). They must have a
 * public no-argument constructor that does no native work; native libraries are loaded
 * lazily by {@link #availability()}.
 */
public interface MLBackend {

    /**
     * The backend's stable name, as used by {@code MLContextOptions.backend} and the
     * {@code webnn.backend} system property, for example {@code "xnnpack"}.
     *
     * @return the lower-case name
     */
    String name();

    /**
     * Rank among available backends when none is named explicitly; higher wins.
     *
     * @return the priority
     */
    int priority();

    /**
     * Loads and initialises the native library on first call and reports the outcome.
     * Never throws: a failure is returned as {@link BackendAvailability#unavailable}.
     *
     * @return whether the backend can be used, with its native version or the reason not
     */
    BackendAvailability availability();

    /**
     * Opens the backend's side of a new {@code MLContext}. Called only after
     * {@link #availability()} reported the backend available.
     *
     * @param options the context options ({@code numThreads} and so on)
     * @return the backend context, owned and closed by the {@code MLContext}
     * @throws dev.webnn.MLNotSupportedError if the options cannot be honoured
     */
    BackendContext openContext(MLContextOptions options);
}
