package dev.webnn.onnx.internal;

import dev.webnn.onnx.OnnxFormatError;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Rewrites a serialized ONNX message so that it can be parsed without copying weights to the
 * heap: every {@code TensorProto.raw_data} (in initializers, Constant attributes and subgraphs)
 * is replaced by a 16-byte reference (offset and length in the file), stored in the
 * importer's own {@code mapped_raw_data} field, and the enclosing lengths are re-encoded. The
 * rewrite walks the wire format of the memory-mapped file and checks every length against
 * the file, so truncated or malformed files fail here with the byte offset.
 */
final class WeightIndex {

    /** The kinds of message the rewrite descends into. */
    enum Kind { MODEL, GRAPH, NODE, ATTRIBUTE, TENSOR, OTHER }

    /** TensorProto.raw_data. */
    private static final int RAW_DATA = 9;
    /** The importer's TensorProto.mapped_raw_data. */
    private static final int MAPPED_RAW_DATA = 1001;
    /** Nesting deeper than this (graphs in attributes in graphs ...) is refused. */
    private static final int MAX_DEPTH = 64;

    private final MemorySegment file;
    private final String what;

    private WeightIndex(MemorySegment file, String what) {
        this.file = file;
        this.what = what;
    }

    /**
     * The rewritten message.
     *
     * @param file the mapped file
     * @param root what the file holds: {@link Kind#MODEL} or {@link Kind#TENSOR}
     * @param what names the file in messages
     * @return the message with raw_data replaced by references into {@code file}
     * @throws OnnxFormatError if the wire format is broken
     */
    static byte[] rewrite(MemorySegment file, Kind root, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WeightIndex(file, what).message(0, file.byteSize(), root, out, 0);
        return out.toByteArray();
    }

    /** Where this message's fields go: a sub-message kind, or OTHER to copy verbatim. */
    private static Kind child(Kind parent, int field) {
        return switch (parent) {
            case MODEL -> field == 7 ? Kind.GRAPH : Kind.OTHER;
            case GRAPH -> field == 1 ? Kind.NODE : field == 5 ? Kind.TENSOR : Kind.OTHER;
            case NODE -> field == 5 ? Kind.ATTRIBUTE : Kind.OTHER;
            case ATTRIBUTE -> field == 5 || field == 10 ? Kind.TENSOR : field == 6 || field == 11 ? Kind.GRAPH : Kind.OTHER;
            case TENSOR, OTHER -> Kind.OTHER;
        };
    }

    private void message(long start, long end, Kind kind, ByteArrayOutputStream out, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nests messages deeper than " + MAX_DEPTH, start);
        }
        long[] position = {start};
        while (position[0] < end) {
            long fieldStart = position[0];
            long tag = varint(position, end);
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (field == 0) {
                throw error("has field number 0", fieldStart);
            }
            switch (wireType) {
                case 0 -> varint(position, end);
                case 1 -> skip(position, 8, end);
                case 5 -> skip(position, 4, end);
                case 2 -> {
                    long length = varint(position, end);
                    long payload = position[0];
                    skip(position, length, end);
                    if (kind == Kind.TENSOR && field == MAPPED_RAW_DATA) {
                        continue; // never trust a file's own references
                    }
                    if (kind == Kind.TENSOR && field == RAW_DATA) {
                        writeVarint(out, ((long) MAPPED_RAW_DATA << 3) | 2);
                        writeVarint(out, 16);
                        writeLong(out, payload);
                        writeLong(out, length);
                        continue;
                    }
                    Kind sub = child(kind, field);
                    if (sub != Kind.OTHER) {
                        ByteArrayOutputStream inner = new ByteArrayOutputStream();
                        message(payload, payload + length, sub, inner, depth + 1);
                        writeVarint(out, tag);
                        writeVarint(out, inner.size());
                        out.writeBytes(inner.toByteArray());
                        continue;
                    }
                }
                default -> throw error("has wire type " + wireType + ", which ONNX files do not use", fieldStart);
            }
            copy(out, fieldStart, position[0]);
        }
    }

    private long varint(long[] position, long end) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= end) {
                throw error("ends inside a number (truncated?)", position[0]);
            }
            byte b = file.get(ValueLayout.JAVA_BYTE, position[0]++);
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw error("has a malformed number", position[0]);
    }

    private void skip(long[] position, long length, long end) {
        if (length < 0 || length > end - position[0]) {
            throw error("has a field of " + length + " bytes where " + (end - position[0])
                    + " remain (truncated?)", position[0]);
        }
        position[0] += length;
    }

    private void copy(ByteArrayOutputStream out, long from, long to) {
        out.writeBytes(file.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE));
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private OnnxFormatError error(String problem, long offset) {
        return new OnnxFormatError(what + " is not a valid ONNX protobuf: it " + problem, offset, null);
    }
}
