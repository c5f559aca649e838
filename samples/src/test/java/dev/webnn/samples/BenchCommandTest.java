package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webnn-samples bench} end to end with tiny settings: every cell is a latency or
 * "unsupported" with a reason, and the chart is written. Skipped when the shared models are
 * absent, or when no backend runs the models yet.
 */
class BenchCommandTest {

    private static final Pattern LATENCY = Pattern.compile("\\d+\\.\\d\\d / \\d+\\.\\d\\d ms");
    private static final Pattern RATIO = Pattern.compile("\\d+\\.\\d{3}|—");

    @Test
    void timesEveryModelOnEveryBackendAndOrtJava(@TempDir Path temp) throws Exception {
        Samples.assumeModel("squeezenet1.1_nchw/weights");
        Samples.assumeModel("mobilenetv2_nchw/weights");
        Path chart = temp.resolve("bench.png");
        Samples.Result result = Samples.run("bench", "--models", Samples.MODELS.toString(), "--warmup", "1", "--runs", "2",
                "--rounds", "2", "--threads", "1,2", "--chart", chart.toString());
        assertEquals(0, result.exitCode(), result::err);
        List<String> rows = result.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| model")).toList();
        assertEquals(4, rows.size(), result::out);
        int measured = 0;
        for (String row : rows) {
            String[] cells = row.substring(2, row.length() - 2).split(" \\| ");
            assertEquals(9, cells.length, row);
            assertTrue(cells[0].startsWith("SqueezeNet 1.1") || cells[0].startsWith("MobileNetV2"), row);
            for (int i = 2; i < 6; i++) {
                if (LATENCY.matcher(cells[i]).matches()) {
                    measured++;
                } else {
                    assertTrue(cells[i].matches("unsupported \\[\\d+]"), row);
                }
            }
            for (int i = 6; i < 9; i++) {
                assertTrue(RATIO.matcher(cells[i]).matches(), row);
            }
        }
        assertTrue(Files.size(chart) > 1000, "the chart was written");
        assertTrue(result.err().contains("round 2/2 done"), result::err);
        assertTrue(measured > 0, "no backend runs SqueezeNet or MobileNetV2:\n" + result.out());
    }

    @Test
    void onlyTheChosenModelBackendAndThreads() {
        Samples.assumeModel("squeezenet1.1_nchw/weights");
        Samples.Result result = Samples.run("bench", "--models", Samples.MODELS.toString(), "--model", "squeezenet",
                "--backends", "xnnpack", "--no-ort-java", "--threads", "1", "--warmup", "0", "--runs", "1", "--rounds", "1");
        assertEquals(0, result.exitCode(), result::err);
        List<String> table = result.out().lines().filter(l -> l.startsWith("|")).toList();
        assertEquals("| model | threads | xnnpack |", table.get(0));
        assertEquals(3, table.size(), result::out);
        assertTrue(table.get(2).startsWith("| SqueezeNet 1.1 (NCHW) | 1 | "), table.get(2));
    }

    @Test
    void timesAnOnnxFileOnEveryEngineAndItsStartUpInFreshJvms() {
        Path model = Samples.nodeTest("test_sigmoid");
        Samples.Result result = Samples.run("bench", "--onnx", model.toString(), "--warmup", "1", "--runs", "2", "--rounds", "2",
                "--threads", "1", "--startup", "1");
        assertEquals(0, result.exitCode(), result::err);
        List<String> table = result.out().lines().filter(l -> l.startsWith("|")).toList();
        assertEquals("| model | threads | xnnpack | onnxruntime | default | ORT Java | xnnpack / ORT Java | onnxruntime / ORT Java"
                + " | default / ORT Java |", table.get(0));
        String[] cells = table.get(2).substring(2, table.get(2).length() - 2).split(" \\| ");
        assertEquals("model.onnx x[3,4,5]", cells[0]);
        for (int i = 2; i < 6; i++) {
            assertTrue(LATENCY.matcher(cells[i]).matches(), table.get(2));
        }
        for (int i = 6; i < 9; i++) {
            assertTrue(cells[i].matches("\\d+\\.\\d{3}"), table.get(2));
        }
        for (String engine : List.of("xnnpack", "onnxruntime", "default")) {
            Matcher check = Pattern.compile("check: model\\.onnx x\\[3,4,5] on " + engine + ", 1 thread\\(s\\): max \\|difference\\| (\\S+)")
                    .matcher(result.err());
            assertTrue(check.find(), result::err);
            assertTrue(Double.parseDouble(check.group(1)) < 1e-6, check.group());
        }
        assertEquals("| model | engine | ready in | peak RSS | RSS before | time / ORT Java | peak RSS / ORT Java |", table.get(3));
        List<String> startup = table.subList(5, table.size());
        assertEquals(4, startup.size(), result::out);
        for (String row : startup) {
            assertTrue(row.matches("\\| model\\.onnx \\| [a-zA-Z ]+ \\| \\d+ ms \\| \\d+ MiB \\| \\d+ MiB \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d \\|"),
                    row);
        }
        assertTrue(startup.get(3).contains("| ORT Java |") && startup.get(3).endsWith("| 1.00 | 1.00 |"), startup.get(3));
    }

    @Test
    void aMissingOnnxFileIsBadInput() {
        Path model = Samples.nodeTest("test_sigmoid");
        Samples.Result result = Samples.run("bench", "--onnx", model.resolveSibling("missing.onnx").toString());
        assertEquals(SampleException.BAD_INPUT, result.exitCode());
        assertTrue(result.err().endsWith("missing.onnx: no such file" + System.lineSeparator()), result::err);
    }

    @Test
    void missingWeightsAreBadInput(@TempDir Path temp) {
        Samples.Result result = Samples.run("bench", "--models", temp.toString(), "--model", "squeezenet");
        assertEquals(SampleException.BAD_INPUT, result.exitCode());
        assertTrue(result.err().startsWith("webnn-samples bench: SqueezeNet 1.1 (NCHW) weights folder"), result::err);
    }

    @Test
    void rejectsUnknownModelsAndBadCounts() {
        assertEquals(2, Samples.run("bench", "--model", "alexnet").exitCode());
        Samples.Result runs = Samples.run("bench", "--runs", "0");
        assertEquals(2, runs.exitCode());
        assertTrue(runs.err().contains("runs ≥ 1"), runs::err);
        Samples.Result threads = Samples.run("bench", "--threads", "0");
        assertEquals(2, threads.exitCode());
        assertTrue(threads.err().contains("--threads must be at least 1"), threads::err);
    }
}
