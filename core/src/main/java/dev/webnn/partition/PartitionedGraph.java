package dev.webnn.partition;

import dev.webnn.graph.Operand;
import dev.webnn.spi.CompiledGraph;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

/**
 * A graph compiled as several partitions, run one after the other. Graph inputs and outputs
 * are the caller's segments, bound directly; tensors crossing between partitions live in
 * 64-byte aligned memory allocated once, at compile time, and reused by every run. A run
 * allocates nothing on the Java heap: the argument arrays of each partition are allocated
 * once and refilled.
 */
public final class PartitionedGraph implements CompiledGraph {

    /** Alignment of boundary tensors: a cache line, and enough for every backend's kernels. */
    static final long ALIGNMENT = 64;

    private final CompiledGraph[] parts;
    private final int[][] inputSlots;
    private final int[][] outputSlots;
    private final MemorySegment[][] inputArguments;
    private final MemorySegment[][] outputArguments;
    private final MemorySegment[] boundaries;
    private final int callerInputs;
    private final int callerOutputs;
    private final Arena memory;

    /**
     * Takes ownership of the compiled partitions and allocates the boundary tensors.
     *
     * @param plan the plan the partitions were compiled from
     * @param compiled one compiled graph per partition of the plan, in its order
     */
    public PartitionedGraph(Plan plan, List<CompiledGraph> compiled) {
        List<Partition> partitions = plan.partitions();
        int count = partitions.size();
        parts = compiled.toArray(CompiledGraph[]::new);
        inputSlots = new int[count][];
        outputSlots = new int[count][];
        inputArguments = new MemorySegment[count][];
        outputArguments = new MemorySegment[count][];
        for (int p = 0; p < count; p++) {
            inputSlots[p] = partitions.get(p).inputSlots().clone();
            outputSlots[p] = partitions.get(p).outputSlots().clone();
            inputArguments[p] = new MemorySegment[inputSlots[p].length];
            outputArguments[p] = new MemorySegment[outputSlots[p].length];
        }
        callerInputs = plan.callerInputs();
        callerOutputs = plan.callerOutputs();
        memory = Arena.ofShared();
        List<Operand> crossing = plan.boundaries();
        boundaries = new MemorySegment[crossing.size()];
        for (int b = 0; b < boundaries.length; b++) {
            long bytes = crossing.get(b).descriptor().byteLength();
            boundaries[b] = memory.allocate(Math.max(1, bytes), ALIGNMENT).asSlice(0, bytes);
        }
    }

    /**
     * Bytes of boundary memory this graph owns.
     *
     * @return the sum of the boundary tensors' sizes
     */
    public long boundaryBytes() {
        long total = 0;
        for (MemorySegment boundary : boundaries) {
            total += boundary.byteSize();
        }
        return total;
    }

    @Override
    public void execute(MemorySegment[] inputs, MemorySegment[] outputs) {
        try {
            for (int p = 0; p < parts.length; p++) {
                bind(inputSlots[p], inputArguments[p], inputs, outputs);
                bind(outputSlots[p], outputArguments[p], inputs, outputs);
                parts[p].execute(inputArguments[p], outputArguments[p]);
            }
        } finally {
            for (int p = 0; p < parts.length; p++) {
                Arrays.fill(inputArguments[p], null);
                Arrays.fill(outputArguments[p], null);
            }
        }
    }

    private void bind(int[] slots, MemorySegment[] arguments, MemorySegment[] inputs, MemorySegment[] outputs) {
        for (int k = 0; k < slots.length; k++) {
            int slot = slots[k];
            arguments[k] = slot < callerInputs ? inputs[slot]
                    : slot < callerInputs + callerOutputs ? outputs[slot - callerInputs]
                    : boundaries[slot - callerInputs - callerOutputs];
        }
    }

    /** Closes every partition, then frees the boundary memory. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (CompiledGraph part : parts) {
            try {
                part.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        memory.close();
        if (failure != null) {
            throw failure;
        }
    }
}
