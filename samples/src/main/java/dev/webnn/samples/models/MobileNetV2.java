package dev.webnn.samples.models;

import dev.webnn.MLClampOptions;
import dev.webnn.MLConv2dFilterOperandLayout;
import dev.webnn.MLConv2dOptions;
import dev.webnn.MLGemmOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPool2dOptions;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MobileNetV2 1.0 in NCHW or NHWC, built operation by operation from the {@code conv_N} weights of
 * the WebNN test data (topology in the models README): input {@code "input"} [1,3,224,224]
 * float32, output [1,1000] probabilities.
 *
 * <p>The final 1000×1280 classifier weight ({@code gemm_104_weight.npy}) is missing from the
 * test data. When absent, a clearly synthetic deterministic weight is used: the graph then has
 * the real cost and shapes (for benchmarks and backend comparisons) but meaningless classes.
 *
 * <p>{@link #buildInt8} makes the same network with int8 weights: every convolution filter and
 * the classifier weight quantized per output channel ({@link Int8Weights}) and read through
 * {@code dequantizeLinear}; biases stay float32.
 */
public final class MobileNetV2 {

    /** The graph input's name. */
    public static final String INPUT = "input";
    /** The input descriptor of the NCHW graph. */
    public static final MLOperandDescriptor INPUT_DESCRIPTOR = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 3, 224, 224);
    /** The input descriptor of the NHWC graph. */
    public static final MLOperandDescriptor NHWC_INPUT_DESCRIPTOR = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 224, 224, 3);
    /** The spec names of the operators the graph uses. */
    public static final List<String> OPERATORS = List.of("conv2d", "clamp", "add", "averagePool2d", "reshape", "gemm", "softmax");
    /** The spec names of the operators the int8-weights graph uses. */
    public static final List<String> INT8_OPERATORS = List.of("dequantizeLinear", "conv2d", "clamp", "add", "averagePool2d",
            "reshape", "gemm", "softmax");

    /** (a, b, c, groups, stride, residual) of the 16 bottlenecks, from the models README. */
    private static final int[][] BOTTLENECKS = {
        {5, 7, 9, 96, 2, 0}, {10, 12, 14, 144, 1, 1}, {16, 18, 20, 144, 2, 0}, {21, 23, 25, 192, 1, 1},
        {27, 29, 31, 192, 1, 1}, {33, 35, 37, 192, 2, 0}, {38, 40, 42, 384, 1, 1}, {44, 46, 48, 384, 1, 1},
        {50, 52, 54, 384, 1, 1}, {56, 58, 60, 384, 1, 0}, {61, 63, 65, 576, 1, 1}, {67, 69, 71, 576, 1, 1},
        {73, 75, 77, 576, 2, 0}, {78, 80, 82, 960, 1, 1}, {84, 86, 88, 960, 1, 1}, {90, 92, 94, 960, 1, 0},
    };

    private final Path folder;
    private final Weights weights;
    private final MLGraphBuilder builder;
    private final MLInputOperandLayout layout;
    private final boolean int8;

    private MobileNetV2(Path folder, MLGraphBuilder builder, MLInputOperandLayout layout, boolean int8) {
        this.folder = folder;
        this.weights = new Weights(folder);
        this.builder = builder;
        this.layout = layout;
        this.int8 = int8;
    }

    /**
     * Adds MobileNetV2 to a builder.
     *
     * @param weightsFolder the {@code mobilenetv2_nchw/weights} folder
     * @param builder the builder
     * @return the [1,1000] softmax output
     */
    public static MLOperand build(Path weightsFolder, MLGraphBuilder builder) {
        return build(weightsFolder, builder, MLInputOperandLayout.NCHW);
    }

    /**
     * Adds MobileNetV2 in either layout to a builder. The NHWC graph takes a [1,224,224,3]
     * input and uses the same weights with filters permuted to OHWI when they are loaded.
     *
     * @param weightsFolder the {@code mobilenetv2_nchw/weights} folder
     * @param builder the builder
     * @param layout the layout of the input and of every convolution and pooling
     * @return the [1,1000] softmax output
     */
    public static MLOperand build(Path weightsFolder, MLGraphBuilder builder, MLInputOperandLayout layout) {
        return new MobileNetV2(weightsFolder, builder, layout, false).probabilities();
    }

    /**
     * Adds MobileNetV2 (NCHW) with int8 weights to a builder: the float32 weights quantized per
     * output channel when they are read.
     *
     * @param weightsFolder the {@code mobilenetv2_nchw/weights} folder
     * @param builder the builder
     * @return the [1,1000] softmax output
     */
    public static MLOperand buildInt8(Path weightsFolder, MLGraphBuilder builder) {
        return new MobileNetV2(weightsFolder, builder, MLInputOperandLayout.NCHW, true).probabilities();
    }

    /**
     * Whether the real classifier weight is present (otherwise the classes are synthetic).
     *
     * @param weightsFolder the weights folder
     * @return true if {@code gemm_104_weight.npy} exists
     */
    public static boolean hasRealClassifier(Path weightsFolder) {
        return Files.isRegularFile(weightsFolder.resolve("gemm_104_weight.npy"));
    }

    private MLOperand probabilities() {
        boolean nhwc = layout == MLInputOperandLayout.NHWC;
        MLOperand x = builder.input(INPUT, nhwc ? NHWC_INPUT_DESCRIPTOR : INPUT_DESCRIPTOR);
        x = relu6(conv(x, 0, 2, 1, 1));
        x = relu6(conv(x, 2, 1, 1, 32));
        x = conv(x, 4, 1, 0, 1);
        for (int[] b : BOTTLENECKS) {
            MLOperand block = relu6(conv(x, b[0], 1, 0, 1));
            block = relu6(conv(block, b[1], b[4], 1, b[3]));
            block = conv(block, b[2], 1, 0, 1);
            x = b[5] == 1 ? builder.add(x, block) : block;
        }
        x = relu6(conv(x, 95, 1, 0, 1));
        x = builder.averagePool2d(x, MLPool2dOptions.defaults().withLayout(layout));
        x = builder.reshape(x, 1, 1280);
        MLOperand classifier = hasRealClassifier(folder)
                ? int8 ? weights.int8Constant(builder, "gemm_104_weight", false) : weights.constant(builder, "gemm_104_weight")
                : syntheticClassifier();
        x = builder.gemm(x, classifier, MLGemmOptions.defaults().withBTranspose(true)
                .withC(weights.constant(builder, "gemm_104_bias")));
        return builder.softmax(x, 1);
    }

    /** A deterministic stand-in for the missing [1000,1280] weight (small pseudo-random values). */
    private MLOperand syntheticClassifier() {
        float[] data = new float[1000 * 1280];
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < data.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            data[i] = ((state >>> 40) / (float) (1 << 24) - 0.5f) * 0.05f;
        }
        MLOperandDescriptor descriptor = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1000, 1280);
        return int8 ? Int8Weights.dequantized(builder, descriptor, MemorySegment.ofArray(data))
                : builder.constant(descriptor, MemorySegment.ofArray(data));
    }

    private MLOperand conv(MLOperand input, int index, long stride, long padding, long groups) {
        String name = "conv_" + index + "_weight";
        boolean nhwc = layout == MLInputOperandLayout.NHWC;
        MLOperand filter = int8 ? weights.int8Constant(builder, name, nhwc)
                : nhwc ? weights.constantOhwi(builder, name) : weights.constant(builder, name);
        return builder.conv2d(input, filter, MLConv2dOptions.defaults()
                .withStrides(stride, stride).withPadding(padding, padding, padding, padding).withGroups(groups)
                .withInputLayout(layout)
                .withFilterLayout(nhwc ? MLConv2dFilterOperandLayout.OHWI : MLConv2dFilterOperandLayout.OIHW)
                .withBias(weights.constant(builder, "conv_" + index + "_bias")));
    }

    private MLOperand relu6(MLOperand input) {
        return builder.clamp(input, MLClampOptions.defaults().withMinValue(0).withMaxValue(6));
    }
}
