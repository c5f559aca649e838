package dev.webnn.samples.models;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The ImageNet classifiers of the samples, both NCHW float32 with one input {@code "input"}
 * [1,3,224,224] and a [1,1000] output, built from a folder of the WebNN test-data models.
 */
public enum ImageClassifier {

    /** SqueezeNet 1.1, NCHW, real weights: the classes are meaningful; outputs logits. */
    SQUEEZENET("SqueezeNet 1.1 (NCHW)", "squeezenet1.1_nchw", SqueezeNet.OPERATORS, SqueezeNet::build, true,
            SqueezeNet.INPUT, SqueezeNet.INPUT_DESCRIPTOR),
    /** SqueezeNet 1.1, NCHW, with its filters quantized to int8 per output channel ({@link SqueezeNet#buildInt8}). */
    SQUEEZENET_INT8("SqueezeNet 1.1 int8 weights (NCHW)", "squeezenet1.1_nchw", SqueezeNet.INT8_OPERATORS,
            SqueezeNet::buildInt8, true, SqueezeNet.INPUT, SqueezeNet.INPUT_DESCRIPTOR),
    /** MobileNetV2 1.0, NCHW; outputs probabilities; the classifier weight is synthetic unless {@code gemm_104_weight.npy} is present. */
    MOBILENETV2("MobileNetV2 1.0 (NCHW)", "mobilenetv2_nchw", MobileNetV2.OPERATORS, MobileNetV2::build, false,
            MobileNetV2.INPUT, MobileNetV2.INPUT_DESCRIPTOR),
    /** MobileNetV2 1.0, NCHW, with its weights quantized to int8 per output channel ({@link MobileNetV2#buildInt8}). */
    MOBILENETV2_INT8("MobileNetV2 1.0 int8 weights (NCHW)", "mobilenetv2_nchw", MobileNetV2.INT8_OPERATORS,
            MobileNetV2::buildInt8, false, MobileNetV2.INPUT, MobileNetV2.INPUT_DESCRIPTOR);

    private final String title;
    private final String folder;
    private final List<String> operators;
    private final BiFunction<Path, MLGraphBuilder, MLOperand> builder;
    private final boolean outputsLogits;
    private final String input;
    private final MLOperandDescriptor inputDescriptor;

    ImageClassifier(String title, String folder, List<String> operators, BiFunction<Path, MLGraphBuilder, MLOperand> builder,
            boolean outputsLogits, String input, MLOperandDescriptor inputDescriptor) {
        this.title = title;
        this.folder = folder;
        this.operators = operators;
        this.builder = builder;
        this.outputsLogits = outputsLogits;
        this.input = input;
        this.inputDescriptor = inputDescriptor;
    }

    /**
     * The model's name for people, e.g. {@code SqueezeNet 1.1 (NCHW)}.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The model's folder under the models folder, e.g. {@code squeezenet1.1_nchw}.
     *
     * @return the folder name
     */
    public String folder() {
        return folder;
    }

    /**
     * The folder of the model's {@code .npy} weights.
     *
     * @param models the models folder
     * @return {@code <models>/<folder>/weights}
     */
    public Path weights(Path models) {
        return models.resolve(folder).resolve("weights");
    }

    /**
     * Whether the classifier weight is synthetic (only MobileNetV2's can be, when its file is missing).
     *
     * @param weights the weights folder
     * @return true if the classes are meaningless
     */
    public boolean hasSyntheticClassifier(Path weights) {
        return (this == MOBILENETV2 || this == MOBILENETV2_INT8) && !MobileNetV2.hasRealClassifier(weights);
    }

    /**
     * The spec names of the operators the model uses.
     *
     * @return the operators
     */
    public List<String> operators() {
        return operators;
    }

    /**
     * Adds the model to a builder.
     *
     * @param weights the weights folder
     * @param graphBuilder the builder
     * @return the [1,1000] output
     */
    public MLOperand build(Path weights, MLGraphBuilder graphBuilder) {
        return builder.apply(weights, graphBuilder);
    }

    /**
     * Whether the output is logits (else probabilities).
     *
     * @return true for logits
     */
    public boolean outputsLogits() {
        return outputsLogits;
    }

    /**
     * The graph input's name.
     *
     * @return {@code "input"}
     */
    public String input() {
        return input;
    }

    /**
     * The graph input's descriptor.
     *
     * @return [1,3,224,224] float32
     */
    public MLOperandDescriptor inputDescriptor() {
        return inputDescriptor;
    }

    /** The name on the command line: {@code squeezenet} or {@code mobilenetv2}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
