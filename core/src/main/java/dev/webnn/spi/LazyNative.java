package dev.webnn.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A native library (or a handle derived from it) loaded on first use, once per process.
 * A failure to load is remembered and reported again by every later {@link #get()}, so
 * a backend can say why it is unavailable without retrying a broken load.
 *
 * @param <T> the loaded object
 */
public final class LazyNative<T> {

    private final String description;
    private final Supplier<? extends T> loader;
    private T value;
    private IllegalStateException failure;

    /**
     * Prepares a lazy load.
     *
     * @param description what is loaded, for messages, such as {@code "ONNX Runtime"}
     * @param loader the load; it may throw a runtime exception or a {@link LinkageError}
     */
    public LazyNative(String description, Supplier<? extends T> loader) {
        this.description = Objects.requireNonNull(description, "description");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * The loaded object, loading it on the first call.
     *
     * @return the loaded object
     * @throws IllegalStateException if loading failed, now or on an earlier call, with the
     *     reason in the message and the original failure as the cause
     */
    public synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = Objects.requireNonNull(loader.get(), "loader result");
            } catch (RuntimeException | LinkageError e) {
                failure = new IllegalStateException(description + " is not available: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure.getCause());
        }
        return value;
    }
}
