package dev.webnn.backend.onnxruntime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Repairs of an ONNX model file written by ONNX Runtime. A model made with the Model Editor
 * API and saved through {@code SetOptimizedModelFilePath} lacks its {@code opset_import}
 * entries (ORT 1.23 keeps them outside the graph it serialises), so no ONNX loader —
 * ORT's own APIs included — accepts the file. {@link #ensureOpsetImports} appends them:
 * a {@code ModelProto} is a protobuf message, and repeated fields may be appended at its end.
 */
final class OnnxModelFile {

    /** {@code ModelProto.opset_import}, field 8. */
    private static final int OPSET_IMPORT_FIELD = 8;
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private OnnxModelFile() {
    }

    /**
     * One {@code OperatorSetIdProto}: a domain ({@code ""} is ONNX's) and its version.
     *
     * @param domain the operator-set domain
     * @param version its version
     */
    record OpsetImport(String domain, int version) {
    }

    /**
     * Appends {@code imports} to the model file unless it already has an {@code opset_import}.
     *
     * @param file a serialised {@code ModelProto}
     * @param imports the operator sets the model was built with
     * @return true if the file was changed
     * @throws UncheckedIOException if the file cannot be read or written
     * @throws IllegalArgumentException if the file is not a well-formed protobuf message
     */
    static boolean ensureOpsetImports(Path file, List<OpsetImport> imports) {
        try {
            if (hasTopLevelField(Files.readAllBytes(file), OPSET_IMPORT_FIELD)) {
                return false;
            }
            ByteArrayOutputStream appended = new ByteArrayOutputStream();
            for (OpsetImport opset : imports) {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                byte[] domain = opset.domain().getBytes(StandardCharsets.UTF_8);
                writeVarint(message, 1 << 3 | LENGTH_DELIMITED);
                writeVarint(message, domain.length);
                message.writeBytes(domain);
                writeVarint(message, 2 << 3 | VARINT);
                writeVarint(message, opset.version());
                writeVarint(appended, OPSET_IMPORT_FIELD << 3 | LENGTH_DELIMITED);
                writeVarint(appended, message.size());
                message.writeTo(appended);
            }
            Files.write(file, appended.toByteArray(), StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete the ONNX model " + file, e);
        }
    }

    /** Whether a protobuf message has a field with this number at its top level. */
    static boolean hasTopLevelField(byte[] message, int field) {
        int[] position = {0};
        while (position[0] < message.length) {
            long tag = readVarint(message, position);
            if (tag >>> 3 == field) {
                return true;
            }
            long skip = switch ((int) (tag & 7)) {
                case VARINT -> {
                    readVarint(message, position);
                    yield 0;
                }
                case FIXED64 -> 8;
                case LENGTH_DELIMITED -> readVarint(message, position);
                case FIXED32 -> 4;
                default -> throw new IllegalArgumentException("not a protobuf message: wire type " + (tag & 7)
                        + " at byte " + position[0]);
            };
            if (skip < 0 || skip > message.length - position[0]) {
                throw new IllegalArgumentException("not a protobuf message: field " + (tag >>> 3) + " runs past the end");
            }
            position[0] += (int) skip;
        }
        return false;
    }

    private static long readVarint(byte[] message, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= message.length) {
                throw new IllegalArgumentException("not a protobuf message: truncated varint");
            }
            byte b = message[position[0]++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a protobuf message: varint longer than 10 bytes");
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
