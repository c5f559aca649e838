package dev.webnn.samples.ocr;

import java.util.List;

/**
 * The minimum-area enclosing rectangle of a point set by rotating calipers: one side of the
 * optimal rectangle lies on an edge of the convex hull, so each hull edge direction is tried
 * and the points' extents along it and its normal give a candidate.
 */
final class MinAreaRect {

    private MinAreaRect() {
    }

    /**
     * The smallest rectangle enclosing the points.
     *
     * @param points at least one point
     * @return the rectangle (zero width or height for one point or collinear points)
     */
    static RotatedRect of(List<Point> points) {
        List<Point> hull = ConvexHull.of(points);
        RotatedRect best = null;
        int n = hull.size();
        for (int i = 0; i < Math.max(1, n); i++) {
            Point a = hull.get(i), b = hull.get((i + 1) % n);
            double angle = n == 1 ? 0 : Math.atan2(b.y() - a.y(), b.x() - a.x());
            RotatedRect candidate = aligned(hull, angle);
            if (best == null || candidate.area() < best.area()) {
                best = candidate;
            }
        }
        return best;
    }

    /** The smallest rectangle with its first axis at {@code angle} enclosing the points. */
    private static RotatedRect aligned(List<Point> points, double angle) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double minU = Double.POSITIVE_INFINITY, maxU = Double.NEGATIVE_INFINITY;
        double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double u = p.x() * cos + p.y() * sin, v = -p.x() * sin + p.y() * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        double u = (minU + maxU) / 2, v = (minV + maxV) / 2;
        return new RotatedRect(u * cos - v * sin, u * sin + v * cos, maxU - minU, maxV - minV, angle);
    }
}
