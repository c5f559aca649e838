package dev.webnn.onnx.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLTypeError;
import dev.webnn.onnx.OnnxFormatError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Memory-maps protobuf files and parses them so that {@code bytes} fields (weights) alias the
 * mapping instead of being copied to the heap.
 */
public final class ModelFiles {

    /**
     * A protobuf message parser from a coded stream.
     *
     * @param <T> the message type
     */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * Parses one message.
         *
         * @param input the stream
         * @return the message
         * @throws IOException if the bytes are not a valid message
         */
        T parse(CodedInputStream input) throws IOException;
    }

    private ModelFiles() {
    }

    /**
     * Maps a file read-only and parses it.
     *
     * @param <T> the message type
     * @param file the file
     * @param parser e.g. {@code ModelProto::parseFrom}
     * @param what for messages, e.g. "ONNX model"
     * @return the message, whose {@code bytes} fields alias the mapped file
     * @throws OnnxFormatError if the file is not a valid message (with the byte offset)
     * @throws MLTypeError if the file cannot be read
     */
    public static <T> T parse(Path file, Parser<T> parser, String what) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new MLNotSupportedError("ONNX import needs a little-endian platform");
        }
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new OnnxFormatError(what + " " + file + " is " + size
                        + " bytes, above the protobuf limit of 2 GiB (keep weights in external data)", -1, null);
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            throw new MLTypeError(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new MLTypeError("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
        return parse(mapped, parser, what + " " + file);
    }

    /**
     * Parses a message from a buffer; a direct buffer's {@code bytes} fields alias it.
     *
     * @param <T> the message type
     * @param buffer the serialized message
     * @param parser the parser
     * @param what names the source in messages
     * @return the message
     * @throws OnnxFormatError if the bytes are not a valid message
     */
    public static <T> T parse(ByteBuffer buffer, Parser<T> parser, String what) {
        CodedInputStream input = UnsafeByteOperations.unsafeWrap(buffer).newCodedInput();
        input.enableAliasing(true);
        input.setSizeLimit(Integer.MAX_VALUE);
        try {
            return parser.parse(input);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatError(what + " is not a valid protobuf message: " + e.getMessage(),
                    input.getTotalBytesRead(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
