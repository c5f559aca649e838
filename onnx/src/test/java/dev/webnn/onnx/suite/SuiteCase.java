package dev.webnn.onnx.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of ONNX's node-test suite: a folder with {@code model.onnx} and
 * {@code test_data_set_0/input_N.pb}, {@code output_N.pb} (one serialised TensorProto each,
 * N counting the model's graph inputs and outputs in order).
 *
 * @param name the folder's name, e.g. {@code test_relu}
 * @param folder the folder
 */
record SuiteCase(String name, Path folder) {

    /**
     * The cases of one suite folder, sorted by name.
     *
     * @param suite e.g. the {@code node} folder
     * @return every sub-folder with a {@code model.onnx}
     */
    static List<SuiteCase> list(Path suite) {
        try (Stream<Path> folders = Files.list(suite)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("model.onnx"))).sorted()
                    .map(f -> new SuiteCase(f.getFileName().toString(), f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model file.
     *
     * @return {@code model.onnx}
     */
    Path model() {
        return folder.resolve("model.onnx");
    }

    /**
     * The input tensors, in order.
     *
     * @return {@code input_0.pb}, {@code input_1.pb}, ... as far as they exist
     */
    List<Path> inputs() {
        return numbered("input_");
    }

    /**
     * The expected output tensors, in order.
     *
     * @return {@code output_0.pb}, {@code output_1.pb}, ... as far as they exist
     */
    List<Path> outputs() {
        return numbered("output_");
    }

    private List<Path> numbered(String prefix) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; ; i++) {
            Path file = folder.resolve("test_data_set_0").resolve(prefix + i + ".pb");
            if (!Files.isRegularFile(file)) {
                return files;
            }
            files.add(file);
        }
    }
}
