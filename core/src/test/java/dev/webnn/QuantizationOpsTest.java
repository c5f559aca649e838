package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.graph.Op;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantizationOpsTest extends OpsTestFixture {

    /** The spec's integer types of quantization, and int4/uint4 beyond the snapshot (as Chromium). */
    private static final Set<MLOperandDataType> QUANTIZED = EnumSet.of(UINT8, INT8, UINT32, INT32, MLOperandDataType.INT4,
            MLOperandDataType.UINT4);

    /** Each graph this test builds takes a new builder. */
    QuantizationOpsTest() {
        super(true);
    }

    private MLOperand foreign(MLOperandDataType type) {
        return new MLGraphBuilder(context).input("f", MLOperandDescriptor.of(type, 2));
    }

    private MLOperand quantize(long[] inputShape, long[] scaleShape) {
        return builder.quantizeLinear(input(FLOAT32, inputShape), input(FLOAT32, scaleShape), input(UINT8, scaleShape));
    }

    private MLOperand dequantize(long[] inputShape, long[] scaleShape) {
        return builder.dequantizeLinear(input(INT8, inputShape), input(FLOAT32, scaleShape), input(INT8, scaleShape));
    }

    // ---- quantizeLinear -----------------------------------------------------------------

    @Test
    void quantizeOutputsTheZeroPointTypeWithTheInputShape() {
        MLOperand output = builder.quantizeLinear(input(FLOAT32, 4, 6), input(FLOAT32, 2, 3), input(UINT8, 2, 3));
        assertEquals(UINT8, output.dataType());
        assertArrayEquals(new long[] {4, 6}, output.shape());
        for (MLOperandDataType zeroPointType : QUANTIZED) {
            MLOperand quantized = builder.quantizeLinear(input(FLOAT16, 3), input(FLOAT16, 1), input(zeroPointType, 1));
            assertEquals(zeroPointType, quantized.dataType());
            assertArrayEquals(new long[] {3}, quantized.shape());
        }
    }

    @Test
    void quantizeAcceptsBlockwiseBroadcastableScales() {
        // Per tensor, per axis, per block and per element.
        assertArrayEquals(new long[] {}, quantize(new long[] {}, new long[] {}).shape());
        assertArrayEquals(new long[] {4, 6}, quantize(new long[] {4, 6}, new long[] {1, 1}).shape());
        assertArrayEquals(new long[] {4, 6}, quantize(new long[] {4, 6}, new long[] {1, 6}).shape());
        assertArrayEquals(new long[] {4, 6}, quantize(new long[] {4, 6}, new long[] {4, 1}).shape());
        assertArrayEquals(new long[] {4, 6}, quantize(new long[] {4, 6}, new long[] {2, 3}).shape());
        assertArrayEquals(new long[] {4, 6}, quantize(new long[] {4, 6}, new long[] {4, 6}).shape());
        assertArrayEquals(new long[] {2, 8, 3}, quantize(new long[] {2, 8, 3}, new long[] {1, 4, 1}).shape());
    }

    @Test
    void quantizeRecordsItsInputsAndNoAttributes() {
        RecordedNode node = node(builder.quantizeLinear(input(FLOAT32, 4, 6), input(FLOAT32, 2, 3), input(INT8, 2, 3),
                MLOperatorOptions.defaults().withLabel("q")));
        assertEquals(Op.QUANTIZE_LINEAR, node.op());
        assertEquals("q", node.label());
        assertEquals(List.of("input", "scale", "zeroPoint"), roles(node));
        assertEquals(FLOAT32, node.input("scale").descriptor().dataType());
        assertEquals(INT8, node.input("zeroPoint").descriptor().dataType());
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(MLOperandDescriptor.of(INT8, 4, 6), node.output().descriptor());
    }

    @Test
    void quantizeRejectsDataTypes() {
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.copyOf(FLOATS))) {
            assertTypeError("quantizeLinear: input data type " + type + " is not allowed (allowed: float32, float16)",
                    () -> builder.quantizeLinear(input(type, 2), input(FLOAT32, 2), input(UINT8, 2)));
        }
        assertTypeError("quantizeLinear [q]: scale data type float16 must match input data type float32",
                () -> builder.quantizeLinear(input(FLOAT32, 2), input(FLOAT16, 2), input(UINT8, 2),
                        MLOperatorOptions.defaults().withLabel("q")));
        assertTypeError("quantizeLinear: scale data type int8 must match input data type float16",
                () -> builder.quantizeLinear(input(FLOAT16, 2), input(INT8, 2), input(INT8, 2)));
        for (MLOperandDataType type : List.of(FLOAT32, FLOAT16, INT64, UINT64)) {
            assertTypeError("quantizeLinear: zeroPoint data type " + type
                    + " is not allowed (allowed: int32, uint32, int8, uint8, int4, uint4)",
                    () -> builder.quantizeLinear(input(FLOAT32, 2), input(FLOAT32, 2), input(type, 2)));
        }
    }

    @Test
    void quantizeRejectsRanksAndShapes() {
        assertTypeError("quantizeLinear: scale rank 1 must equal input rank 2",
                () -> builder.quantizeLinear(input(FLOAT32, 4, 6), input(FLOAT32, 6), input(UINT8, 1, 6)));
        assertTypeError("quantizeLinear: scale rank 0 must equal input rank 2",
                () -> builder.quantizeLinear(input(FLOAT32, 4, 6), input(FLOAT32), input(UINT8)));
        assertTypeError("quantizeLinear: zeroPoint rank 1 must equal input rank 2",
                () -> builder.quantizeLinear(input(FLOAT32, 4, 6), input(FLOAT32, 1, 6), input(UINT8, 6)));
        assertTypeError("quantizeLinear: scale shape [2, 3] must equal zeroPoint shape [2, 6]",
                () -> builder.quantizeLinear(input(FLOAT32, 4, 6), input(FLOAT32, 2, 3), input(UINT8, 2, 6)));
        assertTypeError("quantizeLinear: scale shape [4, 4] is not blockwise broadcastable to input shape [4, 6]",
                () -> quantize(new long[] {4, 6}, new long[] {4, 4}));
        assertTypeError("quantizeLinear: scale shape [8, 6] is not blockwise broadcastable to input shape [4, 6]",
                () -> quantize(new long[] {4, 6}, new long[] {8, 6}));
        assertTypeError("quantizeLinear: scale shape [3, 1] is not blockwise broadcastable to input shape [4, 6]",
                () -> quantize(new long[] {4, 6}, new long[] {3, 1}));
    }

    @Test
    void quantizeRejectsNullsForeignOperandsAndBuiltBuilders() {
        MLOperand x = input(FLOAT32, 2);
        MLOperand s = input(FLOAT32, 2);
        MLOperand z = input(UINT8, 2);
        assertTypeError("quantizeLinear: options are null", () -> builder.quantizeLinear(x, s, z, null));
        assertTypeError("quantizeLinear: input is null", () -> builder.quantizeLinear(null, s, z));
        assertTypeError("quantizeLinear: scale is null", () -> builder.quantizeLinear(x, null, z));
        assertTypeError("quantizeLinear: zeroPoint is null", () -> builder.quantizeLinear(x, s, null));
        assertTypeError("quantizeLinear: input belongs to another MLGraphBuilder",
                () -> builder.quantizeLinear(foreign(FLOAT32), s, z));
        assertTypeError("quantizeLinear: scale belongs to another MLGraphBuilder",
                () -> builder.quantizeLinear(x, foreign(FLOAT32), z));
        assertTypeError("quantizeLinear: zeroPoint belongs to another MLGraphBuilder",
                () -> builder.quantizeLinear(x, s, foreign(UINT8)));
        node(builder.quantizeLinear(x, s, z));
        assertThrows(MLInvalidStateError.class, () -> x.builder().quantizeLinear(x, s, z));
    }

    // ---- dequantizeLinear ---------------------------------------------------------------

    @Test
    void dequantizeOutputsTheScaleTypeWithTheInputShape() {
        MLOperand output = builder.dequantizeLinear(input(UINT8, 4, 6), input(FLOAT16, 2, 3), input(UINT8, 2, 3));
        assertEquals(FLOAT16, output.dataType());
        assertArrayEquals(new long[] {4, 6}, output.shape());
        for (MLOperandDataType type : QUANTIZED) {
            for (MLOperandDataType scaleType : FLOATS) {
                MLOperand dequantized = builder.dequantizeLinear(input(type, 3, 2), input(scaleType, 1, 2), input(type, 1, 2));
                assertEquals(scaleType, dequantized.dataType());
                assertArrayEquals(new long[] {3, 2}, dequantized.shape());
            }
        }
    }

    @Test
    void dequantizeAcceptsBlockwiseBroadcastableScales() {
        assertArrayEquals(new long[] {}, dequantize(new long[] {}, new long[] {}).shape());
        assertArrayEquals(new long[] {6}, dequantize(new long[] {6}, new long[] {1}).shape());
        assertArrayEquals(new long[] {6}, dequantize(new long[] {6}, new long[] {3}).shape());
        assertArrayEquals(new long[] {4, 6}, dequantize(new long[] {4, 6}, new long[] {2, 2}).shape());
        assertArrayEquals(new long[] {1, 4, 6}, dequantize(new long[] {1, 4, 6}, new long[] {1, 4, 6}).shape());
    }

    @Test
    void dequantizeRecordsItsInputsAndNoAttributes() {
        RecordedNode node = node(builder.dequantizeLinear(input(INT32, 2, 4), input(FLOAT16, 2, 1), input(INT32, 2, 1)));
        assertEquals(Op.DEQUANTIZE_LINEAR, node.op());
        assertEquals("", node.label());
        assertEquals(List.of("input", "scale", "zeroPoint"), roles(node));
        assertArrayEquals(new long[] {2, 1}, node.input("scale").descriptor().shape());
        assertEquals(List.of(), node.attributes().keys());
        assertEquals(MLOperandDescriptor.of(FLOAT16, 2, 4), node.output().descriptor());
    }

    @Test
    void dequantizeRejectsDataTypes() {
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.copyOf(QUANTIZED))) {
            assertTypeError("dequantizeLinear: input data type " + type + " is not allowed (allowed: int32, uint32, int8, uint8, int4, uint4)",
                    () -> builder.dequantizeLinear(input(type, 2), input(FLOAT32, 2), input(type, 2)));
        }
        for (MLOperandDataType type : EnumSet.complementOf(EnumSet.copyOf(FLOATS))) {
            assertTypeError("dequantizeLinear [d]: scale data type " + type + " is not allowed (allowed: float32, float16)",
                    () -> builder.dequantizeLinear(input(UINT8, 2), input(type, 2), input(UINT8, 2),
                            MLOperatorOptions.defaults().withLabel("d")));
        }
        assertTypeError("dequantizeLinear: zeroPoint data type int8 must match input data type uint8",
                () -> builder.dequantizeLinear(input(UINT8, 2), input(FLOAT32, 2), input(INT8, 2)));
        assertTypeError("dequantizeLinear: zeroPoint data type float32 must match input data type int32",
                () -> builder.dequantizeLinear(input(INT32, 2), input(FLOAT32, 2), input(FLOAT32, 2)));
    }

    @Test
    void dequantizeRejectsRanksAndShapes() {
        assertTypeError("dequantizeLinear: scale rank 3 must equal input rank 2",
                () -> builder.dequantizeLinear(input(INT8, 4, 6), input(FLOAT32, 1, 1, 1), input(INT8, 1, 1)));
        assertTypeError("dequantizeLinear: zeroPoint rank 0 must equal input rank 2",
                () -> builder.dequantizeLinear(input(INT8, 4, 6), input(FLOAT32, 1, 1), input(INT8)));
        assertTypeError("dequantizeLinear: scale shape [1, 1] must equal zeroPoint shape [1, 2]",
                () -> builder.dequantizeLinear(input(INT8, 4, 6), input(FLOAT32, 1, 1), input(INT8, 1, 2)));
        assertTypeError("dequantizeLinear: scale shape [5] is not blockwise broadcastable to input shape [6]",
                () -> dequantize(new long[] {6}, new long[] {5}));
        assertTypeError("dequantizeLinear: scale shape [1, 12] is not blockwise broadcastable to input shape [4, 6]",
                () -> dequantize(new long[] {4, 6}, new long[] {1, 12}));
    }

    @Test
    void dequantizeRejectsNullsForeignOperandsAndBuiltBuilders() {
        MLOperand x = input(INT8, 2);
        MLOperand s = input(FLOAT32, 2);
        MLOperand z = input(INT8, 2);
        assertTypeError("dequantizeLinear: options are null", () -> builder.dequantizeLinear(x, s, z, null));
        assertTypeError("dequantizeLinear: input is null", () -> builder.dequantizeLinear(null, s, z));
        assertTypeError("dequantizeLinear: scale is null", () -> builder.dequantizeLinear(x, null, z));
        assertTypeError("dequantizeLinear: zeroPoint is null", () -> builder.dequantizeLinear(x, s, null));
        assertTypeError("dequantizeLinear: input belongs to another MLGraphBuilder",
                () -> builder.dequantizeLinear(foreign(INT8), s, z));
        assertTypeError("dequantizeLinear: scale belongs to another MLGraphBuilder",
                () -> builder.dequantizeLinear(x, foreign(FLOAT32), z));
        assertTypeError("dequantizeLinear: zeroPoint belongs to another MLGraphBuilder",
                () -> builder.dequantizeLinear(x, s, foreign(INT8)));
        node(builder.dequantizeLinear(x, s, z));
        assertThrows(MLInvalidStateError.class, () -> x.builder().dequantizeLinear(x, s, z));
    }
}
