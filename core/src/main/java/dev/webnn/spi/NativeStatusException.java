package dev.webnn.spi;

/**
 * A failure status returned by a backend's native library, attached as the cause of the
 * {@link dev.webnn.MLNotSupportedError} or {@link dev.webnn.MLOperationError} the backend
 * throws for it.
 *
 * <p>It tells a refusal the native library reported (for example XNNPACK's
 * {@code xnn_status_unsupported_parameter} for parameters the backend passed on) apart from
 * one the backend decided and declares itself (its {@code opSupportLimits()}, or an
 * {@code MLNotSupportedError} without this cause): the conformance suite counts only the
 * latter as "unsupported", and the former as a failure of the backend's lowering.
 */
public final class NativeStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the marker.
     *
     * @param library the native library, e.g. {@code "XNNPACK"}
     * @param status the status's name, e.g. {@code "xnn_status_unsupported_parameter"}
     */
    public NativeStatusException(String library, String status) {
        super(library + " returned " + status);
    }
}
