package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code webnn-samples bench} end to end with tiny settings: every cell is a latency or
 * "unsupported" with a reason, and the chart is written. Skipped when the shared models are
 * absent, or when no backend runs the models yet.
 */
class BenchCommandTest {

    private static final Path MODELS = Path.of(System.getProperty("webnn.shared", "../shared"), "models");
    private static final Pattern LATENCY = Pattern.compile("\\d+\\.\\d\\d / \\d+\\.\\d\\d ms");
    private static final Pattern RATIO = Pattern.compile("\\d+\\.\\d{3}|—");

    @Test
    void timesEveryModelOnEveryBackendAndOrtJava(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isDirectory(MODELS), "../shared is absent: " + MODELS + " not found");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        Path chart = temp.resolve("bench.png");
        int status = line.execute("bench", "--models-dir", MODELS.toString(), "--warmup", "1", "--runs", "2", "--rounds", "2",
                "--threads", "1,2", "--chart", chart.toString());
        assertEquals(0, status, err::toString);
        List<String> rows = out.toString().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| model")).toList();
        assertEquals(4, rows.size(), out::toString);
        int measured = 0;
        for (String row : rows) {
            String[] cells = row.substring(2, row.length() - 2).split(" \\| ");
            assertEquals(7, cells.length, row);
            assertTrue(cells[0].startsWith("SqueezeNet 1.1") || cells[0].startsWith("MobileNetV2"), row);
            for (int i = 2; i < 5; i++) {
                if (LATENCY.matcher(cells[i]).matches()) {
                    measured++;
                } else {
                    assertTrue(cells[i].matches("unsupported \\[\\d+]"), row);
                }
            }
            for (int i = 5; i < 7; i++) {
                assertTrue(RATIO.matcher(cells[i]).matches(), row);
            }
        }
        assertTrue(Files.size(chart) > 1000, "the chart was written");
        assertTrue(err.toString().contains("round 2/2 done"), err::toString);
        assumeTrue(measured > 0, "no backend runs SqueezeNet or MobileNetV2 yet:\n" + out);
    }

    @Test
    void failsClearlyWithoutTheModels(@TempDir Path temp) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Main());
        line.setErr(new PrintWriter(err));
        assertEquals(2, line.execute("bench", "--models-dir", temp.toString(), "--models", "squeezenet"));
        assertTrue(err.toString().contains("pass --models-dir"), err::toString);
    }

    @Test
    void rejectsUnknownModelsAndBadCounts() {
        CommandLine line = new CommandLine(new Main());
        line.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, line.execute("bench", "--models", "alexnet"));
        assertEquals(2, line.execute("bench", "--runs", "0"));
        assertEquals(2, line.execute("bench", "--threads", "0"));
    }
}
