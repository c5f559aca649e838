package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLClampOptions;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGemmOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLPool2dOptions;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regressions of the XNNPACK lowerings found by the differential fuzzer. */
class XnnFuzzRegressionTest {

    /** A scalar constant c with one output column used to fail with ArrayIndexOutOfBoundsException. */
    @Test
    void gemmWithScalarConstantCAndOneColumn() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand a = b.input("a", MLOperandDescriptor.of(FLOAT32, 2, 3));
            MLOperand weights = b.constant(MLOperandDescriptor.of(FLOAT32, 3, 1), new float[] {1, 2, 3});
            MLOperand c = b.constant(MLOperandDescriptor.of(FLOAT32), new float[] {0.5f});
            try (MLGraph graph = b.build(Map.of("y", b.gemm(a, weights, MLGemmOptions.defaults().withC(c).withBeta(2))))) {
                MemorySegment out = arena.allocate(8);
                context.compute(graph, Map.of("a", arena.allocateFrom(JAVA_FLOAT, 1, 1, 1, 0, 1, 0)), Map.of("y", out));
                assertArrayEquals(new float[] {7, 3}, out.toArray(JAVA_FLOAT));
            }
        }
    }

    /**
     * XNNPACK removes copy nodes and then intersects consecutive clamps: clamp(max -0.375),
     * identity, relu gave -0.375 instead of 0 (fuzz seed 0x5eed007a). A clamp whose range is
     * disjoint from its producer's, above or below, must not be fused.
     */
    @Test
    void disjointClampsThroughIdentitiesAreNotIntersected() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 3));
            MLOperand low = b.relu(b.identity(b.clamp(x, MLClampOptions.defaults().withMaxValue(-0.375))));
            MLOperand high = b.clamp(b.identity(b.identity(b.clamp(x, MLClampOptions.defaults()
                    .withMinValue(5).withMaxValue(10)))), MLClampOptions.defaults().withMaxValue(-1));
            try (MLGraph graph = b.build(Map.of("low", low, "high", high))) {
                MemorySegment outLow = arena.allocate(12);
                MemorySegment outHigh = arena.allocate(12);
                context.compute(graph, Map.of("x", arena.allocateFrom(JAVA_FLOAT, 0, -7, 20)),
                        Map.of("low", outLow, "high", outHigh));
                assertArrayEquals(new float[] {0, 0, 0}, outLow.toArray(JAVA_FLOAT));
                assertArrayEquals(new float[] {-1, -1, -1}, outHigh.toArray(JAVA_FLOAT));
            }
        }
    }

    /**
     * A dilated max pool with padding gave a wrong element (found by the differential fuzzer:
     * nhwc [2,3,2,1], window 2x2, padding [1,0,1,1], dilations [2,1]): the result must equal
     * the spec's definition, or the backend must refuse the graph.
     */
    @Test
    void dilatedPaddedMaxPoolIsRightOrRefused() {
        float[] data = new float[12];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 7 % 12) / 8f - 0.5f;
        }
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 3, 2, 1));
            MLOperand y;
            try {
                y = b.maxPool2d(x, MLPool2dOptions.defaults().withLayout(dev.webnn.MLInputOperandLayout.NHWC)
                        .withWindowDimensions(2, 2).withPadding(1, 0, 1, 1).withDilations(2, 1));
                try (MLGraph graph = b.build(Map.of("y", y))) {
                    long[] shape = graph.outputDescriptors().get("y").shape();
                    MemorySegment out = arena.allocate(JAVA_FLOAT, 2 * shape[1] * shape[2]);
                    context.compute(graph, Map.of("x", arena.allocateFrom(JAVA_FLOAT, data)), Map.of("y", out));
                    assertArrayEquals(referenceMaxPool(data, shape), out.toArray(JAVA_FLOAT));
                }
            } catch (MLNotSupportedError refused) {
                // refusing is allowed: the graph then runs on another backend
            }
        }
    }

    /** The spec's maxPool2d for this case: nhwc [2,3,2,1], window 2x2, padding [1,0,1,1], dilations [2,1]. */
    private static float[] referenceMaxPool(float[] x, long[] outShape) {
        int outH = (int) outShape[1];
        int outW = (int) outShape[2];
        float[] y = new float[2 * outH * outW];
        for (int n = 0; n < 2; n++) {
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int kh = 0; kh < 2; kh++) {
                        for (int kw = 0; kw < 2; kw++) {
                            int ih = oh - 1 + kh * 2;
                            int iw = ow - 1 + kw;
                            if (ih >= 0 && ih < 3 && iw >= 0 && iw < 2) {
                                max = Math.max(max, x[(n * 3 + ih) * 2 + iw]);
                            }
                        }
                    }
                    y[(n * outH + oh) * outW + ow] = max;
                }
            }
        }
        return y;
    }

    /**
     * A 1x1 max pool, or strides above the window, used to fail at build time with
     * MLOperationError (xnn_status_invalid_parameter) instead of MLNotSupportedError.
     */
    @Test
    void maxPoolsXnnpackCannotDefineAreNotSupported() {
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"))) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 1, 2, 4, 4));
            MLOperand y = b.maxPool2d(x, MLPool2dOptions.defaults().withWindowDimensions(1, 1).withStrides(2, 2));
            assertThrows(MLNotSupportedError.class, () -> b.build(Map.of("y", y)));
            MLGraphBuilder c = new MLGraphBuilder(context);
            MLOperand w = c.maxPool2d(c.input("x", MLOperandDescriptor.of(FLOAT32, 1, 2, 4, 4)),
                    MLPool2dOptions.defaults().withWindowDimensions(1, 2).withStrides(2, 1));
            assertThrows(MLNotSupportedError.class, () -> c.build(Map.of("w", w)));
        }
    }
}
