package dev.webnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = MLOperandDataType.class, names = {"INT4", "UINT4"}, mode = EnumSource.Mode.EXCLUDE)
    void writesAndReadsBackEveryDataType(MLOperandDataType type) {
        MLOperandDescriptor descriptor = MLOperandDescriptor.of(type, 2, 3);
        byte[] bytes = new byte[(int) descriptor.byteLength()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 1);
        }
        Path file = temp.resolve(type + ".npy");
        Npy.write(file, descriptor, MemorySegment.ofArray(bytes));
        try (Arena arena = Arena.ofConfined()) {
            NpyArray array = Npy.read(file, arena);
            assertEquals(descriptor, array.descriptor());
            assertArrayEquals(bytes, array.data().toArray(ValueLayout.JAVA_BYTE));
            assertTrue(array.data().isReadOnly());
        }
    }

    /** NumPy has no 4-bit types: writing one is refused, naming it. */
    @Test
    void fourBitTypesAreRefused() {
        MLTypeError error = assertThrows(MLTypeError.class, () -> Npy.write(temp.resolve("u4.npy"),
                MLOperandDescriptor.of(MLOperandDataType.UINT4, 3), MemorySegment.ofArray(new byte[2])));
        assertEquals("npy: NumPy has no uint4 data type", error.getMessage());
    }

    @Test
    void writesScalarsAndVectorsWithNumpyShapeSyntax() throws IOException {
        Npy.write(temp.resolve("s.npy"), MLOperandDescriptor.of(MLOperandDataType.FLOAT32), MemorySegment.ofArray(new float[] {2.5f}));
        Npy.write(temp.resolve("v.npy"), MLOperandDescriptor.of(MLOperandDataType.INT64, 3), MemorySegment.ofArray(new long[] {1, 2, 3}));
        assertTrue(header(temp.resolve("s.npy")).contains("'shape': ()"));
        assertTrue(header(temp.resolve("v.npy")).contains("'shape': (3,)"));
        assertEquals(0, (Files.size(temp.resolve("v.npy")) - 24) % 64, "data starts on a 64-byte boundary");
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(0, Npy.read(temp.resolve("s.npy"), arena).descriptor().rank());
            assertArrayEquals(new long[] {1, 2, 3}, Npy.read(temp.resolve("v.npy"), arena).data().toArray(ValueLayout.JAVA_LONG));
        }
    }

    @Test
    void readsTheSharedSqueezeNetGoldenOutput() {
        Path shared = Path.of(System.getProperty("webnn.shared", "../shared"));
        Path golden = shared.resolve("models/squeezenet1.1_nchw/test_data_set/0/output_0.npy");
        assumeTrue(Files.exists(golden), "../shared is absent: " + golden + " not found");
        try (Arena arena = Arena.ofConfined()) {
            NpyArray array = Npy.read(golden, arena);
            assertEquals(MLOperandDescriptor.of(MLOperandDataType.FLOAT32, 1, 1000), array.descriptor());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }|needs 24 data bytes, the file has 4",
        "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }|unsupported dtype '>f4'",
        "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }|unsupported dtype '<c8'",
        "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }|Fortran-ordered arrays are not supported",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }|shape dimension -1 out of range",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }|malformed shape",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967295, 4294967295, 4294967295), }|the file has 4",
        "{'descr': '<f4', 'shape': (1,), }|malformed header",
    })
    void rejectsMalformedHeadersWithAClearMessage(String caseText) throws IOException {
        String[] parts = caseText.split("\\|");
        Path file = temp.resolve("bad.npy");
        byte[] header = parts[0].getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[10 + header.length + 4];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0}, 0, bytes, 0, 10);
        System.arraycopy(header, 0, bytes, 10, header.length);
        Files.write(file, bytes);
        try (Arena arena = Arena.ofConfined()) {
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file, arena));
            assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
        }
    }

    @Test
    void rejectsBadMagicTruncationAndOversizedHeaders() throws IOException {
        Path file = temp.resolve("x.npy");
        Files.write(file, "NOTNUMPYDATA".getBytes(StandardCharsets.ISO_8859_1));
        try (Arena arena = Arena.ofConfined()) {
            assertTrue(assertThrows(NpyFormatException.class, () -> Npy.read(file, arena)).getMessage().contains("bad magic"));
            Files.write(file, new byte[] {(byte) 0x93, 'N'});
            assertTrue(assertThrows(NpyFormatException.class, () -> Npy.read(file, arena)).getMessage().contains("too short"));
            Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
            assertTrue(assertThrows(NpyFormatException.class, () -> Npy.read(file, arena)).getMessage().contains("header length"));
            Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0, 0, 0});
            assertTrue(assertThrows(NpyFormatException.class, () -> Npy.read(file, arena)).getMessage().contains("version 9"));
        }
    }

    private static String header(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).substring(10);
    }
}
