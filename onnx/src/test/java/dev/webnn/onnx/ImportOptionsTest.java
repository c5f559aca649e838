package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLGraph;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;

import org.junit.jupiter.api.Test;

/** Fixing free dimensions: by name, by whole input shape, and the errors for unset or unknown names. */
class ImportOptionsTest extends ImportTestBase {

    private OnnxModel model() {
        return TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, "batch_size", "?")
                .node("Relu", new String[] {"x"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT, "batch_size", "?")
                .read(folder);
    }

    @Test
    void unsetSymbolicDimensionIsNamedWithTheModelsNames() {
        OnnxModel model = TestModels.opset(13).input("x", OnnxDataType.FLOAT, "batch_size", "sequence")
                .node("Relu", new String[] {"x"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT)
                .read(folder);
        MLTypeError error = assertThrows(MLTypeError.class,
                () -> model.compile(context, OnnxImportOptions.defaults().withDimension("batch_size", 2)));
        assertTrue(error.getMessage().contains("dimension 'sequence' of input 'x' is not set"), error.getMessage());
        assertTrue(error.getMessage().contains("[batch_size, sequence]"), error.getMessage());
    }

    @Test
    void inputDescriptorsAreTheOnesTheCompiledGraphTakes() {
        OnnxModel model = TestModels.opset(13).input("x", OnnxDataType.FLOAT, "batch_size", "sequence")
                .node("Relu", new String[] {"x"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT)
                .read(folder);
        OnnxImportOptions options = OnnxImportOptions.defaults().withDimension("batch_size", 2).withDimension("sequence", 5);
        try (MLGraph graph = model.compile(context, options)) {
            assertEquals(graph.inputDescriptors(), model.inputDescriptors(options));
        }
        assertEquals(MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 2, 5), model.inputDescriptors(options).get("x"));
        assertThrows(MLTypeError.class,
                () -> model.inputDescriptors(OnnxImportOptions.defaults().withDimension("batch_size", 2)));
    }

    @Test
    void misspelledDimensionOrInputNameIsAnError() {
        OnnxModel model = model();
        MLTypeError dimension = assertThrows(MLTypeError.class, () -> model.compile(context,
                OnnxImportOptions.defaults().withDimension("batchsize", 2).withInputShape("x", 2, 3)));
        assertTrue(dimension.getMessage().contains("no dimension named 'batchsize'"), dimension.getMessage());
        MLTypeError input = assertThrows(MLTypeError.class,
                () -> model.compile(context, OnnxImportOptions.defaults().withInputShape("X", 2, 3)));
        assertTrue(input.getMessage().contains("no input named 'X'"), input.getMessage());
    }

    @Test
    void unnamedDimensionNeedsTheWholeShape() {
        OnnxModel model = model();
        MLTypeError error = assertThrows(MLTypeError.class,
                () -> model.compile(context, OnnxImportOptions.defaults().withDimension("batch_size", 2)));
        assertTrue(error.getMessage().contains("withInputShape"), error.getMessage());
        assertThrows(MLTypeError.class, () -> model.compile(context, OnnxImportOptions.defaults().withInputShape("x", 2)));
        try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults().withInputShape("x", 2, 3))) {
            assertArrayEquals(new long[] {2, 3}, graph.inputDescriptors().get("x").shape());
            assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2}, Runs.run(context, graph, "y", java.util.Map.of("x",
                    Runs.ramp(6))));
        }
    }

    @Test
    void optionsAreImmutableAndValidated() {
        OnnxImportOptions base = OnnxImportOptions.defaults();
        OnnxImportOptions set = base.withDimension("n", 3);
        assertTrue(base.dimensions().isEmpty());
        assertEquals(3L, set.dimensions().get("n"));
        assertThrows(MLTypeError.class, () -> base.withDimension("n", 0));
        assertThrows(MLTypeError.class, () -> base.withDimension("", 1));
        assertThrows(MLTypeError.class, () -> base.withInputShape("x", 1, -1));
    }
}
