package dev.webnn.samples.models;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.io.Npy;
import dev.webnn.io.NpyArray;
import java.io.UncheckedIOException;
import dev.webnn.MLOperandDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of {@code .npy} weight files, read as constants of a graph. Files are
 * memory-mapped only while the builder copies them.
 */
public final class Weights {

    private final Path folder;

    /**
     * Opens a weights folder.
     *
     * @param folder the folder holding the model's {@code .npy} files
     * @throws IllegalArgumentException if the folder does not exist
     */
    public Weights(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("weights folder " + folder + " does not exist");
        }
        this.folder = folder;
    }

    /**
     * A constant operand holding the array of {@code <name>.npy}.
     *
     * @param builder the builder to add the constant to
     * @param name the file name without {@code .npy}
     * @return the constant
     * @throws IllegalArgumentException if the file is missing or not a readable array
     */
    public MLOperand constant(MLGraphBuilder builder, String name) {
        try (Arena arena = Arena.ofConfined()) {
            NpyArray array = read(name, arena);
            return builder.constant(array.descriptor(), array.data());
        }
    }

    /**
     * A constant holding a 4-D filter of {@code <name>.npy}, stored OIHW in the file,
     * permuted to OHWI (the filter layout of NHWC graphs).
     *
     * @param builder the builder to add the constant to
     * @param name the file name without {@code .npy}
     * @return the OHWI constant
     * @throws IllegalArgumentException if the file is missing, unreadable or not a 4-D array
     */
    public MLOperand constantOhwi(MLGraphBuilder builder, String name) {
        try (Arena arena = Arena.ofConfined()) {
            NpyArray array = ohwi(read(name, arena), name, arena);
            return builder.constant(array.descriptor(), array.data());
        }
    }

    /**
     * Float32 weights of {@code <name>.npy} quantized to int8 per output channel (the first
     * dimension; for filters, after the permutation to OHWI when asked), read through
     * {@code dequantizeLinear}: see {@link Int8Weights}.
     *
     * @param builder the builder to add the weights to
     * @param name the file name without {@code .npy}
     * @param ohwi whether to permute a 4-D OIHW filter to OHWI first
     * @return the dequantized weights, of the file's (or the OHWI) shape
     * @throws IllegalArgumentException if the file is missing, unreadable, not float32, or not 4-D when permuted
     */
    public MLOperand int8Constant(MLGraphBuilder builder, String name, boolean ohwi) {
        try (Arena arena = Arena.ofConfined()) {
            NpyArray array = ohwi ? ohwi(read(name, arena), name, arena) : read(name, arena);
            if (array.descriptor().dataType() != MLOperandDataType.FLOAT32) {
                throw new IllegalArgumentException("weights file " + name + ".npy is not float32: " + array.descriptor());
            }
            return Int8Weights.dequantized(builder, array.descriptor(), array.data());
        }
    }

    /** An OIHW filter permuted to OHWI, in {@code arena}. */
    private static NpyArray ohwi(NpyArray array, String name, Arena arena) {
        long[] s = array.descriptor().shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("weights file " + name + ".npy is not a 4-D filter: " + array.descriptor());
        }
        int size = array.descriptor().dataType().byteSize();
        MemorySegment ohwi = arena.allocate(array.descriptor().byteLength());
        long index = 0;
        for (long o = 0; o < s[0]; o++) {
            for (long h = 0; h < s[2]; h++) {
                for (long w = 0; w < s[3]; w++) {
                    for (long i = 0; i < s[1]; i++) {
                        long from = ((o * s[1] + i) * s[2] + h) * s[3] + w;
                        MemorySegment.copy(array.data(), from * size, ohwi, index++ * size, size);
                    }
                }
            }
        }
        return new NpyArray(MLOperandDescriptor.of(array.descriptor().dataType(), s[0], s[2], s[3], s[1]), ohwi);
    }

    private NpyArray read(String name, Arena arena) {
        Path file = folder.resolve(name + ".npy");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("weights file " + file + " is missing");
        }
        try {
            return Npy.read(file, arena);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read weights file " + file + ": " + e.getCause().getMessage(), e);
        }
    }
}
