package dev.webnn.samples.ocr;

import java.util.List;

/**
 * A rectangle at any angle: centre, side lengths along its own axes, and the direction of its
 * first axis.
 *
 * @param cx centre x
 * @param cy centre y
 * @param width length along the first axis
 * @param height length along the second axis (the first turned by +90°)
 * @param angle direction of the first axis in radians from the x axis
 */
public record RotatedRect(double cx, double cy, double width, double height, double angle) {

    /**
     * The area.
     *
     * @return width × height
     */
    public double area() {
        return width * height;
    }

    /**
     * The four corners, going round from centre − both half axes.
     *
     * @return four points
     */
    public List<Point> corners() {
        double ux = Math.cos(angle) * width / 2, uy = Math.sin(angle) * width / 2;
        double vx = -Math.sin(angle) * height / 2, vy = Math.cos(angle) * height / 2;
        return List.of(new Point(cx - ux - vx, cy - uy - vy), new Point(cx + ux - vx, cy + uy - vy),
                new Point(cx + ux + vx, cy + uy + vy), new Point(cx - ux + vx, cy - uy + vy));
    }

    /**
     * Grows the rectangle outwards by {@code area × ratio / perimeter} on every side (the
     * offset DB text detectors use to recover a whole word from its shrunk core).
     *
     * @param ratio the unclip ratio, e.g. 1.5
     * @return the larger rectangle
     */
    public RotatedRect unclip(double ratio) {
        double perimeter = 2 * (width + height);
        double offset = perimeter == 0 ? 0 : area() * ratio / perimeter;
        return new RotatedRect(cx, cy, width + 2 * offset, height + 2 * offset, angle);
    }

    /**
     * The same rectangle described with its first axis within 45° of the x axis, or, when the
     * result is at least 1.5 times taller than wide (vertical text), {@link #landscape()}.
     *
     * @return a rectangle whose first axis is the reading direction
     */
    public RotatedRect readingDirection() {
        double a = angle;
        while (a > Math.PI / 2) {
            a -= Math.PI;
        }
        while (a <= -Math.PI / 2) {
            a += Math.PI;
        }
        RotatedRect r = a > Math.PI / 4 ? new RotatedRect(cx, cy, height, width, a - Math.PI / 2)
                : a <= -Math.PI / 4 ? new RotatedRect(cx, cy, height, width, a + Math.PI / 2)
                : new RotatedRect(cx, cy, width, height, a);
        return r.height >= 1.5 * r.width ? r.landscape() : r;
    }

    /**
     * The same rectangle described with its longer side first, angle in (−90°, 90°].
     *
     * @return a rectangle whose first axis is the text direction of a line of text
     */
    public RotatedRect landscape() {
        RotatedRect r = width >= height ? this : new RotatedRect(cx, cy, height, width, angle + Math.PI / 2);
        double a = r.angle;
        while (a > Math.PI / 2) {
            a -= Math.PI;
        }
        while (a <= -Math.PI / 2) {
            a += Math.PI;
        }
        return new RotatedRect(r.cx, r.cy, r.width, r.height, a);
    }
}
