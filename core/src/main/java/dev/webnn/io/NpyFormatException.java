package dev.webnn.io;

/** A file is not a {@code .npy} array this library can read; the message says why. */
public final class NpyFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the file and what is wrong with it
     */
    public NpyFormatException(String message) {
        super(message);
    }
}
