package dev.webnn.samples.bench;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * The latencies of one benchmark configuration, kept per round so that configurations timed
 * side by side can be compared round by round. Percentiles interpolate linearly between the
 * two nearest order statistics (the median of an even count is the mean of the middle two).
 */
public final class Latencies {

    private final long[][] rounds;
    private final long[] sorted;

    /**
     * Latencies from nanosecond timings.
     *
     * @param rounds one array per round, each with at least one run's duration in nanoseconds
     * @throws IllegalArgumentException if there is no round or a round is empty
     */
    public Latencies(long[][] rounds) {
        if (rounds.length == 0) {
            throw new IllegalArgumentException("no rounds");
        }
        this.rounds = new long[rounds.length][];
        int total = 0;
        for (int r = 0; r < rounds.length; r++) {
            if (rounds[r].length == 0) {
                throw new IllegalArgumentException("round " + r + " has no runs");
            }
            this.rounds[r] = rounds[r].clone();
            total += rounds[r].length;
        }
        this.sorted = new long[total];
        int at = 0;
        for (long[] round : rounds) {
            System.arraycopy(round, 0, sorted, at, round.length);
            at += round.length;
        }
        Arrays.sort(sorted);
    }

    /**
     * How many runs were timed.
     *
     * @return the count over all rounds
     */
    public int count() {
        return sorted.length;
    }

    /**
     * The median of all runs.
     *
     * @return milliseconds
     */
    public double medianMillis() {
        return percentile(sorted, 0.5) / 1e6;
    }

    /**
     * The 90th percentile of all runs.
     *
     * @return milliseconds
     */
    public double p90Millis() {
        return percentile(sorted, 0.9) / 1e6;
    }

    /**
     * This configuration's latency relative to another's, paired by round: the median over
     * rounds of (this round's median / the other's median in the same round). Pairing cancels
     * the slow phases a shared machine goes through, which hit both configurations of a round.
     *
     * @param reference the configuration timed in the same rounds
     * @return the ratio; below 1 means faster than the reference
     * @throws IllegalArgumentException if the round counts differ
     */
    public double ratioTo(Latencies reference) {
        if (reference.rounds.length != rounds.length) {
            throw new IllegalArgumentException(rounds.length + " rounds against " + reference.rounds.length);
        }
        double[] ratios = new double[rounds.length];
        for (int r = 0; r < rounds.length; r++) {
            ratios[r] = median(rounds[r]) / median(reference.rounds[r]);
        }
        Arrays.sort(ratios);
        return percentile(ratios, 0.5);
    }

    /**
     * A percentile of sorted values, interpolating linearly between neighbours.
     *
     * @param sorted values in ascending order, at least one
     * @param fraction the percentile as a fraction, 0 to 1 (0.5 is the median)
     * @return the interpolated value
     */
    public static double percentile(long[] sorted, double fraction) {
        return interpolate(fraction, sorted.length, i -> sorted[i]);
    }

    /**
     * A percentile of sorted values, interpolating linearly between neighbours.
     *
     * @param sorted values in ascending order, at least one
     * @param fraction the percentile as a fraction, 0 to 1 (0.5 is the median)
     * @return the interpolated value
     */
    public static double percentile(double[] sorted, double fraction) {
        return interpolate(fraction, sorted.length, i -> sorted[i]);
    }

    private static double median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return percentile(copy, 0.5);
    }

    private static double interpolate(double fraction, int count, IntToDoubleFunction value) {
        if (count == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("percentile fraction " + fraction + " is not within 0 to 1");
        }
        double position = fraction * (count - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, count - 1);
        double lower = value.applyAsDouble(below);
        return lower + (position - below) * (value.applyAsDouble(above) - lower);
    }
}
