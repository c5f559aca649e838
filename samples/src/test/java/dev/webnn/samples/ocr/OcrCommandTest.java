package dev.webnn.samples.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.samples.Samples;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ocr --text}: ten strings of letters, digits and punctuation in two fonts and two sizes
 * are read back exactly (at least nine) on both backends and their boxes enclose the ink; bad
 * input ends with exit code 2.
 */
class OcrCommandTest {

    /** One printed line: four corners, confidence, text. */
    private static final Pattern LINE = Pattern.compile(
            "\\[(-?\\d+),(-?\\d+) (-?\\d+),(-?\\d+) (-?\\d+),(-?\\d+) (-?\\d+),(-?\\d+)] (\\d\\.\\d{3}) (.*)");

    private static final List<String> STRINGS = List.of(
            "Hello World 2024!",
            "Invoice #4711, total: 89.50 EUR",
            "Call 555-0199 now.",
            "Room 12B (2nd floor)",
            "WebNN runs on Java 25",
            "Price: $3.99 / kg",
            "Version 1.19.0-beta29",
            "Order No. 84213 shipped",
            "50% off, today only!",
            "Meet at 10:30 in Paris");

    @TempDir
    Path temp;

    @BeforeAll
    static void needsTheModels() {
        assumeTrue(Files.isRegularFile(OcrModels.defaultFolder().resolve(OcrModels.RECOGNISER)),
                "needs the PaddleOCR models: tools/fetch-test-data.sh ocr-models");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnxruntime", "xnnpack"})
    void readsAtLeastNineOfTenRenderedStringsExactly(String backend) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < STRINGS.size(); i++) {
            String font = i % 2 == 0 ? Font.SANS_SERIF : Font.SERIF;
            int size = i < STRINGS.size() / 2 ? 28 : 40;
            Samples.Result result = Samples.run("ocr", "--backend", backend, "--text", STRINGS.get(i), "--font", font,
                    "--size", Integer.toString(size));
            assertEquals(0, result.exitCode(), result.err());
            List<String> lines = result.out().lines().skip(1).toList();
            assertEquals(1, lines.size(), result.out());
            Matcher m = LINE.matcher(lines.get(0));
            assertTrue(m.matches(), lines.get(0));
            if (!m.group(10).equals(STRINGS.get(i))) {
                wrong.add(STRINGS.get(i) + " -> " + m.group(10));
            }
            assertEnclosesInk(TextImage.render(STRINGS.get(i), new Font(font, Font.PLAIN, size)), m, STRINGS.get(i));
        }
        System.out.println(backend + ": " + (STRINGS.size() - wrong.size()) + " of " + STRINGS.size()
                + " rendered strings read exactly; wrong: " + wrong);
        assertTrue(wrong.size() <= 1, "misread: " + wrong);
    }

    /** Two lines, the second turned by 8°, in a PNG file: both read, top to bottom, the second box tilted. */
    @Test
    void readsTwoLinesOfAnImageFileIncludingATiltedOne() throws IOException {
        BufferedImage page = new BufferedImage(700, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        g.drawString("Shopping list, 4 Dec 2026", 30, 60);
        g.rotate(Math.toRadians(-8), 60, 200);
        g.drawString("2 x Milk 1.5L for EUR 2.38", 60, 200);
        g.dispose();
        Path file = temp.resolve("page.png");
        javax.imageio.ImageIO.write(page, "png", file.toFile());
        Samples.Result result = Samples.run("ocr", "--backend", "onnxruntime", "--image", file.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<Matcher> lines = result.out().lines().skip(1).map(LINE::matcher).filter(Matcher::matches).toList();
        assertEquals(List.of("Shopping list, 4 Dec 2026", "2 x Milk 1.5L for EUR 2.38"),
                lines.stream().map(m -> m.group(10)).toList(), result.out());
        Matcher tilted = lines.get(1);
        double dx = Double.parseDouble(tilted.group(3)) - Double.parseDouble(tilted.group(1));
        double dy = Double.parseDouble(tilted.group(4)) - Double.parseDouble(tilted.group(2));
        assertEquals(-8, Math.toDegrees(Math.atan2(dy, dx)), 1.5, result.out());
    }

    @Test
    void annotatesTheImage() throws IOException {
        Path out = temp.resolve("annotated.png");
        Samples.Result result = Samples.run("ocr", "--backend", "onnxruntime", "--text", "Hello", "--annotate", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = javax.imageio.ImageIO.read(out.toFile());
        BufferedImage plain = TextImage.render("Hello", new Font(Font.SANS_SERIF, Font.PLAIN, 32));
        assertEquals(plain.getWidth(), image.getWidth());
        boolean red = false;
        for (int y = 0; y < image.getHeight() && !red; y++) {
            for (int x = 0; x < image.getWidth() && !red; x++) {
                red = (image.getRGB(x, y) & 0xffffff) == 0xff0000;
            }
        }
        assertTrue(red, "the box is drawn in red");
    }

    @Test
    void badInputEndsWithExitCodeTwo() throws IOException {
        Path corrupt = Files.write(temp.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Samples.Result image = Samples.run("ocr", "--image", corrupt.toString());
        assertEquals(2, image.exitCode(), image.out());
        assertTrue(image.err().startsWith("webnn-samples ocr: cannot decode image " + corrupt), image.err());
        assertEquals(1, image.err().strip().lines().count(), image.err());
        Samples.Result models = Samples.run("ocr", "--ocr-models", temp.toString(), "--text", "hi");
        assertEquals(2, models.exitCode(), models.out());
        assertEquals("webnn-samples ocr: PaddleOCR model " + temp.resolve(OcrModels.DETECTOR) + " not found; run "
                + "tools/fetch-test-data.sh ocr-models or pass --ocr-models DIR", models.err().strip());
    }

    /** The box's axis-aligned extent contains every dark pixel of the rendered text. */
    private static void assertEnclosesInk(BufferedImage image, Matcher m, String text) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -1, maxY = -1;
        for (int c = 0; c < 4; c++) {
            double x = Double.parseDouble(m.group(1 + 2 * c)), y = Double.parseDouble(m.group(2 + 2 * c));
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    assertTrue(x >= minX - 1 && x <= maxX + 1 && y >= minY - 1 && y <= maxY + 1,
                            text + ": ink at " + x + "," + y + " outside " + m.group());
                }
            }
        }
    }
}
