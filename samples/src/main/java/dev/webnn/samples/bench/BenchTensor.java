package dev.webnn.samples.bench;

import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A model input's type, shape and values, made once and fed to every engine, so that all of
 * them compute the same thing.
 *
 * @param descriptor the input's data type and shape
 * @param data exactly {@code descriptor.byteLength()} bytes of native memory, in the
 *     descriptor's element order
 */
public record BenchTensor(MLOperandDescriptor descriptor, MemorySegment data) {

    /**
     * Checks that the data fits the descriptor.
     *
     * @throws IllegalArgumentException if the data is on the heap or has another size
     */
    public BenchTensor {
        Objects.requireNonNull(descriptor, "descriptor");
        if (!data.isNative() || data.byteSize() != descriptor.byteLength()) {
            throw new IllegalArgumentException("need " + descriptor.byteLength() + " bytes of native memory for " + descriptor
                    + ", got " + data);
        }
    }
}
