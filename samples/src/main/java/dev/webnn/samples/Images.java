package dev.webnn.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image preprocessing shared by the samples: decoding with {@code javax.imageio}, resizing
 * to a model's input size, and channel-first float tensors.
 *
 * <p>Tensors are planar ({@code [channel][row][column]}, the NCHW layout without the batch
 * dimension) with values scaled to [0, 1]. Resizing is separable: shrinking averages the
 * source pixels each output pixel covers (so a large photo does not alias), enlarging
 * interpolates linearly between pixel centres. The aspect ratio is not kept.
 */
public final class Images {

    private Images() {
    }

    /**
     * Decodes an image file.
     *
     * @param file a PNG, JPEG, GIF or BMP file
     * @return the image
     * @throws SampleException if the file is missing, unreadable, not an image, or damaged
     *     (the decoder warns, e.g. about a truncated JPEG)
     */
    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw SampleException.badInput("image " + file.toAbsolutePath().normalize() + " not found");
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw SampleException.badInput("cannot decode image " + file + ": not a PNG, JPEG, GIF or BMP file");
            }
            ImageReader reader = readers.next();
            try {
                // A truncated or damaged file often decodes partly with only a warning: treat it as corrupt.
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                reader.setInput(stream, true, true);
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw SampleException.badInput("cannot decode image " + file + ": " + warnings.getFirst());
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SampleException known) {
                throw known;
            }
            throw SampleException.badInput("cannot decode image " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The red, green and blue planes of an image resized to {@code width}×{@code height},
     * with values in [0, 1].
     *
     * @param image the image (alpha is ignored)
     * @param width the output width
     * @param height the output height
     * @return {@code 3 * height * width} values, channel-first
     */
    static float[] rgbPlanes(BufferedImage image, int width, int height) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] planes = new float[3 * w * h];
        for (int i = 0; i < argb.length; i++) {
            planes[i] = (argb[i] >> 16 & 0xFF) / 255f;
            planes[w * h + i] = (argb[i] >> 8 & 0xFF) / 255f;
            planes[2 * w * h + i] = (argb[i] & 0xFF) / 255f;
        }
        return resize(planes, 3, w, h, width, height);
    }

    /**
     * The luminance of an image resized to {@code width}×{@code height}, with values in [0, 1].
     *
     * @param image the image (alpha is ignored)
     * @param width the output width
     * @param height the output height
     * @return {@code height * width} values, row by row
     */
    static float[] grayPlane(BufferedImage image, int width, int height) {
        float[] rgb = rgbPlanes(image, width, height);
        int size = width * height;
        float[] gray = new float[size];
        for (int i = 0; i < size; i++) {
            gray[i] = 0.299f * rgb[i] + 0.587f * rgb[size + i] + 0.114f * rgb[2 * size + i];
        }
        return gray;
    }

    /**
     * Normalises channel-first planes in place: {@code (value - mean[c]) / std[c]}.
     *
     * @param planes channel-first values; the channel count is {@code mean.length}
     * @param mean the mean of each channel
     * @param std the standard deviation of each channel
     * @return {@code planes}
     */
    static float[] normalise(float[] planes, float[] mean, float[] std) {
        int size = planes.length / mean.length;
        for (int c = 0; c < mean.length; c++) {
            for (int i = c * size; i < (c + 1) * size; i++) {
                planes[i] = (planes[i] - mean[c]) / std[c];
            }
        }
        return planes;
    }

    /**
     * Resizes channel-first planes, first along rows then along columns.
     *
     * @param planes {@code channels * height * width} values
     * @param channels the number of planes
     * @param width the source width
     * @param height the source height
     * @param newWidth the output width
     * @param newHeight the output height
     * @return {@code channels * newHeight * newWidth} values
     */
    static float[] resize(float[] planes, int channels, int width, int height, int newWidth, int newHeight) {
        Taps columns = Taps.of(width, newWidth);
        Taps rows = Taps.of(height, newHeight);
        float[] wide = new float[channels * height * newWidth];
        for (int line = 0; line < channels * height; line++) {
            for (int x = 0; x < newWidth; x++) {
                wide[line * newWidth + x] = columns.apply(planes, line * width, 1, x);
            }
        }
        float[] result = new float[channels * newHeight * newWidth];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < newHeight; y++) {
                for (int x = 0; x < newWidth; x++) {
                    result[(c * newHeight + y) * newWidth + x] = rows.apply(wide, c * height * newWidth + x, newWidth, y);
                }
            }
        }
        return result;
    }

    /**
     * Resampling weights along one axis: output index {@code i} is the weighted sum of the
     * source indices {@code index[i]} with weights {@code weight[i]} (summing to one).
     */
    private record Taps(int[][] index, float[][] weight) {

        static Taps of(int size, int newSize) {
            int[][] index = new int[newSize][];
            float[][] weight = new float[newSize][];
            double scale = (double) size / newSize;
            for (int i = 0; i < newSize; i++) {
                if (scale >= 1) {
                    // Area average: the source interval [i*scale, (i+1)*scale) this output pixel covers.
                    double from = i * scale;
                    double to = Math.min(size, (i + 1) * scale);
                    int first = (int) Math.floor(from);
                    int last = Math.min(size - 1, (int) Math.ceil(to) - 1);
                    index[i] = new int[last - first + 1];
                    weight[i] = new float[last - first + 1];
                    for (int j = first; j <= last; j++) {
                        index[i][j - first] = j;
                        weight[i][j - first] = (float) ((Math.min(to, j + 1) - Math.max(from, j)) / (to - from));
                    }
                } else {
                    // Linear interpolation between the two source pixel centres around this one's centre.
                    double centre = Math.max(0, (i + 0.5) * scale - 0.5);
                    int left = Math.min(size - 1, (int) Math.floor(centre));
                    int right = Math.min(size - 1, left + 1);
                    float fraction = (float) (centre - left);
                    index[i] = new int[] {left, right};
                    weight[i] = new float[] {1 - fraction, fraction};
                }
            }
            return new Taps(index, weight);
        }

        /** The output value {@code i} of the line starting at {@code offset} with the given element stride. */
        float apply(float[] source, int offset, int stride, int i) {
            float sum = 0;
            for (int k = 0; k < index[i].length; k++) {
                sum += weight[i][k] * source[offset + index[i][k] * stride];
            }
            return sum;
        }
    }
}
