package dev.webnn.io;

import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTypeError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1, 2 and 3) holding
 * little-endian, C-ordered arrays of the WebNN data types: {@code <f4 <f2 <i4 <u4 <i8 <u8 |i1 |u1}.
 *
 * <p>Reading memory-maps the file: nothing is copied and nothing is allocated in
 * proportion to the array. A malformed file (bad magic, unreadable header, unsupported type,
 * Fortran order, a shape that does not match the file's size) fails with
 * {@link NpyFormatException} before any mapping.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest header accepted; NumPy writes a few hundred bytes. */
    private static final int MAX_HEADER = 1 << 16;
    private static final Map<String, MLOperandDataType> TYPES = Map.of(
            "<f4", MLOperandDataType.FLOAT32, "<f2", MLOperandDataType.FLOAT16, "<i4", MLOperandDataType.INT32,
            "<u4", MLOperandDataType.UINT32, "<i8", MLOperandDataType.INT64, "<u8", MLOperandDataType.UINT64,
            "|i1", MLOperandDataType.INT8, "|u1", MLOperandDataType.UINT8, "<i1", MLOperandDataType.INT8,
            "<u1", MLOperandDataType.UINT8);
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Memory-maps an array read-only into an arena.
     *
     * @param file the {@code .npy} file
     * @param arena owns the mapping; the data is valid while it is alive
     * @return the array
     * @throws NpyFormatException if the file is not a supported {@code .npy} array
     * @throws UncheckedIOException if the file cannot be read
     */
    public static NpyArray read(Path file, Arena arena) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(arena, "arena");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(size, 12)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, prefix, 0);
            if (prefix.limit() < 10) {
                throw new NpyFormatException(file + ": too short for a .npy file (" + size + " bytes)");
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (prefix.get(i) != MAGIC[i]) {
                    throw new NpyFormatException(file + ": not a .npy file (bad magic)");
                }
            }
            int major = prefix.get(6);
            long headerLength;
            int headerStart;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(prefix.getShort(8));
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                if (prefix.limit() < 12) {
                    throw new NpyFormatException(file + ": truncated header");
                }
                headerLength = Integer.toUnsignedLong(prefix.getInt(8));
                headerStart = 12;
            } else {
                throw new NpyFormatException(file + ": unsupported .npy version " + major);
            }
            if (headerLength > MAX_HEADER || headerStart + headerLength > size) {
                throw new NpyFormatException(file + ": header length " + headerLength + " exceeds the file or the limit");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(channel, headerBytes, headerStart);
            String header = new String(headerBytes.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            MLOperandDescriptor descriptor = parseHeader(file, header);
            long dataOffset = headerStart + headerLength;
            if (size - dataOffset != descriptor.byteLength()) {
                throw new NpyFormatException(file + ": " + descriptor + " needs " + descriptor.byteLength()
                        + " data bytes, the file has " + (size - dataOffset));
            }
            MemorySegment data = descriptor.byteLength() == 0 ? MemorySegment.ofArray(new byte[0])
                    : channel.map(FileChannel.MapMode.READ_ONLY, dataOffset, descriptor.byteLength(), arena);
            return new NpyArray(descriptor, data.asReadOnly());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes an array as a version 1.0 {@code .npy} file.
     *
     * @param file the file to create or replace
     * @param descriptor data type and shape
     * @param data exactly {@code descriptor.byteLength()} bytes in native (little-endian) order
     * @throws MLTypeError if the data size does not match the descriptor, or its type is 4-bit (NumPy has none)
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, MLOperandDescriptor descriptor, MemorySegment data) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(descriptor, "descriptor");
        if (data.byteSize() != descriptor.byteLength()) {
            throw new MLTypeError("npy: " + descriptor + " needs " + descriptor.byteLength() + " bytes, got " + data.byteSize());
        }
        String descr = switch (descriptor.dataType()) {
            case FLOAT32 -> "<f4";
            case FLOAT16 -> "<f2";
            case INT32 -> "<i4";
            case UINT32 -> "<u4";
            case INT64 -> "<i8";
            case UINT64 -> "<u8";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case INT4, UINT4 -> throw new MLTypeError("npy: NumPy has no " + descriptor.dataType() + " data type");
        };
        StringBuilder shape = new StringBuilder();
        for (long dimension : descriptor.shape()) {
            shape.append(dimension).append(", ");
        }
        if (descriptor.rank() > 1) {
            shape.setLength(shape.length() - 2);
        } else if (descriptor.rank() == 1) {
            shape.setLength(shape.length() - 1);
        }
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer prefix = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
                .put(header.toString().getBytes(StandardCharsets.ISO_8859_1)).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (prefix.hasRemaining()) {
                channel.write(prefix);
            }
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (long offset = 0; offset < data.byteSize(); offset += chunk.capacity()) {
                long length = Math.min(chunk.capacity(), data.byteSize() - offset);
                chunk.clear().limit((int) length);
                MemorySegment.ofBuffer(chunk).copyFrom(data.asSlice(offset, length));
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static MLOperandDescriptor parseHeader(Path file, String header) {
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new NpyFormatException(file + ": malformed header " + header.strip());
        }
        MLOperandDataType type = TYPES.get(descr.group(1));
        if (type == null) {
            throw new NpyFormatException(file + ": unsupported dtype '" + descr.group(1)
                    + "' (supported: little-endian float32/16, int/uint 8/32/64)");
        }
        if (fortran.group(1).equals("True")) {
            throw new NpyFormatException(file + ": Fortran-ordered arrays are not supported");
        }
        List<Long> dimensions = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                long dimension = Long.parseLong(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
                if (dimension < 0 || dimension > 0xFFFF_FFFFL) {
                    throw new NpyFormatException(file + ": shape dimension " + dimension + " out of range");
                }
                dimensions.add(dimension);
            } catch (NumberFormatException e) {
                throw new NpyFormatException(file + ": malformed shape (" + shape.group(1) + ")");
            }
        }
        return MLOperandDescriptor.of(type, dimensions.stream().mapToLong(Long::longValue).toArray());
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        buffer.flip();
    }
}
