package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLRankRange;
import dev.webnn.MLTensorLimits;
import dev.webnn.spi.SupportLimitsBuilder;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check of a case against a backend's {@code opSupportLimits()} before building. */
class SupportCheckTest {

    private static WptCase concat(String dataType, String shape) {
        String json = """
                {"tests": [{"name": "c", "graph": {
                  "inputs": {"a": {"data": 1, "descriptor": {"shape": SHAPE, "dataType": "TYPE"}},
                             "b": {"data": 1, "descriptor": {"shape": SHAPE, "dataType": "TYPE"}, "constant": true}},
                  "operators": [{"name": "concat", "arguments": [{"inputs": ["a", "b"]}, {"axis": 0}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": 1, "descriptor": {"shape": SHAPE, "dataType": "TYPE"}}}}}]}
                """.replace("SHAPE", shape).replace("TYPE", dataType);
        return WptCaseLoader.cases("concat.json", json).get(0);
    }

    @Test
    void theSpecLimitsAllowAValidCase() {
        assertEquals(Optional.empty(), SupportCheck.unsupportedReason(concat("float32", "[2]"), MLOpSupportLimits.specification()));
    }

    @Test
    void anAbsentOperatorIsUnsupported() {
        MLOpSupportLimits limits = SupportLimitsBuilder.from(MLOpSupportLimits.specification())
                .retainOperators(op -> !op.equals("concat")).build();
        assertEquals(Optional.of("operator concat is not in the backend's opSupportLimits()"),
                SupportCheck.unsupportedReason(concat("float32", "[2]"), limits));
    }

    @Test
    void anOperandRoleOutsideItsLimitsIsUnsupported() {
        MLOpSupportLimits ranks = SupportLimitsBuilder.from(MLOpSupportLimits.specification()).withOperand("concat",
                "inputs", new MLTensorLimits(Set.of(MLOperandDataType.FLOAT32), new MLRankRange(2, 4))).build();
        assertEquals(Optional.of("concat inputs 'a': rank 1 is not supported (ranks 2 to 4)"),
                SupportCheck.unsupportedReason(concat("float32", "[2]"), ranks));
        assertEquals(Optional.of("concat inputs 'a': data type int8 is not supported (supported: [float32])"),
                SupportCheck.unsupportedReason(concat("int8", "[2, 2]"), ranks));
    }

    @Test
    void graphInputsConstantsAndOutputsAreChecked() {
        MLOpSupportLimits float16Only = SupportLimitsBuilder.from(MLOpSupportLimits.specification())
                .retainDataTypes(Set.of(MLOperandDataType.FLOAT16)).build();
        assertEquals(Optional.of("graph input 'a': data type float32 is not supported (supported: [float16])"),
                SupportCheck.unsupportedReason(concat("float32", "[2]"), float16Only));
        assertEquals(Optional.empty(), SupportCheck.unsupportedReason(concat("float16", "[2]"), float16Only));
    }

    @Test
    void theOutputRoleIsChecked() {
        MLOpSupportLimits limits = SupportLimitsBuilder.from(MLOpSupportLimits.specification()).withOperand("concat",
                "output", new MLTensorLimits(Set.of(MLOperandDataType.FLOAT32), new MLRankRange(3, 3))).build();
        assertEquals(Optional.of("concat output 'y': rank 1 is not supported (ranks 3 to 3)"),
                SupportCheck.unsupportedReason(concat("float32", "[2]"), limits));
    }
}
