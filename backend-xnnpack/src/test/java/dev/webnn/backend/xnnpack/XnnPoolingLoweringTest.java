package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.MLClampOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLPool2dOptions;
import dev.webnn.MLRoundingType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pooling windows that lie wholly in the padding on the xnnpack backend: they give 0, as on
 * ONNX Runtime and in upstream WPT (webmachinelearning/webnn#935).
 */
class XnnPoolingLoweringTest extends OneThreadXnnpackTest {

    /** -1, -2, ..., -25: a 5x5 image whose maxima are not 0. */
    private static final float[] NEGATIVES = new float[25];

    static {
        for (int i = 0; i < NEGATIVES.length; i++) {
            NEGATIVES[i] = -(i + 1);
        }
    }

    /** 5x5 image, window 3, strides 3, padding 1 and ceil rounding: the third row and column of windows start at 5. */
    private static MLPool2dOptions ceilPoolOverPadding() {
        return MLPool2dOptions.defaults().withWindowDimensions(3, 3).withStrides(3, 3).withPadding(1, 1, 1, 1)
                .withOutputShapeRounding(MLRoundingType.CEIL);
    }

    @Test
    void maxPool2dWindowsWhollyInPaddingGiveZero() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 5, 5));
        assertArrayEquals(new float[] {-1, -3, 0, -11, -13, 0, 0, 0, 0}, run(b, b.maxPool2d(x, ceilPoolOverPadding()), NEGATIVES));
    }

    @Test
    void averagePool2dWindowsWhollyInPaddingGiveZero() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 5, 5, 1));
        MLOperand y = b.averagePool2d(x, ceilPoolOverPadding().withLayout(MLInputOperandLayout.NHWC));
        assertArrayEquals(new float[] {-4, -6.5f, 0, -16.5f, -19, 0, 0, 0, 0}, run(b, y, NEGATIVES));
    }

    /** A clamp after such a pool also clamps the zeros, so it is not fused into the pool. */
    @Test
    void clampAfterThePoolAppliesToTheZeros() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 5, 5));
        MLOperand y = b.clamp(b.maxPool2d(x, ceilPoolOverPadding()), MLClampOptions.defaults().withMinValue(-12).withMaxValue(-2));
        assertArrayEquals(new float[] {-2, -3, -2, -11, -12, -2, -2, -2, -2}, run(b, y, NEGATIVES));
    }

    /** Beginning padding wider than the window leaves leading windows wholly in padding. */
    @Test
    void averagePool2dLeadingWindowsInWidePaddingGiveZero() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 2, 2, 1));
        MLOperand y = b.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(2, 2).withPadding(3, 0, 0, 0)
                .withLayout(MLInputOperandLayout.NHWC));
        assertArrayEquals(new long[] {1, 4, 1, 1}, y.shape());
        assertArrayEquals(new float[] {0, 0, 1.5f, 2.5f}, run(b, y, new float[] {1, 2, 3, 4}));
    }

    /** Strides beyond the window that skip past the beginning padding are refused, for another backend to run. */
    @Test
    void emptyLeadingWindowsWithStridesBeyondThePaddingAreRefused() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 1, 3, 3));
        MLOperand y = b.averagePool2d(x, MLPool2dOptions.defaults().withWindowDimensions(1, 1).withStrides(3, 3)
                .withPadding(1, 0, 1, 0));
        assertThrows(MLNotSupportedError.class, () -> b.build(Map.of("y", y)));
    }

    private static float[] run(MLGraphBuilder b, MLOperand y, float[] input) {
        try (MLGraph graph = b.build(Map.of("y", y)); Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_FLOAT, Arrays.stream(y.shape()).reduce(1, Math::multiplyExact));
            context.compute(graph, Map.of("x", arena.allocateFrom(JAVA_FLOAT, input)), Map.of("y", out));
            return out.toArray(JAVA_FLOAT);
        }
    }
}
