package dev.webnn.samples.models;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPool2dOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * LeNet-5 for MNIST digits in NCHW, built operation by operation from {@code lenet.bin} of
 * the WebNN test data: input {@code "input"} [1,1,28,28] float32 (a white digit on black,
 * values 0 to 1), output [1,10] probabilities of the digits 0 to 9.
 *
 * <p>{@code lenet.bin} is raw little-endian float32 values in this order (models README):
 * conv1 filter [20,1,5,5], its bias [1,20,1,1], conv2 filter [50,20,5,5], its bias
 * [1,50,1,1], 16 bytes to skip, fc1 weight [500,800], its bias [1,500], fc2 weight [10,500],
 * its bias [1,10]. The graph: conv → add bias → maxPool 2×2 stride 2, twice; reshape to
 * [1,800]; matmul by fc1ᵀ → add bias → relu; matmul by fc2ᵀ → add bias → softmax. The fully
 * connected weights are stored as [out, in] and transposed once while loading, so each
 * layer is a single {@code matmul}.
 */
public final class LeNet {

    /** The graph input's name. */
    public static final String INPUT = "input";
    /** The input descriptor: one 28×28 grey image. */
    public static final MLOperandDescriptor INPUT_DESCRIPTOR = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 1, 28, 28);
    /** The spec names of the operators the graph uses. */
    public static final List<String> OPERATORS = List.of("conv2d", "add", "maxPool2d", "reshape", "matmul", "relu", "softmax");
    /** The exact size of {@code lenet.bin} in bytes. */
    public static final long FILE_SIZE = 1_724_336;

    /** The bytes between conv2's bias and fc1's weight that hold no weights. */
    private static final int GAP_BYTES = 16;

    private final MLGraphBuilder builder;
    private final FloatBuffer values;

    private LeNet(MLGraphBuilder builder, FloatBuffer values) {
        this.builder = builder;
        this.values = values;
    }

    /**
     * Adds LeNet to a builder.
     *
     * @param weightsFile {@code lenet_nchw/weights/lenet.bin}
     * @param builder the builder
     * @return the [1,10] softmax output
     * @throws IllegalArgumentException if the file is missing, unreadable or not {@value #FILE_SIZE} bytes
     */
    public static MLOperand build(Path weightsFile, MLGraphBuilder builder) {
        if (!Files.isRegularFile(weightsFile)) {
            throw new IllegalArgumentException("weights file " + weightsFile + " is missing");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(weightsFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read weights file " + weightsFile + ": " + e.getMessage(), e);
        }
        if (bytes.length != FILE_SIZE) {
            throw new IllegalArgumentException("weights file " + weightsFile + " has " + bytes.length + " bytes, LeNet's has "
                    + FILE_SIZE);
        }
        return new LeNet(builder, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()).probabilities();
    }

    private MLOperand probabilities() {
        MLOperand conv1 = next(20, 1, 5, 5);
        MLOperand bias1 = next(1, 20, 1, 1);
        MLOperand conv2 = next(50, 20, 5, 5);
        MLOperand bias2 = next(1, 50, 1, 1);
        values.position(values.position() + GAP_BYTES / Float.BYTES);
        MLOperand fc1 = nextTransposed(500, 800);
        MLOperand fcBias1 = next(1, 500);
        MLOperand fc2 = nextTransposed(10, 500);
        MLOperand fcBias2 = next(1, 10);

        MLOperand x = builder.input(INPUT, INPUT_DESCRIPTOR);
        x = maxPool(builder.add(builder.conv2d(x, conv1), bias1));
        x = maxPool(builder.add(builder.conv2d(x, conv2), bias2));
        x = builder.reshape(x, 1, 800);
        x = builder.relu(builder.add(builder.matmul(x, fc1), fcBias1));
        x = builder.add(builder.matmul(x, fc2), fcBias2);
        return builder.softmax(x, 1);
    }

    /** The next values of the file as a constant of the given shape. */
    private MLOperand next(long... shape) {
        MLOperandDescriptor descriptor = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, shape);
        float[] data = new float[Math.toIntExact(descriptor.elementCount())];
        values.get(data);
        return builder.constant(descriptor, data);
    }

    /** The next [rows, columns] values of the file, as a [columns, rows] constant. */
    private MLOperand nextTransposed(int rows, int columns) {
        float[] data = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                data[c * rows + r] = values.get();
            }
        }
        return builder.constant(MLOperandDescriptor.of(MLOperandDataType.FLOAT32, columns, rows), data);
    }

    private MLOperand maxPool(MLOperand input) {
        return builder.maxPool2d(input, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withStrides(2, 2));
    }
}
