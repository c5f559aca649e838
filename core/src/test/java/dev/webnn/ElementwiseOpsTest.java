package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElementwiseOpsTest {

    private final MLContext context = TestContexts.reference();
    private final MLGraphBuilder builder = new MLGraphBuilder(context);

    @AfterEach
    void close() {
        context.close();
    }

    private MLOperand input(String name, MLOperandDataType type, long... shape) {
        return builder.input(name, MLOperandDescriptor.of(type, shape));
    }

    @Test
    void addBroadcastsBidirectionally() {
        MLOperand sum = builder.add(input("a", FLOAT32, 5, 1, 3), input("b", FLOAT32, 4, 1));
        assertArrayEquals(new long[] {5, 4, 3}, sum.shape());
        assertEquals(FLOAT32, sum.dataType());
        assertArrayEquals(new long[] {}, builder.add(input("s", INT32), input("t", INT32)).shape());
    }

    @Test
    void addRecordsANodeWithRolesAndNoAttributes() {
        MLOperand a = input("a", FLOAT32, 2, 3);
        MLOperand b = input("b", FLOAT32, 3);
        try (MLGraph graph = builder.build(java.util.Map.of("sum", builder.add(a, b, MLOperatorOptions.defaults().withLabel("s"))))) {
            dev.webnn.graph.Node node = graph.graph().nodes().get(0);
            assertEquals(dev.webnn.graph.Op.ADD, node.op());
            assertEquals("s", node.label());
            assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(node.inputs().keySet()));
            assertEquals(java.util.List.of(), node.attributes().keys());
            assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
        }
    }

    @Test
    void addRejectsMismatchedTypesAndShapes() {
        MLTypeError types = assertThrows(MLTypeError.class,
                () -> builder.add(input("a", FLOAT32, 2), input("b", FLOAT16, 2), MLOperatorOptions.defaults().withLabel("sum1")));
        assertEquals("add [sum1]: b data type float16 must match a data type float32", types.getMessage());
        MLTypeError shapes = assertThrows(MLTypeError.class, () -> builder.add(input("c", FLOAT32, 2, 3), input("d", FLOAT32, 4)));
        assertEquals("add: shapes [2, 3] and [4] are not broadcastable", shapes.getMessage());
    }
}
