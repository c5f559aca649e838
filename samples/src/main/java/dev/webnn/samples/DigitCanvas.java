package dev.webnn.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Digits drawn with Java2D the way MNIST shows them: a white pen stroke about three pixels
 * wide on a black 28×28 canvas, the digit filling the central 20×20 box.
 *
 * <p>Each digit is a few lines, curves and ellipses in 28×28 coordinates, stroked at ten
 * times that resolution with round caps and moved so that the centre of mass of its ink is
 * the centre of the canvas, as MNIST's digits are; {@link Images#grayPlane} then averages
 * it down to 28×28, which gives the soft edges of MNIST's anti-aliased digits.
 */
final class DigitCanvas {

    /** The side of the canvas in MNIST pixels. */
    static final int SIDE = 28;
    /** Drawing resolution per MNIST pixel. */
    static final int SCALE = 10;
    /** Pen width in MNIST pixels. */
    static final float PEN = 3f;

    private DigitCanvas() {
    }

    /**
     * Draws a digit.
     *
     * @param digit 0 to 9
     * @return a {@code 280×280} grey image: white strokes on black
     * @throws IllegalArgumentException if {@code digit} is not 0 to 9
     */
    static BufferedImage draw(int digit) {
        Shape strokes = strokes(digit);
        BufferedImage first = render(strokes, 0, 0);
        // Like MNIST, move the centre of mass of the ink to the centre of the canvas.
        Raster raster = first.getRaster();
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                int ink = raster.getSample(x, y, 0);
                mass += ink;
                sumX += ink * (x + 0.5);
                sumY += ink * (y + 0.5);
            }
        }
        double centre = SIDE * SCALE / 2.0;
        return render(strokes, (centre - sumX / mass) / SCALE, (centre - sumY / mass) / SCALE);
    }

    /** Strokes a shape in white on black, shifted by (dx, dy) MNIST pixels. */
    private static BufferedImage render(Shape strokes, double dx, double dy) {
        BufferedImage image = new BufferedImage(SIDE * SCALE, SIDE * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(SCALE, SCALE);
            g.translate(dx, dy);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(PEN, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(strokes);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The pen strokes of a digit in 28×28 coordinates (y down). */
    private static Shape strokes(int digit) {
        Path2D.Float p = new Path2D.Float();
        switch (digit) {
            case 0 -> p.append(new Ellipse2D.Float(8.5f, 4.5f, 11, 19), false);
            case 1 -> line(p, 15, 4.5f, 13, 23.5f);
            case 2 -> {
                p.moveTo(8.5f, 9);
                p.curveTo(9, 3.5f, 19.5f, 3.5f, 19, 9.5f);
                p.curveTo(18.5f, 14, 11, 18, 8, 23.5f);
                p.lineTo(20, 23.5f);
            }
            case 3 -> {
                p.moveTo(8.5f, 6);
                p.curveTo(12, 3, 20, 4, 18.5f, 9);
                p.curveTo(17.5f, 12.5f, 13, 13.5f, 12, 13.5f);
                p.curveTo(20, 13, 21, 20, 17, 22.5f);
                p.curveTo(14, 24.5f, 10, 24, 8, 21.5f);
            }
            case 4 -> {
                p.moveTo(10, 4.5f);
                p.lineTo(8.5f, 15);
                p.lineTo(20.5f, 15);
                line(p, 17, 4.5f, 16.5f, 23.5f);
            }
            case 5 -> {
                p.moveTo(19, 4.5f);
                p.lineTo(10, 4.5f);
                p.lineTo(9, 12.5f);
                p.curveTo(14, 10, 20, 12.5f, 19.5f, 17.5f);
                p.curveTo(19, 23, 12, 25, 8, 21.5f);
            }
            case 6 -> {
                p.moveTo(17.5f, 4.5f);
                p.curveTo(12, 7.5f, 9, 13, 9.5f, 18.5f);
                p.append(new Ellipse2D.Float(9.5f, 14, 9.5f, 9.5f), false);
            }
            case 7 -> {
                p.moveTo(7.5f, 5);
                p.lineTo(20.5f, 5);
                p.lineTo(12, 23.5f);
            }
            case 8 -> {
                p.append(new Ellipse2D.Float(9.5f, 4.5f, 9, 9), false);
                p.append(new Ellipse2D.Float(8.5f, 13.5f, 11, 10), false);
            }
            case 9 -> {
                p.append(new Ellipse2D.Float(8.5f, 4.5f, 10, 9.5f), false);
                p.moveTo(18.5f, 9);
                p.curveTo(18.5f, 14, 17, 19, 16, 23.5f);
            }
            default -> throw new IllegalArgumentException("a digit is 0 to 9, got " + digit);
        }
        return p;
    }

    private static void line(Path2D.Float p, float x1, float y1, float x2, float y2) {
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
    }
}
