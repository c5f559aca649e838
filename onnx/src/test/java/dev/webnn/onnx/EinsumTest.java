package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLGraph;
import dev.webnn.MLNotSupportedError;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Einsum's common patterns, compared with sums computed here. */
class EinsumTest extends ImportTestBase {

    private float[] run(String equation, long[] aShape, float[] a, long[] bShape, float[] b) {
        TestModels models = TestModels.opset(13).input("a", OnnxDataType.FLOAT, (Object[]) boxed(aShape));
        String[] inputs = {"a"};
        if (b != null) {
            models.input("b", OnnxDataType.FLOAT, (Object[]) boxed(bShape));
            inputs = new String[] {"a", "b"};
        }
        OnnxModel model = models.node("Einsum", inputs, new String[] {"y"}, "equation", equation)
                .output("y", OnnxDataType.FLOAT).read(folder);
        try (MLGraph graph = model.compile(context, OnnxImportOptions.defaults())) {
            return Runs.run(context, graph, "y", b == null ? Map.of("a", a) : Map.of("a", a, "b", b));
        }
    }

    private static Long[] boxed(long[] shape) {
        Long[] dims = new Long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return dims;
    }

    @Test
    void batchMatmulTransposeSumAndInnerProduct() {
        float[] a = Runs.ramp(12); // [2, 2, 3]
        float[] b = Runs.ramp(12); // [2, 3, 2]
        float[] expected = new float[8];
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) {
                    for (int j = 0; j < 3; j++) {
                        expected[n * 4 + i * 2 + k] += a[n * 6 + i * 3 + j] * b[n * 6 + j * 2 + k];
                    }
                }
            }
        }
        assertArrayEquals(expected, run("bij,bjk->bik", new long[] {2, 2, 3}, a, new long[] {2, 3, 2}, b), 1e-4f);
        float[] m = {1, 2, 3, 4, 5, 6}; // [2, 3]
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, run("ij->ji", new long[] {2, 3}, m, null, null));
        assertArrayEquals(new float[] {6, 15}, run("ij->i", new long[] {2, 3}, m, null, null));
        assertArrayEquals(new float[] {1 + 4 + 9}, run("i,i", new long[] {3}, new float[] {1, 2, 3}, new long[] {3},
                new float[] {1, 2, 3}));
        // outer product with the implicit output order
        assertArrayEquals(new float[] {3, 4, 6, 8}, run("i,j", new long[] {2}, new float[] {1, 2}, new long[] {2},
                new float[] {3, 4}));
    }

    @Test
    void diagonalIsRefused() {
        MLNotSupportedError error = assertThrows(MLNotSupportedError.class,
                () -> run("ii->i", new long[] {2, 2}, new float[4], null, null));
        assertTrue(error.getMessage().contains("diagonal"), error.getMessage());
    }
}
