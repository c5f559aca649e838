package dev.webnn.samples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times runners side by side: each warms up, then every round runs each runner a fixed
 * number of times, one runner after the other, starting one runner later every round.
 * Slow phases of a shared machine thus spread over all runners instead of hitting one.
 * Before each runner's block the harness sleeps {@value #SETTLE_MILLIS} ms, so that the
 * spinning worker threads of the previous runner's thread pool (XNNPACK's pthreadpool,
 * ONNX Runtime's intra-op pool) have gone to sleep and do not steal its cores.
 *
 * <p>It also counts the bytes the timing thread allocates on the Java heap during the timed
 * runs after the first round (HotSpot's {@code ThreadMXBean#getCurrentThreadAllocatedBytes}),
 * per run: the first round may still see one-time work (lazy class initialisation, the JIT
 * replacing code), and with few runs the JIT may not have compiled the path yet, so this is
 * a check, not the steady-state figure, which JMH's {@code -prof gc} gives.
 */
public final class Harness {

    /** Pause before each block of runs, in milliseconds. */
    static final long SETTLE_MILLIS = 10;

    private Harness() {
    }

    /**
     * What was measured for one runner.
     *
     * @param latencies the timings
     * @param allocatedBytesPerRun heap bytes allocated by the timing thread per timed run after
     *     the first round (in the only round if there is one), or NaN if the JVM cannot tell
     */
    public record Measurement(Latencies latencies, double allocatedBytesPerRun) {
    }

    /**
     * How much to run.
     *
     * @param warmup untimed runs of each runner before the first round
     * @param runs timed runs of each runner per round
     * @param rounds rounds
     */
    public record Settings(int warmup, int runs, int rounds) {

        /**
         * Checks the counts.
         *
         * @throws IllegalArgumentException if warm-up is negative, or runs or rounds below 1
         */
        public Settings {
            if (warmup < 0 || runs < 1 || rounds < 1) {
                throw new IllegalArgumentException("need warm-up ≥ 0, runs ≥ 1 and rounds ≥ 1, got " + warmup + ", " + runs
                        + ", " + rounds);
            }
        }

        /**
         * Timed runs per runner.
         *
         * @return runs × rounds
         */
        public int timedRuns() {
            return runs * rounds;
        }
    }

    /**
     * Warms up and times the runners.
     *
     * @param runners the configurations to time together
     * @param settings warm-up, runs and rounds
     * @param progress receives a line after each runner's warm-up and after each round
     * @return one measurement per runner, in the same order
     */
    public static List<Measurement> measure(List<? extends Runner> runners, Settings settings, Consumer<String> progress) {
        AllocationCounter allocations = AllocationCounter.forCurrentThread();
        long start = System.nanoTime();
        for (int i = 0; i < runners.size(); i++) {
            Runner runner = runners.get(i);
            for (int w = 0; w < settings.warmup(); w++) {
                runner.run();
            }
            progress.accept("warm-up " + (i + 1) + "/" + runners.size() + " done" + elapsed(start));
        }
        long[][][] nanos = new long[runners.size()][settings.rounds()][settings.runs()];
        long[] allocated = new long[runners.size()];
        for (int round = 0; round < settings.rounds(); round++) {
            for (int k = 0; k < runners.size(); k++) {
                int index = (k + round) % runners.size();
                Runner runner = runners.get(index);
                long[] times = nanos[index][round];
                settle();
                long allocatedBefore = allocations.bytes();
                for (int run = 0; run < times.length; run++) {
                    long before = System.nanoTime();
                    runner.run();
                    times[run] = System.nanoTime() - before;
                }
                if (round > 0 || settings.rounds() == 1) {
                    allocated[index] += allocations.bytes() - allocatedBefore;
                }
            }
            progress.accept("round " + (round + 1) + "/" + settings.rounds() + " done" + elapsed(start));
        }
        List<Measurement> measurements = new ArrayList<>(runners.size());
        for (int i = 0; i < runners.size(); i++) {
            int counted = settings.rounds() == 1 ? settings.runs() : settings.timedRuns() - settings.runs();
            double perRun = allocations.supported() ? allocated[i] / (double) counted : Double.NaN;
            measurements.add(new Measurement(new Latencies(nanos[i]), perRun));
        }
        return measurements;
    }

    private static void settle() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing", e);
        }
    }

    private static String elapsed(long start) {
        return " (" + (System.nanoTime() - start) / 1_000_000_000 + " s)";
    }
}
