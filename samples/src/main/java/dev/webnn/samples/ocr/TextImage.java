package dev.webnn.samples.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Text drawn with Java2D in black on a white image with a margin, for the OCR sample and its tests. */
final class TextImage {

    private TextImage() {
    }

    /**
     * Renders one line.
     *
     * @param text the text
     * @param font the font
     * @return the image
     */
    static BufferedImage render(String text, Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        int margin = font.getSize();
        int width = metrics.stringWidth(text) + 2 * margin;
        int height = metrics.getHeight() + 2 * margin;
        measure.dispose();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, margin, margin + metrics.getAscent());
        g.dispose();
        return image;
    }
}
