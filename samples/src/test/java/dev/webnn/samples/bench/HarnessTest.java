package dev.webnn.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness warms up, then interleaves runners in rounds, rotating the first one. */
class HarnessTest {

    /** Records which runner ran, in order. */
    private record Recording(String name, List<String> log) implements Runner {
        @Override
        public void run() {
            log.add(name);
        }

        @Override
        public float[] output() {
            return new float[0];
        }

        @Override
        public void close() {
        }
    }

    @Test
    void warmsUpThenInterleavesRunnersInRotatingRounds() {
        List<String> log = new ArrayList<>(100);
        List<String> progress = new ArrayList<>();
        List<Harness.Measurement> measurements = Harness.measure(List.of(new Recording("a", log), new Recording("b", log),
                new Recording("c", log)), new Harness.Settings(1, 2, 3), progress::add);
        assertEquals(List.of("a", "b", "c",
                "a", "a", "b", "b", "c", "c",
                "b", "b", "c", "c", "a", "a",
                "c", "c", "a", "a", "b", "b"), log);
        assertEquals(3, measurements.size());
        measurements.forEach(m -> assertEquals(6, m.latencies().count()));
        measurements.forEach(m -> assertTrue(m.allocatedBytesPerRun() < 64, "adding to an ArrayList with spare room: "
                + m.allocatedBytesPerRun()));
        assertEquals(6, progress.size(), "three warm-ups and three rounds reported");
        assertEquals("round 3/3 done", progress.get(5).replaceAll(" \\(.*", ""));
    }

    @Test
    void settingsNeedRunsAndRounds() {
        assertThrows(IllegalArgumentException.class, () -> new Harness.Settings(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Harness.Settings(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Harness.Settings(0, 1, 0));
        assertEquals(600, new Harness.Settings(100, 30, 20).timedRuns());
    }
}
