package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The memory policy of {@code compute} (no output shares memory with an input or another
 * output; segments aligned to their element size) and of {@code writeTensor}/{@code readTensor}
 * (any caller memory, overlapping or not, since they copy).
 */
class ComputeMemoryTest {

    private static final MLOperandDescriptor DESC = MLOperandDescriptor.of(FLOAT32, 2, 4);

    private final MLContext context = TestContexts.reference();
    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
        context.close();
    }

    /** x → (relu(x), neg(x)): one input, two outputs of 32 bytes each. */
    private MLGraph twoOutputs() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        return b.build(Map.of("relu", b.relu(x), "neg", b.neg(x)));
    }

    private String computeError(MLGraph graph, MemorySegment x, MemorySegment relu, MemorySegment neg) {
        return assertThrows(MLTypeError.class, () -> context.compute(graph, Map.of("x", x), Map.of("relu", relu, "neg", neg)))
                .getMessage();
    }

    @Test
    void anOutputSharingMemoryWithAnInputIsRefusedNamingBoth() {
        try (MLGraph graph = twoOutputs()) {
            MemorySegment memory = arena.allocate(128, 8);
            MemorySegment x = memory.asSlice(0, 32);
            String same = computeError(graph, x, x, memory.asSlice(64, 32));
            assertTrue(same.startsWith("compute: output 'relu' and input 'x' overlap in memory (bytes [0x"), same);
            assertTrue(same.endsWith("compute does not run graphs in place: give every output its own memory"), same);
            String partly = computeError(graph, x, memory.asSlice(64, 32), memory.asSlice(28, 32));
            assertTrue(partly.startsWith("compute: output 'neg' and input 'x' overlap in memory"), partly);
        }
    }

    @Test
    void twoOutputsSharingMemoryAreRefused() {
        try (MLGraph graph = twoOutputs()) {
            MemorySegment memory = arena.allocate(128, 8);
            String message = computeError(graph, memory.asSlice(0, 32), memory.asSlice(32, 32), memory.asSlice(60, 32));
            assertTrue(message.matches("compute: output '(relu|neg)' and output '(relu|neg)' overlap in memory .*"), message);
        }
    }

    @Test
    void adjacentSegmentsAndOverlappingInputsRun() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLGraph graph = b.build(Map.of("sum", b.add(b.input("a", DESC), b.input("b", DESC))));
        try (graph) {
            MemorySegment memory = arena.allocate(96, 8);
            for (int i = 0; i < 16; i++) {
                memory.setAtIndex(JAVA_FLOAT, i, i);
            }
            MemorySegment a = memory.asSlice(0, 32);
            MemorySegment shifted = memory.asSlice(16, 32);
            MemorySegment sum = memory.asSlice(64, 32);
            context.compute(graph, Map.of("a", a, "b", shifted), Map.of("sum", sum));
            assertArrayEquals(new float[] {4, 6, 8, 10, 12, 14, 16, 18}, sum.toArray(JAVA_FLOAT));
        }
    }

    @Test
    void unalignedSegmentsAreRefusedWithTheAlignmentNeeded() {
        try (MLGraph graph = twoOutputs()) {
            MemorySegment memory = arena.allocate(256, 8);
            String input = computeError(graph, memory.asSlice(2, 32), memory.asSlice(64, 32), memory.asSlice(128, 32));
            assertTrue(input.startsWith("compute: input 'x' starts at address 0x"), input);
            assertTrue(input.endsWith(", which is not aligned to the 4 bytes of float32; allocate it with "
                    + "Arena.allocate(size, 4) or larger"), input);
            String output = computeError(graph, memory.asSlice(0, 32), memory.asSlice(65, 32), memory.asSlice(128, 32));
            assertTrue(output.startsWith("compute: output 'relu' starts at address"), output);
        }
    }

    @Test
    void overlapIsAboutSharedBytes() {
        MemorySegment memory = arena.allocate(64, 8);
        assertTrue(ComputeMemory.overlap(memory.asSlice(0, 8), memory.asSlice(7, 8)));
        assertFalse(ComputeMemory.overlap(memory.asSlice(0, 8), memory.asSlice(8, 8)));
        assertTrue(ComputeMemory.overlap(memory.asSlice(8, 8), memory.asSlice(0, 64)));
        assertFalse(ComputeMemory.overlap(memory.asSlice(8, 0), memory.asSlice(0, 64)), "empty segments share nothing");
    }

    @Test
    void writeAndReadTensorTakeAnyCallerMemoryOverlappingOrUnaligned() {
        MLTensor tensor = context.createTensor(MLTensorDescriptor.readWrite(DESC));
        byte[] bytes = new byte[40];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        MemorySegment caller = MemorySegment.ofArray(bytes);
        context.writeTensor(tensor, caller.asSlice(1, 32));
        context.readTensor(tensor, caller.asSlice(3, 32));
        byte[] expected = new byte[40];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i < 3 || i >= 35 ? i : i - 2);
        }
        assertArrayEquals(expected, bytes, "the tensor's copy sits between the two overlapping caller ranges");
        MemorySegment nativeCaller = arena.allocate(40, 1).asSlice(1, 32);
        context.readTensor(tensor, nativeCaller);
        assertArrayEquals(Arrays.copyOfRange(bytes, 3, 35), nativeCaller.toArray(JAVA_BYTE));
        assertEquals(32, context.readTensor(tensor).byteSize());
    }
}
