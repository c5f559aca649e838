package dev.webnn.io;

import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * An array read from a {@code .npy} file: its data type and shape, and its data in native
 * byte order (little-endian on the supported platforms).
 *
 * @param descriptor data type and shape
 * @param data exactly {@code descriptor.byteLength()} bytes, read-only, valid while the arena
 *     given to {@link Npy#read(java.nio.file.Path, java.lang.foreign.Arena)} is alive
 */
public record NpyArray(MLOperandDescriptor descriptor, MemorySegment data) {

    /** Checks that the data has the descriptor's byte length. */
    public NpyArray {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(data, "data");
        if (data.byteSize() != descriptor.byteLength()) {
            throw new IllegalArgumentException(descriptor + " needs " + descriptor.byteLength() + " bytes, data has "
                    + data.byteSize());
        }
    }
}
