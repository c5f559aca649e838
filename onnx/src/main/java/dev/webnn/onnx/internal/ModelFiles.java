package dev.webnn.onnx.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxFormatError;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Memory-maps protobuf files and parses them without copying weights to the heap: the
 * {@code raw_data} of every tensor is replaced by a reference into the mapping before the
 * (heap-only) protobuf parser sees the bytes (see {@link WeightIndex}).
 */
public final class ModelFiles {

    /**
     * A parsed message and the mapped file its tensors refer to.
     *
     * @param <T> the message type
     * @param message the message
     * @param file the mapped file
     */
    public record Parsed<T>(T message, MemorySegment file) {
    }

    /**
     * A protobuf message parser from bytes.
     *
     * @param <T> the message type
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * Parses one message.
         *
         * @param bytes the serialized message
         * @return the message
         * @throws InvalidProtocolBufferException if the bytes are not a valid message
         */
        T parse(byte[] bytes) throws InvalidProtocolBufferException;
    }

    /** Which kind of message a file holds. */
    public enum Root {
        /** A ModelProto. */
        MODEL,
        /** A TensorProto. */
        TENSOR
    }

    private ModelFiles() {
    }

    /**
     * Maps a file read-only and parses it.
     *
     * @param <T> the message type
     * @param file the file
     * @param root what the file holds
     * @param parser e.g. {@code ModelProto::parseFrom}
     * @param what for messages, e.g. "ONNX model"
     * @return the message and the mapping its tensors refer to
     * @throws OnnxFormatError if the file is not a valid message (with the byte offset)
     * @throws MLTypeError if the file cannot be read
     */
    public static <T> Parsed<T> parse(Path file, Root root, Parser<T> parser, String what) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new MLNotSupportedError("ONNX import needs a little-endian platform");
        }
        String name = what + " " + file;
        MemorySegment mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new OnnxFormatError(name + " is " + size
                        + " bytes, above the protobuf limit of 2 GiB (keep weights in external data)", -1, null);
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
        } catch (NoSuchFileException e) {
            throw new MLTypeError(name + " does not exist", e);
        } catch (IOException e) {
            throw new MLTypeError("cannot read " + name + ": " + e.getMessage(), e);
        }
        byte[] structure = WeightIndex.rewrite(mapped, root == Root.MODEL ? WeightIndex.Kind.MODEL
                : WeightIndex.Kind.TENSOR, name);
        try {
            return new Parsed<>(parser.parse(structure), mapped);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatError(name + " is not a valid protobuf message: " + e.getMessage(), -1, e);
        }
    }
}
