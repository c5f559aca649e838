package dev.webnn.samples.ocr;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PaddleOCR v4 on WebNN: the detector's text probability map is binarised, each connected
 * region becomes a minimum-area rectangle grown by unclipping (and a margin of
 * {@value #CROP_MARGIN} of its height, which keeps spaces and tall glyphs), the rectangle is cut out
 * upright, scaled to height {@value #LINE_HEIGHT} and read by the recogniser with greedy CTC
 * decoding. Graphs are compiled per input shape and kept for the reader's life.
 */
final class TextReader implements AutoCloseable {

    /** Probability above which a detector pixel is text. */
    static final float THRESHOLD = 0.3f;
    /** Mean probability a region needs to count as text. */
    static final double BOX_THRESHOLD = 0.6;
    /** Unclip ratio of the detector's shrunk text cores. */
    static final double UNCLIP_RATIO = 1.5;
    /** Input height of the recogniser. */
    static final int LINE_HEIGHT = 48;
    /** Extra margin around a box given to the recogniser, as a fraction of the box's height. */
    static final double CROP_MARGIN = 0.2;
    /** Longest side given to the detector. */
    static final int MAX_SIDE = 960;

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final MLContext context;
    private final OnnxModel detector;
    private final OnnxModel recogniser;
    private final CtcDecoder decoder;
    private final Map<String, MLGraph> graphs = new HashMap<>();

    /**
     * A reader.
     *
     * @param context the context that runs both models
     * @param models the model files
     */
    TextReader(MLContext context, OcrModels models) {
        this.context = context;
        this.detector = OnnxModel.read(models.detector());
        this.recogniser = OnnxModel.read(models.recogniser());
        this.decoder = new CtcDecoder(models.dictionary());
    }

    /**
     * Reads the text lines of an image, top to bottom.
     *
     * @param image the image
     * @return the lines, boxes in the image's pixels
     */
    List<TextLine> read(BufferedImage image) {
        List<TextLine> lines = new ArrayList<>();
        for (RotatedRect box : detect(image)) {
            double margin = CROP_MARGIN * box.height();
            RotatedRect region = new RotatedRect(box.cx(), box.cy(), box.width() + 2 * margin, box.height() + 2 * margin,
                    box.angle());
            CtcDecoder.Decoded decoded = recognise(crop(image, region));
            if (!decoded.text().isBlank()) {
                lines.add(new TextLine(region.corners(), decoded.text(), decoded.confidence()));
            }
        }
        return lines;
    }

    /** The text boxes in reading direction, sorted by rows then left to right. */
    List<RotatedRect> detect(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        double scale = Math.min(1, (double) MAX_SIDE / Math.max(w, h));
        int dw = Math.max(32, (int) Math.round(w * scale / 32) * 32);
        int dh = Math.max(32, (int) Math.round(h * scale / 32) * 32);
        float[] input = planes(resized(image, dw, dh), (v, c) -> (v / 255f - MEAN[c]) / STD[c]);
        float[] map = run(detector, "det", input, 1, 3, dh, dw);
        boolean[] mask = new boolean[dw * dh];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = map[i] > THRESHOLD;
        }
        double sx = (double) w / dw, sy = (double) h / dh;
        List<RotatedRect> boxes = new ArrayList<>();
        for (int[] pixels : Components.of(mask, dw, dh)) {
            double score = 0;
            List<Point> corners = new ArrayList<>(4 * pixels.length);
            for (int p : pixels) {
                score += map[p];
                int x = p % dw, y = p / dw;
                corners.add(new Point(x, y));
                corners.add(new Point(x + 1, y));
                corners.add(new Point(x, y + 1));
                corners.add(new Point(x + 1, y + 1));
            }
            RotatedRect core = MinAreaRect.of(corners);
            if (score / pixels.length < BOX_THRESHOLD || Math.min(core.width(), core.height()) < 2) {
                continue;
            }
            List<Point> scaled = core.unclip(UNCLIP_RATIO).corners().stream()
                    .map(c -> new Point(c.x() * sx, c.y() * sy)).toList();
            boxes.add(MinAreaRect.of(scaled).readingDirection());
        }
        double rowHeight = boxes.stream().mapToDouble(RotatedRect::height).min().orElse(1);
        boxes.sort(Comparator.comparingLong((RotatedRect r) -> Math.round(r.cy() / rowHeight))
                .thenComparingDouble(RotatedRect::cx));
        return boxes;
    }

    /** The box's content, turned upright, on white where it leaves the image. */
    static BufferedImage crop(BufferedImage image, RotatedRect box) {
        int cw = Math.max(1, (int) Math.round(box.width())), ch = Math.max(1, (int) Math.round(box.height()));
        BufferedImage crop = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, cw, ch);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(cw / 2.0, ch / 2.0);
        g.rotate(-box.angle());
        g.translate(-box.cx(), -box.cy());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return crop;
    }

    private CtcDecoder.Decoded recognise(BufferedImage crop) {
        int width = (int) Math.ceil((double) LINE_HEIGHT * crop.getWidth() / crop.getHeight());
        int padded = Math.max(32, (width + 31) / 32 * 32);
        float[] line = planes(resized(crop, width, LINE_HEIGHT), (v, c) -> (v / 255f - 0.5f) / 0.5f);
        float[] input = new float[3 * LINE_HEIGHT * padded]; // zero (mid grey) right of the text
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < LINE_HEIGHT; y++) {
                System.arraycopy(line, (c * LINE_HEIGHT + y) * width, input, (c * LINE_HEIGHT + y) * padded, width);
            }
        }
        MLGraph graph = graph(recogniser, "rec", 1, 3, LINE_HEIGHT, padded);
        long[] shape = graph.outputDescriptors().values().iterator().next().shape();
        float[] probabilities = run(recogniser, "rec", input, 1, 3, LINE_HEIGHT, padded);
        return decoder.decode(probabilities, 0, (int) shape[1], (int) shape[2]);
    }

    private float[] run(OnnxModel model, String kind, float[] input, long... shape) {
        MLGraph graph = graph(model, kind, shape);
        var output = graph.outputDescriptors().entrySet().iterator().next();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input);
            MemorySegment out = arena.allocate(output.getValue().byteLength(), Float.BYTES);
            context.compute(graph, Map.of(model.inputs().get(0).name(), in), Map.of(output.getKey(), out));
            return out.toArray(ValueLayout.JAVA_FLOAT);
        }
    }

    private MLGraph graph(OnnxModel model, String kind, long... shape) {
        String key = kind + java.util.Arrays.toString(shape);
        return graphs.computeIfAbsent(key, k -> model.compile(context,
                OnnxImportOptions.defaults().withInputShape(model.inputs().get(0).name(), shape)));
    }

    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** A channel's normalisation of a 0..255 value. */
    private interface Normalisation {
        float apply(int value, int channel);
    }

    private static float[] planes(BufferedImage image, Normalisation normalisation) {
        int w = image.getWidth(), h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] planes = new float[3 * w * h];
        for (int i = 0; i < rgb.length; i++) {
            planes[i] = normalisation.apply(rgb[i] >> 16 & 0xff, 0);
            planes[w * h + i] = normalisation.apply(rgb[i] >> 8 & 0xff, 1);
            planes[2 * w * h + i] = normalisation.apply(rgb[i] & 0xff, 2);
        }
        return planes;
    }

    @Override
    public void close() {
        graphs.values().forEach(MLGraph::destroy);
        graphs.clear();
    }
}
