package dev.webnn.testing;

import dev.webnn.MLNotSupportedError;
import dev.webnn.spi.NativeStatusException;

/**
 * What the test suites count as "unsupported": only a backend's (or importer's) own
 * considered refusal.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Whether {@code e} is a declared refusal: an {@link MLNotSupportedError} that a native
     * library's status did not cause. Anything else a backend throws on a valid graph (other
     * {@link UnsupportedOperationException}s included) is a failure.
     *
     * @param e what building or running threw
     * @return true for a declared refusal
     */
    public static boolean isDeclared(Throwable e) {
        return e instanceof MLNotSupportedError && !(e.getCause() instanceof NativeStatusException);
    }
}
