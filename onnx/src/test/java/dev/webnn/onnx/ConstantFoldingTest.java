package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLGraph;
import dev.webnn.MLNotSupportedError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shape computations evaluated at import once dimensions are fixed, and conversion refusals. */
class ConstantFoldingTest extends ImportTestBase {

    /** x[batch, seq, 4] reshaped to [batch·seq/…, 2, 2] via Shape → Gather → Mul → Unsqueeze → Concat → Reshape. */
    @Test
    void shapeArithmeticFoldsToAStaticReshape() {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, "batch", "seq", 4L)
                .initializer(TestModels.longs("zero", new long[0], 0))
                .initializer(TestModels.longs("one", new long[0], 1))
                .initializer(TestModels.longs("axes", new long[] {1}, 0))
                .initializer(TestModels.longs("tail", new long[] {2}, 2, 2))
                .node("Shape", new String[] {"x"}, new String[] {"s"})
                .node("Gather", new String[] {"s", "zero"}, new String[] {"b"}, "axis", 0L)
                .node("Gather", new String[] {"s", "one"}, new String[] {"q"}, "axis", 0L)
                .node("Mul", new String[] {"b", "q"}, new String[] {"bq"})
                .node("Unsqueeze", new String[] {"bq", "axes"}, new String[] {"bq1"})
                .node("Concat", new String[] {"bq1", "tail"}, new String[] {"shape"}, "axis", 0L)
                .node("Reshape", new String[] {"x", "shape"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT)
                .read(folder);
        OnnxImportOptions options = OnnxImportOptions.defaults().withDimension("batch", 2).withDimension("seq", 3);
        try (MLGraph graph = model.compile(context, options)) {
            assertArrayEquals(new long[] {6, 2, 2}, graph.outputDescriptors().get("y").shape());
            float[] x = Runs.ramp(24);
            assertArrayEquals(x, Runs.run(context, graph, "y", Map.of("x", x)));
        }
    }

