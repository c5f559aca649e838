package dev.webnn.samples.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The convex hull of a point set by Andrew's monotone chain. */
final class ConvexHull {

    private ConvexHull() {
    }

    /**
     * The hull's vertices in counter-clockwise order (in a y-up frame), without collinear points.
     *
     * @param points any points, at least one
     * @return the hull; one or two points when all points coincide or lie on a line
     */
    static List<Point> of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        if (sorted.size() < 3) {
            return sorted.stream().distinct().toList();
        }
        Point[] hull = new Point[2 * sorted.size()];
        int k = 0;
        for (Point p : sorted) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        for (int i = sorted.size() - 2, lower = k + 1; i >= 0; i--) {
            Point p = sorted.get(i);
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        return List.of(Arrays.copyOf(hull, Math.max(1, k - 1)));
    }

    /** The z component of (b - a) × (c - a): positive for a left turn. */
    static double cross(Point a, Point b, Point c) {
        return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
    }
}
