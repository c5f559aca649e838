package dev.webnn;

import static dev.webnn.MLConv2dFilterOperandLayout.HWIO;
import static dev.webnn.MLConv2dFilterOperandLayout.IHWO;
import static dev.webnn.MLConv2dFilterOperandLayout.OIHW;
import static dev.webnn.MLConv2dFilterOperandLayout.OHWI;
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
import org.junit.jupiter.api.Test;

class ConvolutionOpsTest extends OpsTestFixture {

    /** Builds the graph of {@code output} and returns its only node, which has the output's shape. */
    @Override
    RecordedNode node(MLOperand output) {
        RecordedNode node = super.node(output);
        assertArrayEquals(output.shape(), node.output().descriptor().shape());
        return node;
    }

    // ---------------------------------------------------------------------------------
    // conv2d: shapes
    // ---------------------------------------------------------------------------------

    @Test
    void conv2dDefaultsGiveValidConvolution() {
        MLOperand out = builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 3, 3));
        assertArrayEquals(new long[] {1, 1, 3, 3}, out.shape());
        assertEquals(FLOAT32, out.dataType());
        assertEquals(FLOAT16, builder.conv2d(input(FLOAT16, 1, 1, 5, 5), input(FLOAT16, 1, 1, 3, 3)).dataType());
    }

    @Test
    void conv2dOutputSizeFollowsTheSpecFormula() {
        // outputSize = 1 + (inputSize - (filterSize - 1) * dilation - 1 + beginningPadding + endingPadding) / stride
        MLConv2dOptions same = MLConv2dOptions.defaults().withPadding(1, 1, 1, 1);
        assertArrayEquals(new long[] {1, 1, 5, 5}, builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 3, 3), same).shape());
        MLConv2dOptions strided = same.withStrides(2, 2);
        assertArrayEquals(new long[] {1, 1, 3, 3}, builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 3, 3), strided).shape());
        // 1 + (7 - 2 - 1 + 0 + 1) / 2 = 3.5 -> 3 ; 1 + (9 - 2 - 1 + 2 + 0) / 3 = 3.67 -> 3
        MLConv2dOptions asymmetric = MLConv2dOptions.defaults().withPadding(0, 1, 2, 0).withStrides(2, 3);
        assertArrayEquals(new long[] {1, 1, 3, 3}, builder.conv2d(f32(1, 1, 7, 9), f32(1, 1, 3, 3), asymmetric).shape());
        // dilation 2: effective filter 5 -> 1 + (5 - 4 - 1) / 1 = 1 ; dilation 1 on width: 3
        MLConv2dOptions dilated = MLConv2dOptions.defaults().withDilations(2, 1);
        assertArrayEquals(new long[] {1, 1, 1, 3}, builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 3, 3), dilated).shape());
        // everything together: 1 + (10 - (3 - 1) * 3 - 1 + 2 + 0) / 2 = 3.5 -> 3 ; 1 + (11 - 2 - 1 + 0 + 0) / 1 = 9
        MLConv2dOptions all = MLConv2dOptions.defaults().withPadding(2, 0, 0, 0).withStrides(2, 1).withDilations(3, 1);
        assertArrayEquals(new long[] {2, 1, 3, 9}, builder.conv2d(f32(2, 1, 10, 11), f32(1, 1, 3, 3), all).shape());
    }

    @Test
    void conv2dReadsEveryFilterLayoutInBothInputLayouts() {
        // 4 input channels in 2 groups, 6 output channels, a 3x5 filter
        Map<MLConv2dFilterOperandLayout, long[]> filters = Map.of(
                OIHW, new long[] {6, 2, 3, 5},
                HWIO, new long[] {3, 5, 2, 6},
                OHWI, new long[] {6, 3, 5, 2},
                IHWO, new long[] {2, 3, 5, 6});
        filters.forEach((layout, filterShape) -> {
            MLConv2dOptions options = MLConv2dOptions.defaults().withGroups(2).withFilterLayout(layout);
            assertArrayEquals(new long[] {1, 6, 4, 4}, builder.conv2d(f32(1, 4, 6, 8), f32(filterShape), options).shape(),
                    layout::name);
            assertArrayEquals(new long[] {1, 4, 4, 6}, builder.conv2d(f32(1, 6, 8, 4), f32(filterShape),
                    options.withInputLayout(NHWC)).shape(), layout::name);
        });
    }

    @Test
    void conv2dDepthwiseFiltersOfTheSpecNote() {
        // groups = inputChannels = outputChannels, filter [groups, 1, h, w] in oihw, [h, w, 1, groups] in hwio,
        // [groups, h, w, 1] in ohwi and [1, h, w, groups] in ihwo
        Map<MLConv2dFilterOperandLayout, long[]> filters = Map.of(
                OIHW, new long[] {8, 1, 3, 3},
                HWIO, new long[] {3, 3, 1, 8},
                OHWI, new long[] {8, 3, 3, 1},
                IHWO, new long[] {1, 3, 3, 8});
        filters.forEach((layout, filterShape) -> {
            MLConv2dOptions options = MLConv2dOptions.defaults().withGroups(8).withFilterLayout(layout)
                    .withPadding(1, 1, 1, 1);
            assertArrayEquals(new long[] {1, 8, 10, 12}, builder.conv2d(f32(1, 8, 10, 12), f32(filterShape), options)
                    .shape(), layout::name);
            assertArrayEquals(new long[] {1, 10, 12, 8}, builder.conv2d(f32(1, 10, 12, 8), f32(filterShape),
                    options.withInputLayout(NHWC)).shape(), layout::name);
        });
    }

    // ---------------------------------------------------------------------------------
    // conv2d: IR
    // ---------------------------------------------------------------------------------

    @Test
    void conv2dRecordsEveryDefaultAttribute() {
        RecordedNode node = node(builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 3, 3)));
        assertEquals(Op.CONV2D, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("input", "filter"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("padding", "strides", "dilations", "groups", "inputLayout", "filterLayout"), attributes.keys());
        assertArrayEquals(new long[] {0, 0, 0, 0}, attributes.longs("padding"));
        assertArrayEquals(new long[] {1, 1}, attributes.longs("strides"));
        assertArrayEquals(new long[] {1, 1}, attributes.longs("dilations"));
        assertEquals(1, attributes.integer("groups"));
        assertEquals(NCHW, attributes.enumValue("inputLayout", MLInputOperandLayout.class));
        assertEquals(OIHW, attributes.enumValue("filterLayout", MLConv2dFilterOperandLayout.class));
    }

    @Test
    void conv2dRecordsGivenOptionsAndBias() {
        MLOperand bias = f32(6);
        MLConv2dOptions options = MLConv2dOptions.defaults().withLabel("c1").withPadding(1, 2, 3, 4).withStrides(2, 1)
                .withDilations(1, 2).withGroups(2).withInputLayout(NHWC).withFilterLayout(HWIO).withBias(bias);
        MLOperand out = builder.conv2d(f32(1, 8, 8, 4), f32(3, 3, 2, 6), options);
        // height 1 + (8 - 2 - 1 + 3) / 2 = 5 ; width 1 + (8 - 4 - 1 + 7) / 1 = 11
        assertArrayEquals(new long[] {1, 5, 11, 6}, out.shape());
        RecordedNode node = node(out);
        assertEquals("c1", node.label());
        assertEquals(List.of("input", "filter", "bias"), roles(node));
        assertArrayEquals(new long[] {6}, node.input("bias").descriptor().shape());
        Attributes attributes = node.attributes();
        assertArrayEquals(new long[] {1, 2, 3, 4}, attributes.longs("padding"));
        assertArrayEquals(new long[] {2, 1}, attributes.longs("strides"));
        assertArrayEquals(new long[] {1, 2}, attributes.longs("dilations"));
        assertEquals(2, attributes.integer("groups"));
        assertEquals(NHWC, attributes.enumValue("inputLayout", MLInputOperandLayout.class));
        assertEquals(HWIO, attributes.enumValue("filterLayout", MLConv2dFilterOperandLayout.class));
    }

    // ---------------------------------------------------------------------------------
    // conv2d: validation, in the spec's order
    // ---------------------------------------------------------------------------------

    @Test
    void conv2dRejectsNullAndForeignOperands() {
        MLOperand x = f32(1, 1, 5, 5);
        MLOperand w = f32(1, 1, 3, 3);
        assertTypeError("conv2d: options are null", () -> builder.conv2d(x, w, null));
        assertTypeError("conv2d: input is null", () -> builder.conv2d(null, w));
        assertTypeError("conv2d [c]: filter is null", () -> builder.conv2d(x, null, MLConv2dOptions.defaults().withLabel("c")));
        MLGraphBuilder other = new MLGraphBuilder(context);
        MLOperand foreign = other.input("f", MLOperandDescriptor.of(FLOAT32, 1));
        MLOperand foreignFilter = other.input("w", MLOperandDescriptor.of(FLOAT32, 1, 1, 3, 3));
        assertTypeError("conv2d: filter belongs to another MLGraphBuilder", () -> builder.conv2d(x, foreignFilter));
        assertTypeError("conv2d: bias belongs to another MLGraphBuilder",
                () -> builder.conv2d(x, w, MLConv2dOptions.defaults().withBias(foreign)));
    }

    @Test
    void conv2dChecksInputTypeThenInputRankThenFilterRankThenFilterType() {
        MLConv2dOptions l = MLConv2dOptions.defaults().withLabel("c");
        assertTypeError("conv2d [c]: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.conv2d(input(INT32, 1, 1, 5), f32(1, 1, 3, 3), l));
        assertTypeError("conv2d [c]: input rank 3 is not allowed (allowed: 4)",
                () -> builder.conv2d(f32(1, 5, 5), f32(1, 1, 3, 3), l));
        assertTypeError("conv2d [c]: filter rank 3 is not allowed (allowed: 4)",
                () -> builder.conv2d(f32(1, 1, 5, 5), input(FLOAT16, 1, 3, 3), l));
        assertTypeError("conv2d [c]: filter data type float16 must match input data type float32",
                () -> builder.conv2d(f32(1, 1, 5, 5), input(FLOAT16, 1, 1, 3, 3), l));
    }

    @Test
    void conv2dChecksPaddingStridesDilationsAndGroups() {
        MLOperand x = f32(1, 1, 5, 5);
        MLOperand w = f32(1, 1, 3, 3);
        MLConv2dOptions d = MLConv2dOptions.defaults();
        assertTypeError("conv2d: padding [1, 1] has 2 values, expected 4", () -> builder.conv2d(x, w, d.withPadding(1, 1)));
        assertTypeError("conv2d: strides [1] has 1 values, expected 2", () -> builder.conv2d(x, w, d.withStrides(1)));
        assertTypeError("conv2d: strides [1, 0] contains 0", () -> builder.conv2d(x, w, d.withStrides(1, 0)));
        assertTypeError("conv2d: dilations [1, 1, 1] has 3 values, expected 2",
                () -> builder.conv2d(x, w, d.withDilations(1, 1, 1)));
        assertTypeError("conv2d: dilations [0, 1] contains 0", () -> builder.conv2d(x, w, d.withDilations(0, 1)));
        assertTypeError("conv2d: groups is 0", () -> builder.conv2d(x, w, d.withGroups(0)));
        // padding is checked before strides, strides before dilations, dilations before groups
        assertTypeError("conv2d: padding [] has 0 values, expected 4",
                () -> builder.conv2d(x, w, d.withPadding().withStrides(0, 0).withDilations(0).withGroups(0)));
        assertTypeError("conv2d: strides [0, 0] contains 0",
                () -> builder.conv2d(x, w, d.withStrides(0, 0).withDilations(0).withGroups(0)));
    }

    @Test
    void conv2dChecksChannelsAgainstGroups() {
        MLConv2dOptions groups2 = MLConv2dOptions.defaults().withGroups(2);
        assertTypeError("conv2d: input channels 3 are not divisible by groups 2",
                () -> builder.conv2d(f32(1, 3, 5, 5), f32(2, 1, 3, 3), groups2));
        assertTypeError("conv2d: filter input channels 3 must equal input channels / groups = 4 / 2 = 2 "
                + "(filter shape [2, 3, 3, 3], layout oihw)", () -> builder.conv2d(f32(1, 4, 5, 5), f32(2, 3, 3, 3), groups2));
        assertTypeError("conv2d: filter input channels 1 must equal input channels / groups = 4 / 1 = 4 "
                + "(filter shape [3, 3, 1, 2], layout hwio)", () -> builder.conv2d(f32(1, 4, 5, 5), f32(3, 3, 1, 2),
                        MLConv2dOptions.defaults().withFilterLayout(HWIO)));
        assertTypeError("conv2d: output channels 3 are not divisible by groups 2",
                () -> builder.conv2d(f32(1, 4, 5, 5), f32(3, 2, 3, 3), groups2));
    }

    @Test
    void conv2dChecksBiasShapeThenType() {
        MLOperand x = f32(1, 2, 5, 5);
        MLOperand w = f32(6, 2, 3, 3);
        MLConv2dOptions d = MLConv2dOptions.defaults();
        assertTypeError("conv2d: bias shape [5] must be [6] (output channels)",
                () -> builder.conv2d(x, w, d.withBias(f32(5))));
        assertTypeError("conv2d: bias shape [1, 6] must be [6] (output channels)",
                () -> builder.conv2d(x, w, d.withBias(f32(1, 6))));
        assertTypeError("conv2d: bias shape [5] must be [6] (output channels)",
                () -> builder.conv2d(x, w, d.withBias(input(FLOAT16, 5))));
        assertTypeError("conv2d: bias data type float16 must match input data type float32",
                () -> builder.conv2d(x, w, d.withBias(input(FLOAT16, 6))));
    }

    @Test
    void conv2dRejectsInvalidOutputSizes() {
        assertTypeError("conv2d: output height 0 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.conv2d(f32(1, 1, 2, 5), f32(1, 1, 3, 3)));
        assertTypeError("conv2d: output width -1 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.conv2d(f32(1, 1, 5, 2), f32(1, 1, 4, 4), MLConv2dOptions.defaults().withPadding(1, 1, 0, 0)));
        // a huge dilation: 1 + (5 - 2 * 4294967295 - 1) = -8589934585, computed without overflow
        assertTypeError("conv2d: output height -8589934585 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 3, 3),
                        MLConv2dOptions.defaults().withDilations(4294967295L, 1)));
        // huge padding: 1 + (5 - 1 + 2 * 4294967295) = 8589934595
        assertTypeError("conv2d: output width 8589934595 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.conv2d(f32(1, 1, 5, 5), f32(1, 1, 1, 1),
                        MLConv2dOptions.defaults().withPadding(0, 0, 4294967295L, 4294967295L)));
        assertTypeError("conv2d: output: shape [1, 1, 46344, 46344] has 2147766336 elements, more than 2147483647",
                () -> builder.conv2d(f32(1, 1, 46340, 46340), f32(1, 1, 1, 1),
                        MLConv2dOptions.defaults().withPadding(2, 2, 2, 2)));
    }

    @Test
    void conv2dOptionsAreImmutableAndEnforceTheUnsignedLongRange() {
        MLConv2dOptions defaults = MLConv2dOptions.defaults();
        long[] padding = {1, 2, 3, 4};
        MLConv2dOptions options = defaults.withPadding(padding);
        padding[0] = 9;
        assertArrayEquals(new long[] {1, 2, 3, 4}, options.padding());
        options.padding()[1] = 9;
        assertArrayEquals(new long[] {1, 2, 3, 4}, options.padding());
        assertArrayEquals(new long[] {0, 0, 0, 0}, defaults.padding());
        assertArrayEquals(new long[] {1, 1}, defaults.strides());
        assertArrayEquals(new long[] {1, 1}, defaults.dilations());
        assertEquals(1, defaults.groups());
        assertEquals(NCHW, defaults.inputLayout());
        assertEquals(OIHW, defaults.filterLayout());
        assertEquals(java.util.Optional.empty(), defaults.bias());
        assertEquals("", defaults.label());
        assertTypeError("MLConv2dOptions.padding [0, -1, 0, 0]: -1 is outside the unsigned long range [0, 4294967295]",
                () -> defaults.withPadding(0, -1, 0, 0));
        assertTypeError("MLConv2dOptions.strides [4294967296, 1]: 4294967296 is outside the unsigned long range "
                + "[0, 4294967295]", () -> defaults.withStrides(4294967296L, 1));
        assertTypeError("MLConv2dOptions.groups: -2 is outside the unsigned long range [0, 4294967295]",
                () -> defaults.withGroups(-2));
    }

    @Test
    void conv2dAfterBuildIsAnInvalidStateError() {
        MLOperand x = f32(1, 1, 5, 5);
        MLOperand w = f32(1, 1, 3, 3);
        node(builder.conv2d(x, w));
        assertThrows(MLInvalidStateError.class, () -> builder.conv2d(x, w));
        assertThrows(MLInvalidStateError.class, () -> builder.convTranspose2d(x, w));
    }

    // ---------------------------------------------------------------------------------
    // convTranspose2d: shapes
    // ---------------------------------------------------------------------------------

    @Test
    void convTranspose2dDefaults() {
        // (3 - 1) * 1 + (3 - 1) * 1 + 1 = 5
        MLOperand out = builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3));
        assertArrayEquals(new long[] {1, 1, 5, 5}, out.shape());
        assertEquals(FLOAT32, out.dataType());
    }

    @Test
    void convTranspose2dOutputSizeFollowsTheSpecFormula() {
        // outputSize = (inputSize - 1) * stride + (filterSize - 1) * dilation + 1 - beginningPadding - endingPadding
        //              + outputPadding
        MLConvTranspose2dOptions strided = MLConvTranspose2dOptions.defaults().withStrides(3, 2);
        // (3 - 1) * 3 + 3 = 9 ; (3 - 1) * 2 + 3 = 7
        assertArrayEquals(new long[] {1, 1, 9, 7}, builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3), strided).shape());
        // + outputPadding [2, 1]
        assertArrayEquals(new long[] {1, 1, 11, 8}, builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3),
                strided.withOutputPadding(2, 1)).shape());
        // padding [1, 2, 0, 3] and dilations [2, 1]: (3 - 1) * 3 + 5 - 3 = 8 ; (3 - 1) * 2 + 3 - 3 = 4
        assertArrayEquals(new long[] {1, 1, 8, 4}, builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3),
                strided.withPadding(1, 2, 0, 3).withDilations(2, 1)).shape());
    }

    @Test
    void convTranspose2dReadsEveryFilterLayoutInBothInputLayouts() {
        // 4 input channels, 2 groups of 3 output channels, a 2x3 filter
        Map<MLConvTranspose2dFilterOperandLayout, long[]> filters = Map.of(
                MLConvTranspose2dFilterOperandLayout.IOHW, new long[] {4, 3, 2, 3},
                MLConvTranspose2dFilterOperandLayout.HWOI, new long[] {2, 3, 3, 4},
                MLConvTranspose2dFilterOperandLayout.OHWI, new long[] {3, 2, 3, 4});
        filters.forEach((layout, filterShape) -> {
            MLConvTranspose2dOptions options = MLConvTranspose2dOptions.defaults().withGroups(2).withFilterLayout(layout);
            assertArrayEquals(new long[] {1, 6, 6, 7}, builder.convTranspose2d(f32(1, 4, 5, 5), f32(filterShape), options)
                    .shape(), layout::name);
            assertArrayEquals(new long[] {1, 6, 7, 6}, builder.convTranspose2d(f32(1, 5, 5, 4), f32(filterShape),
                    options.withInputLayout(NHWC)).shape(), layout::name);
        });
    }

    @Test
    void convTranspose2dExplicitOutputSizesIgnoreOutputPadding() {
        // strides 2: computed 7 x 7, output sizes may be 7 or 8
        MLConvTranspose2dOptions options = MLConvTranspose2dOptions.defaults().withStrides(2, 2).withOutputSizes(8, 7)
                .withOutputPadding(5, 5);
        assertArrayEquals(new long[] {1, 1, 8, 7}, builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3), options).shape());
    }

    // ---------------------------------------------------------------------------------
    // convTranspose2d: IR
    // ---------------------------------------------------------------------------------

    @Test
    void convTranspose2dRecordsEveryDefaultAttribute() {
        RecordedNode node = node(builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3)));
        assertEquals(Op.CONV_TRANSPOSE2D, node.op());
        assertEquals(List.of("input", "filter"), roles(node));
        Attributes attributes = node.attributes();
        assertEquals(List.of("padding", "strides", "dilations", "outputPadding", "outputSizes", "groups", "inputLayout",
                "filterLayout"), attributes.keys());
        assertArrayEquals(new long[] {0, 0, 0, 0}, attributes.longs("padding"));
        assertArrayEquals(new long[] {1, 1}, attributes.longs("strides"));
        assertArrayEquals(new long[] {1, 1}, attributes.longs("dilations"));
        assertArrayEquals(new long[] {0, 0}, attributes.longs("outputPadding"));
        assertArrayEquals(new long[] {5, 5}, attributes.longs("outputSizes"));
        assertEquals(1, attributes.integer("groups"));
        assertEquals(NCHW, attributes.enumValue("inputLayout", MLInputOperandLayout.class));
        assertEquals(MLConvTranspose2dFilterOperandLayout.IOHW,
                attributes.enumValue("filterLayout", MLConvTranspose2dFilterOperandLayout.class));
    }

    @Test
    void convTranspose2dRecordsResolvedOutputPaddingAndSizes() {
        MLOperand bias = f32(4);
        MLConvTranspose2dOptions options = MLConvTranspose2dOptions.defaults().withLabel("up").withStrides(2, 3)
                .withPadding(1, 1, 0, 0).withOutputSizes(6, 9).withOutputPadding(1, 2).withGroups(2)
                .withInputLayout(NHWC).withFilterLayout(MLConvTranspose2dFilterOperandLayout.OHWI).withBias(bias);
        // computed: (3 - 1) * 2 + 3 - 2 = 5 ; (3 - 1) * 3 + 3 = 9 -> outputSizes [6, 9] -> padding [1, 0]
        MLOperand out = builder.convTranspose2d(f32(1, 3, 3, 2), f32(2, 3, 3, 2), options);
        assertArrayEquals(new long[] {1, 6, 9, 4}, out.shape());
        RecordedNode node = node(out);
        assertEquals("up", node.label());
        assertEquals(List.of("input", "filter", "bias"), roles(node));
        Attributes attributes = node.attributes();
        assertArrayEquals(new long[] {1, 1, 0, 0}, attributes.longs("padding"));
        assertArrayEquals(new long[] {2, 3}, attributes.longs("strides"));
        assertArrayEquals(new long[] {1, 0}, attributes.longs("outputPadding"));
        assertArrayEquals(new long[] {6, 9}, attributes.longs("outputSizes"));
        assertEquals(2, attributes.integer("groups"));
        assertEquals(NHWC, attributes.enumValue("inputLayout", MLInputOperandLayout.class));
        assertEquals(MLConvTranspose2dFilterOperandLayout.OHWI,
                attributes.enumValue("filterLayout", MLConvTranspose2dFilterOperandLayout.class));
    }

    @Test
    void convTranspose2dRecordsOutputSizesComputedFromOutputPadding() {
        MLConvTranspose2dOptions options = MLConvTranspose2dOptions.defaults().withStrides(2, 2).withOutputPadding(1, 0);
        Attributes attributes = node(builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3), options)).attributes();
        assertArrayEquals(new long[] {1, 0}, attributes.longs("outputPadding"));
        assertArrayEquals(new long[] {8, 7}, attributes.longs("outputSizes"));
    }

    // ---------------------------------------------------------------------------------
    // convTranspose2d: validation, in the spec's order
    // ---------------------------------------------------------------------------------

    @Test
    void convTranspose2dRejectsNullAndForeignOperands() {
        MLOperand x = f32(1, 1, 3, 3);
        MLOperand w = f32(1, 1, 3, 3);
        assertTypeError("convTranspose2d: options are null", () -> builder.convTranspose2d(x, w, null));
        assertTypeError("convTranspose2d: input is null", () -> builder.convTranspose2d(null, w));
        assertTypeError("convTranspose2d: filter is null", () -> builder.convTranspose2d(x, null));
        MLOperand foreign = new MLGraphBuilder(context).input("b", MLOperandDescriptor.of(FLOAT32, 1));
        assertTypeError("convTranspose2d: bias belongs to another MLGraphBuilder",
                () -> builder.convTranspose2d(x, w, MLConvTranspose2dOptions.defaults().withBias(foreign)));
    }

    @Test
    void convTranspose2dChecksInputRankThenInputTypeThenFilterRankThenFilterType() {
        MLConvTranspose2dOptions l = MLConvTranspose2dOptions.defaults().withLabel("t");
        assertTypeError("convTranspose2d [t]: input rank 3 is not allowed (allowed: 4)",
                () -> builder.convTranspose2d(input(INT32, 1, 3, 3), f32(1, 1, 3, 3), l));
        assertTypeError("convTranspose2d [t]: input data type int32 is not allowed (allowed: float32, float16)",
                () -> builder.convTranspose2d(input(INT32, 1, 1, 3, 3), f32(1, 1, 3, 3), l));
        assertTypeError("convTranspose2d [t]: filter rank 5 is not allowed (allowed: 4)",
                () -> builder.convTranspose2d(f32(1, 1, 3, 3), input(FLOAT16, 1, 1, 1, 3, 3), l));
        assertTypeError("convTranspose2d [t]: filter data type float16 must match input data type float32",
                () -> builder.convTranspose2d(f32(1, 1, 3, 3), input(FLOAT16, 1, 1, 3, 3), l));
    }

    @Test
    void convTranspose2dChecksListOptionsAndGroups() {
        MLOperand x = f32(1, 1, 3, 3);
        MLOperand w = f32(1, 1, 3, 3);
        MLConvTranspose2dOptions d = MLConvTranspose2dOptions.defaults();
        assertTypeError("convTranspose2d: padding [0, 0, 0] has 3 values, expected 4",
                () -> builder.convTranspose2d(x, w, d.withPadding(0, 0, 0)));
        assertTypeError("convTranspose2d: strides [] has 0 values, expected 2",
                () -> builder.convTranspose2d(x, w, d.withStrides()));
        assertTypeError("convTranspose2d: strides [0, 2] contains 0", () -> builder.convTranspose2d(x, w, d.withStrides(0, 2)));
        assertTypeError("convTranspose2d: dilations [2] has 1 values, expected 2",
                () -> builder.convTranspose2d(x, w, d.withDilations(2)));
        assertTypeError("convTranspose2d: dilations [1, 0] contains 0",
                () -> builder.convTranspose2d(x, w, d.withDilations(1, 0)));
        assertTypeError("convTranspose2d: outputPadding [0, 0, 0] has 3 values, expected 2",
                () -> builder.convTranspose2d(x, w, d.withOutputPadding(0, 0, 0)));
        assertTypeError("convTranspose2d: outputSizes [5] has 1 values, expected 2",
                () -> builder.convTranspose2d(x, w, d.withOutputSizes(5)));
        assertTypeError("convTranspose2d: outputPadding [0, 1] must be smaller than strides [1, 1]",
                () -> builder.convTranspose2d(x, w, d.withOutputPadding(0, 1)));
        assertTypeError("convTranspose2d: outputPadding [2, 0] must be smaller than strides [2, 2]",
                () -> builder.convTranspose2d(x, w, d.withStrides(2, 2).withOutputPadding(2, 0)));
        assertTypeError("convTranspose2d: groups is 0", () -> builder.convTranspose2d(x, w, d.withGroups(0)));
        // outputPadding is not compared with the strides when outputSizes are given
        assertArrayEquals(new long[] {1, 1, 5, 5},
                builder.convTranspose2d(x, w, d.withOutputPadding(3, 3).withOutputSizes(5, 5)).shape());
    }

    @Test
    void convTranspose2dChecksChannelsAndBias() {
        MLConvTranspose2dOptions d = MLConvTranspose2dOptions.defaults();
        assertTypeError("convTranspose2d: filter input channels 2 must equal input channels 3 (filter shape [2, 1, 3, 3], "
                + "layout iohw)", () -> builder.convTranspose2d(f32(1, 3, 3, 3), f32(2, 1, 3, 3)));
        assertTypeError("convTranspose2d: filter input channels 3 must equal input channels 2 (filter shape [2, 3, 3, 3], "
                + "layout hwoi)", () -> builder.convTranspose2d(f32(1, 2, 3, 3), f32(2, 3, 3, 3),
                        d.withFilterLayout(MLConvTranspose2dFilterOperandLayout.HWOI)));
        assertTypeError("convTranspose2d: output channels 4294967295 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 1, 3, 3), d.withGroups(4294967295L)));
        // output channels = filter output channels * groups = 2 * 3
        assertTypeError("convTranspose2d: bias shape [2] must be [6] (output channels)",
                () -> builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 2, 3, 3), d.withGroups(3).withBias(f32(2))));
        assertTypeError("convTranspose2d: bias data type float16 must match input data type float32",
                () -> builder.convTranspose2d(f32(1, 1, 3, 3), f32(1, 2, 3, 3), d.withGroups(3).withBias(input(FLOAT16, 6))));
    }

    @Test
    void convTranspose2dChecksExplicitOutputSizesAgainstTheComputedSizes() {
        MLOperand x = f32(1, 1, 3, 3);
        MLOperand w = f32(1, 1, 3, 3);
        MLConvTranspose2dOptions strided = MLConvTranspose2dOptions.defaults().withStrides(2, 3);
        // computed: 7 x 9; heights 7..8 and widths 9..11 are accepted
        assertArrayEquals(new long[] {1, 1, 7, 11}, builder.convTranspose2d(x, w, strided.withOutputSizes(7, 11)).shape());
        assertTypeError("convTranspose2d: outputSizes height 6 must be at least the computed height 7 and less than it "
                + "plus the stride 2", () -> builder.convTranspose2d(x, w, strided.withOutputSizes(6, 9)));
        assertTypeError("convTranspose2d: outputSizes height 9 must be at least the computed height 7 and less than it "
                + "plus the stride 2", () -> builder.convTranspose2d(x, w, strided.withOutputSizes(9, 9)));
        assertTypeError("convTranspose2d: outputSizes width 12 must be at least the computed width 9 and less than it "
                + "plus the stride 3", () -> builder.convTranspose2d(x, w, strided.withOutputSizes(8, 12)));
    }

    @Test
    void convTranspose2dRejectsInvalidOutputSizes() {
        MLOperand x = f32(1, 1, 3, 3);
        MLOperand w = f32(1, 1, 3, 3);
        // (3 - 1) + 3 - 10 = -5
        assertTypeError("convTranspose2d: output height -5 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.convTranspose2d(x, w, MLConvTranspose2dOptions.defaults().withPadding(5, 5, 0, 0)));
        assertTypeError("convTranspose2d: output width 0 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.convTranspose2d(x, w, MLConvTranspose2dOptions.defaults().withPadding(0, 0, 2, 3)));
        // (3 - 1) * 4294967295 + 3 = 8589934593
        assertTypeError("convTranspose2d: output height 8589934593 is not a valid dimension (valid: 1 to 2147483647)",
                () -> builder.convTranspose2d(x, w, MLConvTranspose2dOptions.defaults().withStrides(4294967295L, 1)));
    }

    @Test
    void convTranspose2dOptionsDefaultsAndCopies() {
        MLConvTranspose2dOptions defaults = MLConvTranspose2dOptions.defaults();
        assertArrayEquals(new long[] {0, 0}, defaults.outputPadding());
        assertEquals(java.util.Optional.empty(), defaults.outputSizes());
        assertEquals(MLConvTranspose2dFilterOperandLayout.IOHW, defaults.filterLayout());
        assertEquals(NCHW, defaults.inputLayout());
        assertEquals(1, defaults.groups());
        MLConvTranspose2dOptions sized = defaults.withOutputSizes(4, 5);
        sized.outputSizes().orElseThrow()[0] = 9;
        assertArrayEquals(new long[] {4, 5}, sized.outputSizes().orElseThrow());
        assertEquals(java.util.Optional.empty(), sized.withOutputSizes((long[]) null).outputSizes());
        assertTypeError("MLConvTranspose2dOptions.outputPadding [-1, 0]: -1 is outside the unsigned long range "
                + "[0, 4294967295]", () -> defaults.withOutputPadding(-1, 0));
        assertTypeError("MLConvTranspose2dOptions.outputSizes [4294967296, 1]: 4294967296 is outside the unsigned long "
                + "range [0, 4294967295]", () -> defaults.withOutputSizes(4294967296L, 1));
    }

    // ---------------------------------------------------------------------------------
    // The shared size algorithms
    // ---------------------------------------------------------------------------------

    @Test
    void calculateConvOutputSizeKeepsTheFraction() {
        ConvolutionOps.OutputSize size = ConvolutionOps.convOutputSize(7, 4, 1, 1, 2, 1);
        // (7 - 4 + 2) / 2 + 1 = 3.5
        assertEquals(3, size.floor());
        assertEquals(4, size.ceil());
        ConvolutionOps.OutputSize exact = ConvolutionOps.convOutputSize(5, 3, 1, 1, 2, 1);
        assertEquals(3, exact.floor());
        assertEquals(3, exact.ceil());
        ConvolutionOps.OutputSize negative = ConvolutionOps.convOutputSize(2, 5, 0, 0, 2, 1);
        // (2 - 5) / 2 + 1 = -0.5
        assertEquals(-1, negative.floor());
        assertEquals(0, negative.ceil());
        ConvolutionOps.OutputSize huge = ConvolutionOps.convOutputSize(5, 4294967295L, 0, 0, 1, 4294967295L);
        assertEquals(true, huge.floor() < 0);
        ConvolutionOps.OutputSize[] sizes = ConvolutionOps.conv2dOutputSizes(10, 20, 3, 5, new long[] {1, 1, 2, 2},
                new long[] {1, 2}, new long[] {2, 1});
        assertEquals(8, sizes[0].floor());
        assertEquals(10, sizes[1].floor());
        assertEquals(11, sizes[1].ceil());
        assertEquals(8, ConvolutionOps.convTransposeOutputSize(3, 3, 1, 2, 3, 2));
        assertEquals(Long.MAX_VALUE, ConvolutionOps.convTransposeOutputSize(3, 4294967295L, 0, 0, 1, 4294967295L));
    }
}
