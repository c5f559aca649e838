package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
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

    /** Every operation, given wrong arguments and null options, reports the built builder first. */
    @Test
    void everyOperationOfABuiltBuilderThrowsInvalidStateFirst() throws Exception {
        MLGraphBuilder b = new MLGraphBuilder(context);
        MLOperand x = b.input("x", DESC);
        b.build(Map.of("y", b.relu(x))).close();
        int checked = 0;
        for (Method method : MLGraphBuilder.class.getMethods()) {
            boolean operation = method.getReturnType() == MLOperand.class || method.getReturnType() == List.class;
            if (!operation || method.getName().equals("constant")) {
                continue;
            }
            Object[] arguments = Arrays.stream(method.getParameterTypes()).map(type -> wrongArgument(type, x))
                    .toArray();
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> method.invoke(b, arguments), method.toString());
            assertInstanceOf(MLInvalidStateError.class, thrown.getCause(), method.toString());
            checked++;
        }
        assertTrue(checked > 180, "operations checked: " + checked);
    }

    private static Object wrongArgument(Class<?> type, MLOperand operand) {
        if (type == MLOperand.class) {
            return operand;
        }
        if (type == long.class) {
            return -1L;
        }
        if (type == int.class) {
            return -1;
        }
        if (type == double.class) {
            return Double.NaN;
        }
        if (type == float.class) {
            return Float.NaN;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long[].class) {
            return new long[] {-5};
        }
        if (type == List.class) {
            return List.of(operand);
        }
        return null;
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
