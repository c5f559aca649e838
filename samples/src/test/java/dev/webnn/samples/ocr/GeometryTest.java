package dev.webnn.samples.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Convex hull, minimum-area rectangle, unclipping and connected components on known shapes. */
class GeometryTest {

    @Test
    void hullDropsInteriorAndCollinearPoints() {
        List<Point> points = List.of(new Point(0, 0), new Point(2, 0), new Point(4, 0), new Point(4, 3), new Point(0, 3),
                new Point(1, 1), new Point(3, 2), new Point(2, 3));
        assertEquals(List.of(new Point(0, 0), new Point(4, 0), new Point(4, 3), new Point(0, 3)), ConvexHull.of(points));
        assertEquals(List.of(new Point(1, 1)), ConvexHull.of(List.of(new Point(1, 1), new Point(1, 1))));
    }

    @Test
    void minimumRectangleOfATiltedRectangleIsThatRectangle() {
        // a 10 x 2 rectangle turned by 30 degrees around (50, 40), plus points inside it
        RotatedRect truth = new RotatedRect(50, 40, 10, 2, Math.toRadians(30));
        List<Point> points = new ArrayList<>(truth.corners());
        points.add(new Point(50, 40));
        points.add(new Point(51, 40.5));
        RotatedRect found = MinAreaRect.of(points).landscape();
        assertEquals(20, found.area(), 1e-9);
        assertEquals(10, found.width(), 1e-9);
        assertEquals(2, found.height(), 1e-9);
        assertEquals(50, found.cx(), 1e-9);
        assertEquals(40, found.cy(), 1e-9);
        assertEquals(30, Math.toDegrees(found.angle()), 1e-9);
    }

    @Test
    void minimumRectangleIsSmallerThanTheAxisAlignedBoxOfADiamond() {
        List<Point> diamond = List.of(new Point(0, 5), new Point(5, 0), new Point(10, 5), new Point(5, 10));
        RotatedRect found = MinAreaRect.of(diamond);
        assertEquals(50, found.area(), 1e-9); // the box would be 100
        for (Point corner : found.corners()) {
            assertTrue(diamond.stream().anyMatch(p -> Math.hypot(p.x() - corner.x(), p.y() - corner.y()) < 1e-9), corner
                    + " is a vertex of the diamond");
        }
    }

    @Test
    void unclipGrowsEverySideByAreaTimesRatioOverPerimeter() {
        RotatedRect grown = new RotatedRect(0, 0, 30, 10, 0).unclip(1.5);
        // 300 * 1.5 / 80 = 5.625 on each side
        assertEquals(41.25, grown.width(), 1e-12);
        assertEquals(21.25, grown.height(), 1e-12);
        assertEquals(0, grown.angle());
    }

    @Test
    void landscapePutsTheLongSideFirst() {
        RotatedRect upright = new RotatedRect(5, 5, 2, 8, 0).landscape();
        assertEquals(8, upright.width());
        assertEquals(2, upright.height());
        assertEquals(90, Math.toDegrees(upright.angle()), 1e-9);
    }

    @Test
    void readingDirectionKeepsShortWordsHorizontalAndTurnsTallColumns() {
        RotatedRect word = new RotatedRect(5, 5, 10, 12, Math.toRadians(90)).readingDirection();
        assertEquals(12, word.width(), 1e-12);
        assertEquals(10, word.height(), 1e-12);
        assertEquals(0, Math.toDegrees(word.angle()), 1e-9);
        RotatedRect column = new RotatedRect(5, 5, 10, 40, Math.toRadians(-3)).readingDirection();
        assertEquals(40, column.width(), 1e-12);
        assertEquals(87, Math.toDegrees(column.angle()), 1e-9);
    }

    @Test
    void componentsAreEightConnected() {
        boolean[] mask = {
            true, false, false, true,
            false, true, false, true,
            false, false, false, false};
        List<int[]> components = Components.of(mask, 4, 3);
        assertEquals(2, components.size());
        assertEquals(List.of(0, 5), List.of(components.get(0)[0], components.get(0)[1]));
        assertEquals(List.of(3, 7), List.of(components.get(1)[0], components.get(1)[1]));
    }

    @Test
    void ctcCollapsesRepeatsDropsBlanksAndMapsTheLastClassToSpace() {
        CtcDecoder decoder = new CtcDecoder(List.of("a", "b"));
        // classes: 0 blank, 1 a, 2 b, 3 space; steps: a a blank a space b
        float[] p = {
            0.1f, 0.9f, 0, 0,
            0.2f, 0.8f, 0, 0,
            1, 0, 0, 0,
            0.3f, 0.7f, 0, 0,
            0, 0, 0.4f, 0.6f,
            0, 0, 0.5f, 0.1f};
        CtcDecoder.Decoded decoded = decoder.decode(p, 0, 6, 4);
        assertEquals("aa b", decoded.text());
        assertEquals((0.9 + 0.7 + 0.6 + 0.5) / 4, decoded.confidence(), 1e-6);
    }
}
