package dev.webnn.samples.bench;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.samples.models.ImageClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A sample image classifier built operation by operation from its {@code .npy} weights. There
 * is no independent ONNX file of these networks here, so {@link Engines#ORT_JAVA} runs the
 * model our {@code onnxruntime} backend builds, exported once on first use.
 */
public final class ClassifierBenchModel implements BenchModel {

    /** The name of the classifier's graph output. */
    static final String OUTPUT = "output";

    private final ImageClassifier model;
    private final Path weights;
    private final String title;
    private final Arena arena = Arena.ofShared();
    private final Map<String, BenchTensor> inputs;
    private Path exported;
    private Optional<String> exportFailure = Optional.empty();

    /**
     * Prepares a classifier and its input, {@link BenchInput#image}.
     *
     * @param model the classifier
     * @param weights its weights folder
     * @param title its row title
     */
    public ClassifierBenchModel(ImageClassifier model, Path weights, String title) {
        this.model = model;
        this.weights = weights;
        this.title = title;
        float[] image = BenchInput.image(model.inputDescriptor());
        MemorySegment data = arena.allocate(model.inputDescriptor().byteLength(), 64);
        MemorySegment.copy(image, 0, data, ValueLayout.JAVA_FLOAT, 0, image.length);
        this.inputs = Map.of(model.input(), new BenchTensor(model.inputDescriptor(), data));
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Runner open(String engine, int threads) {
        if (!engine.equals(Engines.ORT_JAVA)) {
            return WebnnRunner.open(engine, threads, this::compile, inputs, OUTPUT);
        }
        return OrtJavaRunner.open(export(), threads, inputs, OUTPUT);
    }

    private MLGraph compile(MLContext context) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        return builder.build(Map.of(OUTPUT, model.build(weights, builder)));
    }

    /** The model the onnxruntime backend builds, written to a temporary file once. */
    private Path export() {
        if (exported == null && exportFailure.isEmpty()) {
            try {
                Path file = Files.createTempFile("webnn-bench-" + model.folder(), ".onnx");
                exported = file;
                OrtJavaRunner.export(file, context -> compile(context).close());
            } catch (UnsupportedOperationException e) {
                exportFailure = Optional.of("the onnxruntime backend cannot build the model to export: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (exportFailure.isPresent()) {
            throw new UnsupportedOperationException(exportFailure.get());
        }
        return exported;
    }

    @Override
    public void close() {
        arena.close();
        if (exported != null) {
            try {
                Files.deleteIfExists(exported);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
