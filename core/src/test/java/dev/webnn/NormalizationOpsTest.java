package dev.webnn;

import static dev.webnn.MLInputOperandLayout.NCHW;
import static dev.webnn.MLInputOperandLayout.NHWC;
import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Op;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NormalizationOpsTest extends OpsTestFixture {

    /** 1e-5 cast to float32. */
    private static final double EPSILON_FLOAT32 = (float) 1e-5;
    /** 1e-5 cast to float16: 168 * 2^-24, the nearest subnormal. */
    private static final double EPSILON_FLOAT16 = 1.0013580322265625E-5;

    /** Builds the graph of {@code output} and returns its only node, which has the output's descriptor. */
    @Override
    RecordedNode node(MLOperand output) {
        RecordedNode node = super.node(output);
        assertEquals(output.descriptor(), node.output().descriptor());
        return node;
    }

    // ---------------------------------------------------------------------------------
    // batchNormalization
    // ---------------------------------------------------------------------------------

    @Test
    void batchNormalizationKeepsTheInputDescriptor() {
        MLOperand x = f32(2, 3, 4, 5);
        assertEquals(x.descriptor(), builder.batchNormalization(x, f32(3), f32(3)).descriptor());
        MLOperand half = f16(2, 5);
        assertEquals(half.descriptor(), builder.batchNormalization(half, f16(5), f16(5)).descriptor());
        MLOperand vector = f32(7);
        assertEquals(vector.descriptor(), builder.batchNormalization(vector, f32(7), f32(7),
                MLBatchNormalizationOptions.defaults().withAxis(0)).descriptor());
        MLOperand nhwc = f32(1, 4, 4, 6);
        assertEquals(nhwc.descriptor(), builder.batchNormalization(nhwc, f32(6), f32(6),
                MLBatchNormalizationOptions.defaults().withAxis(3).withScale(f32(6)).withBias(f32(6))).descriptor());
    }

    @Test
    void batchNormalizationRecordsDefaults() {
        RecordedNode node = node(builder.batchNormalization(f32(2, 3, 4, 5), f32(3), f32(3)));
        assertEquals(Op.BATCH_NORMALIZATION, node.op());
        assertEquals(List.of("input", "mean", "variance"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("axis", "epsilon"), attributes.keys());
        assertEquals(1, attributes.integer("axis"));
        assertEquals(EPSILON_FLOAT32, attributes.real("epsilon"));
    }

    @Test
    void batchNormalizationRecordsOptionsAndCastsEpsilon() {
        MLBatchNormalizationOptions options = MLBatchNormalizationOptions.defaults().withLabel("bn").withAxis(3)
                .withScale(f16(6)).withBias(f16(6));
        RecordedNode node = node(builder.batchNormalization(f16(1, 4, 4, 6), f16(6), f16(6), options));
        assertEquals("bn", node.label());
        assertEquals(List.of("input", "mean", "variance", "scale", "bias"), roles(node));
        assertEquals(3, node.attributes().integer("axis"));
        assertEquals(EPSILON_FLOAT16, node.attributes().real("epsilon"));
    }

    @Test
    void batchNormalizationRecordsGivenEpsilonAndOnlyTheGivenOptionalOperands() {
        MLBatchNormalizationOptions options = MLBatchNormalizationOptions.defaults().withEpsilon(0.001).withBias(f32(3));
        RecordedNode node = node(builder.batchNormalization(f32(2, 3), f32(3), f32(3), options.withAxis(1)));
        assertEquals(List.of("input", "mean", "variance", "bias"), roles(node));
        assertEquals((float) 0.001, node.attributes().real("epsilon"));
    }

    @Test
    void batchNormalizationRejectsNullAndForeignOperands() {
        MLOperand x = f32(2, 3);
        MLOperand m = f32(3);
        assertTypeError("batchNormalization: options are null", () -> builder.batchNormalization(x, m, m, null));
        assertTypeError("batchNormalization: input is null", () -> builder.batchNormalization(null, m, m));
        assertTypeError("batchNormalization: mean is null", () -> builder.batchNormalization(x, null, m));
        assertTypeError("batchNormalization: variance is null", () -> builder.batchNormalization(x, m, null));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 3));
        assertTypeError("batchNormalization: variance belongs to another MLGraphBuilder",
                () -> builder.batchNormalization(x, m, foreign));
        assertTypeError("batchNormalization: scale belongs to another MLGraphBuilder",
                () -> builder.batchNormalization(x, m, m, MLBatchNormalizationOptions.defaults().withScale(foreign)));
        assertTypeError("batchNormalization: bias belongs to another MLGraphBuilder",
                () -> builder.batchNormalization(x, m, m, MLBatchNormalizationOptions.defaults().withBias(foreign)));
    }

    @Test
    void batchNormalizationChecksInTheSpecOrder() {
        MLBatchNormalizationOptions l = MLBatchNormalizationOptions.defaults().withLabel("bn");
        assertTypeError("batchNormalization [bn]: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.batchNormalization(input(INT32, 2, 3), input(INT32, 3), input(INT32, 3), l));
        assertTypeError("batchNormalization [bn]: axis 4 is out of range [0, 4)",
                () -> builder.batchNormalization(f32(1, 2, 3, 4), f32(3), f32(3), l.withAxis(4)));
        assertTypeError("batchNormalization [bn]: axis 1 is out of range [0, 0)",
                () -> builder.batchNormalization(f32(), f32(1), f32(1), l));
        assertTypeError("batchNormalization [bn]: mean data type float16 must match input data type float32",
                () -> builder.batchNormalization(f32(2, 3), f16(4), f32(4), l));
        assertTypeError("batchNormalization [bn]: mean shape [4] must be [3] (input dimension 1)",
                () -> builder.batchNormalization(f32(2, 3), f32(4), f16(4), l));
        assertTypeError("batchNormalization [bn]: mean shape [3, 1] must be [3] (input dimension 1)",
                () -> builder.batchNormalization(f32(2, 3), f32(3, 1), f32(3), l));
        assertTypeError("batchNormalization [bn]: variance data type float16 must match input data type float32",
                () -> builder.batchNormalization(f32(2, 3), f32(3), f16(2), l));
        assertTypeError("batchNormalization [bn]: variance shape [3] must be [2] (input dimension 0)",
                () -> builder.batchNormalization(f32(2, 3), f32(2), f32(3), l.withAxis(0)));
        assertTypeError("batchNormalization [bn]: scale data type float16 must match input data type float32",
                () -> builder.batchNormalization(f32(2, 3), f32(3), f32(3), l.withScale(f16(4)).withBias(f16(4))));
        assertTypeError("batchNormalization [bn]: scale shape [] must be [3] (input dimension 1)",
                () -> builder.batchNormalization(f32(2, 3), f32(3), f32(3), l.withScale(f32()).withBias(f16(4))));
        assertTypeError("batchNormalization [bn]: bias data type float16 must match input data type float32",
                () -> builder.batchNormalization(f32(2, 3), f32(3), f32(3), l.withScale(f32(3)).withBias(f16(4))));
        assertTypeError("batchNormalization [bn]: bias shape [4] must be [3] (input dimension 1)",
                () -> builder.batchNormalization(f32(2, 3), f32(3), f32(3), l.withBias(f32(4))));
    }

    @Test
    void batchNormalizationOptions() {
        MLBatchNormalizationOptions defaults = MLBatchNormalizationOptions.defaults();
        assertEquals(1, defaults.axis());
        assertEquals(1e-5, defaults.epsilon());
        assertEquals(Optional.empty(), defaults.scale());
        assertEquals(Optional.empty(), defaults.bias());
        assertEquals("", defaults.label());
        MLOperand scale = f32(3);
        assertEquals(Optional.of(scale), defaults.withScale(scale).scale());
        assertEquals(Optional.empty(), defaults.withScale(scale).withScale(null).scale());
        assertTypeError("MLBatchNormalizationOptions.axis: -1 is outside the unsigned long range [0, 4294967295]",
                () -> defaults.withAxis(-1));
        assertTypeError("MLBatchNormalizationOptions.epsilon: NaN is not a finite double",
                () -> defaults.withEpsilon(Double.NaN));
        assertTypeError("MLBatchNormalizationOptions.epsilon: -Infinity is not a finite double",
                () -> defaults.withEpsilon(Double.NEGATIVE_INFINITY));
    }

    // ---------------------------------------------------------------------------------
    // instanceNormalization
    // ---------------------------------------------------------------------------------

    @Test
    void instanceNormalizationKeepsTheInputDescriptorAndRecordsDefaults() {
        MLOperand x = f32(1, 3, 4, 5);
        MLOperand out = builder.instanceNormalization(x);
        assertEquals(x.descriptor(), out.descriptor());
        RecordedNode node = node(out);
        assertEquals(Op.INSTANCE_NORMALIZATION, node.op());
        assertEquals(List.of("input"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("epsilon", "layout"), attributes.keys());
        assertEquals(EPSILON_FLOAT32, attributes.real("epsilon"));
        assertEquals(NCHW, attributes.enumValue("layout", MLInputOperandLayout.class));
    }

    @Test
    void instanceNormalizationReadsTheChannelsFromTheLayout() {
        MLOperand x = f16(1, 3, 4, 5);
        MLInstanceNormalizationOptions options = MLInstanceNormalizationOptions.defaults().withLabel("in")
                .withLayout(NHWC).withScale(f16(5)).withBias(f16(5)).withEpsilon(1e-3);
        MLOperand out = builder.instanceNormalization(x, options);
        assertEquals(x.descriptor(), out.descriptor());
        RecordedNode node = node(out);
        assertEquals("in", node.label());
        assertEquals(List.of("input", "scale", "bias"), roles(node));
        assertEquals(NHWC, node.attributes().enumValue("layout", MLInputOperandLayout.class));
        assertEquals(Float.float16ToFloat(Float.floatToFloat16(1e-3f)), node.attributes().real("epsilon"));
    }

    @Test
    void instanceNormalizationChecksInTheSpecOrder() {
        MLInstanceNormalizationOptions d = MLInstanceNormalizationOptions.defaults();
        assertTypeError("instanceNormalization: options are null", () -> builder.instanceNormalization(f32(1, 2, 3, 3), null));
        assertTypeError("instanceNormalization: input is null", () -> builder.instanceNormalization(null));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 2));
        assertTypeError("instanceNormalization: scale belongs to another MLGraphBuilder",
                () -> builder.instanceNormalization(f32(1, 2, 3, 3), d.withScale(foreign)));
        assertTypeError("instanceNormalization: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.instanceNormalization(input(INT32, 1, 2, 3)));
        assertTypeError("instanceNormalization: input rank 3 is not allowed (allowed: 4)",
                () -> builder.instanceNormalization(f32(1, 2, 3)));
        assertTypeError("instanceNormalization: scale data type float16 must match input data type float32",
                () -> builder.instanceNormalization(f32(1, 2, 3, 3), d.withScale(f16(3)).withBias(f32(4))));
        assertTypeError("instanceNormalization: scale shape [3] must be [2] (input channels, dimension 1)",
                () -> builder.instanceNormalization(f32(1, 2, 3, 3), d.withScale(f32(3)).withBias(f32(4))));
        assertTypeError("instanceNormalization: scale shape [2] must be [5] (input channels, dimension 3)",
                () -> builder.instanceNormalization(f32(1, 2, 3, 5), d.withLayout(NHWC).withScale(f32(2))));
        assertTypeError("instanceNormalization: bias data type float16 must match input data type float32",
                () -> builder.instanceNormalization(f32(1, 2, 3, 3), d.withScale(f32(2)).withBias(f16(2))));
        assertTypeError("instanceNormalization: bias shape [1, 2] must be [2] (input channels, dimension 1)",
                () -> builder.instanceNormalization(f32(1, 2, 3, 3), d.withBias(f32(1, 2))));
    }

    @Test
    void instanceNormalizationOptions() {
        MLInstanceNormalizationOptions defaults = MLInstanceNormalizationOptions.defaults();
        assertEquals(1e-5, defaults.epsilon());
        assertEquals(NCHW, defaults.layout());
        assertEquals(Optional.empty(), defaults.scale());
        assertEquals(Optional.empty(), defaults.bias());
        assertTypeError("MLInstanceNormalizationOptions.epsilon: Infinity is not a finite double",
                () -> defaults.withEpsilon(Double.POSITIVE_INFINITY));
    }

    // ---------------------------------------------------------------------------------
    // layerNormalization
    // ---------------------------------------------------------------------------------

    @Test
    void layerNormalizationDefaultAxesAreEveryDimensionButTheFirst() {
        RecordedNode node = node(builder.layerNormalization(f32(2, 3, 4, 5)));
        assertEquals(Op.LAYER_NORMALIZATION, node.op());
        assertEquals(List.of("input"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("axes", "epsilon"), attributes.keys());
        assertArrayEquals(new long[] {1, 2, 3}, attributes.longs("axes"));
        assertEquals(EPSILON_FLOAT32, attributes.real("epsilon"));
    }

    @Test
    void layerNormalizationDefaultAxesAreEmptyForRanksBelowTwo() {
        MLGraphBuilder other = new MLGraphBuilder(context);
        MLOperand vector = other.input("v", MLOperandDescriptor.of(FLOAT16, 5));
        MLOperand scalar = other.input("s", MLOperandDescriptor.of(FLOAT32));
        MLOperand a = other.layerNormalization(vector);
        MLOperand b = other.layerNormalization(scalar, MLLayerNormalizationOptions.defaults().withScale(
                other.input("scale", MLOperandDescriptor.of(FLOAT32))));
        assertEquals(vector.descriptor(), a.descriptor());
        assertEquals(scalar.descriptor(), b.descriptor());
        try (MLGraph graph = other.build(Map.of("a", a, "b", b))) {
            for (RecordedNode node : RecordedNode.all(graph.graph().nodes())) {
                assertArrayEquals(new long[0], node.attributes().longs("axes"));
            }
            assertEquals(EPSILON_FLOAT16, RecordedNode.all(graph.graph().nodes()).get(0).attributes().real("epsilon"));
        }
    }

    @Test
    void layerNormalizationRecordsGivenAxesInOrderWithMatchingScaleAndBias() {
        MLLayerNormalizationOptions options = MLLayerNormalizationOptions.defaults().withLabel("ln").withAxes(3, 1)
                .withScale(f32(5, 3)).withBias(f32(5, 3)).withEpsilon(1e-6);
        MLOperand x = f32(2, 3, 4, 5);
        MLOperand out = builder.layerNormalization(x, options);
        assertEquals(x.descriptor(), out.descriptor());
        RecordedNode node = node(out);
        assertEquals("ln", node.label());
        assertEquals(List.of("input", "scale", "bias"), roles(node));
        assertArrayEquals(new long[] {3, 1}, node.attributes().longs("axes"));
        assertEquals((float) 1e-6, node.attributes().real("epsilon"));
    }

    @Test
    void layerNormalizationWithEmptyAxesTakesScalarScaleAndBias() {
        MLOperand out = builder.layerNormalization(f32(2, 3), MLLayerNormalizationOptions.defaults().withAxes()
                .withScale(f32()).withBias(f32()));
        RecordedNode node = node(out);
        assertArrayEquals(new long[0], node.attributes().longs("axes"));
        assertEquals(List.of("input", "scale", "bias"), roles(node));
    }

    @Test
    void layerNormalizationChecksInTheSpecOrder() {
        MLLayerNormalizationOptions d = MLLayerNormalizationOptions.defaults().withLabel("ln");
        MLOperand x = f32(2, 3, 4, 5);
        assertTypeError("layerNormalization: options are null", () -> builder.layerNormalization(x, null));
        assertTypeError("layerNormalization: input is null", () -> builder.layerNormalization(null));
        MLOperand foreign = new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(FLOAT32, 3, 4, 5));
        assertTypeError("layerNormalization [ln]: bias belongs to another MLGraphBuilder",
                () -> builder.layerNormalization(x, d.withBias(foreign)));
        assertTypeError("layerNormalization [ln]: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.layerNormalization(input(INT32, 2, 3), d.withAxes(7)));
        assertTypeError("layerNormalization [ln]: axes[0] 4 is out of range [0, 4)",
                () -> builder.layerNormalization(x, d.withAxes(4)));
        assertTypeError("layerNormalization [ln]: axes [1, 2, 1] contains 1 twice",
                () -> builder.layerNormalization(x, d.withAxes(1, 2, 1)));
        assertTypeError("layerNormalization [ln]: scale data type float16 must match input data type float32",
                () -> builder.layerNormalization(x, d.withScale(f16(3)).withBias(f16(3))));
        assertTypeError("layerNormalization [ln]: scale rank 2 must equal the number of axes 3 (axes [1, 2, 3])",
                () -> builder.layerNormalization(x, d.withScale(f32(4, 5)).withBias(f16(3))));
        assertTypeError("layerNormalization [ln]: bias data type float16 must match input data type float32",
                () -> builder.layerNormalization(x, d.withScale(f32(3, 4, 5)).withBias(f16(3))));
        assertTypeError("layerNormalization [ln]: bias rank 1 must equal the number of axes 2 (axes [0, 1])",
                () -> builder.layerNormalization(x, d.withAxes(0, 1).withBias(f32(2))));
        assertTypeError("layerNormalization [ln]: scale shape [3, 4, 6] must be the input dimensions [3, 4, 5] at axes "
                + "[1, 2, 3]", () -> builder.layerNormalization(x, d.withScale(f32(3, 4, 6))));
        assertTypeError("layerNormalization [ln]: bias shape [2, 4] must be the input dimensions [2, 5] at axes [0, 3]",
                () -> builder.layerNormalization(x, d.withAxes(0, 3).withBias(f32(2, 4))));
        // the dimensions are compared axis by axis, scale then bias for each axis
        assertTypeError("layerNormalization [ln]: bias shape [9, 4, 5] must be the input dimensions [3, 4, 5] at axes "
                + "[1, 2, 3]", () -> builder.layerNormalization(x, d.withScale(f32(3, 9, 5)).withBias(f32(9, 4, 5))));
    }

    @Test
    void layerNormalizationOptions() {
        MLLayerNormalizationOptions defaults = MLLayerNormalizationOptions.defaults();
        assertEquals(Optional.empty(), defaults.axes());
        assertEquals(1e-5, defaults.epsilon());
        MLLayerNormalizationOptions axes = defaults.withAxes(1, 2);
        axes.axes().orElseThrow()[0] = 5;
        assertArrayEquals(new long[] {1, 2}, axes.axes().orElseThrow());
        assertArrayEquals(new long[0], defaults.withAxes().axes().orElseThrow());
        assertEquals(Optional.empty(), axes.withAxes((long[]) null).axes());
        assertTypeError("MLLayerNormalizationOptions.axes [1, -2]: -2 is outside the unsigned long range [0, 4294967295]",
                () -> defaults.withAxes(1, -2));
    }

    @Test
    void normalizationsAfterBuildAreInvalidStateErrors() {
        MLOperand x = f32(1, 2, 3, 3);
        MLOperand m = f32(2);
        node(builder.instanceNormalization(x));
        assertThrows(MLInvalidStateError.class, () -> builder.batchNormalization(x, m, m));
        assertThrows(MLInvalidStateError.class, () -> builder.instanceNormalization(x));
        assertThrows(MLInvalidStateError.class, () -> builder.layerNormalization(x));
    }
}
