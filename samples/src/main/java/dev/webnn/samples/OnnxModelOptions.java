package dev.webnn.samples;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the ONNX commands ({@code inspect}, {@code run}) share: the model file and the
 * {@code --dim NAME=V} values of its symbolic dimensions.
 */
final class OnnxModelOptions {

    @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "The ONNX model file.")
    private Path file;

    @Option(names = "--dim", paramLabel = "NAME=V",
            description = "Fixes a symbolic dimension of the model's inputs, e.g. --dim batch_size=1 (repeatable).")
    private Map<String, Long> dimensions = new LinkedHashMap<>();

    /**
     * The model file.
     *
     * @return the path given
     */
    Path file() {
        return file;
    }

    /**
     * The {@code --dim} values.
     *
     * @return dimension name to value, in the order given
     */
    Map<String, Long> dimensions() {
        return dimensions;
    }

    /**
     * Reads the model.
     *
     * @return the model
     * @throws SampleException if the file is missing, malformed or has non-tensor inputs
     */
    OnnxModel read() {
        try {
            return OnnxModel.read(file);
        } catch (MLTypeError | MLNotSupportedError e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
    }

    /**
     * Import options with every {@code --dim}.
     *
     * @return the options
     * @throws SampleException if a value is below 1
     */
    OnnxImportOptions importOptions() {
        OnnxImportOptions options = OnnxImportOptions.defaults();
        try {
            for (Map.Entry<String, Long> dimension : dimensions.entrySet()) {
                options = options.withDimension(dimension.getKey(), dimension.getValue());
            }
        } catch (MLTypeError e) {
            throw SampleException.badInput("--dim: " + e.getMessage(), e);
        }
        return options;
    }
}
