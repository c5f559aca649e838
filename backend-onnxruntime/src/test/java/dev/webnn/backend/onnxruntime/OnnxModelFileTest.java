package dev.webnn.backend.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completing saved ONNX models with their operator-set imports, on hand-made protobuf bytes. */
class OnnxModelFileTest {

    /** ir_version = 11 (field 1, varint), then graph (field 7) holding two bytes. */
    private static final byte[] WITHOUT_OPSETS = {0x08, 0x0b, 0x3a, 0x02, 0x0a, 0x00};

    @Test
    void appendsTheImportsWhenMissing(@TempDir Path temp) throws IOException {
        Path file = Files.write(temp.resolve("m.onnx"), WITHOUT_OPSETS);
        assertTrue(OnnxModelFile.ensureOpsetImports(file, List.of(new OnnxModelFile.OpsetImport("", 21),
                new OnnxModelFile.OpsetImport("ai", 300))));
        byte[] expected = {0x08, 0x0b, 0x3a, 0x02, 0x0a, 0x00,
            0x42, 0x04, 0x0a, 0x00, 0x10, 0x15,
            0x42, 0x07, 0x0a, 0x02, 'a', 'i', 0x10, (byte) 0xac, 0x02};
        assertArrayEquals(expected, Files.readAllBytes(file));
        assertFalse(OnnxModelFile.ensureOpsetImports(file, List.of(new OnnxModelFile.OpsetImport("", 21))),
                "a second call finds the imports and leaves the file alone");
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void findsFieldsOfEveryWireType() {
        byte[] message = {0x09, 1, 2, 3, 4, 5, 6, 7, 8, 0x15, 1, 2, 3, 4, 0x18, (byte) 0x80, 0x01, 0x42, 0x00};
        assertTrue(OnnxModelFile.hasTopLevelField(message, 8));
        assertFalse(OnnxModelFile.hasTopLevelField(message, 4));
    }

    @Test
    void rejectsBytesThatAreNotAProtobufMessage() {
        assertThrows(IllegalArgumentException.class, () -> OnnxModelFile.hasTopLevelField(new byte[] {0x3a, 0x05, 0x00}, 8));
        assertThrows(IllegalArgumentException.class, () -> OnnxModelFile.hasTopLevelField(new byte[] {0x0f}, 8));
        assertThrows(IllegalArgumentException.class, () -> OnnxModelFile.hasTopLevelField(new byte[] {0x08, (byte) 0x80}, 8));
    }
}
