package dev.webnn.samples;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;
import dev.webnn.io.Npy;
import dev.webnn.io.NpyArray;
import dev.webnn.io.NpyFormatException;
import dev.webnn.onnx.OnnxDimension;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxUnsupported;
import dev.webnn.onnx.OnnxValueInfo;
import dev.webnn.samples.bench.InputPattern;
import dev.webnn.spi.MLBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples run MODEL.onnx}: imports an ONNX model, runs it on a backend and
 * times it. The shapes of the {@code --input} files fix the dimensions they determine; inputs
 * without a file get {@link InputPattern}'s values. Prints each output's shape, writes it to
 * {@code --output-dir} as {@code <output name>.npy}, and prints the median latency.
 */
@Command(name = "run", description = "Run an ONNX model: --input NAME=FILE.npy feeds an input (its shape fixes the"
        + " dimensions it determines; inputs not given get a fixed pseudo-random pattern), --output-dir DIR writes each"
        + " output as DIR/<name>.npy; prints output shapes and the median latency.")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private OnnxModelOptions model;

    @Mixin
    private RunOptions run;

    @Option(names = "--input", paramLabel = "NAME=FILE.npy", description = "An input's values as a .npy file (repeatable).")
    private Map<String, Path> inputFiles = new LinkedHashMap<>();

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Folder to write each output to as <name>.npy.")
    private Path outputDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int runs = run.runs();
        OnnxModel onnx = model.read();
        try (Arena arena = Arena.ofConfined()) {
            Map<String, NpyArray> given = readInputs(onnx, arena);
            OnnxImportOptions options = importOptions(onnx, given);
            try (MLContext context = openContext(onnx, options)) {
                long start = System.nanoTime();
                try (MLGraph graph = compile(onnx, context, options)) {
                    double buildMillis = (System.nanoTime() - start) / 1e6;
                    out.println("model: " + model.file().toAbsolutePath().normalize() + " (opset " + onnx.opsetVersion() + ")");
                    Map<String, MemorySegment> inputs = inputs(graph, given, arena, out);
                    Map<String, MemorySegment> outputs = new LinkedHashMap<>();
                    graph.outputDescriptors().forEach((name, d) -> outputs.put(name, arena.allocate(Math.max(1, d.byteLength()), 64)
                            .asSlice(0, d.byteLength())));
                    Latency latency = Latency.measure(runs, () -> context.compute(graph, inputs, outputs));
                    writeOutputs(graph.outputDescriptors(), outputs, out);
                    out.printf("backend: %s, %d thread%s; graph built in %.0f ms%n", context.backendName(),
                            context.options().numThreads(), context.options().numThreads() == 1 ? "" : "s", buildMillis);
                    out.println("latency: " + latency.describe());
                }
            }
        }
        out.flush();
        return 0;
    }

    /** Reads every {@code --input} file, checking that the model has an input of that name. */
    private Map<String, NpyArray> readInputs(OnnxModel onnx, Arena arena) {
        List<String> names = onnx.inputs().stream().map(OnnxValueInfo::name).toList();
        Map<String, NpyArray> given = new LinkedHashMap<>();
        inputFiles.forEach((name, file) -> {
            if (!names.contains(name)) {
                throw SampleException.badInput("--input " + name + ": the model has no input of that name; its inputs are " + names);
            }
            try {
                given.put(name, Npy.read(file, arena));
            } catch (NpyFormatException | UncheckedIOException e) {
                throw SampleException.badInput("--input " + name + ": " + e.getMessage(), e);
            }
        });
        return given;
    }

    /** The {@code --dim} values plus every dimension the given arrays' shapes determine. */
    private OnnxImportOptions importOptions(OnnxModel onnx, Map<String, NpyArray> given) {
        Map<String, Long> dimensions = new LinkedHashMap<>(model.dimensions());
        Map<String, String> source = new LinkedHashMap<>();
        dimensions.keySet().forEach(name -> source.put(name, "--dim"));
        OnnxImportOptions options = model.importOptions();
        try {
            for (OnnxValueInfo input : onnx.inputs()) {
                NpyArray array = given.get(input.name());
                if (array == null) {
                    continue;
                }
                long[] shape = array.descriptor().shape();
                options = options.withInputShape(input.name(), shape);
                for (int i = 0; i < Math.min(shape.length, input.rank()); i++) {
                    OnnxDimension dimension = input.dimensions().get(i);
                    if (dimension.name().isEmpty()) {
                        continue;
                    }
                    Long previous = dimensions.putIfAbsent(dimension.name(), shape[i]);
                    if (previous != null && previous != shape[i]) {
                        throw SampleException.badInput("dimension '" + dimension.name() + "' is " + previous + " by "
                                + source.get(dimension.name()) + " but " + shape[i] + " by --input " + input.name());
                    }
                    source.putIfAbsent(dimension.name(), "--input " + input.name());
                    options = options.withDimension(dimension.name(), shape[i]);
                }
            }
        } catch (MLTypeError e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
        return options;
    }

    /**
     * A context on {@code --backend}, else on the highest-priority available backend that runs
     * every node of the model.
     */
    private MLContext openContext(OnnxModel onnx, OnnxImportOptions options) {
        MLContextOptions contextOptions = run.contextOptions();
        List<String> refusals = new ArrayList<>();
        List<String> candidates = run.backend().map(List::of).orElseGet(() -> ML.backends().stream()
                .filter(b -> b.availability().available()).map(MLBackend::name).toList());
        for (String backend : candidates) {
            MLContext context;
            try {
                context = ML.createContext(contextOptions.withBackend(backend));
            } catch (MLNotSupportedError e) {
                throw SampleException.badInput(e.getMessage(), e);
            }
            List<OnnxUnsupported> gaps;
            try {
                gaps = onnx.check(context, options);
            } catch (MLTypeError e) {
                context.close();
                throw SampleException.badInput(e.getMessage() + " (fix dimensions with --dim NAME=V or an --input file)", e);
            }
            if (gaps.isEmpty()) {
                return context;
            }
            context.close();
            refusals.add(backend + " cannot run " + gaps.size() + " node" + (gaps.size() == 1 ? "" : "s") + ", e.g. " + gaps.get(0));
        }
        throw SampleException.cannotRun(refusals.isEmpty() ? "no backend is available" : String.join("; ", refusals)
                + " (see webnn-samples inspect)");
    }

    private static MLGraph compile(OnnxModel onnx, MLContext context, OnnxImportOptions options) {
        try {
            return onnx.compile(context, options);
        } catch (MLNotSupportedError e) {
            throw SampleException.cannotRun(context.backendName() + " cannot run the model: " + e.getMessage());
        }
    }

    /** Native input segments: the given arrays (checked against the graph) or the pattern. */
    private Map<String, MemorySegment> inputs(MLGraph graph, Map<String, NpyArray> given, Arena arena, PrintWriter out) {
        Map<String, MemorySegment> inputs = new LinkedHashMap<>();
        graph.inputDescriptors().forEach((name, descriptor) -> {
            MemorySegment data = arena.allocate(Math.max(1, descriptor.byteLength()), 64).asSlice(0, descriptor.byteLength());
            NpyArray array = given.get(name);
            if (array == null) {
                InputPattern.fill(descriptor, data);
                out.println("input " + name + ": " + descriptor + ", not given: filled with " + InputPattern.DESCRIPTION);
            } else if (!array.descriptor().equals(descriptor)) {
                throw SampleException.badInput("--input " + name + " holds " + array.descriptor() + ", the model takes " + descriptor);
            } else {
                data.copyFrom(array.data());
                out.println("input " + name + ": " + descriptor + " from " + inputFiles.get(name));
            }
            inputs.put(name, data);
        });
        return inputs;
    }

    private void writeOutputs(Map<String, MLOperandDescriptor> descriptors, Map<String, MemorySegment> outputs, PrintWriter out) {
        if (outputDir != null) {
            try {
                Files.createDirectories(outputDir);
            } catch (IOException e) {
                throw SampleException.badInput("cannot create --output-dir " + outputDir + ": " + e.getMessage(), e);
            }
        }
        descriptors.forEach((name, descriptor) -> {
            if (outputDir == null) {
                out.println("output " + name + ": " + descriptor);
                return;
            }
            Path file = outputDir.resolve(fileName(name) + ".npy");
            try {
                Npy.write(file, descriptor, outputs.get(name));
            } catch (UncheckedIOException e) {
                throw SampleException.badInput("cannot write " + file + ": " + e.getMessage(), e);
            }
            out.println("output " + name + ": " + descriptor + " -> " + file);
        });
    }

    /** An output name as a file name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String fileName(String outputName) {
        String name = outputName.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }
}
