package dev.webnn.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up table: medians, ratios to ORT Java, unsupported rows; the probe's line format. */
class StartupReportTest {

    @Test
    void mediansAndRatiosToOrtJavaOfTheSameModel() {
        StartupReport report = new StartupReport("Start-up.", List.of(
                new StartupReport.Row("m.onnx", "onnxruntime", List.of(sample(300, 200), sample(100, 400), sample(200, 300)), ""),
                new StartupReport.Row("m.onnx", "xnnpack", List.of(), "int64 input"),
                new StartupReport.Row("m.onnx", Engines.ORT_JAVA, List.of(sample(100, 100), sample(200, 200)), "")));
        assertEquals("""
                Start-up.

                | model | engine | ready in | peak RSS | RSS before | time / ORT Java | peak RSS / ORT Java |
                |---|---|---:|---:|---:|---:|---:|
                | m.onnx | onnxruntime | 200 ms | 300 MiB | 50 MiB | 1.33 | 2.00 |
                | m.onnx | xnnpack | unsupported [1] | — | — | — | — |
                | m.onnx | ORT Java | 150 ms | 150 MiB | 50 MiB | 1.00 | 1.00 |

                [1] xnnpack: int64 input \s
                """, report.markdown());
    }

    @Test
    void theProbeLineRoundTrips() {
        StartupProbe.Sample sample = new StartupProbe.Sample(812.5, 400_000, 70_000);
        assertEquals("startup-probe: open 812.5 ms, peak 400000 KiB, before 70000 KiB", sample.line());
        assertEquals(sample, StartupProbe.Sample.parse("  " + sample.line() + "\n"));
        assertThrows(IllegalArgumentException.class, () -> StartupProbe.Sample.parse("Exception in thread main"));
    }

    private static StartupProbe.Sample sample(double millis, long peakMiB) {
        return new StartupProbe.Sample(millis, peakMiB * 1024, 50 * 1024);
    }
}
