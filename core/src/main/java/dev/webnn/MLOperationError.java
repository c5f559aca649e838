package dev.webnn;

/**
 * A graph could not be built, compiled or executed by the backend.
 *
 * <p>Java form of the WebNN spec's {@code OperationError}.
 */
public class MLOperationError extends MLException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the operation, operand and offending value
     */
    public MLOperationError(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, such as a native error
     */
    public MLOperationError(String message, Throwable cause) {
        super(message, cause);
    }
}
