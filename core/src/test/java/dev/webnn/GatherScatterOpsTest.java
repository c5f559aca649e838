package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.graph.Op;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GatherScatterOpsTest extends OpsTestFixture {

    /** A uint32 input with a fresh name, the spec examples' index type. */
    private MLOperand u32(long... shape) {
        return input(UINT32, shape);
    }

    private static MLGatherOptions gatherAxis(long axis) {
        return MLGatherOptions.defaults().withAxis(axis);
    }

    // ---------------------------------------------------------------------------------
    // gather
    // ---------------------------------------------------------------------------------

    @Test
    void gatherReplacesTheAxisByTheIndicesShape() {
        MLOperand input = f32(4, 3);
        // the spec's examples
        assertArrayEquals(new long[] {2, 3}, builder.gather(input, u32(2)).shape());
        assertArrayEquals(new long[] {4, 3}, builder.gather(input, u32(3), gatherAxis(1)).shape());
        assertArrayEquals(new long[] {4, 2, 2}, builder.gather(input, u32(2, 2), gatherAxis(1)).shape());
        // scalar indices remove the axis
        assertArrayEquals(new long[] {3}, builder.gather(input, u32(), gatherAxis(0)).shape());
        assertArrayEquals(new long[] {4}, builder.gather(input, input(INT64), gatherAxis(1)).shape());
        MLOperand middle = builder.gather(input(INT8, 2, 3, 4), input(INT32, 5, 6), gatherAxis(1));
        assertArrayEquals(new long[] {2, 5, 6, 4}, middle.shape());
        assertEquals(INT8, middle.dataType());
    }

    @Test
    void gatherRecordsTheAxis() {
        RecordedNode node = node(builder.gather(f32(4, 3), u32(2)));
        assertEquals(Op.GATHER, node.op());
        assertEquals(List.of("input", "indices"), roles(node));
        assertEquals(List.of("axis"), node.attributes().keys());
        assertEquals(0, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
    }

    @Test
    void gatherRecordsAGivenAxisAndLabel() {
        RecordedNode node = node(builder.gather(f32(4, 3), u32(2, 2), gatherAxis(1).withLabel("g")));
        assertEquals("g", node.label());
        assertEquals(1, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {4, 2, 2}, node.output().descriptor().shape());
    }

    @Test
    void gatherRejectsBadIndicesAndAxes() {
        MLOperand input = f32(4, 3);
        assertTypeError("gather: indices data type float32 is not allowed (allowed: int32, uint32, int64)",
                () -> builder.gather(input, f32(2)));
        assertTypeError("gather [g]: indices data type uint64 is not allowed (allowed: int32, uint32, int64)",
                () -> builder.gather(input, input(UINT64, 2), MLGatherOptions.defaults().withLabel("g")));
        assertTypeError("gather: axis 2 is out of range [0, 2)", () -> builder.gather(input, u32(2), gatherAxis(2)));
        assertTypeError("gather: axis -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gather(input, u32(2), gatherAxis(-1)));
        assertTypeError("gather: axis 0 is out of range [0, 0)", () -> builder.gather(f32(), u32(2)));
        assertTypeError("gather: output: rank 9 exceeds the supported maximum 8",
                () -> builder.gather(f32(1, 1, 1, 1, 1), u32(1, 1, 1, 1, 1)));
        assertTypeError("gather: indices is null", () -> builder.gather(input, null));
        assertTypeError("gather: input is null", () -> builder.gather(null, u32(2)));
        assertTypeError("gather: options are null", () -> builder.gather(input, u32(2), null));
    }

    @Test
    void gatherOptionsDefaultToAxisZero() {
        assertEquals(0, MLGatherOptions.defaults().axis());
        assertEquals("", MLGatherOptions.defaults().label());
        MLGatherOptions options = gatherAxis(2).withLabel("x");
        assertEquals(2, options.axis());
        assertEquals("x", options.label());
        assertEquals(0, MLGatherOptions.defaults().axis());
        assertEquals(0, MLScatterOptions.defaults().axis());
        assertEquals(1, MLScatterOptions.defaults().withAxis(1).axis());
        assertEquals("s", MLScatterOptions.defaults().withLabel("s").label());
    }

    // ---------------------------------------------------------------------------------
    // gatherElements
    // ---------------------------------------------------------------------------------

    @Test
    void gatherElementsHasTheIndicesShape() {
        MLOperand input = f32(4, 3);
        // the spec's examples
        assertArrayEquals(new long[] {2, 3}, builder.gatherElements(input, u32(2, 3)).shape());
        assertArrayEquals(new long[] {4, 1}, builder.gatherElements(input, u32(4, 1), gatherAxis(1)).shape());
        MLOperand third = builder.gatherElements(f32(4, 2, 2), u32(1, 2, 2), gatherAxis(0));
        assertArrayEquals(new long[] {1, 2, 2}, third.shape());
        assertEquals(FLOAT32, third.dataType());
        MLOperand larger = builder.gatherElements(input(INT32, 2, 3), input(INT64, 2, 7), gatherAxis(1));
        assertArrayEquals(new long[] {2, 7}, larger.shape());
        assertEquals(INT32, larger.dataType());
    }

    @Test
    void gatherElementsRecordsTheAxis() {
        RecordedNode node = node(builder.gatherElements(f32(4, 3), u32(4, 1), gatherAxis(1).withLabel("ge")));
        assertEquals(Op.GATHER_ELEMENTS, node.op());
        assertEquals("ge", node.label());
        assertEquals(List.of("input", "indices"), roles(node));
        assertEquals(List.of("axis"), node.attributes().keys());
        assertEquals(1, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {4, 1}, node.output().descriptor().shape());
    }

    @Test
    void gatherElementsRecordsTheDefaultAxis() {
        RecordedNode node = node(builder.gatherElements(f32(4, 3), u32(2, 3)));
        assertEquals(0, node.attributes().integer("axis"));
    }

    @Test
    void gatherElementsRejectsBadIndices() {
        MLOperand input = f32(4, 3);
        assertTypeError("gatherElements: indices data type float16 is not allowed (allowed: int32, uint32, int64)",
                () -> builder.gatherElements(input, input(FLOAT16, 4, 3)));
        assertTypeError("gatherElements: indices rank 1 must equal input rank 2",
                () -> builder.gatherElements(input, u32(4)));
        assertTypeError("gatherElements: input rank 0 is not allowed (allowed: 1 to 8)",
                () -> builder.gatherElements(f32(), u32()));
        assertTypeError("gatherElements: axis 2 is out of range [0, 2)",
                () -> builder.gatherElements(input, u32(4, 3), gatherAxis(2)));
        assertTypeError("gatherElements: axis 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gatherElements(input, u32(4, 3), gatherAxis(4294967296L)));
        assertTypeError("gatherElements [ge]: indices shape [2, 2] must equal the input shape [4, 3] except along axis 0",
                () -> builder.gatherElements(input, u32(2, 2), MLGatherOptions.defaults().withLabel("ge")));
        assertTypeError("gatherElements: indices shape [2, 3] must equal the input shape [4, 3] except along axis 1",
                () -> builder.gatherElements(input, u32(2, 3), gatherAxis(1)));
        assertTypeError("gatherElements: indices is null", () -> builder.gatherElements(input, null));
        assertTypeError("gatherElements: options are null", () -> builder.gatherElements(input, u32(4, 3), null));
    }

    // ---------------------------------------------------------------------------------
    // gatherND
    // ---------------------------------------------------------------------------------

    @Test
    void gatherNDKeepsTheDimensionsNotIndexed() {
        MLOperand input2 = f32(2, 2);
        MLOperand input3 = f32(2, 2, 2);
        // the spec's examples
        assertArrayEquals(new long[] {3}, builder.gatherND(input2, u32(3, 2)).shape());
        assertArrayEquals(new long[] {2, 2}, builder.gatherND(input2, u32(2, 1)).shape());
        assertArrayEquals(new long[] {2, 2}, builder.gatherND(input3, u32(2, 2)).shape());
        assertArrayEquals(new long[] {3, 2, 2}, builder.gatherND(input3, u32(3, 1)).shape());
        assertArrayEquals(new long[] {5}, builder.gatherND(input3, u32(5, 3)).shape());
        // a single coordinate tuple selects one element
        assertArrayEquals(new long[] {}, builder.gatherND(input3, input(INT64, 3)).shape());
        MLOperand batched = builder.gatherND(input(INT8, 4, 5, 6), input(INT32, 7, 8, 1));
        assertArrayEquals(new long[] {7, 8, 5, 6}, batched.shape());
        assertEquals(INT8, batched.dataType());
    }

    @Test
    void gatherNDRecordsNoAttributes() {
        RecordedNode node = node(builder.gatherND(f32(2, 2, 2), u32(3, 1), MLOperatorOptions.defaults().withLabel("gnd")));
        assertEquals(Op.GATHER_ND, node.op());
        assertEquals("gnd", node.label());
        assertEquals(List.of("input", "indices"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertArrayEquals(new long[] {3, 2, 2}, node.output().descriptor().shape());
    }

    @Test
    void gatherNDRejectsBadIndices() {
        MLOperand input = f32(2, 2);
        assertTypeError("gatherND: indices data type int8 is not allowed (allowed: int32, uint32, int64)",
                () -> builder.gatherND(input, input(INT8, 2, 1)));
        assertTypeError("gatherND: indices rank 0 is not allowed (allowed: 1 to 8)", () -> builder.gatherND(input, u32()));
        assertTypeError("gatherND: input rank 0 is not allowed (allowed: 1 to 8)", () -> builder.gatherND(f32(), u32(1)));
        assertTypeError("gatherND [n]: indices coordinate size 3 (last dimension of [1, 3]) exceeds input rank 2",
                () -> builder.gatherND(input, u32(1, 3), MLOperatorOptions.defaults().withLabel("n")));
        assertTypeError("gatherND: output: rank 9 exceeds the supported maximum 8",
                () -> builder.gatherND(f32(1, 1, 1, 1, 1, 1), u32(1, 1, 1, 1, 1)));
        assertTypeError("gatherND: input is null", () -> builder.gatherND(null, u32(1)));
        assertTypeError("gatherND: options are null", () -> builder.gatherND(input, u32(1), null));
    }

    // ---------------------------------------------------------------------------------
    // scatterElements
    // ---------------------------------------------------------------------------------

    @Test
    void scatterElementsKeepsTheInputShape() {
        MLOperand input = f32(4, 3);
        // the spec's examples
        assertArrayEquals(new long[] {4, 3}, builder.scatterElements(input, u32(2, 3), f32(2, 3)).shape());
        assertArrayEquals(new long[] {4, 3}, builder.scatterElements(input, u32(4, 1), f32(4, 1),
                MLScatterOptions.defaults().withAxis(1)).shape());
        assertArrayEquals(new long[] {4, 2, 2}, builder.scatterElements(f32(4, 2, 2), u32(1, 2, 2), f32(1, 2, 2),
                MLScatterOptions.defaults().withAxis(0)).shape());
        MLOperand ints = builder.scatterElements(input(INT32, 3), input(INT64, 5), input(INT32, 5));
        assertArrayEquals(new long[] {3}, ints.shape());
        assertEquals(INT32, ints.dataType());
    }

    @Test
    void scatterElementsRecordsRolesAndTheAxis() {
        RecordedNode node = node(builder.scatterElements(f32(4, 3), u32(4, 1), f32(4, 1),
                MLScatterOptions.defaults().withAxis(1).withLabel("se")));
        assertEquals(Op.SCATTER_ELEMENTS, node.op());
        assertEquals("se", node.label());
        assertEquals(List.of("input", "indices", "updates"), roles(node));
        assertEquals(List.of("axis"), node.attributes().keys());
        assertEquals(1, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {4, 3}, node.output().descriptor().shape());
    }

    @Test
    void scatterElementsRecordsTheDefaultAxis() {
        assertEquals(0, node(builder.scatterElements(f32(4, 3), u32(2, 3), f32(2, 3))).attributes().integer("axis"));
    }

    @Test
    void scatterElementsRejectsBadOperands() {
        MLOperand input = f32(4, 3);
        assertTypeError("scatterElements: indices data type float32 is not allowed (allowed: int32, uint32, int64)",
                () -> builder.scatterElements(input, f32(2, 3), f32(2, 3)));
        assertTypeError("scatterElements: updates data type float16 must match input data type float32",
                () -> builder.scatterElements(input, u32(2, 3), input(FLOAT16, 2, 3)));
        // the updates' data type is checked before any rank
        assertTypeError("scatterElements: updates data type float16 must match input data type float32",
                () -> builder.scatterElements(f32(), u32(), input(FLOAT16)));
        assertTypeError("scatterElements: input rank 0 is not allowed (allowed: 1 to 8)",
                () -> builder.scatterElements(f32(), u32(), f32()));
        assertTypeError("scatterElements: indices rank 1 must equal input rank 2",
                () -> builder.scatterElements(input, u32(3), f32(2, 3)));
        assertTypeError("scatterElements: updates rank 1 must equal input rank 2",
                () -> builder.scatterElements(input, u32(2, 3), f32(6)));
        assertTypeError("scatterElements: axis 2 is out of range [0, 2)",
                () -> builder.scatterElements(input, u32(2, 3), f32(2, 3), MLScatterOptions.defaults().withAxis(2)));
        assertTypeError("scatterElements: axis -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.scatterElements(input, u32(2, 3), f32(2, 3), MLScatterOptions.defaults().withAxis(-1)));
        assertTypeError("scatterElements [s]: indices shape [2, 2] must equal the input shape [4, 3] except along axis 0",
                () -> builder.scatterElements(input, u32(2, 2), f32(2, 2), MLScatterOptions.defaults().withLabel("s")));
        assertTypeError("scatterElements: updates shape [2, 2] must equal indices shape [4, 2]",
                () -> builder.scatterElements(input, u32(4, 2), f32(2, 2), MLScatterOptions.defaults().withAxis(1)));
        assertTypeError("scatterElements: updates is null", () -> builder.scatterElements(input, u32(2, 3), null));
        assertTypeError("scatterElements: options are null",
                () -> builder.scatterElements(input, u32(2, 3), f32(2, 3), null));
    }

    // ---------------------------------------------------------------------------------
    // scatterND
    // ---------------------------------------------------------------------------------

    @Test
    void scatterNDKeepsTheInputShape() {
        // the spec's examples
        assertArrayEquals(new long[] {8}, builder.scatterND(f32(8), u32(4, 1), f32(4)).shape());
        assertArrayEquals(new long[] {2, 2}, builder.scatterND(f32(2, 2), u32(2, 2), f32(2)).shape());
        assertArrayEquals(new long[] {3, 2}, builder.scatterND(f32(3, 2), u32(2, 1), f32(2, 2)).shape());
        assertArrayEquals(new long[] {2, 2, 2}, builder.scatterND(f32(2, 2, 2), u32(2, 2), f32(2, 2)).shape());
        // one coordinate tuple updates a single element: scalar updates
        assertArrayEquals(new long[] {4, 5, 6}, builder.scatterND(f32(4, 5, 6), input(INT64, 3), f32()).shape());
        assertArrayEquals(new long[] {4, 5, 6}, builder.scatterND(f32(4, 5, 6), u32(7, 8, 1), f32(7, 8, 5, 6)).shape());
    }

    @Test
    void scatterNDRecordsNoAttributes() {
        RecordedNode node = node(builder.scatterND(f32(3, 2), u32(2, 1), f32(2, 2), MLOperatorOptions.defaults().withLabel("snd")));
        assertEquals(Op.SCATTER_ND, node.op());
        assertEquals("snd", node.label());
        assertEquals(List.of("input", "indices", "updates"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertArrayEquals(new long[] {3, 2}, node.output().descriptor().shape());
    }

    @Test
    void scatterNDRejectsBadOperands() {
        MLOperand input = f32(3, 2);
        assertTypeError("scatterND: indices data type float32 is not allowed (allowed: int32, uint32, int64)",
                () -> builder.scatterND(input, f32(2, 1), f32(2, 2)));
        assertTypeError("scatterND: updates data type int32 must match input data type float32",
                () -> builder.scatterND(input, u32(2, 1), input(INT32, 2, 2)));
        assertTypeError("scatterND: indices rank 0 is not allowed (allowed: 1 to 8)",
                () -> builder.scatterND(input, u32(), f32(2, 2)));
        assertTypeError("scatterND: input rank 0 is not allowed (allowed: 1 to 8)", () -> builder.scatterND(f32(), u32(1), f32()));
        assertTypeError("scatterND [n]: indices coordinate size 3 (last dimension of [2, 3]) exceeds input rank 2",
                () -> builder.scatterND(input, u32(2, 3), f32(2), MLOperatorOptions.defaults().withLabel("n")));
        assertTypeError("scatterND: updates shape [2, 3] must equal [2, 2] (indices shape without its last dimension, "
                + "then the input dimensions after the indexed ones)", () -> builder.scatterND(input, u32(2, 1), f32(2, 3)));
        assertTypeError("scatterND: updates shape [2, 2] must equal [2] (indices shape without its last dimension, "
                + "then the input dimensions after the indexed ones)", () -> builder.scatterND(input, u32(2, 2), f32(2, 2)));
        assertTypeError("scatterND: indices is null", () -> builder.scatterND(input, null, f32(2, 2)));
        assertTypeError("scatterND: options are null", () -> builder.scatterND(input, u32(2, 1), f32(2, 2), null));
    }

    // ---------------------------------------------------------------------------------
    // builder state
    // ---------------------------------------------------------------------------------

    @Test
    void everyOperationChecksTheBuilder() {
        MLOperand input = f32(4, 3);
        MLOperand indices = u32(4, 3);
        MLOperand coordinates = u32(1, 2);
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(UINT32, 4, 3));
            assertTypeError("gather: indices belongs to another MLGraphBuilder", () -> builder.gather(input, foreign));
            assertTypeError("scatterElements: indices belongs to another MLGraphBuilder",
                    () -> builder.scatterElements(input, foreign, input));
        }
        node(builder.gather(input, indices));
        List<Executable> calls = List.of(
                () -> builder.gather(input, indices),
                () -> builder.gatherElements(input, indices),
                () -> builder.gatherND(input, coordinates),
                () -> builder.scatterElements(input, indices, input),
                () -> builder.scatterND(input, indices, input));
        for (Executable call : calls) {
            assertThrows(MLInvalidStateError.class, call);
        }
    }
}
