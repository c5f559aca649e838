package dev.webnn.samples;

/**
 * A failure a sample reports as one line and an exit code, without a stack trace: bad
 * input (a missing or corrupt weights folder, image or option value) or a backend that
 * cannot run the model. {@link Main#commandLine()} turns it into
 * {@code webnn-samples <command>: <message>} on standard error.
 */
public final class SampleException extends RuntimeException {

    /** Exit code of bad input: missing or corrupt files, invalid option values. */
    public static final int BAD_INPUT = 2;
    /** Exit code of a backend that cannot run the model (missing operators). */
    public static final int CANNOT_RUN = 1;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private SampleException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * Bad input: exit code {@value #BAD_INPUT}.
     *
     * @param message what is wrong and, when useful, how to fix it
     * @return the exception
     */
    public static SampleException badInput(String message) {
        return new SampleException(BAD_INPUT, message, null);
    }

    /**
     * Bad input caused by another exception, whose message the caller has folded in.
     *
     * @param message what is wrong
     * @param cause the original failure, kept for debugging
     * @return the exception
     */
    public static SampleException badInput(String message, Throwable cause) {
        return new SampleException(BAD_INPUT, message, cause);
    }

    /**
     * The backend cannot run the model: exit code {@value #CANNOT_RUN}.
     *
     * @param message which backend lacks what
     * @return the exception
     */
    public static SampleException cannotRun(String message) {
        return new SampleException(CANNOT_RUN, message, null);
    }

    /**
     * The process exit code for this failure.
     *
     * @return {@link #BAD_INPUT} or {@link #CANNOT_RUN}
     */
    public int exitCode() {
        return exitCode;
    }
}
