package dev.webnn;

/**
 * An object is used in a state that does not allow the call, for example after it was closed or built.
 *
 * <p>Java form of the WebNN spec's {@code InvalidStateError}.
 */
public class MLInvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the operation, operand and offending value
     */
    public MLInvalidStateError(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, such as a native error
     */
    public MLInvalidStateError(String message, Throwable cause) {
        super(message, cause);
    }
}
