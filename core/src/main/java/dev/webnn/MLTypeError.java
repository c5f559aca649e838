package dev.webnn;

/**
 * An argument is invalid: wrong data type, rank, shape, option value or name.
 *
 * <p>Java form of the WebNN spec's {@code TypeError}.
 */
public class MLTypeError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the operation, operand and offending value
     */
    public MLTypeError(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, such as a native error
     */
    public MLTypeError(String message, Throwable cause) {
        super(message, cause);
    }
}
