package dev.webnn;

/**
 * The backend failed for a reason it could not classify.
 *
 * <p>Java form of the WebNN spec's {@code UnknownError}.
 */
public class MLUnknownError extends MLException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the operation, operand and offending value
     */
    public MLUnknownError(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, such as a native error
     */
    public MLUnknownError(String message, Throwable cause) {
        super(message, cause);
    }
}
