package dev.webnn.samples.models;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.io.Npy;
import dev.webnn.io.NpyArray;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
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
        Path file = folder.resolve(name + ".npy");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("weights file " + file + " is missing");
        }
        try (Arena arena = Arena.ofConfined()) {
            NpyArray array = Npy.read(file, arena);
            return builder.constant(array.descriptor(), array.data());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read weights file " + file + ": " + e.getCause().getMessage(), e);
        }
    }
}
