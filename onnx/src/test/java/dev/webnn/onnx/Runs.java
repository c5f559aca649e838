package dev.webnn.onnx;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLOperandDescriptor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiles imported test models on ONNX Runtime and runs them on float32 inputs.
 */
final class Runs {

    private Runs() {
    }

    static MLContext context() {
        return ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime").withNumThreads(1));
    }

    /** Runs a graph with float32 inputs; returns output {@code output} as floats. */
    static float[] run(MLContext context, MLGraph graph, String output, Map<String, float[]> inputs) {
        try (Arena arena = Arena.ofConfined()) {
            Map<String, MemorySegment> in = new HashMap<>();
            inputs.forEach((name, values) -> in.put(name, arena.allocateFrom(ValueLayout.JAVA_FLOAT, values)));
            MLOperandDescriptor descriptor = graph.outputDescriptors().get(output);
            MemorySegment out = arena.allocate(descriptor.byteLength(), 8);
            context.compute(graph, in, Map.of(output, out));
            return out.toArray(ValueLayout.JAVA_FLOAT);
        }
    }

    static float[] ramp(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i - n / 2f;
        }
        return values;
    }
}
