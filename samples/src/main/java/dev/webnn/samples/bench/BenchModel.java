package dev.webnn.samples.bench;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.samples.models.MobileNetV2;
import dev.webnn.samples.models.SqueezeNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;

/** The models the benchmark runs: NCHW float32 image classifiers built from the shared test weights. */
public enum BenchModel {

    /** SqueezeNet 1.1, [1,3,224,224] → [1,1000] logits. */
    SQUEEZENET("SqueezeNet 1.1", "squeezenet1.1_nchw", SqueezeNet::build, SqueezeNet.INPUT, SqueezeNet.INPUT_DESCRIPTOR),
    /** MobileNetV2 1.0, [1,3,224,224] → [1,1000] probabilities; synthetic classifier weight when the real one is missing. */
    MOBILENETV2("MobileNetV2", "mobilenetv2_nchw", MobileNetV2::build, MobileNetV2.INPUT, MobileNetV2.INPUT_DESCRIPTOR);

    /** The name of every model's graph output. */
    public static final String OUTPUT = "output";

    private final String title;
    private final String folder;
    private final BiFunction<Path, MLGraphBuilder, MLOperand> topology;
    private final String input;
    private final MLOperandDescriptor inputDescriptor;

    BenchModel(String title, String folder, BiFunction<Path, MLGraphBuilder, MLOperand> topology, String input,
               MLOperandDescriptor inputDescriptor) {
        this.title = title;
        this.folder = folder;
        this.topology = topology;
        this.input = input;
        this.inputDescriptor = inputDescriptor;
    }

    /**
     * The name used on the command line, e.g. {@code squeezenet}.
     *
     * @return the lower-case name
     */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The model by its command-line name.
     *
     * @param name e.g. {@code mobilenetv2}, in any case
     * @return the model
     * @throws IllegalArgumentException if no model has this name
     */
    public static BenchModel byName(String name) {
        for (BenchModel model : values()) {
            if (model.optionName().equalsIgnoreCase(name.strip())) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (known: squeezenet, mobilenetv2)");
    }

    /**
     * The title for tables and charts; says when the classifier is synthetic.
     *
     * @param modelsFolder the shared {@code models} folder
     * @return e.g. {@code MobileNetV2 (synthetic classifier)}
     */
    public String title(Path modelsFolder) {
        return this == MOBILENETV2 && !MobileNetV2.hasRealClassifier(weights(modelsFolder)) ? title + " (synthetic classifier)" : title;
    }

    /**
     * The folder of the model's {@code .npy} weights.
     *
     * @param modelsFolder the shared {@code models} folder
     * @return {@code <modelsFolder>/<model>/weights}
     */
    public Path weights(Path modelsFolder) {
        return modelsFolder.resolve(folder).resolve("weights");
    }

    /**
     * Whether the weights of this model are present.
     *
     * @param modelsFolder the shared {@code models} folder
     * @return true if the weights folder exists
     */
    public boolean isAvailable(Path modelsFolder) {
        return Files.isDirectory(weights(modelsFolder));
    }

    /**
     * Adds the model to a builder.
     *
     * @param modelsFolder the shared {@code models} folder
     * @param builder the builder
     * @return the output operand, to be built as {@link #OUTPUT}
     */
    public MLOperand build(Path modelsFolder, MLGraphBuilder builder) {
        return topology.apply(weights(modelsFolder), builder);
    }

    /**
     * The graph input's name.
     *
     * @return the input name
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
}
