package dev.webnn.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Medians, 90th percentiles and paired ratios of latencies. */
class LatenciesTest {

    private static final double EXACT = 1e-12;

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        Latencies latencies = new Latencies(new long[][] {{5_000_000, 1_000_000}, {3_000_000}});
        assertEquals(3, latencies.count());
        assertEquals(3.0, latencies.medianMillis(), EXACT);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        Latencies latencies = new Latencies(new long[][] {{4_000_000, 1_000_000, 2_000_000, 3_000_000}});
        assertEquals(2.5, latencies.medianMillis(), EXACT);
    }

    @Test
    void theNinetiethPercentileInterpolatesBetweenNeighbours() {
        long[] ten = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
        // position 0.9 × 9 = 8.1: 9 + 0.1 × (10 − 9)
        assertEquals(9.1, Latencies.percentile(Arrays.stream(ten).sorted().toArray(), 0.9), EXACT);
        long[][] rounds = {{1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000}, {6_000_000, 7_000_000, 8_000_000,
            9_000_000, 10_000_000}};
        assertEquals(9.1, new Latencies(rounds).p90Millis(), EXACT);
    }

    @Test
    void aSingleRunIsEveryPercentile() {
        Latencies latencies = new Latencies(new long[][] {{7_000_000}});
        assertEquals(7.0, latencies.medianMillis(), EXACT);
        assertEquals(7.0, latencies.p90Millis(), EXACT);
        assertEquals(4.0, Latencies.percentile(new double[] {4}, 0.9), EXACT);
    }

    @Test
    void ratiosArePairedByRound() {
        // round 1: 2 ms vs 1 ms (a slow phase that doubled both); round 2: 1.1 vs 1; round 3: 1.2 vs 1
        Latencies ours = new Latencies(new long[][] {{4_000_000, 4_000_000}, {1_100_000, 1_100_000}, {1_200_000, 1_200_000}});
        Latencies reference = new Latencies(new long[][] {{2_000_000, 2_000_000}, {1_000_000, 1_000_000}, {1_000_000, 1_000_000}});
        assertEquals(1.2, ours.ratioTo(reference), 1e-9, "median of 2.0, 1.1 and 1.2");
        assertEquals(1 / 1.2, reference.ratioTo(ours), 1e-9);
    }

    @Test
    void rejectsEmptyOrMismatchedData() {
        assertThrows(IllegalArgumentException.class, () -> new Latencies(new long[0][]));
        assertThrows(IllegalArgumentException.class, () -> new Latencies(new long[][] {{1}, {}}));
        assertThrows(IllegalArgumentException.class, () -> Latencies.percentile(new long[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Latencies.percentile(new long[] {1}, 1.5));
        Latencies one = new Latencies(new long[][] {{1}});
        Latencies two = new Latencies(new long[][] {{1}, {2}});
        assertThrows(IllegalArgumentException.class, () -> one.ratioTo(two));
    }

    @Test
    void keepsItsOwnCopyOfTheTimings() {
        long[][] rounds = {{1_000_000, 3_000_000}};
        Latencies latencies = new Latencies(rounds);
        rounds[0][0] = 100_000_000;
        assertEquals(2.0, latencies.medianMillis(), EXACT);
    }
}
