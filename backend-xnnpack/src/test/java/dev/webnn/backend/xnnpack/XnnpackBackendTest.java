package dev.webnn.backend.xnnpack;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** WebNN graphs compiled to XNNPACK runtimes and run through the public API. */
class XnnpackBackendTest {

    private static MLContext context(int threads) {
        return ML.createContext(MLContextOptions.defaults().withBackend("xnnpack").withNumThreads(threads));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void seedExampleRunsOnCallerMemory(int threads) {
        MLOperandDescriptor desc = MLOperandDescriptor.of(FLOAT32, 1, 2, 2, 2);
        float[] halves = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        try (MLContext context = context(threads); Arena arena = Arena.ofConfined()) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand out = b.mul(b.add(b.constant(desc, halves), b.input("input1", desc)),
                    b.add(b.constant(desc, halves), b.input("input2", desc)));
            try (MLGraph graph = b.build(Map.of("output", out))) {
                MemorySegment ones = arena.allocateFrom(JAVA_FLOAT, 1, 1, 1, 1, 1, 1, 1, 1);
                MemorySegment result = arena.allocate(JAVA_FLOAT, 8);
                context.compute(graph, Map.of("input1", ones, "input2", ones), Map.of("output", result));
                assertArrayEquals(new float[] {2.25f, 2.25f, 2.25f, 2.25f, 2.25f, 2.25f, 2.25f, 2.25f}, result.toArray(JAVA_FLOAT));
            }
        }
    }

    @Test
    void broadcastingSubtractionOnTensorsWithRebindingBetweenRuns() {
        try (MLContext context = context(1)) {
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand x = b.input("x", MLOperandDescriptor.of(FLOAT32, 2, 3));
            MLOperand y = b.sub(x, b.constant(MLOperandDescriptor.of(FLOAT32, 3), new float[] {1, 2, 3}));
            try (MLGraph graph = b.build(Map.of("y", y, "z", b.max(y, b.constant(MLOperandDataType.FLOAT32, 0))))) {
                MLTensor in = context.createTensor(MLTensorDescriptor.writable(MLOperandDescriptor.of(FLOAT32, 2, 3)));
                MLTensor outY = context.createTensor(MLTensorDescriptor.readable(MLOperandDescriptor.of(FLOAT32, 2, 3)));
                MLTensor outZ = context.createTensor(MLTensorDescriptor.readable(MLOperandDescriptor.of(FLOAT32, 2, 3)));
                context.writeTensor(in, MemorySegment.ofArray(new float[] {1, 1, 1, 5, 5, 5}));
                context.dispatch(graph, Map.of("x", in), Map.of("y", outY, "z", outZ));
                assertArrayEquals(new float[] {0, -1, -2, 4, 3, 2}, context.readTensor(outY).toArray(JAVA_FLOAT));
                assertArrayEquals(new float[] {0, 0, 0, 4, 3, 2}, context.readTensor(outZ).toArray(JAVA_FLOAT));
                // swap the output tensors: the runtime must be set up again with the new addresses
                context.dispatch(graph, Map.of("x", in), Map.of("y", outZ, "z", outY));
                assertArrayEquals(new float[] {0, -1, -2, 4, 3, 2}, context.readTensor(outZ).toArray(JAVA_FLOAT));
            }
        }
    }

    @Test
    void limitsAreNarrowedToWhatRunsAndOtherGraphsFailAtBuild() {
        try (MLContext context = context(1)) {
            assertEquals(MLInputOperandLayout.NHWC, context.opSupportLimits().preferredInputLayout());
            assertTrue(context.opSupportLimits().operator("add").isPresent());
            assertEquals(java.util.Set.of(FLOAT32, MLOperandDataType.FLOAT16),
                    context.opSupportLimits().operator("add").orElseThrow().get("a").dataTypes());
            assertEquals(6, context.opSupportLimits().operator("add").orElseThrow().get("a").rankRange().max());
            MLGraphBuilder b = new MLGraphBuilder(context);
            MLOperand x = b.input("x", MLOperandDescriptor.of(MLOperandDataType.INT32, 2));
            MLNotSupportedError e = assertThrows(MLNotSupportedError.class, () -> b.build(Map.of("y", b.add(x, x))));
            assertTrue(e.getMessage().contains("int32"), e.getMessage());
        }
    }
}
