package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shared preprocessing and ranking helpers, without any backend. */
class ImagesTest {

    @Test
    void resizeToTheSameSizeIsTheIdentity() {
        float[] planes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertArrayEquals(planes, Images.resize(planes, 2, 3, 2, 3, 2));
    }

    @Test
    void shrinkingAveragesTheCoveredPixels() {
        float[] plane = {0, 2, 4, 6, 1, 3, 5, 7};
        assertArrayEquals(new float[] {1.5f, 5.5f}, Images.resize(plane, 1, 4, 2, 2, 1), 1e-6f);
        // 3 → 2: the middle pixel is shared half and half.
        assertArrayEquals(new float[] {1, 5}, Images.resize(new float[] {0, 3, 6}, 1, 3, 1, 2, 1), 1e-6f);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        assertArrayEquals(new float[] {0, 1, 3, 4}, Images.resize(new float[] {0, 4}, 1, 2, 1, 4, 1), 1e-6f);
    }

    @Test
    void rgbPlanesAreChannelFirstInZeroToOne() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0080);
        image.setRGB(1, 0, 0x00FF00);
        assertArrayEquals(new float[] {1, 0, 0, 1, 128 / 255f, 0}, Images.rgbPlanes(image, 2, 1), 1e-6f);
        float[] normalised = Images.normalise(Images.rgbPlanes(image, 2, 1), ClassifyCommand.MEAN, ClassifyCommand.STD);
        assertEquals((1 - 0.485f) / 0.229f, normalised[0], 1e-6f);
        assertEquals((0 - 0.406f) / 0.225f, normalised[5], 1e-6f);
    }

    @Test
    void missingImageIsBadInput() {
        SampleException e = assertThrows(SampleException.class, () -> Images.read(Path.of("no-such-image.png")));
        assertEquals(SampleException.BAD_INPUT, e.exitCode());
    }

    @Test
    void softmaxAndTopK() {
        float[] probabilities = Ranking.softmax(new float[] {1, 3, 2, 3});
        double sum = 0;
        for (float p : probabilities) {
            sum += p;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(Math.exp(-2) / (Math.exp(-2) + 2 + Math.exp(-1)), probabilities[0], 1e-6);
        assertArrayEquals(new int[] {1, 3, 2}, Ranking.top(probabilities, 3));
    }

    @Test
    void latencyIsTheMedianAfterOneWarmUp() {
        int[] calls = {0};
        Latency latency = Latency.measure(4, () -> calls[0]++);
        assertEquals(5, calls[0]);
        assertEquals(4, latency.runs());
        assertEquals(true, latency.minMillis() <= latency.medianMillis() && latency.medianMillis() <= latency.maxMillis());
    }
}