    /** Range, ConstantOfShape, Equal, Where, Cast and If on a folded condition. */
    @Test
    void generatorsAndConstantConditionsFold() {
        var thenBranch = TestModels.opset(13)
                .node("Add", new String[] {"x", "ramp"}, new String[] {"t"})
                .output("t", OnnxDataType.FLOAT).graph();
        var elseBranch = TestModels.opset(13)
                .node("Sub", new String[] {"x", "ramp"}, new String[] {"e"})
                .output("e", OnnxDataType.FLOAT).graph();
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 4L)
                .initializer(TestModels.longs("start", new long[0], 0))
                .initializer(TestModels.longs("limit", new long[0], 4))
                .initializer(TestModels.longs("delta", new long[0], 1))
                .initializer(TestModels.longs("four", new long[] {1}, 4))
                .node("Range", new String[] {"start", "limit", "delta"}, new String[] {"r"})
                .node("Cast", new String[] {"r"}, new String[] {"ramp"}, "to", (long) OnnxDataType.FLOAT.code())
                .node("ConstantOfShape", new String[] {"four"}, new String[] {"zeros"})
                .node("Shape", new String[] {"x"}, new String[] {"sx"})
                .node("Equal", new String[] {"sx", "four"}, new String[] {"same"})
                .node("Squeeze", new String[] {"same"}, new String[] {"cond"})
                .node("If", new String[] {"cond"}, new String[] {"y0"}, "then_branch", thenBranch,
                        "else_branch", elseBranch)
                .node("Where", new String[] {"same", "y0", "zeros"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT, 4L)
                .read(folder);
        try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults())) {
            assertArrayEquals(new float[] {1, 3, 5, 7}, Runs.run(context, graph, "y", Map.of("x", new float[] {1, 2, 3, 4})));
        }
    }

    @Test
    void runtimeShapeInputIsRefusedNamingTheNode() {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 4L)
                .input("shape", OnnxDataType.INT64, 2L)
                .node("Reshape", new String[] {"x", "shape"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT)
                .read(folder);
        MLNotSupportedError error = assertThrows(MLNotSupportedError.class,
                () -> model.compile(context, OnnxImportOptions.defaults()));
        assertTrue(error.getMessage().contains("'reshape0' (Reshape, opset 13)"), error.getMessage());
        assertTrue(error.getMessage().contains("must be a constant"), error.getMessage());
    }

    @Test
    void inputFixedByValueBecomesAConstant() throws java.io.IOException {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 6L)
                .input("shape", OnnxDataType.INT64, 2L)
                .node("Reshape", new String[] {"x", "shape"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT)
                .read(folder);
        Path value = folder.resolve("shape.pb");
        java.nio.file.Files.write(value, TestModels.longs("shape", new long[] {2}, 3, -1).toByteArray());
        OnnxImportOptions options = OnnxImportOptions.defaults().withConstantInput("shape", OnnxTensors.read(value));
        try (MLGraph graph = model.compile(context, options)) {
            assertEquals(java.util.Set.of("x"), graph.inputDescriptors().keySet());
            assertArrayEquals(new long[] {3, 2}, graph.outputDescriptors().get("y").shape());
        }
        Path wrong = folder.resolve("wrong.pb");
        java.nio.file.Files.write(wrong, TestModels.floats("shape", new long[] {2}, 3, 2).toByteArray());
        assertThrows(dev.webnn.MLTypeError.class, () -> model.compile(context,
                OnnxImportOptions.defaults().withConstantInput("shape", OnnxTensors.read(wrong))));
    }

    /** Slice steps: WebNN takes the window's extent, ONNX the output count; negative steps reverse. */
    @Test
    void sliceWithPositiveAndNegativeSteps() {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 2L, 7L)
                .initializer(TestModels.longs("starts", new long[] {2}, 1, 6))
                .initializer(TestModels.longs("ends", new long[] {2}, 2, 0))
                .initializer(TestModels.longs("axes", new long[] {2}, 0, 1))
                .initializer(TestModels.longs("steps", new long[] {2}, 1, -3))
                .node("Slice", new String[] {"x", "starts", "ends", "axes", "steps"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT)
                .read(folder);
        try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults())) {
            float[] x = new float[14];
            for (int i = 0; i < 14; i++) {
                x[i] = i;
            }
            assertArrayEquals(new float[] {13, 10}, Runs.run(context, graph, "y", Map.of("x", x)));
        }
    }

    @Test
    void hostileShapesAreRefusedNotAllocated() {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 1L)
                .initializer(TestModels.longs("start", new long[0], 0))
                .initializer(TestModels.longs("limit", new long[0], Long.MAX_VALUE / 2))
                .initializer(TestModels.longs("delta", new long[0], 1))
                .node("Range", new String[] {"start", "limit", "delta"}, new String[] {"r"})
                .node("Shape", new String[] {"r"}, new String[] {"s"})
                .node("Reshape", new String[] {"x", "s"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT)
                .read(folder);
        MLNotSupportedError error = assertThrows(MLNotSupportedError.class,
                () -> model.compile(context, OnnxImportOptions.defaults()));
        assertTrue(error.getMessage().contains("too large to evaluate at import"), error.getMessage());
    }

    @Test
    void checkListsEveryUnconvertibleNode() {
        OnnxModel model = TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, 4L)
                .node("Relu", new String[] {"x"}, new String[] {"a"})
                .node("NonZero", new String[] {"a"}, new String[] {"b"})
                .node("Unique", new String[] {"x"}, new String[] {"c"})
                .node("Sigmoid", new String[] {"a"}, new String[] {"d"})
                .output("b", OnnxDataType.INT64).output("c", OnnxDataType.FLOAT).output("d", OnnxDataType.FLOAT)
                .read(folder);
        List<OnnxUnsupported> gaps = model.check(context, OnnxImportOptions.defaults());
        assertEquals(List.of("NonZero", "Unique"), gaps.stream().map(OnnxUnsupported::opType).toList());
        assertEquals("nonzero1", gaps.getFirst().nodeName());
        assertEquals(13, gaps.getFirst().opset());
        assertTrue(gaps.getFirst().reason().contains("no WebNN conversion"), gaps.getFirst().reason());
        OnnxModel fine = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 4L)
                .node("Relu", new String[] {"x"}, new String[] {"a"}).output("a", OnnxDataType.FLOAT).read(folder);
        assertEquals(List.of(), fine.check(context, OnnxImportOptions.defaults()));
    }
}
