package dev.webnn.samples;

import java.util.Arrays;

/**
 * Latency of a computation: one warm-up run, then {@code runs} timed runs; the median is
 * the number to quote, min and max show the spread.
 *
 * @param runs the number of timed runs
 * @param medianMillis the median, in milliseconds
 * @param minMillis the fastest run
 * @param maxMillis the slowest run
 */
record Latency(int runs, double medianMillis, double minMillis, double maxMillis) {

    /**
     * Runs {@code action} once to warm up, then {@code runs} times, timing each run.
     *
     * @param runs at least 1
     * @param action the computation, e.g. one {@code compute} of a graph
     * @return the measurements
     */
    static Latency measure(int runs, Runnable action) {
        action.run();
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = runs % 2 == 1 ? nanos[runs / 2] : (nanos[runs / 2 - 1] + nanos[runs / 2]) / 2.0;
        return new Latency(runs, median / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6);
    }

    /**
     * One line for the output, e.g. {@code median 12.34 ms of 10 runs (min 11.90, max 14.02) after 1 warm-up}.
     *
     * @return the description
     */
    String describe() {
        return String.format("median %.2f ms of %d run%s (min %.2f, max %.2f) after 1 warm-up", medianMillis, runs,
                runs == 1 ? "" : "s", minMillis, maxMillis);
    }
}
