package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.proto.OnnxIr.StringStringEntryProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading model and tensor files: declared values, encodings, external data, malformed files. */
class OnnxModelReadTest {

    @TempDir
    Path folder;

    private TestModels addModel() {
        return TestModels.opset(13)
                .input("x", OnnxDataType.FLOAT, "batch", "?", 4L)
                .input("w", OnnxDataType.FLOAT, 4L)
                .initializer(TestModels.floats("w", new long[] {4}, 1, 2, 3, 4))
                .node("Add", new String[] {"x", "w"}, new String[] {"y"})
                .output("y", OnnxDataType.FLOAT, "batch", "?", 4L);
    }

    @Test
    void declaredInputsKeepSymbolicNamesAndSkipInitializers() {
        OnnxModel model = addModel().read(folder);
        assertEquals(13, model.opsetVersion());
        assertEquals(1, model.inputs().size());
        OnnxValueInfo x = model.inputs().getFirst();
        assertEquals("x", x.name());
        assertEquals(OnnxDataType.FLOAT, x.dataType());
        assertEquals(List.of(new OnnxDimension(-1, "batch"), new OnnxDimension(-1, ""), new OnnxDimension(4, "")),
                x.dimensions());
        assertEquals("x: float[batch, ?, 4]", x.toString());
        assertEquals(Map.of("Add", 1), model.operatorHistogram());
    }

    @Test
    void truncatedFileIsAFormatErrorWithOffset() throws IOException {
        byte[] bytes = addModel().bytes();
        Path file = folder.resolve("cut.onnx");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
        OnnxFormatError error = assertThrows(OnnxFormatError.class, () -> OnnxModel.read(file));
        assertTrue(error.byteOffset() > 0 && error.byteOffset() <= bytes.length, error.getMessage());
        assertTrue(error.getMessage().contains("cut.onnx"), error.getMessage());
    }

    @Test
    void garbageAndMissingFilesAreTypeErrors() throws IOException {
        Path file = folder.resolve("garbage.onnx");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
        assertThrows(OnnxFormatError.class, () -> OnnxModel.read(file));
        MLTypeError missing = assertThrows(MLTypeError.class, () -> OnnxModel.read(folder.resolve("none.onnx")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void rawDataTensorFileIsDecoded() throws IOException {
        Path file = folder.resolve("t.pb");
        Files.write(file, TestModels.floats("t", new long[] {2, 2}, 1, -2, 3.5f, 4).toByteArray());
        OnnxTensor tensor = OnnxTensors.read(file);
        assertArrayEquals(new long[] {2, 2}, tensor.shape());
        assertArrayEquals(new float[] {1, -2, 3.5f, 4}, tensor.data().toArray(ValueLayout.JAVA_FLOAT));
    }

    @Test
    void typedFieldsFloat16BoolAndBfloat16() throws IOException {
        Path half = folder.resolve("h.pb");
        Files.write(half, TestModels.tensor("h", OnnxDataType.FLOAT16, new long[] {2})
                .addInt32Data(Float.floatToFloat16(1.5f)).addInt32Data(Float.floatToFloat16(-2f)).build().toByteArray());
        OnnxTensor h = OnnxTensors.read(half);
        assertEquals(MLOperandDataType.FLOAT16, h.dataType());
        assertEquals(-2f, Float.float16ToFloat(h.data().getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, 1)));

        Path bool = folder.resolve("b.pb");
        Files.write(bool, TestModels.tensor("b", OnnxDataType.BOOL, new long[] {3})
                .addInt32Data(1).addInt32Data(0).addInt32Data(1).build().toByteArray());
        OnnxTensor b = OnnxTensors.read(bool);
        assertEquals(OnnxDataType.BOOL, b.onnxType());
        assertEquals(MLOperandDataType.UINT8, b.dataType());
        assertArrayEquals(new byte[] {1, 0, 1}, b.data().toArray(ValueLayout.JAVA_BYTE));

        Path brain = folder.resolve("bf.pb");
        byte[] raw = {(byte) 0xc0, 0x3f, 0x00, (byte) 0xc0}; // 1.5 and -2.0 as bfloat16, little-endian
        Files.write(brain, TestModels.tensor("bf", OnnxDataType.BFLOAT16, new long[] {2})
                .setRawData(ByteString.copyFrom(raw)).build().toByteArray());
        OnnxTensor bf = OnnxTensors.read(brain);
        assertEquals(MLOperandDataType.FLOAT32, bf.dataType());
        assertArrayEquals(new float[] {1.5f, -2f}, bf.data().toArray(ValueLayout.JAVA_FLOAT));
    }

    @Test
    void dataThatDoesNotFitTheShapeIsRejected() throws IOException {
        Path file = folder.resolve("short.pb");
        Files.write(file, TestModels.tensor("s", OnnxDataType.FLOAT, new long[] {3}).addFloatData(1).build().toByteArray());
        OnnxFormatError error = assertThrows(OnnxFormatError.class, () -> OnnxTensors.read(file));
        assertTrue(error.getMessage().contains("has 1 values, needs 3"), error.getMessage());
        Path strings = folder.resolve("str.pb");
        Files.write(strings, TestModels.tensor("s", OnnxDataType.STRING, new long[] {1})
                .addStringData(ByteString.copyFromUtf8("a")).build().toByteArray());
        assertThrows(MLNotSupportedError.class, () -> OnnxTensors.read(strings));
    }

    private static TensorProto external(String location, long offset, long length) {
        return TestModels.tensor("w", OnnxDataType.FLOAT, new long[] {4})
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(offset)))
                .addExternalData(entry("length", Long.toString(length))).build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private OnnxModel externalModel(String location) {
        return TestModels.opset(13).input("x", OnnxDataType.FLOAT, 4L).initializer(external(location, 8, 16))
                .node("Add", new String[] {"x", "w"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT, 4L)
                .read(folder);
    }

    @Test
    void externalDataIsReadFromTheModelFolderOnly() throws IOException {
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        data.putLong(0).putFloat(10).putFloat(20).putFloat(30).putFloat(40);
        Files.write(folder.resolve("weights.bin"), data.array());
        try (var context = Runs.context()) {
            float[] y = Runs.run(context, externalModel("weights.bin").compile(context, OnnxImportOptions.defaults()), "y",
                    Map.of("x", new float[] {1, 2, 3, 4}));
            assertArrayEquals(new float[] {11, 22, 33, 44}, y);

            Path outside = Files.createTempFile("outside", ".bin");
            Files.write(outside, data.array());
            try {
                for (String bad : List.of("../" + outside.getFileName(), outside.toString())) {
                    MLTypeError error = assertThrows(MLTypeError.class,
                            () -> externalModel(bad).compile(context, OnnxImportOptions.defaults()));
                    assertTrue(error.getMessage().contains("model folder") || error.getMessage().contains("absolute"),
                            error.getMessage());
                }
                Files.createSymbolicLink(folder.resolve("link.bin"), outside);
                MLTypeError link = assertThrows(MLTypeError.class,
                        () -> externalModel("link.bin").compile(context, OnnxImportOptions.defaults()));
                assertTrue(link.getMessage().contains("links outside"), link.getMessage());
            } finally {
                Files.delete(outside);
            }
        }
    }
}
