package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by the hostile-input suite: which error a misuse ends in when several
 * things are wrong, and caller memory that cannot be used (freed, confined to another
 * thread) reported as MLTypeError rather than the memory API's own exceptions.
 */
class MisuseOrderTest {

    private static final MLOperandDescriptor DESC = MLOperandDescriptor.of(FLOAT32, 2, 3);

    private final MLContext context = TestContexts.reference();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void operationsOfABuiltBuilderThrowInvalidStateBeforeCheckingArguments() {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        b.build(Map.of("y", b.relu(x))).close();
        assertThrows(MLInvalidStateError.class, () -> b.pad(x, new long[] {1L << 40}, new long[] {-1}));
        assertThrows(MLInvalidStateError.class, () -> b.argMax(x, -1));
        assertThrows(MLInvalidStateError.class, () -> b.reshape(x, -5));
        assertThrows(MLInvalidStateError.class, () -> b.softmax(x, 99));
    }

    @Test
    void creatingTensorsOnAClosedContextThrowsInvalidStateBeforeCheckingTheShape() {
        context.close();
        MLOperandDescriptor rank9 = MLOperandDescriptor.of(FLOAT32, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThrows(MLInvalidStateError.class, () -> context.createTensor(MLTensorDescriptor.readWrite(rank9)));
        assertThrows(MLInvalidStateError.class, () -> context.createConstantTensor(rank9, MemorySegment.ofArray(new byte[4])));
    }

    @Test
    void freedMemoryIsATypeError() {
        MLTensor tensor = context.createTensor(MLTensorDescriptor.readWrite(DESC));
        Arena arena = Arena.ofConfined();
        MemorySegment freed = arena.allocate(DESC.byteLength());
        arena.close();
        assertThrows(MLTypeError.class, () -> context.writeTensor(tensor, freed));
        assertThrows(MLTypeError.class, () -> context.readTensor(tensor, freed));
        assertThrows(MLTypeError.class, () -> new MLGraphBuilder(context).constant(DESC, freed));
    }

    @Test
    void memoryConfinedToAnotherThreadIsATypeError() {
        MLTensor tensor = context.createTensor(MLTensorDescriptor.readWrite(DESC));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = arena.allocate(DESC.byteLength());
            CompletableFuture.runAsync(() -> {
                assertThrows(MLTypeError.class, () -> context.writeTensor(tensor, mine));
                assertThrows(MLTypeError.class, () -> context.readTensor(tensor, mine));
                assertThrows(MLTypeError.class, () -> new MLGraphBuilder(context).constant(DESC, mine));
            }).join();
        }
    }
}
