package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;

/**
 * What the operation tests share: a context on the reference backend, closed after each test,
 * a graph builder on it, inputs with fresh names and the single node of a built graph.
 */
abstract class OpsTestFixture {

    /** The floating-point types. */
    static final Set<MLOperandDataType> FLOATS = EnumSet.of(FLOAT32, FLOAT16);
    /** The signed types. */
    static final Set<MLOperandDataType> SIGNED = EnumSet.of(FLOAT32, FLOAT16, INT64, INT32, INT8);

    final MLContext context = TestContexts.reference();
    /** The builder of the test; a new one after {@link #node} when the fixture asks for it. */
    MLGraphBuilder builder = new MLGraphBuilder(context);
    private final boolean newBuilderAfterBuild;
    private int inputs;

    /** A fixture whose builder stays the built one after {@link #node}. */
    OpsTestFixture() {
        this(false);
    }

    /**
     * A fixture for tests that build more than once.
     *
     * @param newBuilderAfterBuild whether {@link #node} replaces the builder by a new one once it has built
     */
    OpsTestFixture(boolean newBuilderAfterBuild) {
        this.newBuilderAfterBuild = newBuilderAfterBuild;
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** An input of the builder with a fresh name. */
    MLOperand input(MLOperandDataType type, long... shape) {
        return input(builder, type, shape);
    }

    /** An input of {@code b} with a fresh name. */
    MLOperand input(MLGraphBuilder b, MLOperandDataType type, long... shape) {
        return b.input("x" + inputs++, MLOperandDescriptor.of(type, shape));
    }

    MLOperand f32(long... shape) {
        return input(FLOAT32, shape);
    }

    MLOperand f16(long... shape) {
        return input(FLOAT16, shape);
    }

    /** Builds the graph computing {@code output} and returns its only node. */
    RecordedNode node(MLOperand output) {
        return node(List.of(output));
    }

    /** Builds the graph computing {@code outputs} and returns its only node. */
    RecordedNode node(List<MLOperand> outputs) {
        Map<String, MLOperand> named = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            named.put("out" + i, outputs.get(i));
        }
        try (MLGraph graph = builder.build(named)) {
            if (newBuilderAfterBuild) {
                builder = new MLGraphBuilder(context);
            }
            List<RecordedNode> nodes = RecordedNode.all(graph.graph().nodes());
            assertEquals(1, nodes.size());
            return nodes.get(0);
        }
    }

    static MLOperatorOptions label(String label) {
        return MLOperatorOptions.defaults().withLabel(label);
    }

    static void assertTypeError(String message, Executable call) {
        assertEquals(message, assertThrows(MLTypeError.class, call).getMessage());
    }

    /** The input roles of {@code node}, in order. */
    static List<String> roles(RecordedNode node) {
        return List.copyOf(node.inputs().keySet());
    }
}
