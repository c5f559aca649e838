package dev.webnn;

import java.lang.foreign.MemorySegment;

/**
 * The memory rules of {@link MLContext#compute} beyond size and liveness: every segment is
 * aligned to its element size, no output overlaps an input, and no two outputs overlap.
 *
 * <p>The backends read inputs while they write outputs, tile by tile and in several threads,
 * so an output sharing bytes with an input or another output gives wrong results that no
 * error reports (a 64×64 transpose into its own input gets about 1,800 of 4,096 elements
 * wrong). No graph is run in place: any shared byte is an {@link MLTypeError} naming both
 * operands. Inputs may overlap each other, as they are only read. Unaligned segments are
 * refused rather than copied, so that {@code compute} keeps copying nothing; the error names
 * the alignment needed.
 *
 * <p>Allocates nothing unless it throws.
 */
final class ComputeMemory {

    private ComputeMemory() {
    }

    /**
     * Checks the segments {@code compute} collected into the graph's scratch arrays.
     *
     * @param graph the graph, its {@code inputScratch} and {@code outputScratch} filled
     * @throws MLTypeError if a segment is unaligned, or an output shares memory with an input
     *     or another output
     */
    static void check(MLGraph graph) {
        MemorySegment[] inputs = graph.inputScratch;
        MemorySegment[] outputs = graph.outputScratch;
        for (int i = 0; i < inputs.length; i++) {
            checkAligned("input", graph.inputNames().get(i), inputs[i], graph.inputDescriptor(i));
        }
        for (int o = 0; o < outputs.length; o++) {
            String name = graph.outputNames().get(o);
            checkAligned("output", name, outputs[o], graph.outputDescriptor(o));
            for (int i = 0; i < inputs.length; i++) {
                if (overlap(outputs[o], inputs[i])) {
                    throw overlapError("output '" + name + "'", outputs[o], "input '" + graph.inputNames().get(i) + "'",
                            inputs[i]);
                }
            }
            for (int other = 0; other < o; other++) {
                if (overlap(outputs[o], outputs[other])) {
                    throw overlapError("output '" + graph.outputNames().get(other) + "'", outputs[other],
                            "output '" + name + "'", outputs[o]);
                }
            }
        }
    }

    /**
     * Whether two native segments share at least one byte.
     *
     * @param a a segment
     * @param b another segment
     * @return true when their address ranges intersect (empty segments share nothing)
     */
    static boolean overlap(MemorySegment a, MemorySegment b) {
        return a.byteSize() > 0 && b.byteSize() > 0
                && Long.compareUnsigned(a.address(), b.address() + b.byteSize()) < 0
                && Long.compareUnsigned(b.address(), a.address() + a.byteSize()) < 0;
    }

    private static void checkAligned(String kind, String name, MemorySegment segment, MLOperandDescriptor descriptor) {
        int alignment = descriptor.dataType().byteSize();
        if (segment.address() % alignment != 0) {
            throw new MLTypeError("compute: " + kind + " '" + name + "' starts at address 0x"
                    + Long.toHexString(segment.address()) + ", which is not aligned to the " + alignment + " bytes of "
                    + descriptor.dataType() + "; allocate it with Arena.allocate(size, " + alignment + ") or larger");
        }
    }

    private static MLTypeError overlapError(String first, MemorySegment a, String second, MemorySegment b) {
        return new MLTypeError("compute: " + first + " and " + second + " overlap in memory (bytes [0x"
                + Long.toHexString(a.address()) + ", 0x" + Long.toHexString(a.address() + a.byteSize()) + ") and [0x"
                + Long.toHexString(b.address()) + ", 0x" + Long.toHexString(b.address() + b.byteSize())
                + ")); compute does not run graphs in place: give every output its own memory");
    }
}
