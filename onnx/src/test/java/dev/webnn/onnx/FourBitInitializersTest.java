package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import dev.webnn.MLGraph;
import dev.webnn.MLNotSupportedError;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ONNX INT4 and UINT4 initializers (two values per byte, low nibble first) import as WebNN
 * int4/uint4 constants: DequantizeLinear of them per axis (opset 21) gives what ONNX Runtime's
 * Java API gives on the same file; a Transpose of one is not folded at import (the folders
 * move whole bytes) but runs as a graph operation; data of the wrong length, or in the typed
 * int32_data field, is refused.
 */
class FourBitInitializersTest extends ImportTestBase {


    /** Values as nibbles, two per byte, low first. */
    private static byte[] pack(int... values) {
        byte[] packed = new byte[(values.length + 1) / 2];
        for (int i = 0; i < values.length; i++) {
            packed[i / 2] |= (byte) ((values[i] & 0xF) << (i % 2) * 4);
        }
        return packed;
    }

    private Path model(OnnxDataType type, byte[] data, byte[] zeroPoints, boolean transpose) {
        TestModels model = TestModels.opset(21)
                .input("x", OnnxDataType.FLOAT, 2L, 3L)
                .initializer(TestModels.tensor("w", type, new long[] {2, 3}).setRawData(ByteString.copyFrom(data)).build())
                .initializer(TestModels.floats("w_scale", new long[] {3}, 0.5f, 0.25f, 2f))
                .initializer(TestModels.tensor("w_zero_point", type, new long[] {3})
                        .setRawData(ByteString.copyFrom(zeroPoints)).build())
                .node("DequantizeLinear", new String[] {"w", "w_scale", "w_zero_point"}, new String[] {"d"}, "axis", 1L)
                .node("Add", new String[] {"x", "d"}, new String[] {"y"});
        if (transpose) {
            // [3, 2]: the scale runs along axis 0 now
            model.node("Transpose", new String[] {"w"}, new String[] {"t"}, "perm", new long[] {1, 0})
                    .node("DequantizeLinear", new String[] {"t", "w_scale", "w_zero_point"}, new String[] {"z"}, "axis", 0L)
                    .output("z", OnnxDataType.FLOAT, 3L, 2L);
        } else {
            model.output("y", OnnxDataType.FLOAT, 2L, 3L);
        }
        return model.write(folder);
    }

    private static float[] ortJava(Path file, String output, float[] x) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(x), new long[] {2, 3});
             OrtSession.Result result = session.run(Map.of("x", input))) {
            FloatBuffer values = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
            float[] elements = new float[values.remaining()];
            values.get(elements);
            return elements;
        }
    }

    @Test
    void int4AndUint4WeightsDequantizeAsOnnxRuntimeDoes() throws OrtException {
        float[] x = {1, 2, 3, 4, 5, 6};
        Path signed = model(OnnxDataType.INT4, pack(-8, -1, 7, 3, 0, -5), pack(0, 1, -2), false);
        // (w - zp) * scale per column: [[-4, -0.5, 18], [1.5, -0.25, -6]] plus x
        float[] expected = {-3, 1.5f, 21, 5.5f, 4.75f, 0};
        try (MLGraph graph = OnnxModel.read(signed).compile(context, OnnxImportOptions.defaults())) {
            assertArrayEquals(expected, Runs.run(context, graph, "y", Map.of("x", x)));
        }
        assertArrayEquals(expected, ortJava(signed, "y", x));
        Path unsigned = model(OnnxDataType.UINT4, pack(15, 0, 8, 1, 2, 3), pack(8, 0, 4), false);
        float[] expectedUnsigned = {4.5f, 2, 11, 0.5f, 5.5f, 4};
        try (MLGraph graph = OnnxModel.read(unsigned).compile(context, OnnxImportOptions.defaults())) {
            assertArrayEquals(expectedUnsigned, Runs.run(context, graph, "y", Map.of("x", x)));
        }
        assertArrayEquals(expectedUnsigned, ortJava(unsigned, "y", x));
    }

    @Test
    void aTransposeOfInt4WeightsRunsAsAGraphOperation() throws OrtException {
        float[] x = {1, 2, 3, 4, 5, 6};
        Path file = model(OnnxDataType.INT4, pack(-8, -1, 7, 3, 0, -5), pack(0, 1, -2), true);
        try (MLGraph graph = OnnxModel.read(file).compile(context, OnnxImportOptions.defaults())) {
            // x reads into y only, which is no output: the imported graph takes no input
            assertArrayEquals(ortJava(file, "z", x), Runs.run(context, graph, "z", Map.of()));
        }
    }

    @Test
    void fourBitDataOfTheWrongLengthOrInTypedFieldsIsRefused() {
        Path tooShort = model(OnnxDataType.INT4, new byte[2], pack(0, 0, 0), false);
        OnnxFormatError error = assertThrows(OnnxFormatError.class,
                () -> OnnxModel.read(tooShort).compile(context, OnnxImportOptions.defaults()).close());
        assertTrue(error.getMessage().contains("needs 3 bytes of data, has 2"), error.getMessage());
        Path typed = TestModels.opset(21)
                .input("x", OnnxDataType.FLOAT, 2L)
                .initializer(TestModels.tensor("w", OnnxDataType.INT4, new long[] {2}).addInt32Data(0x21).build())
                .node("Cast", new String[] {"w"}, new String[] {"c"}, "to", (long) OnnxDataType.FLOAT.code())
                .node("Add", new String[] {"x", "c"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT, 2L)
                .write(folder);
        MLNotSupportedError refused = assertThrows(MLNotSupportedError.class,
                () -> OnnxModel.read(typed).compile(context, OnnxImportOptions.defaults()).close());
        assertTrue(refused.getMessage().contains("raw_data"), refused.getMessage());
    }
}
