package dev.webnn.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown table and the PNG chart of benchmark results. */
class BenchReportTest {

    private static BenchReport.Cell ms(double... perRound) {
        long[][] rounds = new long[perRound.length][];
        for (int r = 0; r < perRound.length; r++) {
            rounds[r] = new long[] {Math.round(perRound[r] * 1e6)};
        }
        return new BenchReport.Measured(new Latencies(rounds));
    }

    private static BenchReport.Row row(String model, int threads, BenchReport.Cell... cells) {
        Map<String, BenchReport.Cell> map = new LinkedHashMap<>();
        String[] engines = {"xnnpack", "onnxruntime", "ORT Java"};
        for (int i = 0; i < cells.length; i++) {
            map.put(engines[i], cells[i]);
        }
        return new BenchReport.Row(model, threads, map);
    }

    private static BenchReport sample() {
        BenchReport.Cell noRelu = new BenchReport.Unsupported("relu: not supported by the xnnpack backend");
        return new BenchReport("Measured somewhere.", List.of("xnnpack", "onnxruntime", "ORT Java"), Optional.of("ORT Java"),
                List.of(row("SqueezeNet 1.1", 1, ms(7, 7.2), ms(6.6, 6.8), ms(6.6, 6.6)),
                        row("SqueezeNet 1.1", 2, noRelu, ms(3.6, 3.7), ms(3.5, 3.5)),
                        row("MobileNetV2", 1, noRelu, new BenchReport.Unsupported("conv2d | pad"), ms(7.1, 7.1))));
    }

    @Test
    void writesAMarkdownTableWithRatiosAndNumberedReasons() {
        assertEquals("""
                Measured somewhere.

                | model | threads | xnnpack | onnxruntime | ORT Java | xnnpack / ORT Java | onnxruntime / ORT Java |
                |---|---:|---:|---:|---:|---:|---:|
                | SqueezeNet 1.1 | 1 | 7.10 / 7.18 ms | 6.70 / 6.78 ms | 6.60 / 6.60 ms | 1.076 | 1.015 |
                | SqueezeNet 1.1 | 2 | unsupported [1] | 3.65 / 3.69 ms | 3.50 / 3.50 ms | — | 1.043 |
                | MobileNetV2 | 1 | unsupported [1] | unsupported [2] | 7.10 / 7.10 ms | — | — |

                [1] xnnpack: relu: not supported by the xnnpack backend \s
                [2] onnxruntime: conv2d \\| pad \s
                """, sample().markdown());
    }

    @Test
    void withoutAReferenceThereAreNoRatioColumns() {
        BenchReport report = new BenchReport("d", List.of("xnnpack"), Optional.empty(),
                List.of(row("SqueezeNet 1.1", 1, ms(2))));
        assertEquals("d\n\n| model | threads | xnnpack |\n|---|---:|---:|\n| SqueezeNet 1.1 | 1 | 2.00 / 2.00 ms |\n",
                report.markdown());
    }

    @Test
    void rejectsInconsistentReports() {
        assertThrows(IllegalArgumentException.class, () -> new BenchReport("d", List.of("xnnpack"), Optional.of("ORT Java"),
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> new BenchReport("d", List.of("xnnpack", "onnxruntime"),
                Optional.empty(), List.of(row("m", 1, ms(1)))));
    }

    @Test
    void drawsABarChartPng(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("charts/latency.png");
        BarChart.write(sample(), "latency", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(560, image.getHeight());
        assertEquals(0xffffff, image.getRGB(2, 2) & 0xffffff, "white background");
        int colours = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            if ((image.getRGB(x, 470) & 0xffffff) == 0x1b9e77) {
                colours++;
            }
        }
        assertTrue(colours > 0, "an xnnpack bar crosses the line just above the axis");
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(2, BarChart.tickStep(8.3), 1e-12);
        assertEquals(1, BarChart.tickStep(4.5), 1e-12);
        assertEquals(0.5, BarChart.tickStep(2.4), 1e-12);
        assertEquals(50, BarChart.tickStep(230), 1e-12);
    }
}
