package dev.webnn;

import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT4;
import static dev.webnn.MLOperandDataType.UINT4;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** int4 and uint4, beyond the spec snapshot: sizes, and the operators that take them (as Chromium). */
class FourBitTypesTest extends OpsTestFixture {

    @Test
    void twoValuesShareAByteAndTheLengthRoundsUp() {
        assertEquals(4, INT4.bitSize());
        assertTrue(UINT4.isPacked());
        assertFalse(MLOperandDataType.INT8.isPacked());
        assertTrue(INT4.isSigned());
        assertFalse(UINT4.isSigned());
        assertEquals(2, MLOperandDescriptor.of(INT4, 3).byteLength());
        assertEquals(3, MLOperandDescriptor.of(UINT4, 2, 3).byteLength());
        assertEquals(1, MLOperandDescriptor.of(UINT4).byteLength());
        assertEquals(0, MLOperandDescriptor.of(INT4, 0, 5).byteLength());
        assertEquals(UINT4, MLOperandDataType.fromSpecName("uint4"));
    }

    @Test
    void constantsTakeTheRoundedUpByteLength() {
        assertArrayEquals(new long[] {3}, builder.constant(MLOperandDescriptor.of(INT4, 3), new byte[2]).shape());
        MLTypeError error = assertThrows(MLTypeError.class,
                () -> builder.constant(MLOperandDescriptor.of(INT4, 3), new byte[3]));
        assertTrue(error.getMessage().contains("needs 2 bytes"), error.getMessage());
        // a scalar's value cast to the type: saturated to [-8, 7]
        assertEquals(INT4, builder.constant(INT4, 100).dataType());
        assertEquals(-8, MLNumber.of(-100).castTo(INT4).doubleValue());
        assertEquals(15, MLNumber.of(99.5).castTo(UINT4).doubleValue());
    }

    @Test
    void theOperatorsChromiumTakesThemForAcceptThem() {
        MLOperand packed = input(UINT4, 2, 4);
        assertEquals(FLOAT32, builder.dequantizeLinear(packed, input(FLOAT32, 2, 2), input(UINT4, 2, 2)).dataType());
        assertEquals(INT4, builder.quantizeLinear(input(FLOAT32, 4), input(FLOAT32, 2), input(INT4, 2)).dataType());
        assertEquals(INT4, builder.cast(packed, INT4).dataType());
        assertArrayEquals(new long[] {8}, builder.reshape(packed, 8).shape());
        assertArrayEquals(new long[] {4, 2}, builder.transpose(packed).shape());
        MLOpSupportLimits spec = MLOpSupportLimits.specification();
        assertTrue(spec.operator("dequantizeLinear").orElseThrow().get("zeroPoint").allows(INT4, 2));
        assertTrue(spec.operator("quantizeLinear").orElseThrow().get("output").allows(UINT4, 2));
        assertTrue(spec.input().allows(UINT4, 2));
    }

    @Test
    void otherOperatorsRefuseThem() {
        MLOperand packed = input(INT4, 2);
        MLTypeError error = assertThrows(MLTypeError.class, () -> builder.add(packed, packed));
        assertTrue(error.getMessage().contains("int4 is not allowed"), error.getMessage());
        assertThrows(MLTypeError.class, () -> builder.relu(packed));
        assertThrows(MLTypeError.class, () -> builder.dequantizeLinear(input(FLOAT32, 2), input(FLOAT32, 2), input(INT4, 2)));
        assertFalse(MLOpSupportLimits.specification().operator("add").orElseThrow().get("a").allows(INT4, 1));
    }
}
