package dev.webnn.samples.bench;

import dev.webnn.MLOperandDescriptor;
import dev.webnn.onnx.OnnxDataType;
import dev.webnn.onnx.OnnxDimension;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxValueInfo;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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
     * @throws IllegalArgumentException if an input dimension is not fixed, an input has a data
     *     type WebNN lacks, or no output is float32
     * @throws dev.webnn.MLTypeError if the file is not a readable ONNX model
     */
    public OnnxBenchModel(Path file, OnnxImportOptions options) {
        this.file = file;
        this.model = OnnxModel.read(file);
        this.options = options;
        try {
            for (OnnxValueInfo input : model.inputs()) {
                MLOperandDescriptor descriptor = descriptor(input);
                MemorySegment data = arena.allocate(Math.max(1, descriptor.byteLength()), 64).asSlice(0, descriptor.byteLength());
                InputPattern.fill(descriptor, data);
                inputs.put(input.name(), new BenchTensor(descriptor, data));
            }
            this.checkedOutput = model.outputs().stream().filter(output -> output.dataType() == OnnxDataType.FLOAT).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file.getFileName() + " has no float32 output"))
                    .name();
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        StringBuilder shapes = new StringBuilder(String.valueOf(file.getFileName()));
        inputs.forEach((name, value) -> shapes.append(shapes.indexOf(" ") < 0 ? " " : ", ").append(name)
                .append(Arrays.toString(value.descriptor().shape()).replace(" ", "")));
        this.title = shapes.toString();
    }

    /** The input's descriptor, its symbolic dimensions fixed by the options. */
    private MLOperandDescriptor descriptor(OnnxValueInfo input) {
        long[] shape = options.inputShapes().get(input.name());
        if (shape == null) {
            shape = new long[input.rank()];
            for (int i = 0; i < shape.length; i++) {
                OnnxDimension dimension = input.dimensions().get(i);
                Long value = dimension.isFixed() ? Long.valueOf(dimension.value()) : options.dimensions().get(dimension.name());
                if (value == null) {
                    throw new IllegalArgumentException("input " + input.name() + " has dimension " + i + " '" + dimension
                            + "': fix it with --dim NAME=V");
                }
                shape[i] = value;
            }
        }
        return MLOperandDescriptor.of(input.dataType().webnnType().orElseThrow(() -> new IllegalArgumentException(
                "input " + input.name() + " is " + input.dataType() + ", which WebNN lacks")), shape);
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
