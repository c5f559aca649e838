package dev.webnn.spi;

import java.util.Objects;

/**
 * Whether a backend can be used in this process, and if not, why.
 *
 * @param available true when the backend's native library loaded and initialised
 * @param nativeVersion version of the native library in use, or {@code null} when unavailable
 * @param reason why the backend is unavailable (what to install or set), or {@code null}
 */
public record BackendAvailability(boolean available, String nativeVersion, String reason) {

    /**
     * Validates the combination of fields.
     *
     * @throws IllegalArgumentException if an available backend has no version or an
     *     unavailable one no reason
     */
    public BackendAvailability {
        if (available) {
            Objects.requireNonNull(nativeVersion, "nativeVersion");
        } else {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The backend is ready.
     *
     * @param nativeVersion version of the loaded native library
     * @return an available result
     */
    public static BackendAvailability available(String nativeVersion) {
        return new BackendAvailability(true, nativeVersion, null);
    }

    /**
     * The backend cannot be used.
     *
     * @param reason what failed and what the user can do about it
     * @return an unavailable result
     */
    public static BackendAvailability unavailable(String reason) {
        return new BackendAvailability(false, null, reason);
    }
}
