package dev.webnn.samples;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensor;
import dev.webnn.MLTensorDescriptor;
import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples hello}: the classic WebNN example. Two constants of 0.5 and two inputs
 * of ones, {@code output = (constant1 + input1) * (constant2 + input2)} on [1,2,2,2] float32,
 * run with dispatch on MLTensors; prints eight times 2.25.
 */
@Command(name = "hello", description = "Run the classic WebNN example: (0.5 + 1) * (0.5 + 1) on [1,2,2,2].")
final class HelloCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", description = "Backend to use (default: the highest-priority available one).")
    private String backend;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MLContextOptions options = backend == null ? MLContextOptions.defaults() : MLContextOptions.defaults().withBackend(backend);
        MLOperandDescriptor desc = MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 2, 2, 2);
        float[] halves = new float[8];
        Arrays.fill(halves, 0.5f);
        float[] ones = new float[8];
        Arrays.fill(ones, 1f);
        try (MLContext context = ML.createContext(options)) {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            MLOperand sum1 = builder.add(builder.constant(desc, halves), builder.input("input1", desc));
            MLOperand sum2 = builder.add(builder.constant(desc, halves), builder.input("input2", desc));
            try (MLGraph graph = builder.build(Map.of("output", builder.mul(sum1, sum2)))) {
                MLTensor input1 = context.createTensor(MLTensorDescriptor.writable(desc));
                MLTensor input2 = context.createTensor(MLTensorDescriptor.writable(desc));
                MLTensor output = context.createTensor(MLTensorDescriptor.readable(desc));
                context.writeTensor(input1, MemorySegment.ofArray(ones));
                context.writeTensor(input2, MemorySegment.ofArray(ones));
                context.dispatch(graph, Map.of("input1", input1, "input2", input2), Map.of("output", output));
                float[] result = context.readTensor(output).toArray(ValueLayout.JAVA_FLOAT);
                out.println("backend: " + context.backendName());
                for (float value : result) {
                    out.println(value);
                }
            }
        }
        return 0;
    }
}
