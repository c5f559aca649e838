package dev.webnn.samples.bench;

import dev.webnn.onnx.OnnxDataType;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An ONNX file: {@link Engines#ORT_JAVA} runs the original file, every WebNN engine imports it
 * ({@link OnnxModel#compile}). Every input gets {@link InputPattern}'s values; the first float32
 * model output is the one compared across engines.
 */
public final class OnnxBenchModel implements BenchModel {

    private final Path file;
    private final OnnxModel model;
    private final OnnxImportOptions options;
    private final String title;
    private final String checkedOutput;
    private final Arena arena = Arena.ofShared();
    private final Map<String, BenchTensor> inputs = new LinkedHashMap<>();

    /**
     * Reads an ONNX file and makes its inputs.
     *
     * @param file the file
     * @param options the import options; they must fix every symbolic input dimension
     * @throws IllegalArgumentException if no output is float32
     * @throws dev.webnn.MLTypeError if the file is not a readable ONNX model or an input
     *     dimension is not fixed
     * @throws dev.webnn.MLNotSupportedError if an input has a data type WebNN lacks
     */
    public OnnxBenchModel(Path file, OnnxImportOptions options) {
        this.file = file;
        this.model = OnnxModel.read(file);
        this.options = options;
        try {
            model.inputDescriptors(options).forEach((name, descriptor) -> {
                MemorySegment data = arena.allocate(Math.max(1, descriptor.byteLength()), 64).asSlice(0, descriptor.byteLength());
                InputPattern.fill(descriptor, data);
                inputs.put(name, new BenchTensor(descriptor, data));
            });
            this.checkedOutput = model.outputs().stream().filter(output -> output.dataType() == OnnxDataType.FLOAT).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file.getFileName() + " has no float32 output"))
                    .name();
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        this.title = file.getFileName() + " " + inputs.entrySet().stream()
                .map(input -> input.getKey() + Arrays.toString(input.getValue().descriptor().shape()).replace(" ", ""))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Runner open(String engine, int threads) {
        return engine.equals(Engines.ORT_JAVA) ? OrtJavaRunner.open(file, threads, inputs, checkedOutput)
                : WebnnRunner.open(engine, threads, context -> model.compile(context, options), inputs, checkedOutput);
    }

    @Override
    public void close() {
        arena.close();
    }
}
