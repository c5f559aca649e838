package dev.webnn.conformance;

import dev.webnn.*;
import java.lang.foreign.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    interface Op { MLOperand apply(MLGraphBuilder b, MLOperand x); }
    @Test
    void probe() throws Exception {
        float[] xs = {-11.75f, -6.828125f, -0.125f, -0.00625f, -1f, 0.5f, -3f, -2.875f};
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("sigmoid", (b, x) -> b.sigmoid(x));
        ops.put("hardSwish", (b, x) -> b.hardSwish(x));
        ops.put("elu1.25", (b, x) -> b.elu(x, MLEluOptions.defaults().withAlpha(1.25)));
        ops.put("reduceSum", (b, x) -> b.reduceSum(x, MLReduceOptions.defaults().withKeepDimensions(true).withAxes()));
        StringBuilder sb = new StringBuilder();
        for (String backend : new String[] {"xnnpack", "onnxruntime"}) {
            try (MLContext c = ML.createContext(MLContextOptions.defaults().withBackend(backend)); Arena arena = Arena.ofConfined()) {
                for (var e : ops.entrySet()) {
                    MLGraphBuilder b = new MLGraphBuilder(c);
                    MLOperandDescriptor d = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, xs.length);
                    MLOperand x = b.input("x", d);
                    try (MLGraph g = b.build(Map.of("y", e.getValue().apply(b, x)))) {
                        MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_FLOAT, xs);
                        MemorySegment out = arena.allocate(4L * xs.length);
                        c.compute(g, Map.of("x", in), Map.of("y", out));
                        sb.append(backend).append(' ').append(e.getKey()).append(' ');
                        for (int i = 0; i < xs.length; i++) {
                            float v = out.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                            sb.append(String.format("%s=%.9g ", xs[i], v));
                        }
                        sb.append('\n');
                    } catch (Exception ex) { sb.append(backend + " " + e.getKey() + " " + ex + "\n"); }
                }
            }
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/scratch/probe.txt"), sb);
    }
}
