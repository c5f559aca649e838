package dev.webnn.samples.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a {@link BenchReport} as a grouped bar chart in a PNG file, with Java2D in headless
 * mode: one group per row (model and thread count), one bar per engine at its median latency,
 * a whisker up to its 90th percentile, and "n/a" where an engine could not run. A model
 * title's comma-separated parts go on separate lines under its group.
 */
public final class BarChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 64;
    private static final int BOTTOM = 84;
    private static final Color[] PALETTE = {new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3), new Color(0xe7298a),
        new Color(0x66a61e), new Color(0xe6ab02)};
    private static final Color GRID = new Color(0xdddddd);
    private static final Color TEXT = new Color(0x222222);

    private BarChart() {
    }

    /**
     * Writes the chart.
     *
     * @param report the results
     * @param title the chart's title
     * @param file the PNG file to write; its folder is created if missing
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(BenchReport report, String title, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = draw(report, title);
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + file, e);
        }
    }

    /**
     * Draws the chart.
     *
     * @param report the results
     * @param title the chart's title
     * @return the image
     */
    static BufferedImage draw(BenchReport report, String title) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 26);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("milliseconds per inference: bar = median, whisker = 90th percentile (lower is better)", LEFT, 46);
            double top = axisTop(report);
            drawAxis(g, top);
            drawLegend(g, report.engines());
            drawGroups(g, report, top);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The axis maximum: a round number above every 90th percentile. */
    private static double axisTop(BenchReport report) {
        double max = 0;
        for (BenchReport.Row row : report.rows()) {
            for (String engine : report.engines()) {
                max = Math.max(max, row.latencies(engine).map(Latencies::p90Millis).orElse(0.0));
            }
        }
        double step = tickStep(max > 0 ? max * 1.1 : 1);
        return Math.ceil((max > 0 ? max * 1.1 : 1) / step) * step;
    }

    /** A 1, 2 or 5 × 10^k step giving four to ten ticks up to {@code max}. */
    static double tickStep(double max) {
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        return (normalised < 1.5 ? 1 : normalised < 3.5 ? 2 : normalised < 7.5 ? 5 : 10) * magnitude;
    }

    private static int y(double value, double top) {
        int plotHeight = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - (int) Math.round(value / top * plotHeight);
    }

    private static void drawAxis(Graphics2D g, double top) {
        double step = tickStep(top);
        FontMetrics metrics = g.getFontMetrics();
        for (double tick = 0; tick <= top + step / 2; tick += step) {
            int y = y(tick, top);
            g.setColor(GRID);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(TEXT);
            String label = step < 1 ? String.format(Locale.ROOT, "%.1f", tick) : String.format(Locale.ROOT, "%.0f", tick);
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
    }

    private static void drawLegend(Graphics2D g, List<String> engines) {
        FontMetrics metrics = g.getFontMetrics();
        int x = WIDTH - RIGHT;
        for (int i = engines.size() - 1; i >= 0; i--) {
            x -= metrics.stringWidth(engines.get(i)) + 34;
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(x, 16, 14, 14);
            g.setColor(TEXT);
            g.drawString(engines.get(i), x + 20, 28);
        }
    }

    private static void drawGroups(Graphics2D g, BenchReport report, double top) {
        List<BenchReport.Row> rows = report.rows();
        if (rows.isEmpty()) {
            return;
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        double groupWidth = plotWidth / (double) rows.size();
        double barWidth = groupWidth * 0.8 / report.engines().size();
        Font valueFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        for (int r = 0; r < rows.size(); r++) {
            BenchReport.Row row = rows.get(r);
            double groupLeft = LEFT + r * groupWidth + groupWidth * 0.1;
            for (int e = 0; e < report.engines().size(); e++) {
                int x = (int) Math.round(groupLeft + e * barWidth);
                int width = Math.max(1, (int) Math.round(barWidth) - 2);
                int center = x + width / 2;
                g.setFont(valueFont);
                FontMetrics metrics = g.getFontMetrics();
                var latencies = row.latencies(report.engines().get(e));
                if (latencies.isEmpty()) {
                    g.setColor(Color.GRAY);
                    g.drawString("n/a", center - metrics.stringWidth("n/a") / 2, HEIGHT - BOTTOM - 4);
                    continue;
                }
                int barTop = y(latencies.get().medianMillis(), top);
                g.setColor(PALETTE[e % PALETTE.length]);
                g.fillRect(x, barTop, width, HEIGHT - BOTTOM - barTop);
                int whiskerTop = y(latencies.get().p90Millis(), top);
                g.setColor(TEXT);
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine(center, barTop, center, whiskerTop);
                g.drawLine(center - width / 4, whiskerTop, center + width / 4, whiskerTop);
                String value = String.format(Locale.ROOT, "%.2f", latencies.get().medianMillis());
                g.drawString(value, center - metrics.stringWidth(value) / 2, whiskerTop - 4);
            }
            g.setFont(labelFont);
            g.setColor(TEXT);
            FontMetrics metrics = g.getFontMetrics();
            int groupCenter = (int) Math.round(LEFT + (r + 0.5) * groupWidth);
            List<String> lines = labelLines(row.model(), metrics, groupWidth - 6);
            lines.add(row.threads() + (row.threads() == 1 ? " thread" : " threads"));
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i);
                g.drawString(text, groupCenter - metrics.stringWidth(text) / 2, HEIGHT - BOTTOM + 20 + 16 * i);
            }
        }
    }

    /**
     * A row's label under its bars: the model's name without what follows it in the title (a
     * layout in parentheses, ", synthetic classifier", an ONNX file's extension and input
     * shapes), broken after spaces and underscores into lines that fit the group's width.
     */
    private static List<String> labelLines(String title, FontMetrics metrics, double width) {
        String name = title;
        for (String end : List.of(" (", ", ", ".onnx")) {
            int at = name.indexOf(end);
            if (at > 0) {
                name = name.substring(0, at);
            }
        }
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String piece : name.split("(?<=[ _])")) {
            if (!line.isEmpty() && metrics.stringWidth(line + piece) > width) {
                lines.add(line.strip());
                line = "";
            }
            line += piece;
        }
        lines.add(line.strip());
        return lines;
    }
}
