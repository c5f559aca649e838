package dev.webnn;

/**
 * The chosen backend cannot run the requested operation, data type or option.
 *
 * <p>Java form of the WebNN spec's {@code NotSupportedError}.
 */
public class MLNotSupportedError extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the operation, operand and offending value
     */
    public MLNotSupportedError(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, such as a native error
     */
    public MLNotSupportedError(String message, Throwable cause) {
        super(message, cause);
    }
}
