package dev.webnn.samples.ocr;

import java.util.List;

/**
 * A recognised line of text.
 *
 * @param box the four corners of its rotated box in image pixels
 * @param text the characters
 * @param confidence the mean probability of its characters
 */
public record TextLine(List<Point> box, String text, double confidence) {
}
