package dev.webnn;

/**
 * Base type of the WebNN failures that are neither argument, state nor support errors:
 * {@link MLOperationError} and {@link MLUnknownError}.
 *
 * <p>Groups the Java forms of the WebNN spec's {@code OperationError} and {@code UnknownError}.
 */
public class MLException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the operation, operand and offending value
     */
    public MLException(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, such as a native error
     */
    public MLException(String message, Throwable cause) {
        super(message, cause);
    }
}
