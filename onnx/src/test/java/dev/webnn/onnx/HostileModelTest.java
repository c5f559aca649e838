package dev.webnn.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLContext;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.proto.OnnxIr.StringStringEntryProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files built to break the importer, one kind per test: each must end in an
 * {@link MLTypeError} (an {@link OnnxFormatError} where the bytes are malformed) within a few
 * seconds, without exhausting memory or reading outside the model's folder. Together with
 * {@code MutatedModelFuzzTest} (random damage to real models) this is the importer's hostile-file
 * suite.
 */
class HostileModelTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Asserts that {@code action} throws an MLTypeError-family error within the bound; returns its message. */
    private static String refused(Executable action) {
        MLTypeError error = assertTimeoutPreemptively(BOUND, () -> assertThrows(MLTypeError.class, action));
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank(), "a message");
        return error.getMessage();
    }

    @Test
    void filesThatAreNotOnnxAtAll() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] hugeVarint = {0x08, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        for (Map.Entry<String, byte[]> file : Map.of("empty.onnx", new byte[0], "image.onnx", png,
                "text.onnx", "ir_version: 8\ngraph { }\n".getBytes(StandardCharsets.UTF_8),
                "varint.onnx", hugeVarint).entrySet()) {
            Path path = write(file.getKey(), file.getValue());
            refused(() -> OnnxModel.read(path));
        }
    }

    @Test
    void wrongWireTypes() throws IOException {
        // field 7 (graph) written as a varint, then as a start-group (wire type 3)
        Path varint = write("varint-graph.onnx", new byte[] {0x08, 0x08, 0x38, 0x01});
        refused(() -> OnnxModel.read(varint));
        Path group = write("group-graph.onnx", new byte[] {0x08, 0x08, 0x3b, 0x3c});
        refused(() -> OnnxModel.read(group));
    }

    @Test
    void subgraphsNestedTenThousandDeep() throws IOException {
        byte[] graph = new byte[0];
        for (int depth = 0; depth < 10_000; depth++) {
            byte[] attribute = concat(field(1, "then_branch".getBytes(StandardCharsets.UTF_8)), field(6, graph));
            byte[] node = concat(field(4, "If".getBytes(StandardCharsets.UTF_8)), field(5, attribute));
            graph = field(1, node);
        }
        Path file = write("deep.onnx", concat(new byte[] {0x08, 0x08}, field(7, graph)));
        refused(() -> OnnxModel.read(file));
    }

    @Test
    void absurdDeclaredShapes() throws IOException {
        long huge = 1L << 20;
        TensorProto twoToThe40 = TestModels.tensor("w", OnnxDataType.FLOAT, new long[] {huge, huge})
                .setRawData(ByteString.copyFrom(new byte[4])).build();
        OnnxModel weights = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 1L).initializer(twoToThe40)
                .node("Add", new String[] {"x", "w"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT, 1L).read(folder);
        TensorProto negative = TestModels.tensor("w", OnnxDataType.FLOAT, new long[] {-4})
                .setRawData(ByteString.copyFrom(new byte[16])).build();
        OnnxModel negativeWeights = TestModels.opset(13).input("x", OnnxDataType.FLOAT, 4L).initializer(negative)
                .node("Add", new String[] {"x", "w"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT, 4L).read(folder);
        OnnxModel input = TestModels.opset(13).input("x", OnnxDataType.FLOAT, huge, huge)
                .node("Relu", new String[] {"x"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT, huge, huge).read(folder);
        OnnxModel overflow = TestModels.opset(13).input("x", OnnxDataType.FLOAT, Long.MAX_VALUE, 4L)
                .node("Relu", new String[] {"x"}, new String[] {"y"}).output("y", OnnxDataType.FLOAT, 4L).read(folder);
        try (MLContext context = Runs.context()) {
            for (OnnxModel model : new OnnxModel[] {weights, negativeWeights, input, overflow}) {
                refused(() -> model.compile(context, OnnxImportOptions.defaults()).close());
            }
        }
    }

    @Test
    void externalDataOffsetsAndLengthsOutOfRange() throws IOException {
        write("weights.bin", new byte[24]);
        long[][] ranges = {{-8, 16}, {8, -16}, {Long.MAX_VALUE, 16}, {8, Long.MAX_VALUE}, {16, 16}};
        try (MLContext context = Runs.context()) {
            for (long[] range : ranges) {
                TensorProto external = TestModels.tensor("w", OnnxDataType.FLOAT, new long[] {4})
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(entry("location", "weights.bin"))
                        .addExternalData(entry("offset", Long.toString(range[0])))
                        .addExternalData(entry("length", Long.toString(range[1]))).build();
                String message = refused(() -> TestModels.opset(13).input("x", OnnxDataType.FLOAT, 4L)
                        .initializer(external).node("Add", new String[] {"x", "w"}, new String[] {"y"})
                        .output("y", OnnxDataType.FLOAT, 4L).read(folder).compile(context, OnnxImportOptions.defaults())
                        .close());
                assertTrue(message.contains("w"), message);
            }
        }
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** A length-delimited protobuf field. */
    private static byte[] field(int number, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, (number << 3) | 2);
        varint(out, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
