package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLRecurrentNetworkActivation.RELU;
import static dev.webnn.MLRecurrentNetworkActivation.SIGMOID;
import static dev.webnn.MLRecurrentNetworkActivation.TANH;
import static dev.webnn.MLRecurrentNetworkDirection.BACKWARD;
import static dev.webnn.MLRecurrentNetworkDirection.BOTH;
import static dev.webnn.MLRecurrentNetworkDirection.FORWARD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RecurrentOpsTest {

    // Sizes used throughout: 3 steps, batch 2, input size 4, hidden size 5.
    private static final long STEPS = 3;
    private static final long BATCH = 2;
    private static final long INPUT = 4;
    private static final long HIDDEN = 5;

    private final MLContext context = TestContexts.reference();
    private final MLGraphBuilder builder = new MLGraphBuilder(context);
    private int inputs;

    @AfterEach
    void close() {
        context.close();
    }

    private MLOperand in(MLOperandDataType type, long... shape) {
        return in(builder, type, shape);
    }

    private MLOperand in(MLGraphBuilder b, MLOperandDataType type, long... shape) {
        return b.input("x" + inputs++, MLOperandDescriptor.of(type, shape));
    }

    private static void typeError(String message, Executable executable) {
        assertEquals(message, assertThrows(MLTypeError.class, executable).getMessage());
    }

    /** Builds the outputs with a fresh graph and returns the single node. */
    private static Node node(MLGraphBuilder b, List<MLOperand> outputs) {
        Map<String, MLOperand> named = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            named.put("out" + i, outputs.get(i));
        }
        try (MLGraph graph = b.build(named)) {
            assertEquals(1, graph.graph().nodes().size());
            return graph.graph().nodes().get(0);
        }
    }

    private static List<String> roles(Node node) {
        return List.copyOf(node.inputs().keySet());
    }

    // ------------------------------------------------------------------ gru

    private List<MLOperand> gru(long directions, long steps, long hidden, MLGruOptions options) {
        return builder.gru(in(FLOAT32, steps, BATCH, INPUT), in(FLOAT32, directions, 3 * hidden, INPUT),
                in(FLOAT32, directions, 3 * hidden, hidden), steps, hidden, options);
    }

    @Test
    void gruDefaultsReturnTheLastHiddenState() {
        List<MLOperand> out = builder.gru(in(FLOAT32, STEPS, BATCH, INPUT), in(FLOAT32, 1, 15, INPUT),
                in(FLOAT32, 1, 15, HIDDEN), STEPS, HIDDEN);
        assertEquals(1, out.size());
        assertArrayEquals(new long[] {1, BATCH, HIDDEN}, out.get(0).shape());
        assertEquals(FLOAT32, out.get(0).dataType());
    }

    @Test
    void gruReturnSequenceAddsTheSequenceOutput() {
        List<MLOperand> out = gru(1, STEPS, HIDDEN, MLGruOptions.defaults().withReturnSequence(true));
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {1, BATCH, HIDDEN}, out.get(0).shape());
        assertArrayEquals(new long[] {STEPS, 1, BATCH, HIDDEN}, out.get(1).shape());
    }

    @Test
    void gruBothDirectionsDoublesTheDirectionDimension() {
        List<MLOperand> out = gru(2, STEPS, HIDDEN, MLGruOptions.defaults().withDirection(BOTH).withReturnSequence(true));
        assertArrayEquals(new long[] {2, BATCH, HIDDEN}, out.get(0).shape());
        assertArrayEquals(new long[] {STEPS, 2, BATCH, HIDDEN}, out.get(1).shape());
        List<MLOperand> backward = gru(1, STEPS, HIDDEN, MLGruOptions.defaults().withDirection(BACKWARD));
        assertArrayEquals(new long[] {1, BATCH, HIDDEN}, backward.get(0).shape());
    }

    @Test
    void gruKeepsFloat16() {
        List<MLOperand> out = builder.gru(in(FLOAT16, 1, 1, 1), in(FLOAT16, 1, 3, 1), in(FLOAT16, 1, 3, 1), 1, 1,
                MLGruOptions.defaults().withReturnSequence(true));
        assertEquals(FLOAT16, out.get(0).dataType());
        assertEquals(FLOAT16, out.get(1).dataType());
    }

    @Test
    void gruRecordsDefaultFilledAttributes() {
        Node node = node(builder, gru(1, STEPS, HIDDEN, MLGruOptions.defaults().withLabel("g")));
        assertEquals(Op.GRU, node.op());
        assertEquals("g", node.label());
        assertEquals(List.of("input", "weight", "recurrentWeight"), roles(node));
        Attributes a = node.attributes();
        assertEquals(List.of("steps", "hiddenSize", "resetAfter", "returnSequence", "direction", "layout", "activations"),
                a.keys());
        assertEquals(STEPS, a.integer("steps"));
        assertEquals(HIDDEN, a.integer("hiddenSize"));
        assertTrue(a.bool("resetAfter"));
        assertFalse(a.bool("returnSequence"));
        assertEquals(FORWARD, a.enumValue("direction", MLRecurrentNetworkDirection.class));
        assertEquals(MLGruWeightLayout.ZRN, a.enumValue("layout", MLGruWeightLayout.class));
        assertEquals(List.of(SIGMOID, TANH), a.enumList("activations", MLRecurrentNetworkActivation.class));
        assertEquals(1, node.outputs().size());
        assertArrayEquals(new long[] {1, BATCH, HIDDEN}, node.output().descriptor().shape());
    }

    @Test
    void gruRecordsEveryGivenOption() {
        MLGruOptions options = MLGruOptions.defaults()
                .withBias(in(FLOAT32, 2, 15))
                .withRecurrentBias(in(FLOAT32, 2, 15))
                .withInitialHiddenState(in(FLOAT32, 2, BATCH, HIDDEN))
                .withResetAfter(false)
                .withReturnSequence(true)
                .withDirection(BOTH)
                .withLayout(MLGruWeightLayout.RZN)
                .withActivations(RELU, SIGMOID);
        Node node = node(builder, gru(2, STEPS, HIDDEN, options));
        assertEquals(List.of("input", "weight", "recurrentWeight", "bias", "recurrentBias", "initialHiddenState"),
                roles(node));
        Attributes a = node.attributes();
        assertFalse(a.bool("resetAfter"));
        assertTrue(a.bool("returnSequence"));
        assertEquals(BOTH, a.enumValue("direction", MLRecurrentNetworkDirection.class));
        assertEquals(MLGruWeightLayout.RZN, a.enumValue("layout", MLGruWeightLayout.class));
        assertEquals(List.of(RELU, SIGMOID), a.enumList("activations", MLRecurrentNetworkActivation.class));
        assertEquals(2, node.outputs().size());
        assertArrayEquals(new long[] {STEPS, 2, BATCH, HIDDEN}, node.outputs().get(1).descriptor().shape());
    }

    @Test
    void gruOnlyRecordsTheOptionalOperandsGiven() {
        Node node = node(builder, gru(1, STEPS, HIDDEN, MLGruOptions.defaults().withRecurrentBias(in(FLOAT32, 1, 15))));
        assertEquals(List.of("input", "weight", "recurrentWeight", "recurrentBias"), roles(node));
    }

    @Test
    void gruRejectsArgumentsOutsideUnsignedLong() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        typeError("gru: steps -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gru(x, w, r, -1, HIDDEN));
        typeError("gru: steps 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gru(x, w, r, 1L << 32, HIDDEN));
        typeError("gru: hiddenSize -5 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gru(x, w, r, STEPS, -5));
    }

    @Test
    void gruRejectsNullAndForeignOperands() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        typeError("gru: options are null", () -> builder.gru(x, w, r, STEPS, HIDDEN, null));
        typeError("gru: input is null", () -> builder.gru(null, w, r, STEPS, HIDDEN));
        typeError("gru: weight is null", () -> builder.gru(x, null, r, STEPS, HIDDEN));
        typeError("gru: recurrentWeight is null", () -> builder.gru(x, w, null, STEPS, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            MLOperand fw = in(foreign, FLOAT32, 1, 15, INPUT);
            typeError("gru: weight belongs to another MLGraphBuilder", () -> builder.gru(x, fw, r, STEPS, HIDDEN));
            MLOperand fb = in(foreign, FLOAT32, 1, 15);
            typeError("gru [g]: bias belongs to another MLGraphBuilder", () -> builder.gru(x, w, r, STEPS, HIDDEN,
                    MLGruOptions.defaults().withLabel("g").withBias(fb)));
            typeError("gru: initialHiddenState belongs to another MLGraphBuilder", () -> builder.gru(x, w, r, STEPS,
                    HIDDEN, MLGruOptions.defaults().withInitialHiddenState(in(foreign, FLOAT32, 1, BATCH, HIDDEN))));
        }
    }

    @Test
    void gruNeedsABuilderThatCanBuild() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        builder.build(Map.of("y", builder.gru(x, w, r, STEPS, HIDDEN).get(0))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.gru(x, w, r, STEPS, HIDDEN));
    }

    @Test
    void gruChecksDataTypesAndRanksOfTheRequiredOperands() {
        typeError("gru: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.gru(in(INT32, STEPS, BATCH, INPUT), in(INT32, 1, 15, INPUT), in(INT32, 1, 15, HIDDEN),
                        STEPS, HIDDEN));
        typeError("gru: weight data type float16 must match input data type float32",
                () -> builder.gru(in(FLOAT32, STEPS, BATCH, INPUT), in(FLOAT16, 1, 15, INPUT),
                        in(FLOAT32, 1, 15, HIDDEN), STEPS, HIDDEN));
        typeError("gru: recurrentWeight data type float32 must match input data type float16",
                () -> builder.gru(in(FLOAT16, STEPS, BATCH, INPUT), in(FLOAT16, 1, 15, INPUT),
                        in(FLOAT32, 1, 15, HIDDEN), STEPS, HIDDEN));
        typeError("gru: input rank 2 is not allowed (allowed: 3)",
                () -> builder.gru(in(FLOAT32, STEPS, BATCH), in(FLOAT32, 1, 15, INPUT), in(FLOAT32, 1, 15, HIDDEN),
                        STEPS, HIDDEN));
        typeError("gru: weight rank 2 is not allowed (allowed: 3)",
                () -> builder.gru(in(FLOAT32, STEPS, BATCH, INPUT), in(FLOAT32, 15, INPUT), in(FLOAT32, 1, 15, HIDDEN),
                        STEPS, HIDDEN));
        typeError("gru: recurrentWeight rank 4 is not allowed (allowed: 3)",
                () -> builder.gru(in(FLOAT32, STEPS, BATCH, INPUT), in(FLOAT32, 1, 15, INPUT),
                        in(FLOAT32, 1, 1, 15, HIDDEN), STEPS, HIDDEN));
    }

    @Test
    void gruChecksStepsAndWeightShapes() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        typeError("gru: steps must be greater than 0", () -> builder.gru(x, w, r, 0, HIDDEN));
        typeError("gru: input shape[0] 3 does not equal steps 4", () -> builder.gru(x, w, r, 4, HIDDEN));
        typeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 12, 4]",
                () -> builder.gru(x, w, r, STEPS, 4));
        typeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 0, 4]",
                () -> builder.gru(x, w, r, STEPS, 0));
        typeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [2, 15, 4]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withDirection(BOTH)));
        typeError("gru: weight shape [1, 15, 3] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 15, 4]",
                () -> builder.gru(x, in(FLOAT32, 1, 15, 3), r, STEPS, HIDDEN));
        typeError("gru: recurrentWeight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, hiddenSize]"
                        + " = [1, 15, 5]",
                () -> builder.gru(x, w, in(FLOAT32, 1, 15, 4), STEPS, HIDDEN));
        typeError("gru: recurrentWeight shape [1, 15, 5] does not equal [numDirections, 3 * hiddenSize, hiddenSize]"
                        + " = [2, 15, 5]",
                () -> builder.gru(x, in(FLOAT32, 2, 15, INPUT), r, STEPS, HIDDEN,
                        MLGruOptions.defaults().withDirection(BOTH)));
    }

    @Test
    void gruChecksTheOptionalOperands() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        MLGruOptions o = MLGruOptions.defaults();
        typeError("gru: bias data type float16 must match input data type float32",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withBias(in(FLOAT16, 1, 15))));
        typeError("gru: bias rank 1 is not allowed (allowed: 2)",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withBias(in(FLOAT32, 15))));
        typeError("gru: bias shape [1, 12] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withBias(in(FLOAT32, 1, 12))));
        typeError("gru: recurrentBias data type int32 must match input data type float32",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(in(INT32, 1, 15))));
        typeError("gru: recurrentBias shape [2, 15] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(in(FLOAT32, 2, 15))));
        typeError("gru: initialHiddenState data type float16 must match input data type float32",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(in(FLOAT16, 1, BATCH, HIDDEN))));
        typeError("gru: initialHiddenState rank 2 is not allowed (allowed: 3)",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(in(FLOAT32, BATCH, HIDDEN))));
        typeError("gru: initialHiddenState shape [1, 3, 5] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(in(FLOAT32, 1, 3, HIDDEN))));
    }

    @Test
    void gruChecksTheActivationsCount() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        typeError("gru: activations [sigmoid] has 1 entries, expected 2",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withActivations(SIGMOID)));
        typeError("gru: activations [sigmoid, tanh, tanh] has 3 entries, expected 2",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withActivations(SIGMOID, TANH, TANH)));
        typeError("gru: activations [] has 0 entries, expected 2",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withActivations(List.of())));
    }

    @Test
    void gruChecksInTheSpecOrder() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 15, INPUT);
        MLOperand r = in(FLOAT32, 1, 15, HIDDEN);
        // weight shape before bias, bias before recurrentBias, initialHiddenState before activations
        typeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 12, 4]",
                () -> builder.gru(x, w, r, STEPS, 4, MLGruOptions.defaults().withBias(in(FLOAT16, 1, 12))));
        typeError("gru: bias shape [1, 1] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withBias(in(FLOAT32, 1, 1))
                        .withRecurrentBias(in(FLOAT16, 1, 15))));
        typeError("gru: initialHiddenState shape [1, 1, 1] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults()
                        .withInitialHiddenState(in(FLOAT32, 1, 1, 1)).withActivations(RELU)));
    }

    @Test
    void gruRejectsAnOutputSequenceTooLargeForATensor() {
        // input 1000 x 1000 x 1 is valid, the sequence output 1000 x 1 x 1000 x 2500 is not
        MLOperand x = in(FLOAT32, 1000, 1000, 1);
        MLOperand w = in(FLOAT32, 1, 7500, 1);
        MLOperand r = in(FLOAT32, 1, 7500, 2500);
        assertEquals(1, builder.gru(x, w, r, 1000, 2500).size());
        typeError("gru: output: shape [1000, 1, 1000, 2500] has 2500000000 elements, more than 2147483647",
                () -> builder.gru(x, w, r, 1000, 2500, MLGruOptions.defaults().withReturnSequence(true)));
    }

    // ------------------------------------------------------------------ gruCell

    @Test
    void gruCellReturnsTheNewHiddenState() {
        MLOperand out = builder.gruCell(in(FLOAT32, BATCH, INPUT), in(FLOAT32, 15, INPUT), in(FLOAT32, 15, HIDDEN),
                in(FLOAT32, BATCH, HIDDEN), HIDDEN);
        assertArrayEquals(new long[] {BATCH, HIDDEN}, out.shape());
        assertEquals(FLOAT32, out.dataType());
        MLOperand half = builder.gruCell(in(FLOAT16, 1, 1), in(FLOAT16, 3, 1), in(FLOAT16, 3, 1), in(FLOAT16, 1, 1), 1);
        assertEquals(FLOAT16, half.dataType());
    }

    @Test
    void gruCellRecordsDefaultFilledAttributes() {
        MLOperand out = builder.gruCell(in(FLOAT32, BATCH, INPUT), in(FLOAT32, 15, INPUT), in(FLOAT32, 15, HIDDEN),
                in(FLOAT32, BATCH, HIDDEN), HIDDEN, MLGruCellOptions.defaults().withLabel("cell"));
        Node node = node(builder, List.of(out));
        assertEquals(Op.GRU_CELL, node.op());
        assertEquals("cell", node.label());
        assertEquals(List.of("input", "weight", "recurrentWeight", "hiddenState"), roles(node));
        Attributes a = node.attributes();
        assertEquals(List.of("hiddenSize", "resetAfter", "layout", "activations"), a.keys());
        assertEquals(HIDDEN, a.integer("hiddenSize"));
        assertTrue(a.bool("resetAfter"));
        assertEquals(MLGruWeightLayout.ZRN, a.enumValue("layout", MLGruWeightLayout.class));
        assertEquals(List.of(SIGMOID, TANH), a.enumList("activations", MLRecurrentNetworkActivation.class));
        assertArrayEquals(new long[] {BATCH, HIDDEN}, node.output().descriptor().shape());
    }

    @Test
    void gruCellRecordsEveryGivenOption() {
        MLGruCellOptions options = MLGruCellOptions.defaults().withBias(in(FLOAT32, 15))
                .withRecurrentBias(in(FLOAT32, 15)).withResetAfter(false).withLayout(MLGruWeightLayout.RZN)
                .withActivations(List.of(TANH, RELU));
        MLOperand out = builder.gruCell(in(FLOAT32, BATCH, INPUT), in(FLOAT32, 15, INPUT), in(FLOAT32, 15, HIDDEN),
                in(FLOAT32, BATCH, HIDDEN), HIDDEN, options);
        Node node = node(builder, List.of(out));
        assertEquals(List.of("input", "weight", "recurrentWeight", "hiddenState", "bias", "recurrentBias"), roles(node));
        assertFalse(node.attributes().bool("resetAfter"));
        assertEquals(MLGruWeightLayout.RZN, node.attributes().enumValue("layout", MLGruWeightLayout.class));
        assertEquals(List.of(TANH, RELU), node.attributes().enumList("activations", MLRecurrentNetworkActivation.class));
    }

    @Test
    void gruCellRejectsNullForeignAndOutOfRangeArguments() {
        MLOperand x = in(FLOAT32, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 15, INPUT);
        MLOperand r = in(FLOAT32, 15, HIDDEN);
        MLOperand h = in(FLOAT32, BATCH, HIDDEN);
        typeError("gruCell: options are null", () -> builder.gruCell(x, w, r, h, HIDDEN, null));
        typeError("gruCell: hiddenSize -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gruCell(x, w, r, h, -1));
        typeError("gruCell: hiddenSize 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gruCell(x, w, r, h, 1L << 32));
        typeError("gruCell: hiddenState is null", () -> builder.gruCell(x, w, r, null, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            typeError("gruCell: hiddenState belongs to another MLGraphBuilder",
                    () -> builder.gruCell(x, w, r, in(foreign, FLOAT32, BATCH, HIDDEN), HIDDEN));
            typeError("gruCell: recurrentBias belongs to another MLGraphBuilder", () -> builder.gruCell(x, w, r, h,
                    HIDDEN, MLGruCellOptions.defaults().withRecurrentBias(in(foreign, FLOAT32, 15))));
        }
        builder.build(Map.of("y", builder.gruCell(x, w, r, h, HIDDEN))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.gruCell(x, w, r, h, HIDDEN));
    }

    @Test
    void gruCellChecksDataTypesRanksAndShapes() {
        MLOperand x = in(FLOAT32, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 15, INPUT);
        MLOperand r = in(FLOAT32, 15, HIDDEN);
        MLOperand h = in(FLOAT32, BATCH, HIDDEN);
        typeError("gruCell: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.gruCell(in(INT32, BATCH, INPUT), w, r, h, HIDDEN));
        typeError("gruCell: hiddenState data type float16 must match input data type float32",
                () -> builder.gruCell(x, w, r, in(FLOAT16, BATCH, HIDDEN), HIDDEN));
        typeError("gruCell: input rank 3 is not allowed (allowed: 2)",
                () -> builder.gruCell(in(FLOAT32, 1, BATCH, INPUT), w, r, h, HIDDEN));
        typeError("gruCell: hiddenState rank 1 is not allowed (allowed: 2)",
                () -> builder.gruCell(x, w, r, in(FLOAT32, HIDDEN), HIDDEN));
        typeError("gruCell: weight shape [15, 4] does not equal [3 * hiddenSize, inputSize] = [12, 4]",
                () -> builder.gruCell(x, w, r, h, 4));
        typeError("gruCell: recurrentWeight shape [15, 4] does not equal [3 * hiddenSize, hiddenSize] = [15, 5]",
                () -> builder.gruCell(x, w, in(FLOAT32, 15, 4), h, HIDDEN));
        typeError("gruCell: hiddenState shape [3, 5] does not equal [batchSize, hiddenSize] = [2, 5]",
                () -> builder.gruCell(x, w, r, in(FLOAT32, 3, HIDDEN), HIDDEN));
        MLGruCellOptions o = MLGruCellOptions.defaults();
        typeError("gruCell: bias data type float16 must match input data type float32",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withBias(in(FLOAT16, 15))));
        typeError("gruCell: bias rank 2 is not allowed (allowed: 1)",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withBias(in(FLOAT32, 1, 15))));
        typeError("gruCell: bias shape [5] does not equal [3 * hiddenSize] = [15]",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withBias(in(FLOAT32, 5))));
        typeError("gruCell: recurrentBias shape [20] does not equal [3 * hiddenSize] = [15]",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withRecurrentBias(in(FLOAT32, 20))));
        typeError("gruCell: activations [relu, relu, relu] has 3 entries, expected 2",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withActivations(RELU, RELU, RELU)));
    }

    // ------------------------------------------------------------------ lstm

    private List<MLOperand> lstm(long directions, MLLstmOptions options) {
        return builder.lstm(in(FLOAT32, STEPS, BATCH, INPUT), in(FLOAT32, directions, 20, INPUT),
                in(FLOAT32, directions, 20, HIDDEN), STEPS, HIDDEN, options);
    }

    @Test
    void lstmDefaultsReturnHiddenAndCellState() {
        List<MLOperand> out = builder.lstm(in(FLOAT32, STEPS, BATCH, INPUT), in(FLOAT32, 1, 20, INPUT),
                in(FLOAT32, 1, 20, HIDDEN), STEPS, HIDDEN);
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {1, BATCH, HIDDEN}, out.get(0).shape());
        assertArrayEquals(new long[] {1, BATCH, HIDDEN}, out.get(1).shape());
        assertEquals(FLOAT32, out.get(1).dataType());
    }

    @Test
    void lstmReturnSequenceAndDirections() {
        List<MLOperand> out = lstm(2, MLLstmOptions.defaults().withDirection(BOTH).withReturnSequence(true));
        assertEquals(3, out.size());
        assertArrayEquals(new long[] {2, BATCH, HIDDEN}, out.get(0).shape());
        assertArrayEquals(new long[] {2, BATCH, HIDDEN}, out.get(1).shape());
        assertArrayEquals(new long[] {STEPS, 2, BATCH, HIDDEN}, out.get(2).shape());
        assertEquals(2, lstm(1, MLLstmOptions.defaults().withDirection(BACKWARD)).size());
        List<MLOperand> half = builder.lstm(in(FLOAT16, 1, 1, 1), in(FLOAT16, 1, 4, 1), in(FLOAT16, 1, 4, 1), 1, 1,
                MLLstmOptions.defaults().withReturnSequence(true));
        assertEquals(FLOAT16, half.get(2).dataType());
        assertArrayEquals(new long[] {1, 1, 1, 1}, half.get(2).shape());
    }

    @Test
    void lstmRecordsDefaultFilledAttributes() {
        Node node = node(builder, lstm(1, MLLstmOptions.defaults().withLabel("l")));
        assertEquals(Op.LSTM, node.op());
        assertEquals("l", node.label());
        assertEquals(List.of("input", "weight", "recurrentWeight"), roles(node));
        Attributes a = node.attributes();
        assertEquals(List.of("steps", "hiddenSize", "returnSequence", "direction", "layout", "activations"), a.keys());
        assertEquals(STEPS, a.integer("steps"));
        assertEquals(HIDDEN, a.integer("hiddenSize"));
        assertFalse(a.bool("returnSequence"));
        assertEquals(FORWARD, a.enumValue("direction", MLRecurrentNetworkDirection.class));
        assertEquals(MLLstmWeightLayout.IOFG, a.enumValue("layout", MLLstmWeightLayout.class));
        assertEquals(List.of(SIGMOID, TANH, TANH), a.enumList("activations", MLRecurrentNetworkActivation.class));
        assertEquals(2, node.outputs().size());
    }

    @Test
    void lstmRecordsEveryGivenOption() {
        MLLstmOptions options = MLLstmOptions.defaults()
                .withBias(in(FLOAT32, 2, 20))
                .withRecurrentBias(in(FLOAT32, 2, 20))
                .withPeepholeWeight(in(FLOAT32, 2, 15))
                .withInitialHiddenState(in(FLOAT32, 2, BATCH, HIDDEN))
                .withInitialCellState(in(FLOAT32, 2, BATCH, HIDDEN))
                .withReturnSequence(true)
                .withDirection(BOTH)
                .withLayout(MLLstmWeightLayout.IFGO)
                .withActivations(RELU, RELU, SIGMOID);
        Node node = node(builder, lstm(2, options));
        assertEquals(List.of("input", "weight", "recurrentWeight", "bias", "recurrentBias", "peepholeWeight",
                "initialHiddenState", "initialCellState"), roles(node));
        Attributes a = node.attributes();
        assertTrue(a.bool("returnSequence"));
        assertEquals(BOTH, a.enumValue("direction", MLRecurrentNetworkDirection.class));
        assertEquals(MLLstmWeightLayout.IFGO, a.enumValue("layout", MLLstmWeightLayout.class));
        assertEquals(List.of(RELU, RELU, SIGMOID), a.enumList("activations", MLRecurrentNetworkActivation.class));
        assertEquals(3, node.outputs().size());
        assertArrayEquals(new long[] {STEPS, 2, BATCH, HIDDEN}, node.outputs().get(2).descriptor().shape());
    }

    @Test
    void lstmOnlyRecordsTheOptionalOperandsGiven() {
        Node node = node(builder, lstm(1, MLLstmOptions.defaults().withPeepholeWeight(in(FLOAT32, 1, 15))
                .withInitialCellState(in(FLOAT32, 1, BATCH, HIDDEN))));
        assertEquals(List.of("input", "weight", "recurrentWeight", "peepholeWeight", "initialCellState"), roles(node));
    }

    @Test
    void lstmRejectsNullForeignAndOutOfRangeArguments() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 20, INPUT);
        MLOperand r = in(FLOAT32, 1, 20, HIDDEN);
        typeError("lstm: options are null", () -> builder.lstm(x, w, r, STEPS, HIDDEN, null));
        typeError("lstm: steps -3 is outside the unsigned long range [0, 4294967295]",
                () -> builder.lstm(x, w, r, -3, HIDDEN));
        typeError("lstm [l]: hiddenSize 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.lstm(x, w, r, STEPS, 1L << 32, MLLstmOptions.defaults().withLabel("l")));
        typeError("lstm: input is null", () -> builder.lstm(null, w, r, STEPS, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            typeError("lstm: recurrentWeight belongs to another MLGraphBuilder",
                    () -> builder.lstm(x, w, in(foreign, FLOAT32, 1, 20, HIDDEN), STEPS, HIDDEN));
            typeError("lstm: peepholeWeight belongs to another MLGraphBuilder", () -> builder.lstm(x, w, r, STEPS,
                    HIDDEN, MLLstmOptions.defaults().withPeepholeWeight(in(foreign, FLOAT32, 1, 15))));
            typeError("lstm: initialCellState belongs to another MLGraphBuilder", () -> builder.lstm(x, w, r, STEPS,
                    HIDDEN, MLLstmOptions.defaults().withInitialCellState(in(foreign, FLOAT32, 1, BATCH, HIDDEN))));
        }
        builder.build(Map.of("y", builder.lstm(x, w, r, STEPS, HIDDEN).get(1))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.lstm(x, w, r, STEPS, HIDDEN));
    }

    @Test
    void lstmChecksDataTypesRanksStepsAndWeights() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 20, INPUT);
        MLOperand r = in(FLOAT32, 1, 20, HIDDEN);
        typeError("lstm: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.lstm(in(INT32, STEPS, BATCH, INPUT), w, r, STEPS, HIDDEN));
        typeError("lstm: weight data type float16 must match input data type float32",
                () -> builder.lstm(x, in(FLOAT16, 1, 20, INPUT), r, STEPS, HIDDEN));
        typeError("lstm: recurrentWeight rank 2 is not allowed (allowed: 3)",
                () -> builder.lstm(x, w, in(FLOAT32, 20, HIDDEN), STEPS, HIDDEN));
        typeError("lstm: steps must be greater than 0", () -> builder.lstm(x, w, r, 0, HIDDEN));
        typeError("lstm: input shape[0] 3 does not equal steps 2", () -> builder.lstm(x, w, r, 2, HIDDEN));
        typeError("lstm: weight shape [1, 20, 4] does not equal [numDirections, 4 * hiddenSize, inputSize] = [1, 24, 4]",
                () -> builder.lstm(x, w, r, STEPS, 6));
        typeError("lstm: weight shape [1, 20, 4] does not equal [numDirections, 4 * hiddenSize, inputSize] = [2, 20, 4]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, MLLstmOptions.defaults().withDirection(BOTH)));
        typeError("lstm: recurrentWeight shape [1, 20, 4] does not equal [numDirections, 4 * hiddenSize, hiddenSize]"
                        + " = [1, 20, 5]",
                () -> builder.lstm(x, w, in(FLOAT32, 1, 20, 4), STEPS, HIDDEN));
    }

    @Test
    void lstmChecksTheOptionalOperands() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 20, INPUT);
        MLOperand r = in(FLOAT32, 1, 20, HIDDEN);
        MLLstmOptions o = MLLstmOptions.defaults();
        typeError("lstm: bias data type float16 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withBias(in(FLOAT16, 1, 20))));
        typeError("lstm: bias shape [1, 15] does not equal [numDirections, 4 * hiddenSize] = [1, 20]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withBias(in(FLOAT32, 1, 15))));
        typeError("lstm: recurrentBias rank 1 is not allowed (allowed: 2)",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(in(FLOAT32, 20))));
        typeError("lstm: recurrentBias shape [2, 20] does not equal [numDirections, 4 * hiddenSize] = [1, 20]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(in(FLOAT32, 2, 20))));
        typeError("lstm: peepholeWeight data type int32 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withPeepholeWeight(in(INT32, 1, 15))));
        typeError("lstm: peepholeWeight shape [1, 20] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withPeepholeWeight(in(FLOAT32, 1, 20))));
        typeError("lstm: initialHiddenState data type float16 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(in(FLOAT16, 1, BATCH, HIDDEN))));
        typeError("lstm: initialHiddenState shape [1, 2, 4] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(in(FLOAT32, 1, BATCH, 4))));
        typeError("lstm: initialCellState data type float16 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialCellState(in(FLOAT16, 1, BATCH, HIDDEN))));
        typeError("lstm: initialCellState rank 4 is not allowed (allowed: 3)",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialCellState(in(FLOAT32, 1, 1, BATCH, HIDDEN))));
        typeError("lstm: initialCellState shape [2, 2, 5] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialCellState(in(FLOAT32, 2, BATCH, HIDDEN))));
        typeError("lstm: activations [sigmoid, tanh] has 2 entries, expected 3",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withActivations(SIGMOID, TANH)));
        typeError("lstm: activations [relu, relu, relu, relu] has 4 entries, expected 3",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withActivations(RELU, RELU, RELU, RELU)));
    }

    @Test
    void lstmChecksInTheSpecOrder() {
        MLOperand x = in(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 1, 20, INPUT);
        MLOperand r = in(FLOAT32, 1, 20, HIDDEN);
        // peepholeWeight before the initial states, initialHiddenState before initialCellState
        typeError("lstm: peepholeWeight shape [1, 1] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, MLLstmOptions.defaults().withPeepholeWeight(in(FLOAT32, 1, 1))
                        .withInitialHiddenState(in(FLOAT16, 1, BATCH, HIDDEN))));
        typeError("lstm: initialHiddenState shape [1, 1, 1] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, MLLstmOptions.defaults()
                        .withInitialCellState(in(FLOAT16, 1, 1, 1)).withInitialHiddenState(in(FLOAT32, 1, 1, 1))));
    }

    // ------------------------------------------------------------------ lstmCell

    @Test
    void lstmCellReturnsHiddenAndCellState() {
        List<MLOperand> out = builder.lstmCell(in(FLOAT32, BATCH, INPUT), in(FLOAT32, 20, INPUT),
                in(FLOAT32, 20, HIDDEN), in(FLOAT32, BATCH, HIDDEN), in(FLOAT32, BATCH, HIDDEN), HIDDEN);
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {BATCH, HIDDEN}, out.get(0).shape());
        assertArrayEquals(new long[] {BATCH, HIDDEN}, out.get(1).shape());
        List<MLOperand> half = builder.lstmCell(in(FLOAT16, 1, 1), in(FLOAT16, 4, 1), in(FLOAT16, 4, 1),
                in(FLOAT16, 1, 1), in(FLOAT16, 1, 1), 1);
        assertEquals(FLOAT16, half.get(1).dataType());
    }

    @Test
    void lstmCellRecordsDefaultFilledAttributes() {
        List<MLOperand> out = builder.lstmCell(in(FLOAT32, BATCH, INPUT), in(FLOAT32, 20, INPUT),
                in(FLOAT32, 20, HIDDEN), in(FLOAT32, BATCH, HIDDEN), in(FLOAT32, BATCH, HIDDEN), HIDDEN,
                MLLstmCellOptions.defaults().withLabel("lc"));
        Node node = node(builder, out);
        assertEquals(Op.LSTM_CELL, node.op());
        assertEquals("lc", node.label());
        assertEquals(List.of("input", "weight", "recurrentWeight", "hiddenState", "cellState"), roles(node));
        Attributes a = node.attributes();
        assertEquals(List.of("hiddenSize", "layout", "activations"), a.keys());
        assertEquals(HIDDEN, a.integer("hiddenSize"));
        assertEquals(MLLstmWeightLayout.IOFG, a.enumValue("layout", MLLstmWeightLayout.class));
        assertEquals(List.of(SIGMOID, TANH, TANH), a.enumList("activations", MLRecurrentNetworkActivation.class));
        assertEquals(2, node.outputs().size());
    }

    @Test
    void lstmCellRecordsEveryGivenOption() {
        MLLstmCellOptions options = MLLstmCellOptions.defaults().withBias(in(FLOAT32, 20))
                .withRecurrentBias(in(FLOAT32, 20)).withPeepholeWeight(in(FLOAT32, 15))
                .withLayout(MLLstmWeightLayout.IFGO).withActivations(List.of(TANH, SIGMOID, RELU));
        List<MLOperand> out = builder.lstmCell(in(FLOAT32, BATCH, INPUT), in(FLOAT32, 20, INPUT),
                in(FLOAT32, 20, HIDDEN), in(FLOAT32, BATCH, HIDDEN), in(FLOAT32, BATCH, HIDDEN), HIDDEN, options);
        Node node = node(builder, out);
        assertEquals(List.of("input", "weight", "recurrentWeight", "hiddenState", "cellState", "bias", "recurrentBias",
                "peepholeWeight"), roles(node));
        assertEquals(MLLstmWeightLayout.IFGO, node.attributes().enumValue("layout", MLLstmWeightLayout.class));
        assertEquals(List.of(TANH, SIGMOID, RELU),
                node.attributes().enumList("activations", MLRecurrentNetworkActivation.class));
    }

    @Test
    void lstmCellRejectsNullForeignAndOutOfRangeArguments() {
        MLOperand x = in(FLOAT32, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 20, INPUT);
        MLOperand r = in(FLOAT32, 20, HIDDEN);
        MLOperand h = in(FLOAT32, BATCH, HIDDEN);
        MLOperand c = in(FLOAT32, BATCH, HIDDEN);
        typeError("lstmCell: options are null", () -> builder.lstmCell(x, w, r, h, c, HIDDEN, null));
        typeError("lstmCell: hiddenSize -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.lstmCell(x, w, r, h, c, -1));
        typeError("lstmCell: cellState is null", () -> builder.lstmCell(x, w, r, h, null, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            typeError("lstmCell: cellState belongs to another MLGraphBuilder",
                    () -> builder.lstmCell(x, w, r, h, in(foreign, FLOAT32, BATCH, HIDDEN), HIDDEN));
            typeError("lstmCell: peepholeWeight belongs to another MLGraphBuilder", () -> builder.lstmCell(x, w, r, h,
                    c, HIDDEN, MLLstmCellOptions.defaults().withPeepholeWeight(in(foreign, FLOAT32, 15))));
        }
        builder.build(Map.of("y", builder.lstmCell(x, w, r, h, c, HIDDEN).get(0))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.lstmCell(x, w, r, h, c, HIDDEN));
    }

    @Test
    void lstmCellChecksDataTypesRanksAndShapes() {
        MLOperand x = in(FLOAT32, BATCH, INPUT);
        MLOperand w = in(FLOAT32, 20, INPUT);
        MLOperand r = in(FLOAT32, 20, HIDDEN);
        MLOperand h = in(FLOAT32, BATCH, HIDDEN);
        MLOperand c = in(FLOAT32, BATCH, HIDDEN);
        typeError("lstmCell: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.lstmCell(in(INT32, BATCH, INPUT), w, r, h, c, HIDDEN));
        typeError("lstmCell: cellState data type float16 must match input data type float32",
                () -> builder.lstmCell(x, w, r, h, in(FLOAT16, BATCH, HIDDEN), HIDDEN));
        typeError("lstmCell: cellState rank 3 is not allowed (allowed: 2)",
                () -> builder.lstmCell(x, w, r, h, in(FLOAT32, 1, BATCH, HIDDEN), HIDDEN));
        typeError("lstmCell: weight shape [20, 4] does not equal [4 * hiddenSize, inputSize] = [16, 4]",
                () -> builder.lstmCell(x, w, r, h, c, 4));
        typeError("lstmCell: recurrentWeight shape [20, 6] does not equal [4 * hiddenSize, hiddenSize] = [20, 5]",
                () -> builder.lstmCell(x, w, in(FLOAT32, 20, 6), h, c, HIDDEN));
        typeError("lstmCell: hiddenState shape [2, 4] does not equal [batchSize, hiddenSize] = [2, 5]",
                () -> builder.lstmCell(x, w, r, in(FLOAT32, BATCH, 4), c, HIDDEN));
        typeError("lstmCell: cellState shape [1, 5] does not equal [batchSize, hiddenSize] = [2, 5]",
                () -> builder.lstmCell(x, w, r, h, in(FLOAT32, 1, HIDDEN), HIDDEN));
        MLLstmCellOptions o = MLLstmCellOptions.defaults();
        typeError("lstmCell: bias data type float16 must match input data type float32",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withBias(in(FLOAT16, 20))));
        typeError("lstmCell: bias shape [15] does not equal [4 * hiddenSize] = [20]",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withBias(in(FLOAT32, 15))));
        typeError("lstmCell: recurrentBias rank 2 is not allowed (allowed: 1)",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withRecurrentBias(in(FLOAT32, 1, 20))));
        typeError("lstmCell: recurrentBias shape [19] does not equal [4 * hiddenSize] = [20]",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withRecurrentBias(in(FLOAT32, 19))));
        typeError("lstmCell: peepholeWeight data type float16 must match input data type float32",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withPeepholeWeight(in(FLOAT16, 15))));
        typeError("lstmCell: peepholeWeight shape [20] does not equal [3 * hiddenSize] = [15]",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withPeepholeWeight(in(FLOAT32, 20))));
        typeError("lstmCell: activations [tanh] has 1 entries, expected 3",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withActivations(TANH)));
    }

    // ------------------------------------------------------------------ options

    @Test
    void optionDefaultsFollowTheSpec() {
        MLGruOptions gru = MLGruOptions.defaults();
        assertEquals("", gru.label());
        assertTrue(gru.bias().isEmpty() && gru.recurrentBias().isEmpty() && gru.initialHiddenState().isEmpty());
        assertTrue(gru.resetAfter());
        assertFalse(gru.returnSequence());
        assertEquals(FORWARD, gru.direction());
        assertEquals(MLGruWeightLayout.ZRN, gru.layout());
        assertTrue(gru.activations().isEmpty());
        MLGruCellOptions gruCell = MLGruCellOptions.defaults();
        assertTrue(gruCell.bias().isEmpty() && gruCell.recurrentBias().isEmpty() && gruCell.activations().isEmpty());
        assertTrue(gruCell.resetAfter());
        assertEquals(MLGruWeightLayout.ZRN, gruCell.layout());
        MLLstmOptions lstm = MLLstmOptions.defaults();
        assertTrue(lstm.bias().isEmpty() && lstm.recurrentBias().isEmpty() && lstm.peepholeWeight().isEmpty()
                && lstm.initialHiddenState().isEmpty() && lstm.initialCellState().isEmpty());
        assertFalse(lstm.returnSequence());
        assertEquals(FORWARD, lstm.direction());
        assertEquals(MLLstmWeightLayout.IOFG, lstm.layout());
        assertTrue(lstm.activations().isEmpty());
        MLLstmCellOptions lstmCell = MLLstmCellOptions.defaults();
        assertTrue(lstmCell.bias().isEmpty() && lstmCell.recurrentBias().isEmpty()
                && lstmCell.peepholeWeight().isEmpty() && lstmCell.activations().isEmpty());
        assertEquals(MLLstmWeightLayout.IOFG, lstmCell.layout());
    }

    @Test
    void optionWithersAreImmutableAndCopy() {
        MLOperand b = in(FLOAT32, 1, 15);
        MLGruOptions base = MLGruOptions.defaults();
        MLGruOptions set = base.withBias(b).withLabel("x");
        assertTrue(base.bias().isEmpty());
        assertSame(b, set.bias().orElseThrow());
        assertEquals("x", set.label());
        assertTrue(set.withBias(null).bias().isEmpty());
        MLRecurrentNetworkActivation[] given = {RELU, TANH};
        MLGruOptions withActivations = base.withActivations(given);
        given[0] = SIGMOID;
        assertEquals(List.of(RELU, TANH), withActivations.activations().orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> withActivations.activations().orElseThrow().add(RELU));
        assertThrows(NullPointerException.class, () -> MLLstmOptions.defaults().withDirection(null));
        assertThrows(NullPointerException.class, () -> MLLstmCellOptions.defaults().withActivations(RELU, null, TANH));
        MLLstmOptions lstm = MLLstmOptions.defaults().withInitialCellState(b);
        assertSame(b, lstm.initialCellState().orElseThrow());
        assertTrue(lstm.withInitialCellState(null).initialCellState().isEmpty());
    }
}
