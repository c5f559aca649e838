package dev.webnn.samples.models;

import dev.webnn.MLConv2dOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPool2dOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * SqueezeNet 1.1 in NCHW, built operation by operation from the {@code squeezenet0_convN}
 * weights of the WebNN test data (topology in the models README): input {@code "input"}
 * [1,3,224,224] float32, output [1,1000] logits (no softmax).
 */
public final class SqueezeNet {

    /** The graph input's name. */
    public static final String INPUT = "input";
    /** The input descriptor. */
    public static final MLOperandDescriptor INPUT_DESCRIPTOR = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 3, 224, 224);
    /** The spec names of the operators the graph uses. */
    public static final List<String> OPERATORS = List.of("conv2d", "relu", "maxPool2d", "concat", "averagePool2d", "reshape");
    /** The spec names of the operators the int8-weights graph uses. */
    public static final List<String> INT8_OPERATORS = List.of("dequantizeLinear", "conv2d", "relu", "maxPool2d", "concat",
            "averagePool2d", "reshape");

    private final Weights weights;
    private final MLGraphBuilder builder;
    private final boolean int8;

    private SqueezeNet(Path folder, MLGraphBuilder builder, boolean int8) {
        this.weights = new Weights(folder);
        this.builder = builder;
        this.int8 = int8;
    }

    /**
     * Adds SqueezeNet 1.1 to a builder.
     *
     * @param weightsFolder the {@code squeezenet1.1_nchw/weights} folder
     * @param builder the builder
     * @return the [1,1000] logits
     */
    public static MLOperand build(Path weightsFolder, MLGraphBuilder builder) {
        return new SqueezeNet(weightsFolder, builder, false).logits();
    }

    /**
     * Adds SqueezeNet 1.1 with int8 weights to a builder: every filter quantized per output
     * channel when it is read ({@link Weights#int8Constant}); biases stay float32.
     *
     * @param weightsFolder the {@code squeezenet1.1_nchw/weights} folder
     * @param builder the builder
     * @return the [1,1000] logits
     */
    public static MLOperand buildInt8(Path weightsFolder, MLGraphBuilder builder) {
        return new SqueezeNet(weightsFolder, builder, true).logits();
    }

    private MLOperand logits() {
        MLOperand x = builder.input(INPUT, INPUT_DESCRIPTOR);
        x = conv(x, 0, 2, 0);
        x = maxPool(x);
        x = fire(x, 1);
        x = fire(x, 4);
        x = maxPool(x);
        x = fire(x, 7);
        x = fire(x, 10);
        x = maxPool(x);
        x = fire(x, 13);
        x = fire(x, 16);
        x = fire(x, 19);
        x = fire(x, 22);
        x = conv(x, 25, 1, 0);
        x = builder.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(13, 13).withStrides(13, 13));
        return builder.reshape(x, 1, 1000);
    }

    /** fire(s; e1, e3): squeeze with conv s, expand with 1×1 conv s+1 and 3×3 conv s+2, concatenated on channels. */
    private MLOperand fire(MLOperand input, int squeeze) {
        MLOperand s = conv(input, squeeze, 1, 0);
        return builder.concat(List.of(conv(s, squeeze + 1, 1, 0), conv(s, squeeze + 2, 1, 1)), 1);
    }

    private MLOperand conv(MLOperand input, int index, long stride, long padding) {
        String name = "squeezenet0_conv" + index;
        MLOperand filter = int8 ? weights.int8Constant(builder, name + "_weight", false) : weights.constant(builder, name + "_weight");
        MLOperand conv = builder.conv2d(input, filter, MLConv2dOptions.defaults()
                .withStrides(stride, stride).withPadding(padding, padding, padding, padding)
                .withBias(weights.constant(builder, name + "_bias")));
        return builder.relu(conv);
    }

    private MLOperand maxPool(MLOperand input) {
        return builder.maxPool2d(input, MLPool2dOptions.defaults().withWindowDimensions(3, 3).withStrides(2, 2));
    }
}
