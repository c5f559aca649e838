package dev.webnn.samples.ocr;

/**
 * A point in image coordinates (x to the right, y down).
 *
 * @param x the horizontal coordinate
 * @param y the vertical coordinate
 */
public record Point(double x, double y) {
}
