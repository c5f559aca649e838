package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.graph.Op;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationOpsTest extends OpsTestFixture {

    /** An activation taking one operand and its options. */
    interface Activation<O> {
        MLOperand apply(MLGraphBuilder builder, MLOperand input, O options);
    }

    /** The same activation without options. */
    interface ActivationDefault {
        MLOperand apply(MLGraphBuilder builder, MLOperand input);
    }

    private static String allowed(Set<MLOperandDataType> types) {
        return types.equals(FLOATS) ? "float32, float16" : "float32, float16, int32, int64, int8";
    }

    // ---------------------------------------------------------------------------------
    // Activations without options
    // ---------------------------------------------------------------------------------

    static Stream<Arguments> plainActivations() {
        return Stream.of(
                Arguments.of(Op.GELU, (Activation<MLOperatorOptions>) MLGraphBuilder::gelu,
                        (ActivationDefault) MLGraphBuilder::gelu, FLOATS),
                Arguments.of(Op.HARD_SWISH, (Activation<MLOperatorOptions>) MLGraphBuilder::hardSwish,
                        (ActivationDefault) MLGraphBuilder::hardSwish, FLOATS),
                Arguments.of(Op.RELU, (Activation<MLOperatorOptions>) MLGraphBuilder::relu,
                        (ActivationDefault) MLGraphBuilder::relu, SIGNED),
                Arguments.of(Op.SIGMOID, (Activation<MLOperatorOptions>) MLGraphBuilder::sigmoid,
                        (ActivationDefault) MLGraphBuilder::sigmoid, FLOATS),
                Arguments.of(Op.SOFTPLUS, (Activation<MLOperatorOptions>) MLGraphBuilder::softplus,
                        (ActivationDefault) MLGraphBuilder::softplus, FLOATS),
                Arguments.of(Op.SOFTSIGN, (Activation<MLOperatorOptions>) MLGraphBuilder::softsign,
                        (ActivationDefault) MLGraphBuilder::softsign, FLOATS),
                Arguments.of(Op.TANH, (Activation<MLOperatorOptions>) MLGraphBuilder::tanh,
                        (ActivationDefault) MLGraphBuilder::tanh, FLOATS));
    }

    @ParameterizedTest
    @MethodSource("plainActivations")
    void plainActivationCopiesTheDescriptor(Op op, Activation<MLOperatorOptions> activation, ActivationDefault plain,
                                            Set<MLOperandDataType> types) {
        for (MLOperandDataType type : types) {
            MLOperand out = plain.apply(builder, input(type, 2, 3, 4));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {2, 3, 4}, out.shape());
        }
        assertArrayEquals(new long[] {}, plain.apply(builder, input(FLOAT32)).shape());
    }

    @ParameterizedTest
    @MethodSource("plainActivations")
    void plainActivationRecordsItsNode(Op op, Activation<MLOperatorOptions> activation, ActivationDefault plain,
                                       Set<MLOperandDataType> types) {
        RecordedNode node = node(activation.apply(builder, input(FLOAT16, 7), label("act")));
        assertEquals(op, node.op());
        assertEquals("act", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(FLOAT16, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {7}, node.output().descriptor().shape());
    }

    @ParameterizedTest
    @MethodSource("plainActivations")
    void plainActivationRejectsBadArguments(Op op, Activation<MLOperatorOptions> activation, ActivationDefault plain,
                                            Set<MLOperandDataType> types) {
        String name = op.specName();
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.copyOf(types))) {
            assertTypeError(name + " [a1]: input data type " + type + " is not allowed (allowed: " + allowed(types) + ")",
                    () -> activation.apply(builder, input(type, 2), label("a1")));
        }
        assertTypeError(name + ": input is null", () -> plain.apply(builder, null));
        assertTypeError(name + ": options are null", () -> activation.apply(builder, input(FLOAT32, 2), null));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2));
            assertTypeError(name + ": input belongs to another MLGraphBuilder", () -> plain.apply(builder, foreign));
        }
        MLOperand x = input(FLOAT32, 2);
        builder.build(Map.of("out", plain.apply(builder, x))).close();
        assertThrows(MLInvalidStateError.class, () -> plain.apply(builder, x));
    }

    @Test
    void plainActivationWithoutOptionsHasNoLabel() {
        assertEquals("", node(builder.relu(input(INT8, 2))).label());
    }

    // ---------------------------------------------------------------------------------
    // elu, hardSigmoid, leakyRelu, linear
    // ---------------------------------------------------------------------------------

    static Stream<Arguments> scalarActivations() {
        return Stream.of(
                Arguments.of(Op.ELU, (Activation<MLEluOptions>) MLGraphBuilder::elu, (ActivationDefault) MLGraphBuilder::elu,
                        MLEluOptions.defaults(), MLEluOptions.defaults().withAlpha(0.1).withLabel("l")),
                Arguments.of(Op.HARD_SIGMOID, (Activation<MLHardSigmoidOptions>) MLGraphBuilder::hardSigmoid,
                        (ActivationDefault) MLGraphBuilder::hardSigmoid, MLHardSigmoidOptions.defaults(),
                        MLHardSigmoidOptions.defaults().withAlpha(0.1).withBeta(0.25).withLabel("l")),
                Arguments.of(Op.LEAKY_RELU, (Activation<MLLeakyReluOptions>) MLGraphBuilder::leakyRelu,
                        (ActivationDefault) MLGraphBuilder::leakyRelu, MLLeakyReluOptions.defaults(),
                        MLLeakyReluOptions.defaults().withAlpha(0.1).withLabel("l")),
                Arguments.of(Op.LINEAR, (Activation<MLLinearOptions>) MLGraphBuilder::linear,
                        (ActivationDefault) MLGraphBuilder::linear, MLLinearOptions.defaults(),
                        MLLinearOptions.defaults().withAlpha(0.1).withBeta(0.25).withLabel("l")));
    }

    @ParameterizedTest
    @MethodSource("scalarActivations")
    <O> void scalarActivationCopiesTheDescriptor(Op op, Activation<O> activation, ActivationDefault plain, O defaults,
                                                 O custom) {
        for (MLOperandDataType type : FLOATS) {
            MLOperand out = plain.apply(builder, input(type, 1, 2));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {1, 2}, out.shape());
            assertArrayEquals(new long[] {}, activation.apply(builder, input(type), custom).shape());
        }
    }

    @ParameterizedTest
    @MethodSource("scalarActivations")
    <O> void scalarActivationRecordsCustomValues(Op op, Activation<O> activation, ActivationDefault plain, O defaults,
                                                 O custom) {
        RecordedNode node = node(activation.apply(builder, input(FLOAT32, 3), custom));
        assertEquals(op, node.op());
        assertEquals("l", node.label());
        assertEquals(List.of("input"), roles(node));
        // the values are cast to float32
        assertEquals((double) 0.1f, node.attributes().real("alpha"));
        if (node.attributes().has("beta")) {
            assertEquals(List.of("alpha", "beta"), node.attributes().keys());
            assertEquals(0.25, node.attributes().real("beta"));
        } else {
            assertEquals(List.of("alpha"), node.attributes().keys());
        }
        assertArrayEquals(new long[] {3}, node.output().descriptor().shape());
    }

    @ParameterizedTest
    @MethodSource("scalarActivations")
    <O> void scalarActivationRejectsBadArguments(Op op, Activation<O> activation, ActivationDefault plain, O defaults,
                                                 O custom) {
        String name = op.specName();
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.copyOf(FLOATS))) {
            assertTypeError(name + " [l]: input data type " + type + " is not allowed (allowed: float32, float16)",
                    () -> activation.apply(builder, input(type, 2), custom));
        }
        assertTypeError(name + ": input is null", () -> plain.apply(builder, null));
        assertTypeError(name + ": options are null", () -> activation.apply(builder, input(FLOAT32, 2), null));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2));
            assertTypeError(name + ": input belongs to another MLGraphBuilder", () -> plain.apply(builder, foreign));
        }
    }

    @Test
    void eluDefaultsAlphaToOne() {
        RecordedNode node = node(builder.elu(input(FLOAT32, 2)));
        assertEquals("", node.label());
        assertEquals(List.of("alpha"), node.attributes().keys());
        assertEquals(1.0, node.attributes().real("alpha"));
    }

    @Test
    void leakyReluDefaultsAlphaToOneHundredthCastToTheInputType() {
        assertEquals((double) 0.01f, node(builder.leakyRelu(input(FLOAT32, 2))).attributes().real("alpha"));
    }

    @Test
    void leakyReluAlphaIsCastToFloat16() {
        // 0.01 = 1.28 * 2^-7; 10-bit significand 0.28 * 1024 = 286.72 rounds to 287
        assertEquals(1311.0 / 131072, node(builder.leakyRelu(input(FLOAT16, 2))).attributes().real("alpha"));
    }

    @Test
    void hardSigmoidDefaultsAlphaAndBeta() {
        RecordedNode node = node(builder.hardSigmoid(input(FLOAT32, 2)));
        assertEquals(List.of("alpha", "beta"), node.attributes().keys());
        assertEquals((double) 0.2f, node.attributes().real("alpha"));
        assertEquals(0.5, node.attributes().real("beta"));
    }

    @Test
    void hardSigmoidValuesAreCastToFloat16() {
        RecordedNode node = node(builder.hardSigmoid(input(FLOAT16, 2)));
        // 0.2 = 1.6 * 2^-3; 0.6 * 1024 = 614.4 rounds to 614
        assertEquals(1638.0 / 8192, node.attributes().real("alpha"));
        assertEquals(0.5, node.attributes().real("beta"));
    }

    @Test
    void linearDefaultsAlphaOneAndBetaZero() {
        RecordedNode node = node(builder.linear(input(FLOAT16, 2)));
        assertEquals(List.of("alpha", "beta"), node.attributes().keys());
        assertEquals(1.0, node.attributes().real("alpha"));
        assertEquals(0.0, node.attributes().real("beta"));
    }

    @Test
    void largeValuesOverflowToInfinityInFloat32() {
        RecordedNode node = node(builder.linear(input(FLOAT32, 2), MLLinearOptions.defaults().withAlpha(1e300).withBeta(-1e300)));
        assertEquals(Double.POSITIVE_INFINITY, node.attributes().real("alpha"));
        assertEquals(Double.NEGATIVE_INFINITY, node.attributes().real("beta"));
    }

    @Test
    void optionsHaveTheSpecDefaults() {
        assertEquals(1.0, MLEluOptions.defaults().alpha());
        assertEquals("", MLEluOptions.defaults().label());
        assertEquals(0.2, MLHardSigmoidOptions.defaults().alpha());
        assertEquals(0.5, MLHardSigmoidOptions.defaults().beta());
        assertEquals("", MLHardSigmoidOptions.defaults().label());
        assertEquals(0.01, MLLeakyReluOptions.defaults().alpha());
        assertEquals("", MLLeakyReluOptions.defaults().label());
        assertEquals(1.0, MLLinearOptions.defaults().alpha());
        assertEquals(0.0, MLLinearOptions.defaults().beta());
        assertEquals("", MLLinearOptions.defaults().label());
    }

    @Test
    void optionsAreImmutable() {
        MLLinearOptions defaults = MLLinearOptions.defaults();
        MLLinearOptions set = defaults.withAlpha(2).withBeta(3).withLabel("x");
        assertEquals(2.0, set.alpha());
        assertEquals(3.0, set.beta());
        assertEquals("x", set.label());
        assertEquals(1.0, defaults.alpha());
        assertEquals("MLLinearOptions[alpha=2.0, beta=3.0, label=x]", set.toString());
        assertEquals(0.3, MLHardSigmoidOptions.defaults().withBeta(0.3).beta());
        assertEquals(0.2, MLHardSigmoidOptions.defaults().withBeta(0.3).alpha());
        assertEquals(0.5, MLEluOptions.defaults().withAlpha(0.5).alpha());
        assertEquals("e", MLEluOptions.defaults().withLabel("e").label());
        assertEquals(0.5, MLLeakyReluOptions.defaults().withAlpha(0.5).alpha());
        assertThrows(NullPointerException.class, () -> defaults.withLabel(null));
    }

    @Test
    void doubleOptionsMustBeFinite() {
        assertTypeError("MLEluOptions: alpha must be a finite number, got NaN", () -> MLEluOptions.defaults().withAlpha(Double.NaN));
        assertTypeError("MLHardSigmoidOptions: alpha must be a finite number, got Infinity",
                () -> MLHardSigmoidOptions.defaults().withAlpha(Double.POSITIVE_INFINITY));
        assertTypeError("MLHardSigmoidOptions: beta must be a finite number, got -Infinity",
                () -> MLHardSigmoidOptions.defaults().withBeta(Double.NEGATIVE_INFINITY));
        assertTypeError("MLLeakyReluOptions: alpha must be a finite number, got NaN",
                () -> MLLeakyReluOptions.defaults().withAlpha(Double.NaN));
        assertTypeError("MLLinearOptions: alpha must be a finite number, got Infinity",
                () -> MLLinearOptions.defaults().withAlpha(Double.POSITIVE_INFINITY));
        assertTypeError("MLLinearOptions: beta must be a finite number, got NaN", () -> MLLinearOptions.defaults().withBeta(Double.NaN));
    }

    // ---------------------------------------------------------------------------------
    // softmax
    // ---------------------------------------------------------------------------------

    @Test
    void softmaxKeepsTheDescriptorAndRecordsTheAxis() {
        MLOperand out = builder.softmax(input(FLOAT16, 2, 3, 4), 2);
        assertEquals(FLOAT16, out.dataType());
        assertArrayEquals(new long[] {2, 3, 4}, out.shape());
        RecordedNode node = node(builder.softmax(input(FLOAT32, 4, 5), 0, label("sm")));
        assertEquals(Op.SOFTMAX, node.op());
        assertEquals("sm", node.label());
        assertEquals(List.of("input"), roles(node));
        assertEquals(List.of("axis"), node.attributes().keys());
        assertEquals(0, node.attributes().integer("axis"));
        assertArrayEquals(new long[] {4, 5}, node.output().descriptor().shape());
    }

    @Test
    void softmaxAcceptsEveryAxisOfTheRank() {
        for (int axis = 0; axis < 4; axis++) {
            assertArrayEquals(new long[] {1, 2, 3, 4}, builder.softmax(input(FLOAT32, 1, 2, 3, 4), axis).shape());
        }
        assertArrayEquals(new long[] {9}, builder.softmax(input(FLOAT32, 9), 0).shape());
    }

    @Test
    void softmaxRecordsTheLastAxis() {
        assertEquals(2, node(builder.softmax(input(FLOAT32, 1, 2, 3), 2)).attributes().integer("axis"));
    }

    @Test
    void softmaxRejectsBadArguments() {
        assertTypeError("softmax [s]: axis 2 is out of range [0, 2)", () -> builder.softmax(input(FLOAT32, 2, 3), 2, label("s")));
        assertTypeError("softmax: axis -1 is out of range [0, 2)", () -> builder.softmax(input(FLOAT32, 2, 3), -1));
        assertTypeError("softmax: axis 4294967296 is out of range [0, 1)", () -> builder.softmax(input(FLOAT32, 2), 1L << 32));
        assertTypeError("softmax: input rank 0 is not allowed (allowed: 1 to 8)", () -> builder.softmax(input(FLOAT32), 0));
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.copyOf(FLOATS))) {
            assertTypeError("softmax: input data type " + type + " is not allowed (allowed: float32, float16)",
                    () -> builder.softmax(input(type, 2), 0));
        }
        // the data type is checked before the axis
        assertTypeError("softmax: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.softmax(input(INT32, 2), 5));
        assertTypeError("softmax: input is null", () -> builder.softmax(null, 0));
        assertTypeError("softmax: options are null", () -> builder.softmax(input(FLOAT32, 2), 0, null));
    }

    // ---------------------------------------------------------------------------------
    // prelu
    // ---------------------------------------------------------------------------------

    @Test
    void preluBroadcastsSlopeAndInput() {
        assertArrayEquals(new long[] {2, 3}, builder.prelu(input(FLOAT32, 2, 3), input(FLOAT32, 3)).shape());
        assertArrayEquals(new long[] {2, 3}, builder.prelu(input(FLOAT32, 2, 3), input(FLOAT32)).shape());
        assertArrayEquals(new long[] {1, 2, 3}, builder.prelu(input(FLOAT32, 2, 3), input(FLOAT32, 1, 1, 1)).shape());
        // bidirectional: the spec broadcasts slope's shape and input's shape both ways
        assertArrayEquals(new long[] {4, 3}, builder.prelu(input(FLOAT32, 1, 3), input(FLOAT32, 4, 1)).shape());
        for (MLOperandDataType type : SIGNED) {
            MLOperand out = builder.prelu(input(type, 5), input(type, 1));
            assertEquals(type, out.dataType());
            assertArrayEquals(new long[] {5}, out.shape());
        }
    }

    @Test
    void preluRecordsItsNode() {
        RecordedNode node = node(builder.prelu(input(FLOAT16, 2, 3), input(FLOAT16, 3), label("p")));
        assertEquals(Op.PRELU, node.op());
        assertEquals("p", node.label());
        assertEquals(List.of("input", "slope"), roles(node));
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(FLOAT16, node.output().descriptor().dataType());
        assertArrayEquals(new long[] {2, 3}, node.output().descriptor().shape());
    }

    @Test
    void preluWithoutOptionsHasNoLabel() {
        assertEquals("", node(builder.prelu(input(INT32, 2), input(INT32, 2))).label());
    }

    @Test
    void preluRejectsBadArguments() {
        for (MLOperandDataType type : List.of(UINT8, UINT32, MLOperandDataType.UINT64)) {
            assertTypeError("prelu [p]: input data type " + type + " is not allowed (allowed: float32, float16, int32, int64, int8)",
                    () -> builder.prelu(input(type, 2), input(type, 2), label("p")));
        }
        assertTypeError("prelu: slope data type float16 must match input data type float32",
                () -> builder.prelu(input(FLOAT32, 2), input(FLOAT16, 2)));
        assertTypeError("prelu: shapes [4] and [2, 3] of slope and input are not broadcastable",
                () -> builder.prelu(input(FLOAT32, 2, 3), input(FLOAT32, 4)));
        assertTypeError("prelu: input is null", () -> builder.prelu(null, input(FLOAT32, 2)));
        assertTypeError("prelu: slope is null", () -> builder.prelu(input(FLOAT32, 2), null));
        assertTypeError("prelu: options are null", () -> builder.prelu(input(FLOAT32, 2), input(FLOAT32, 2), null));
        try (MLContext other = TestContexts.reference()) {
            MLOperand foreign = new MLGraphBuilder(other).input("f", MLOperandDescriptor.of(FLOAT32, 2));
            assertTypeError("prelu: slope belongs to another MLGraphBuilder", () -> builder.prelu(input(FLOAT32, 2), foreign));
        }
    }
}
