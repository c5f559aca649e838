package dev.webnn.onnx.internal;

import dev.webnn.onnx.OnnxFormatError;
import dev.webnn.onnx.proto.OnnxIr.StringStringEntryProto;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Resolves a tensor's external data ({@code location}, {@code offset}, {@code length}) to a
 * read-only mapping of a file inside the model's folder; paths that leave the folder (absolute,
 * {@code ..}, symbolic links pointing out) are refused.
 */
final class ExternalData {

    private final Path folder;

    ExternalData(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    MemorySegment map(String tensorName, List<StringStringEntryProto> entries) {
        String location = TensorDecoder.entry(entries, "location");
        if (location == null || location.isEmpty()) {
            throw error(tensorName, "has external data without a location");
        }
        long offset = number(tensorName, entries, "offset", 0);
        long length = number(tensorName, entries, "length", -1);
        Path file = resolve(tensorName, location);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset > size) {
                throw error(tensorName, "external data offset " + offset + " is past the end of " + location
                        + " (" + size + " bytes)");
            }
            long available = size - offset;
            long bytes = length < 0 ? available : length;
            if (bytes > available) {
                throw error(tensorName, "external data " + location + " has " + available + " bytes after offset "
                        + offset + ", " + bytes + " requested");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, bytes, Arena.ofAuto());
        } catch (IOException e) {
            throw new OnnxFormatError("tensor '" + tensorName + "': cannot read external data " + location + ": "
                    + e.getMessage(), -1, e);
        }
    }

    private Path resolve(String tensorName, String location) {
        Path relative;
        try {
            relative = Path.of(location);
        } catch (InvalidPathException e) {
            throw error(tensorName, "has an invalid external data location '" + location + "'");
        }
        if (relative.isAbsolute()) {
            throw error(tensorName, "external data location '" + location + "' is absolute; it must be inside "
                    + folder);
        }
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder)) {
            throw error(tensorName, "external data location '" + location + "' leaves the model folder " + folder);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                throw error(tensorName, "external data location '" + location + "' links outside the model folder "
                        + folder);
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw error(tensorName, "external data location '" + location + "' is not a regular file");
            }
            return real;
        } catch (IOException e) {
            throw new OnnxFormatError("tensor '" + tensorName + "': external data " + location + " cannot be opened: "
                    + e.getMessage(), -1, e);
        }
    }

    private static long number(String tensorName, List<StringStringEntryProto> entries, String key, long absent) {
        String text = TensorDecoder.entry(entries, key);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw error(tensorName, "external data " + key + " " + value + " is negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(tensorName, "external data " + key + " '" + text + "' is not a number");
        }
    }

    private static OnnxFormatError error(String tensorName, String what) {
        return new OnnxFormatError("tensor '" + tensorName + "' " + what, -1, null);
    }
}
