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
import dev.webnn.graph.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecurrentOpsTest extends OpsTestFixture {

    // Sizes used throughout: 3 steps, batch 2, input size 4, hidden size 5.
    private static final long STEPS = 3;
    private static final long BATCH = 2;
    private static final long INPUT = 4;
    private static final long HIDDEN = 5;

    // ------------------------------------------------------------------ gru

    private List<MLOperand> gru(long directions, long steps, long hidden, MLGruOptions options) {
        return builder.gru(input(FLOAT32, steps, BATCH, INPUT), input(FLOAT32, directions, 3 * hidden, INPUT),
                input(FLOAT32, directions, 3 * hidden, hidden), steps, hidden, options);
    }

    @Test
    void gruDefaultsReturnTheLastHiddenState() {
        List<MLOperand> out = builder.gru(input(FLOAT32, STEPS, BATCH, INPUT), input(FLOAT32, 1, 15, INPUT),
                input(FLOAT32, 1, 15, HIDDEN), STEPS, HIDDEN);
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
        List<MLOperand> out = builder.gru(input(FLOAT16, 1, 1, 1), input(FLOAT16, 1, 3, 1), input(FLOAT16, 1, 3, 1), 1, 1,
                MLGruOptions.defaults().withReturnSequence(true));
        assertEquals(FLOAT16, out.get(0).dataType());
        assertEquals(FLOAT16, out.get(1).dataType());
    }

    @Test
    void gruRecordsDefaultFilledAttributes() {
        RecordedNode node = node(gru(1, STEPS, HIDDEN, MLGruOptions.defaults().withLabel("g")));
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
                .withBias(input(FLOAT32, 2, 15))
                .withRecurrentBias(input(FLOAT32, 2, 15))
                .withInitialHiddenState(input(FLOAT32, 2, BATCH, HIDDEN))
                .withResetAfter(false)
                .withReturnSequence(true)
                .withDirection(BOTH)
                .withLayout(MLGruWeightLayout.RZN)
                .withActivations(RELU, SIGMOID);
        RecordedNode node = node(gru(2, STEPS, HIDDEN, options));
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
        RecordedNode node = node(gru(1, STEPS, HIDDEN, MLGruOptions.defaults().withRecurrentBias(input(FLOAT32, 1, 15))));
        assertEquals(List.of("input", "weight", "recurrentWeight", "recurrentBias"), roles(node));
    }

    @Test
    void gruRejectsArgumentsOutsideUnsignedLong() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        assertTypeError("gru: steps -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gru(x, w, r, -1, HIDDEN));
        assertTypeError("gru: steps 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gru(x, w, r, 1L << 32, HIDDEN));
        assertTypeError("gru: hiddenSize -5 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gru(x, w, r, STEPS, -5));
    }

    @Test
    void gruRejectsNullAndForeignOperands() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        assertTypeError("gru: options are null", () -> builder.gru(x, w, r, STEPS, HIDDEN, null));
        assertTypeError("gru: input is null", () -> builder.gru(null, w, r, STEPS, HIDDEN));
        assertTypeError("gru: weight is null", () -> builder.gru(x, null, r, STEPS, HIDDEN));
        assertTypeError("gru: recurrentWeight is null", () -> builder.gru(x, w, null, STEPS, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            MLOperand fw = input(foreign, FLOAT32, 1, 15, INPUT);
            assertTypeError("gru: weight belongs to another MLGraphBuilder", () -> builder.gru(x, fw, r, STEPS, HIDDEN));
            MLOperand fb = input(foreign, FLOAT32, 1, 15);
            assertTypeError("gru [g]: bias belongs to another MLGraphBuilder", () -> builder.gru(x, w, r, STEPS, HIDDEN,
                    MLGruOptions.defaults().withLabel("g").withBias(fb)));
            assertTypeError("gru: initialHiddenState belongs to another MLGraphBuilder", () -> builder.gru(x, w, r, STEPS,
                    HIDDEN, MLGruOptions.defaults().withInitialHiddenState(input(foreign, FLOAT32, 1, BATCH, HIDDEN))));
        }
    }

    @Test
    void gruNeedsABuilderThatCanBuild() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        builder.build(Map.of("y", builder.gru(x, w, r, STEPS, HIDDEN).get(0))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.gru(x, w, r, STEPS, HIDDEN));
    }

    @Test
    void gruChecksDataTypesAndRanksOfTheRequiredOperands() {
        assertTypeError("gru: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.gru(input(INT32, STEPS, BATCH, INPUT), input(INT32, 1, 15, INPUT), input(INT32, 1, 15, HIDDEN),
                        STEPS, HIDDEN));
        assertTypeError("gru: weight data type float16 must match input data type float32",
                () -> builder.gru(input(FLOAT32, STEPS, BATCH, INPUT), input(FLOAT16, 1, 15, INPUT),
                        input(FLOAT32, 1, 15, HIDDEN), STEPS, HIDDEN));
        assertTypeError("gru: recurrentWeight data type float32 must match input data type float16",
                () -> builder.gru(input(FLOAT16, STEPS, BATCH, INPUT), input(FLOAT16, 1, 15, INPUT),
                        input(FLOAT32, 1, 15, HIDDEN), STEPS, HIDDEN));
        assertTypeError("gru: input rank 2 is not allowed (allowed: 3)",
                () -> builder.gru(input(FLOAT32, STEPS, BATCH), input(FLOAT32, 1, 15, INPUT), input(FLOAT32, 1, 15, HIDDEN),
                        STEPS, HIDDEN));
        assertTypeError("gru: weight rank 2 is not allowed (allowed: 3)",
                () -> builder.gru(input(FLOAT32, STEPS, BATCH, INPUT), input(FLOAT32, 15, INPUT), input(FLOAT32, 1, 15, HIDDEN),
                        STEPS, HIDDEN));
        assertTypeError("gru: recurrentWeight rank 4 is not allowed (allowed: 3)",
                () -> builder.gru(input(FLOAT32, STEPS, BATCH, INPUT), input(FLOAT32, 1, 15, INPUT),
                        input(FLOAT32, 1, 1, 15, HIDDEN), STEPS, HIDDEN));
    }

    @Test
    void gruChecksStepsAndWeightShapes() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        assertTypeError("gru: steps must be greater than 0", () -> builder.gru(x, w, r, 0, HIDDEN));
        assertTypeError("gru: input shape[0] 3 does not equal steps 4", () -> builder.gru(x, w, r, 4, HIDDEN));
        assertTypeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 12, 4]",
                () -> builder.gru(x, w, r, STEPS, 4));
        assertTypeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 0, 4]",
                () -> builder.gru(x, w, r, STEPS, 0));
        assertTypeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [2, 15, 4]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withDirection(BOTH)));
        assertTypeError("gru: weight shape [1, 15, 3] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 15, 4]",
                () -> builder.gru(x, input(FLOAT32, 1, 15, 3), r, STEPS, HIDDEN));
        assertTypeError("gru: recurrentWeight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, hiddenSize]"
                        + " = [1, 15, 5]",
                () -> builder.gru(x, w, input(FLOAT32, 1, 15, 4), STEPS, HIDDEN));
        assertTypeError("gru: recurrentWeight shape [1, 15, 5] does not equal [numDirections, 3 * hiddenSize, hiddenSize]"
                        + " = [2, 15, 5]",
                () -> builder.gru(x, input(FLOAT32, 2, 15, INPUT), r, STEPS, HIDDEN,
                        MLGruOptions.defaults().withDirection(BOTH)));
    }

    @Test
    void gruChecksTheOptionalOperands() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        MLGruOptions o = MLGruOptions.defaults();
        assertTypeError("gru: bias data type float16 must match input data type float32",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withBias(input(FLOAT16, 1, 15))));
        assertTypeError("gru: bias rank 1 is not allowed (allowed: 2)",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withBias(input(FLOAT32, 15))));
        assertTypeError("gru: bias shape [1, 12] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withBias(input(FLOAT32, 1, 12))));
        assertTypeError("gru: recurrentBias data type int32 must match input data type float32",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(input(INT32, 1, 15))));
        assertTypeError("gru: recurrentBias shape [2, 15] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(input(FLOAT32, 2, 15))));
        assertTypeError("gru: initialHiddenState data type float16 must match input data type float32",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(input(FLOAT16, 1, BATCH, HIDDEN))));
        assertTypeError("gru: initialHiddenState rank 2 is not allowed (allowed: 3)",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(input(FLOAT32, BATCH, HIDDEN))));
        assertTypeError("gru: initialHiddenState shape [1, 3, 5] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(input(FLOAT32, 1, 3, HIDDEN))));
    }

    @Test
    void gruChecksTheActivationsCount() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        assertTypeError("gru: activations [sigmoid] has 1 entries, expected 2",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withActivations(SIGMOID)));
        assertTypeError("gru: activations [sigmoid, tanh, tanh] has 3 entries, expected 2",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withActivations(SIGMOID, TANH, TANH)));
        assertTypeError("gru: activations [] has 0 entries, expected 2",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withActivations(List.of())));
    }

    @Test
    void gruChecksInTheSpecOrder() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 15, INPUT);
        MLOperand r = input(FLOAT32, 1, 15, HIDDEN);
        // weight shape before bias, bias before recurrentBias, initialHiddenState before activations
        assertTypeError("gru: weight shape [1, 15, 4] does not equal [numDirections, 3 * hiddenSize, inputSize] = [1, 12, 4]",
                () -> builder.gru(x, w, r, STEPS, 4, MLGruOptions.defaults().withBias(input(FLOAT16, 1, 12))));
        assertTypeError("gru: bias shape [1, 1] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults().withBias(input(FLOAT32, 1, 1))
                        .withRecurrentBias(input(FLOAT16, 1, 15))));
        assertTypeError("gru: initialHiddenState shape [1, 1, 1] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.gru(x, w, r, STEPS, HIDDEN, MLGruOptions.defaults()
                        .withInitialHiddenState(input(FLOAT32, 1, 1, 1)).withActivations(RELU)));
    }

    @Test
    void gruRejectsAnOutputSequenceTooLargeForATensor() {
        // input 1000 x 1000 x 1 is valid, the sequence output 1000 x 1 x 1000 x 2500 is not
        MLOperand x = input(FLOAT32, 1000, 1000, 1);
        MLOperand w = input(FLOAT32, 1, 7500, 1);
        MLOperand r = input(FLOAT32, 1, 7500, 2500);
        assertEquals(1, builder.gru(x, w, r, 1000, 2500).size());
        assertTypeError("gru: output: shape [1000, 1, 1000, 2500] has 2500000000 elements, more than 2147483647",
                () -> builder.gru(x, w, r, 1000, 2500, MLGruOptions.defaults().withReturnSequence(true)));
    }

    // ------------------------------------------------------------------ gruCell

    @Test
    void gruCellReturnsTheNewHiddenState() {
        MLOperand out = builder.gruCell(input(FLOAT32, BATCH, INPUT), input(FLOAT32, 15, INPUT), input(FLOAT32, 15, HIDDEN),
                input(FLOAT32, BATCH, HIDDEN), HIDDEN);
        assertArrayEquals(new long[] {BATCH, HIDDEN}, out.shape());
        assertEquals(FLOAT32, out.dataType());
        MLOperand half = builder.gruCell(input(FLOAT16, 1, 1), input(FLOAT16, 3, 1), input(FLOAT16, 3, 1), input(FLOAT16, 1, 1), 1);
        assertEquals(FLOAT16, half.dataType());
    }

    @Test
    void gruCellRecordsDefaultFilledAttributes() {
        MLOperand out = builder.gruCell(input(FLOAT32, BATCH, INPUT), input(FLOAT32, 15, INPUT), input(FLOAT32, 15, HIDDEN),
                input(FLOAT32, BATCH, HIDDEN), HIDDEN, MLGruCellOptions.defaults().withLabel("cell"));
        RecordedNode node = node(out);
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
        MLGruCellOptions options = MLGruCellOptions.defaults().withBias(input(FLOAT32, 15))
                .withRecurrentBias(input(FLOAT32, 15)).withResetAfter(false).withLayout(MLGruWeightLayout.RZN)
                .withActivations(List.of(TANH, RELU));
        MLOperand out = builder.gruCell(input(FLOAT32, BATCH, INPUT), input(FLOAT32, 15, INPUT), input(FLOAT32, 15, HIDDEN),
                input(FLOAT32, BATCH, HIDDEN), HIDDEN, options);
        RecordedNode node = node(out);
        assertEquals(List.of("input", "weight", "recurrentWeight", "hiddenState", "bias", "recurrentBias"), roles(node));
        assertFalse(node.attributes().bool("resetAfter"));
        assertEquals(MLGruWeightLayout.RZN, node.attributes().enumValue("layout", MLGruWeightLayout.class));
        assertEquals(List.of(TANH, RELU), node.attributes().enumList("activations", MLRecurrentNetworkActivation.class));
    }

    @Test
    void gruCellRejectsNullForeignAndOutOfRangeArguments() {
        MLOperand x = input(FLOAT32, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 15, INPUT);
        MLOperand r = input(FLOAT32, 15, HIDDEN);
        MLOperand h = input(FLOAT32, BATCH, HIDDEN);
        assertTypeError("gruCell: options are null", () -> builder.gruCell(x, w, r, h, HIDDEN, null));
        assertTypeError("gruCell: hiddenSize -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gruCell(x, w, r, h, -1));
        assertTypeError("gruCell: hiddenSize 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.gruCell(x, w, r, h, 1L << 32));
        assertTypeError("gruCell: hiddenState is null", () -> builder.gruCell(x, w, r, null, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            assertTypeError("gruCell: hiddenState belongs to another MLGraphBuilder",
                    () -> builder.gruCell(x, w, r, input(foreign, FLOAT32, BATCH, HIDDEN), HIDDEN));
            assertTypeError("gruCell: recurrentBias belongs to another MLGraphBuilder", () -> builder.gruCell(x, w, r, h,
                    HIDDEN, MLGruCellOptions.defaults().withRecurrentBias(input(foreign, FLOAT32, 15))));
        }
        builder.build(Map.of("y", builder.gruCell(x, w, r, h, HIDDEN))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.gruCell(x, w, r, h, HIDDEN));
    }

    @Test
    void gruCellChecksDataTypesRanksAndShapes() {
        MLOperand x = input(FLOAT32, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 15, INPUT);
        MLOperand r = input(FLOAT32, 15, HIDDEN);
        MLOperand h = input(FLOAT32, BATCH, HIDDEN);
        assertTypeError("gruCell: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.gruCell(input(INT32, BATCH, INPUT), w, r, h, HIDDEN));
        assertTypeError("gruCell: hiddenState data type float16 must match input data type float32",
                () -> builder.gruCell(x, w, r, input(FLOAT16, BATCH, HIDDEN), HIDDEN));
        assertTypeError("gruCell: input rank 3 is not allowed (allowed: 2)",
                () -> builder.gruCell(input(FLOAT32, 1, BATCH, INPUT), w, r, h, HIDDEN));
        assertTypeError("gruCell: hiddenState rank 1 is not allowed (allowed: 2)",
                () -> builder.gruCell(x, w, r, input(FLOAT32, HIDDEN), HIDDEN));
        assertTypeError("gruCell: weight shape [15, 4] does not equal [3 * hiddenSize, inputSize] = [12, 4]",
                () -> builder.gruCell(x, w, r, h, 4));
        assertTypeError("gruCell: recurrentWeight shape [15, 4] does not equal [3 * hiddenSize, hiddenSize] = [15, 5]",
                () -> builder.gruCell(x, w, input(FLOAT32, 15, 4), h, HIDDEN));
        assertTypeError("gruCell: hiddenState shape [3, 5] does not equal [batchSize, hiddenSize] = [2, 5]",
                () -> builder.gruCell(x, w, r, input(FLOAT32, 3, HIDDEN), HIDDEN));
        MLGruCellOptions o = MLGruCellOptions.defaults();
        assertTypeError("gruCell: bias data type float16 must match input data type float32",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withBias(input(FLOAT16, 15))));
        assertTypeError("gruCell: bias rank 2 is not allowed (allowed: 1)",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withBias(input(FLOAT32, 1, 15))));
        assertTypeError("gruCell: bias shape [5] does not equal [3 * hiddenSize] = [15]",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withBias(input(FLOAT32, 5))));
        assertTypeError("gruCell: recurrentBias shape [20] does not equal [3 * hiddenSize] = [15]",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withRecurrentBias(input(FLOAT32, 20))));
        assertTypeError("gruCell: activations [relu, relu, relu] has 3 entries, expected 2",
                () -> builder.gruCell(x, w, r, h, HIDDEN, o.withActivations(RELU, RELU, RELU)));
    }

    // ------------------------------------------------------------------ lstm

    private List<MLOperand> lstm(long directions, MLLstmOptions options) {
        return builder.lstm(input(FLOAT32, STEPS, BATCH, INPUT), input(FLOAT32, directions, 20, INPUT),
                input(FLOAT32, directions, 20, HIDDEN), STEPS, HIDDEN, options);
    }

    @Test
    void lstmDefaultsReturnHiddenAndCellState() {
        List<MLOperand> out = builder.lstm(input(FLOAT32, STEPS, BATCH, INPUT), input(FLOAT32, 1, 20, INPUT),
                input(FLOAT32, 1, 20, HIDDEN), STEPS, HIDDEN);
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
        List<MLOperand> half = builder.lstm(input(FLOAT16, 1, 1, 1), input(FLOAT16, 1, 4, 1), input(FLOAT16, 1, 4, 1), 1, 1,
                MLLstmOptions.defaults().withReturnSequence(true));
        assertEquals(FLOAT16, half.get(2).dataType());
        assertArrayEquals(new long[] {1, 1, 1, 1}, half.get(2).shape());
    }

    @Test
    void lstmRecordsDefaultFilledAttributes() {
        RecordedNode node = node(lstm(1, MLLstmOptions.defaults().withLabel("l")));
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
                .withBias(input(FLOAT32, 2, 20))
                .withRecurrentBias(input(FLOAT32, 2, 20))
                .withPeepholeWeight(input(FLOAT32, 2, 15))
                .withInitialHiddenState(input(FLOAT32, 2, BATCH, HIDDEN))
                .withInitialCellState(input(FLOAT32, 2, BATCH, HIDDEN))
                .withReturnSequence(true)
                .withDirection(BOTH)
                .withLayout(MLLstmWeightLayout.IFGO)
                .withActivations(RELU, RELU, SIGMOID);
        RecordedNode node = node(lstm(2, options));
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
        RecordedNode node = node(lstm(1, MLLstmOptions.defaults().withPeepholeWeight(input(FLOAT32, 1, 15))
                .withInitialCellState(input(FLOAT32, 1, BATCH, HIDDEN))));
        assertEquals(List.of("input", "weight", "recurrentWeight", "peepholeWeight", "initialCellState"), roles(node));
    }

    @Test
    void lstmRejectsNullForeignAndOutOfRangeArguments() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 20, INPUT);
        MLOperand r = input(FLOAT32, 1, 20, HIDDEN);
        assertTypeError("lstm: options are null", () -> builder.lstm(x, w, r, STEPS, HIDDEN, null));
        assertTypeError("lstm: steps -3 is outside the unsigned long range [0, 4294967295]",
                () -> builder.lstm(x, w, r, -3, HIDDEN));
        assertTypeError("lstm [l]: hiddenSize 4294967296 is outside the unsigned long range [0, 4294967295]",
                () -> builder.lstm(x, w, r, STEPS, 1L << 32, MLLstmOptions.defaults().withLabel("l")));
        assertTypeError("lstm: input is null", () -> builder.lstm(null, w, r, STEPS, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            assertTypeError("lstm: recurrentWeight belongs to another MLGraphBuilder",
                    () -> builder.lstm(x, w, input(foreign, FLOAT32, 1, 20, HIDDEN), STEPS, HIDDEN));
            assertTypeError("lstm: peepholeWeight belongs to another MLGraphBuilder", () -> builder.lstm(x, w, r, STEPS,
                    HIDDEN, MLLstmOptions.defaults().withPeepholeWeight(input(foreign, FLOAT32, 1, 15))));
            assertTypeError("lstm: initialCellState belongs to another MLGraphBuilder", () -> builder.lstm(x, w, r, STEPS,
                    HIDDEN, MLLstmOptions.defaults().withInitialCellState(input(foreign, FLOAT32, 1, BATCH, HIDDEN))));
        }
        builder.build(Map.of("y", builder.lstm(x, w, r, STEPS, HIDDEN).get(1))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.lstm(x, w, r, STEPS, HIDDEN));
    }

    @Test
    void lstmChecksDataTypesRanksStepsAndWeights() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 20, INPUT);
        MLOperand r = input(FLOAT32, 1, 20, HIDDEN);
        assertTypeError("lstm: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.lstm(input(INT32, STEPS, BATCH, INPUT), w, r, STEPS, HIDDEN));
        assertTypeError("lstm: weight data type float16 must match input data type float32",
                () -> builder.lstm(x, input(FLOAT16, 1, 20, INPUT), r, STEPS, HIDDEN));
        assertTypeError("lstm: recurrentWeight rank 2 is not allowed (allowed: 3)",
                () -> builder.lstm(x, w, input(FLOAT32, 20, HIDDEN), STEPS, HIDDEN));
        assertTypeError("lstm: steps must be greater than 0", () -> builder.lstm(x, w, r, 0, HIDDEN));
        assertTypeError("lstm: input shape[0] 3 does not equal steps 2", () -> builder.lstm(x, w, r, 2, HIDDEN));
        assertTypeError("lstm: weight shape [1, 20, 4] does not equal [numDirections, 4 * hiddenSize, inputSize] = [1, 24, 4]",
                () -> builder.lstm(x, w, r, STEPS, 6));
        assertTypeError("lstm: weight shape [1, 20, 4] does not equal [numDirections, 4 * hiddenSize, inputSize] = [2, 20, 4]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, MLLstmOptions.defaults().withDirection(BOTH)));
        assertTypeError("lstm: recurrentWeight shape [1, 20, 4] does not equal [numDirections, 4 * hiddenSize, hiddenSize]"
                        + " = [1, 20, 5]",
                () -> builder.lstm(x, w, input(FLOAT32, 1, 20, 4), STEPS, HIDDEN));
    }

    @Test
    void lstmChecksTheOptionalOperands() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 20, INPUT);
        MLOperand r = input(FLOAT32, 1, 20, HIDDEN);
        MLLstmOptions o = MLLstmOptions.defaults();
        assertTypeError("lstm: bias data type float16 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withBias(input(FLOAT16, 1, 20))));
        assertTypeError("lstm: bias shape [1, 15] does not equal [numDirections, 4 * hiddenSize] = [1, 20]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withBias(input(FLOAT32, 1, 15))));
        assertTypeError("lstm: recurrentBias rank 1 is not allowed (allowed: 2)",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(input(FLOAT32, 20))));
        assertTypeError("lstm: recurrentBias shape [2, 20] does not equal [numDirections, 4 * hiddenSize] = [1, 20]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withRecurrentBias(input(FLOAT32, 2, 20))));
        assertTypeError("lstm: peepholeWeight data type int32 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withPeepholeWeight(input(INT32, 1, 15))));
        assertTypeError("lstm: peepholeWeight shape [1, 20] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withPeepholeWeight(input(FLOAT32, 1, 20))));
        assertTypeError("lstm: initialHiddenState data type float16 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(input(FLOAT16, 1, BATCH, HIDDEN))));
        assertTypeError("lstm: initialHiddenState shape [1, 2, 4] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialHiddenState(input(FLOAT32, 1, BATCH, 4))));
        assertTypeError("lstm: initialCellState data type float16 must match input data type float32",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialCellState(input(FLOAT16, 1, BATCH, HIDDEN))));
        assertTypeError("lstm: initialCellState rank 4 is not allowed (allowed: 3)",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialCellState(input(FLOAT32, 1, 1, BATCH, HIDDEN))));
        assertTypeError("lstm: initialCellState shape [2, 2, 5] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withInitialCellState(input(FLOAT32, 2, BATCH, HIDDEN))));
        assertTypeError("lstm: activations [sigmoid, tanh] has 2 entries, expected 3",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withActivations(SIGMOID, TANH)));
        assertTypeError("lstm: activations [relu, relu, relu, relu] has 4 entries, expected 3",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, o.withActivations(RELU, RELU, RELU, RELU)));
    }

    @Test
    void lstmChecksInTheSpecOrder() {
        MLOperand x = input(FLOAT32, STEPS, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 1, 20, INPUT);
        MLOperand r = input(FLOAT32, 1, 20, HIDDEN);
        // peepholeWeight before the initial states, initialHiddenState before initialCellState
        assertTypeError("lstm: peepholeWeight shape [1, 1] does not equal [numDirections, 3 * hiddenSize] = [1, 15]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, MLLstmOptions.defaults().withPeepholeWeight(input(FLOAT32, 1, 1))
                        .withInitialHiddenState(input(FLOAT16, 1, BATCH, HIDDEN))));
        assertTypeError("lstm: initialHiddenState shape [1, 1, 1] does not equal [numDirections, batchSize, hiddenSize]"
                        + " = [1, 2, 5]",
                () -> builder.lstm(x, w, r, STEPS, HIDDEN, MLLstmOptions.defaults()
                        .withInitialCellState(input(FLOAT16, 1, 1, 1)).withInitialHiddenState(input(FLOAT32, 1, 1, 1))));
    }

    // ------------------------------------------------------------------ lstmCell

    @Test
    void lstmCellReturnsHiddenAndCellState() {
        List<MLOperand> out = builder.lstmCell(input(FLOAT32, BATCH, INPUT), input(FLOAT32, 20, INPUT),
                input(FLOAT32, 20, HIDDEN), input(FLOAT32, BATCH, HIDDEN), input(FLOAT32, BATCH, HIDDEN), HIDDEN);
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {BATCH, HIDDEN}, out.get(0).shape());
        assertArrayEquals(new long[] {BATCH, HIDDEN}, out.get(1).shape());
        List<MLOperand> half = builder.lstmCell(input(FLOAT16, 1, 1), input(FLOAT16, 4, 1), input(FLOAT16, 4, 1),
                input(FLOAT16, 1, 1), input(FLOAT16, 1, 1), 1);
        assertEquals(FLOAT16, half.get(1).dataType());
    }

    @Test
    void lstmCellRecordsDefaultFilledAttributes() {
        List<MLOperand> out = builder.lstmCell(input(FLOAT32, BATCH, INPUT), input(FLOAT32, 20, INPUT),
                input(FLOAT32, 20, HIDDEN), input(FLOAT32, BATCH, HIDDEN), input(FLOAT32, BATCH, HIDDEN), HIDDEN,
                MLLstmCellOptions.defaults().withLabel("lc"));
        RecordedNode node = node(out);
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
        MLLstmCellOptions options = MLLstmCellOptions.defaults().withBias(input(FLOAT32, 20))
                .withRecurrentBias(input(FLOAT32, 20)).withPeepholeWeight(input(FLOAT32, 15))
                .withLayout(MLLstmWeightLayout.IFGO).withActivations(List.of(TANH, SIGMOID, RELU));
        List<MLOperand> out = builder.lstmCell(input(FLOAT32, BATCH, INPUT), input(FLOAT32, 20, INPUT),
                input(FLOAT32, 20, HIDDEN), input(FLOAT32, BATCH, HIDDEN), input(FLOAT32, BATCH, HIDDEN), HIDDEN, options);
        RecordedNode node = node(out);
        assertEquals(List.of("input", "weight", "recurrentWeight", "hiddenState", "cellState", "bias", "recurrentBias",
                "peepholeWeight"), roles(node));
        assertEquals(MLLstmWeightLayout.IFGO, node.attributes().enumValue("layout", MLLstmWeightLayout.class));
        assertEquals(List.of(TANH, SIGMOID, RELU),
                node.attributes().enumList("activations", MLRecurrentNetworkActivation.class));
    }

    @Test
    void lstmCellRejectsNullForeignAndOutOfRangeArguments() {
        MLOperand x = input(FLOAT32, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 20, INPUT);
        MLOperand r = input(FLOAT32, 20, HIDDEN);
        MLOperand h = input(FLOAT32, BATCH, HIDDEN);
        MLOperand c = input(FLOAT32, BATCH, HIDDEN);
        assertTypeError("lstmCell: options are null", () -> builder.lstmCell(x, w, r, h, c, HIDDEN, null));
        assertTypeError("lstmCell: hiddenSize -1 is outside the unsigned long range [0, 4294967295]",
                () -> builder.lstmCell(x, w, r, h, c, -1));
        assertTypeError("lstmCell: cellState is null", () -> builder.lstmCell(x, w, r, h, null, HIDDEN));
        try (MLContext other = TestContexts.reference()) {
            MLGraphBuilder foreign = new MLGraphBuilder(other);
            assertTypeError("lstmCell: cellState belongs to another MLGraphBuilder",
                    () -> builder.lstmCell(x, w, r, h, input(foreign, FLOAT32, BATCH, HIDDEN), HIDDEN));
            assertTypeError("lstmCell: peepholeWeight belongs to another MLGraphBuilder", () -> builder.lstmCell(x, w, r, h,
                    c, HIDDEN, MLLstmCellOptions.defaults().withPeepholeWeight(input(foreign, FLOAT32, 15))));
        }
        builder.build(Map.of("y", builder.lstmCell(x, w, r, h, c, HIDDEN).get(0))).close();
        assertThrows(MLInvalidStateError.class, () -> builder.lstmCell(x, w, r, h, c, HIDDEN));
    }

    @Test
    void lstmCellChecksDataTypesRanksAndShapes() {
        MLOperand x = input(FLOAT32, BATCH, INPUT);
        MLOperand w = input(FLOAT32, 20, INPUT);
        MLOperand r = input(FLOAT32, 20, HIDDEN);
        MLOperand h = input(FLOAT32, BATCH, HIDDEN);
        MLOperand c = input(FLOAT32, BATCH, HIDDEN);
        assertTypeError("lstmCell: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.lstmCell(input(INT32, BATCH, INPUT), w, r, h, c, HIDDEN));
        assertTypeError("lstmCell: cellState data type float16 must match input data type float32",
                () -> builder.lstmCell(x, w, r, h, input(FLOAT16, BATCH, HIDDEN), HIDDEN));
        assertTypeError("lstmCell: cellState rank 3 is not allowed (allowed: 2)",
                () -> builder.lstmCell(x, w, r, h, input(FLOAT32, 1, BATCH, HIDDEN), HIDDEN));
        assertTypeError("lstmCell: weight shape [20, 4] does not equal [4 * hiddenSize, inputSize] = [16, 4]",
                () -> builder.lstmCell(x, w, r, h, c, 4));
        assertTypeError("lstmCell: recurrentWeight shape [20, 6] does not equal [4 * hiddenSize, hiddenSize] = [20, 5]",
                () -> builder.lstmCell(x, w, input(FLOAT32, 20, 6), h, c, HIDDEN));
        assertTypeError("lstmCell: hiddenState shape [2, 4] does not equal [batchSize, hiddenSize] = [2, 5]",
                () -> builder.lstmCell(x, w, r, input(FLOAT32, BATCH, 4), c, HIDDEN));
        assertTypeError("lstmCell: cellState shape [1, 5] does not equal [batchSize, hiddenSize] = [2, 5]",
                () -> builder.lstmCell(x, w, r, h, input(FLOAT32, 1, HIDDEN), HIDDEN));
        MLLstmCellOptions o = MLLstmCellOptions.defaults();
        assertTypeError("lstmCell: bias data type float16 must match input data type float32",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withBias(input(FLOAT16, 20))));
        assertTypeError("lstmCell: bias shape [15] does not equal [4 * hiddenSize] = [20]",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withBias(input(FLOAT32, 15))));
        assertTypeError("lstmCell: recurrentBias rank 2 is not allowed (allowed: 1)",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withRecurrentBias(input(FLOAT32, 1, 20))));
        assertTypeError("lstmCell: recurrentBias shape [19] does not equal [4 * hiddenSize] = [20]",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withRecurrentBias(input(FLOAT32, 19))));
        assertTypeError("lstmCell: peepholeWeight data type float16 must match input data type float32",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withPeepholeWeight(input(FLOAT16, 15))));
        assertTypeError("lstmCell: peepholeWeight shape [20] does not equal [3 * hiddenSize] = [15]",
                () -> builder.lstmCell(x, w, r, h, c, HIDDEN, o.withPeepholeWeight(input(FLOAT32, 20))));
        assertTypeError("lstmCell: activations [tanh] has 1 entries, expected 3",
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
        MLOperand b = input(FLOAT32, 1, 15);
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
