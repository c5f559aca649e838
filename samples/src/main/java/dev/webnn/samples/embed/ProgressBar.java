package dev.webnn.samples.embed;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/** A one-line progress bar redrawn in place ({@code \r}) on a terminal stream such as standard error. */
final class ProgressBar implements IntConsumer {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();

    /**
     * A bar.
     *
     * @param err where to draw it
     * @param label what is counted
     * @param total the count at 100 %
     */
    ProgressBar(PrintWriter err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** Redraws the bar at {@code done} of the total, ending the line when complete. */
    @Override
    public void accept(int done) {
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf("\r%s [%s%s] %d/%d %.0f/s", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total,
                seconds > 0 ? done / seconds : 0);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
