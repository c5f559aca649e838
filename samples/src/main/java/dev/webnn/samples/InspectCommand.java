package dev.webnn.samples;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLPartition;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxUnsupported;
import dev.webnn.onnx.OnnxValueInfo;
import dev.webnn.spi.MLBackend;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples inspect MODEL.onnx [--dim NAME=V]...}: what an ONNX model declares
 * (inputs, outputs, opset, how often each operator occurs) and, for every available
 * backend, which of its nodes that backend cannot run and why; then the plan of the default
 * context: the partitions it compiles the model into, each with its backend.
 */
@Command(name = "inspect", description = "Show an ONNX model's inputs, outputs, opset and operators, and per backend which"
        + " nodes it can run, and the default context's plan (symbolic dimensions must be fixed with --dim for the"
        + " backend check and the plan).")
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OnnxModelOptions model;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OnnxModel onnx = model.read();
        OnnxImportOptions options = model.importOptions();
        out.println("model: " + model.file().toAbsolutePath().normalize() + " (opset " + onnx.opsetVersion() + ")");
        printValues(out, "inputs", onnx.inputs());
        printValues(out, "outputs", onnx.outputs());
        Map<String, Integer> histogram = onnx.operatorHistogram();
        int nodes = histogram.values().stream().mapToInt(Integer::intValue).sum();
        out.println("operators: " + nodes + " nodes, " + histogram.size() + " types");
        histogram.forEach((op, count) -> out.printf("  %-24s %d%n", op, count));
        for (MLBackend backend : ML.backends()) {
            out.println(backendLine(backend, onnx, options, nodes));
        }
        out.println(planLines(onnx, options));
        out.flush();
        return 0;
    }

    /** The plan of the default context (every available backend, in priority order): its partitions, or why there is none. */
    private static String planLines(OnnxModel onnx, OnnxImportOptions options) {
        try (MLContext context = ML.createContext(MLContextOptions.defaults());
                MLGraph graph = onnx.compile(context, options)) {
            List<MLPartition> plan = graph.describe();
            StringBuilder lines = new StringBuilder("plan on the default context (" + context.backendName() + "): "
                    + plan.size() + (plan.size() == 1 ? " partition" : " partitions"));
            plan.forEach(partition -> lines.append(System.lineSeparator()).append("  ").append(partition));
            return lines.toString();
        } catch (MLTypeError | MLNotSupportedError e) {
            return "plan on the default context: not compiled: " + e.getMessage();
        }
    }

    private static void printValues(PrintWriter out, String title, List<OnnxValueInfo> values) {
        out.println(title + ":");
        values.forEach(value -> out.println("  " + value));
    }

    /** One backend's verdict: all nodes run, the nodes it cannot run, or why it cannot check. */
    private static String backendLine(MLBackend backend, OnnxModel onnx, OnnxImportOptions options, int nodes) {
        String name = backend.name();
        if (!backend.availability().available()) {
            return "backend " + name + ": unavailable (" + backend.availability().reason() + ")";
        }
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(name))) {
            List<OnnxUnsupported> gaps = onnx.check(context, options);
            if (gaps.isEmpty()) {
                return "backend " + name + ": runs all " + nodes + " nodes";
            }
            StringBuilder line = new StringBuilder("backend " + name + ": cannot run " + gaps.size() + " of " + nodes + " nodes");
            gaps.forEach(gap -> line.append(System.lineSeparator()).append("  ").append(gap));
            return line.toString();
        } catch (MLTypeError | MLNotSupportedError e) {
            return "backend " + name + ": not checked: " + e.getMessage();
        }
    }
}
