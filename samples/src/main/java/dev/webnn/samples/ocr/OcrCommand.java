package dev.webnn.samples.ocr;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLNotSupportedError;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxUnsupported;
import dev.webnn.samples.Images;
import dev.webnn.samples.SampleException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples ocr}: PaddleOCR v4 text detection and recognition on WebNN. Prints each
 * line as its box's corners, confidence and text; {@code --annotate} draws them on the image.
 */
@Command(name = "ocr", description = "Read the text in an image (or in --text rendered with Java2D) with PaddleOCR v4.")
public final class OcrCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Exactly one source of pixels. */
    static final class Source {
        @Option(names = "--image", paramLabel = "FILE", description = "A PNG, JPEG, GIF or BMP file.")
        Path image;

        @Option(names = "--text", paramLabel = "TEXT", description = "Text to render in black on white and read back.")
        String text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--font", paramLabel = "NAME", defaultValue = "SansSerif",
            description = "Font of --text (default: ${DEFAULT-VALUE}).")
    private String font;

    @Option(names = "--size", paramLabel = "PT", defaultValue = "32", description = "Font size of --text (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--annotate", paramLabel = "OUT.png", description = "Write the image with the boxes and texts drawn on it.")
    private Path annotate;

    @Option(names = "--backend", paramLabel = "NAME", description = "Backend to use (default: the highest-priority available one).")
    private String backend;

    @Option(names = "--ocr-models", paramLabel = "DIR",
            description = "Folder of the PaddleOCR files (default: the webnn cache's test-data/ocr-models/package/assets).")
    private Path folder;

    /** Created by picocli. */
    public OcrCommand() {
    }

    @Override
    public Integer call() {
        if (size < 6 || size > 200) {
            throw SampleException.badInput("--size must be between 6 and 200, not " + size);
        }
        OcrModels models = OcrModels.in(folder != null ? folder : OcrModels.defaultFolder());
        BufferedImage image = source.image != null ? Images.read(source.image)
                : TextImage.render(source.text, new Font(font, Font.PLAIN, size));
        PrintWriter out = spec.commandLine().getOut();
        MLContextOptions options = backend == null ? MLContextOptions.defaults() : MLContextOptions.defaults().withBackend(backend);
        MLContext created;
        try {
            created = ML.createContext(options);
        } catch (MLNotSupportedError | IllegalArgumentException e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
        try (MLContext context = created; TextReader reader = new TextReader(context, models)) {
            requireRuns(context, models);
            long start = System.nanoTime();
            List<TextLine> lines;
            try {
                lines = reader.read(image);
            } catch (MLNotSupportedError e) {
                throw SampleException.cannotRun("the " + context.backendName() + " backend cannot run PaddleOCR: "
                        + e.getMessage() + " (try --backend onnxruntime)");
            }
            out.printf("backend %s, %d lines in %.0f ms%n", context.backendName(), lines.size(),
                    (System.nanoTime() - start) / 1e6);
            for (TextLine line : lines) {
                String box = line.box().stream().map(p -> Math.round(p.x()) + "," + Math.round(p.y()))
                        .collect(Collectors.joining(" "));
                out.printf("[%s] %.3f %s%n", box, line.confidence(), line.text());
            }
            if (annotate != null) {
                write(annotated(image, lines), annotate);
            }
        }
        return 0;
    }

    private static void requireRuns(MLContext context, OcrModels models) {
        TreeSet<String> missing = new TreeSet<>();
        for (Path file : List.of(models.detector(), models.recogniser())) {
            OnnxModel model = OnnxModel.read(file);
            long height = file.equals(models.detector()) ? 64 : TextReader.LINE_HEIGHT;
            OnnxImportOptions shape = OnnxImportOptions.defaults().withInputShape(model.inputs().get(0).name(), 1, 3, height, 64);
            model.check(context, shape).stream().map(OnnxUnsupported::opType).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw SampleException.cannotRun("the " + context.backendName() + " backend cannot run PaddleOCR: "
                    + String.join(", ", missing) + " (try --backend onnxruntime)");
        }
    }

    private static BufferedImage annotated(BufferedImage image, List<TextLine> lines) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setStroke(new BasicStroke(2));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        for (TextLine line : lines) {
            Path2D outline = new Path2D.Double();
            outline.moveTo(line.box().get(0).x(), line.box().get(0).y());
            line.box().subList(1, 4).forEach(p -> outline.lineTo(p.x(), p.y()));
            outline.closePath();
            g.setColor(Color.RED);
            g.draw(outline);
            g.setColor(Color.BLUE);
            g.drawString(line.text(), (float) line.box().get(0).x(), (float) Math.max(14, line.box().get(0).y() - 3));
        }
        g.dispose();
        return copy;
    }

    private static void write(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw SampleException.badInput("cannot write " + file + ": no PNG writer");
            }
        } catch (IOException e) {
            throw SampleException.badInput("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
