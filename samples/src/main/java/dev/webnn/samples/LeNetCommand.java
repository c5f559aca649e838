package dev.webnn.samples;

import dev.webnn.samples.models.LeNet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples lenet}: recognises a handwritten digit with LeNet-5, built operation
 * by operation from {@code lenet.bin}. The digit is drawn with Java2D ({@code --digit}) or
 * read from an image ({@code --image}, resized to 28×28 grey; a dark digit on a light
 * background is inverted to MNIST's white on black). Prints the input as text, the
 * predicted digit, the probability of every digit and the latency.
 */
@Command(name = "lenet", description = "Recognise a digit with LeNet built op by op from lenet.bin: a digit drawn with"
        + " Java2D (--digit) or an image (--image); prints the predicted digit, the probabilities and the latency.")
final class LeNetCommand implements Callable<Integer> {

    /** {@code lenet.bin}, relative to the models folder. */
    static final Path WEIGHTS = Path.of("lenet_nchw", "weights", "lenet.bin");
    /** Grey levels from black to white for printing the input as text. */
    private static final String SHADES = " .:-=+*#%@";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions options;

    @Option(names = "--digit", paramLabel = "D", defaultValue = "7",
            description = "Digit 0-9 to draw with Java2D and recognise (default: ${DEFAULT-VALUE}; ignored with --image).")
    private int digit;

    @Option(names = "--image", paramLabel = "FILE", description = "Image of one digit to recognise instead of a drawn one.")
    private Path image;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path weights = ModelOptions.require(options.modelsFolder().resolve(WEIGHTS), "LeNet weights file");
        float[] input;
        if (image != null) {
            input = Images.grayPlane(Images.read(image), DigitCanvas.SIDE, DigitCanvas.SIDE);
            if (lightBackground(input)) {
                for (int i = 0; i < input.length; i++) {
                    input[i] = 1 - input[i];
                }
                out.println("input: " + image + " (inverted: dark digit on a light background)");
            } else {
                out.println("input: " + image);
            }
        } else {
            if (digit < 0 || digit > 9) {
                throw SampleException.badInput("--digit must be 0 to 9, got " + digit);
            }
            input = Images.grayPlane(DigitCanvas.draw(digit), DigitCanvas.SIDE, DigitCanvas.SIDE);
            out.println("input: a " + digit + " drawn with Java2D");
        }
        printImage(out, input);

        ModelRun run = ModelRun.run(options, "LeNet", LeNet.OPERATORS, b -> LeNet.build(weights, b), input);

        out.println("predicted digit: " + Ranking.top(run.output(), 1)[0]);
        out.println("probabilities:");
        Ranking.print(out, run.output(), 10, d -> "digit " + d);
        run.printTiming(out);
        out.flush();
        return 0;
    }

    /** Whether the border of a 28×28 image is mostly light, i.e. the digit is dark on light. */
    static boolean lightBackground(float[] gray) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < DigitCanvas.SIDE; y++) {
            for (int x = 0; x < DigitCanvas.SIDE; x++) {
                if (y == 0 || x == 0 || y == DigitCanvas.SIDE - 1 || x == DigitCanvas.SIDE - 1) {
                    sum += gray[y * DigitCanvas.SIDE + x];
                    count++;
                }
            }
        }
        return sum / count > 0.5;
    }

    /** Prints a 28×28 image as text, two characters a pixel so that it keeps its proportions. */
    private static void printImage(PrintWriter out, float[] gray) {
        for (int y = 0; y < DigitCanvas.SIDE; y++) {
            StringBuilder line = new StringBuilder("  ");
            for (int x = 0; x < DigitCanvas.SIDE; x++) {
                float value = Math.clamp(gray[y * DigitCanvas.SIDE + x], 0f, 1f);
                char shade = SHADES.charAt(Math.round(value * (SHADES.length() - 1)));
                line.append(shade).append(shade);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
