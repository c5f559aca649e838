package dev.webnn.samples;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.samples.models.MobileNetV2;
import dev.webnn.samples.models.SqueezeNet;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples classify}: ImageNet classification of an image with SqueezeNet 1.1 or
 * MobileNetV2, both built operation by operation from the {@code .npy} weights of the WebNN
 * test data. Prints the five most probable classes and the latency.
 *
 * <p>Preprocessing (models README): resize to 224×224, scale to [0, 1], subtract the
 * ImageNet mean and divide by its standard deviation per channel, channel-first.
 * SqueezeNet outputs logits, turned into probabilities by a softmax here; MobileNetV2 ends
 * with a softmax; when its classifier weight is absent (as in {@code ../shared}) it is
 * synthetic, its classes are meaningless and a warning says so.
 */
@Command(name = "classify", description = "Classify an image with SqueezeNet 1.1 or MobileNetV2 built op by op from .npy"
        + " weights; prints the top-5 ImageNet classes and the latency (median of --runs after a warm-up).")
final class ClassifyCommand implements Callable<Integer> {

    /** Model input size. */
    static final int SIZE = 224;
    /** ImageNet per-channel mean (RGB, values in [0, 1]). */
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet per-channel standard deviation. */
    static final float[] STD = {0.229f, 0.224f, 0.225f};
    /** The image used without {@code --image}, relative to the models folder. */
    static final Path DEFAULT_IMAGE = Path.of("images", "lesser_panda.jpg");
    /** The number of ImageNet classes. */
    static final int CLASSES = 1000;
    /** The ImageNet labels, relative to the models folder; optional (classes are then shown by index). */
    static final Path LABELS = Path.of("labels", "imagenet1000.txt");

    /** The models {@code classify} can run. */
    enum Classifier {
        /** SqueezeNet 1.1, NCHW, real weights: the classes are meaningful. */
        SQUEEZENET("SqueezeNet 1.1 (NCHW)", "squeezenet1.1_nchw", SqueezeNet.OPERATORS, SqueezeNet::build, true),
        /** MobileNetV2 1.0, NCHW; the classifier weight is synthetic unless {@code gemm_104_weight.npy} is present. */
        MOBILENETV2("MobileNetV2 1.0 (NCHW)", "mobilenetv2_nchw", MobileNetV2.OPERATORS, MobileNetV2::build, false);

        final String title;
        final String folder;
        final List<String> operators;
        final BiFunction<Path, MLGraphBuilder, MLOperand> builder;
        final boolean outputsLogits;

        Classifier(String title, String folder, List<String> operators, BiFunction<Path, MLGraphBuilder, MLOperand> builder,
                boolean outputsLogits) {
            this.title = title;
            this.folder = folder;
            this.operators = operators;
            this.builder = builder;
            this.outputsLogits = outputsLogits;
        }

        /** The name on the command line: {@code squeezenet} or {@code mobilenetv2}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions options;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "squeezenet",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; MobileNetV2's classes are synthetic when"
                    + " gemm_104_weight.npy is absent).")
    private Classifier model;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Image to classify, PNG, JPEG, GIF or BMP (default: images/lesser_panda.jpg in the models folder).")
    private Path image;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path models = options.modelsFolder();
        Path weights = ModelOptions.require(models.resolve(model.folder).resolve("weights"), model.title + " weights folder");
        Path labelsFile = models.resolve(LABELS);
        IntFunction<String> label = Files.exists(labelsFile) ? Ranking.readLabels(labelsFile, CLASSES)::get : i -> "class " + i;
        Path imageFile = image != null ? image : models.resolve(DEFAULT_IMAGE);
        BufferedImage picture = Images.read(imageFile);
        float[] input = Images.normalise(Images.rgbPlanes(picture, SIZE, SIZE), MEAN, STD);

        ModelRun run = ModelRun.run(options, model.title, model.operators, b -> model.builder.apply(weights, b), input);

        float[] probabilities = model.outputsLogits ? Ranking.softmax(run.output()) : run.output();
        out.println("model: " + model.title + ", weights " + weights.toAbsolutePath().normalize());
        out.printf("image: %s (%dx%d, resized to %dx%d)%n", imageFile.toAbsolutePath().normalize(), picture.getWidth(),
                picture.getHeight(), SIZE, SIZE);
        if (model == Classifier.MOBILENETV2 && !MobileNetV2.hasRealClassifier(weights)) {
            out.println("WARNING: gemm_104_weight.npy is not in the weights folder, so MobileNetV2's classifier is synthetic:"
                    + " the classes below are MEANINGLESS (shapes and latency are real).");
        }
        if (!Files.exists(labelsFile)) {
            out.println("note: no " + LABELS + " in the models folder, so classes are shown by index");
        }
        out.println("top-5:");
        Ranking.print(out, probabilities, 5, label);
        run.printTiming(out);
        out.flush();
        return 0;
    }
}
