package dev.webnn.spi;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLRankRange;
import dev.webnn.MLTensorLimits;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupportLimitsBuilderTest {

    private final MLOpSupportLimits spec = MLOpSupportLimits.specification();

    @Test
    void narrowsOperatorsTypesAndRanksWithoutChangingTheSpecLimits() {
        MLOpSupportLimits limits = SupportLimitsBuilder.from(spec)
                .retainOperators(name -> name.equals("add") || name.equals("cast"))
                .retainDataTypes(Set.of(FLOAT32, FLOAT16))
                .retainMaxRank(4)
                .withPreferredInputLayout(MLInputOperandLayout.NHWC, 1024)
                .build();
        assertEquals(Set.of("add", "cast"), limits.operators());
        assertEquals(new MLTensorLimits(Set.of(FLOAT32, FLOAT16), new MLRankRange(0, 4)),
                limits.operator("add").orElseThrow().get("a"));
        assertEquals(Set.of(FLOAT32, FLOAT16), limits.input().dataTypes());
        assertEquals(4, limits.output().rankRange().max());
        assertEquals(MLInputOperandLayout.NHWC, limits.preferredInputLayout());
        assertEquals(1024, limits.maxTensorByteLength());
        assertEquals(95, spec.operators().size());
        assertTrue(spec.operator("add").orElseThrow().get("a").dataTypes().contains(INT32));
    }

    @Test
    void narrowsTheRolesOfOneOperator() {
        SupportLimitsBuilder builder = SupportLimitsBuilder.from(spec).retainDataTypes("isNaN", Set.of(FLOAT32), "a");
        assertEquals(Set.of(FLOAT32), builder.operand("isNaN", "a").orElseThrow().dataTypes());
        assertEquals(spec.operator("isNaN").orElseThrow().get("output"), builder.operand("isNaN", "output").orElseThrow());
        builder.retainDataTypes("gemm", Set.of(FLOAT16));
        assertTrue(builder.build().operator("gemm").orElseThrow().values().stream()
                .allMatch(role -> role.dataTypes().equals(Set.of(FLOAT16))));
        assertFalse(builder.operand("noSuchOperator", "a").isPresent());
        assertThrows(IllegalArgumentException.class, () -> builder.withOperand("gemm", "nope", builder
                .operand("gemm", "a").orElseThrow()));
    }

    @Test
    void narrowsGraphInputsAndOutputsButNotConstants() {
        MLOpSupportLimits limits = SupportLimitsBuilder.from(spec).retainDataTypes(Set.of(FLOAT32, INT8))
                .retainGraphDataTypes(Set.of(FLOAT32)).build();
        assertEquals(Set.of(FLOAT32), limits.input().dataTypes());
        assertEquals(Set.of(FLOAT32), limits.output().dataTypes());
        assertEquals(Set.of(FLOAT32, INT8), limits.constant().dataTypes());
        assertTrue(limits.operator("dequantizeLinear").orElseThrow().get("input").dataTypes().contains(INT8));
    }
}
