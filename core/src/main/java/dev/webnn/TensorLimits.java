package dev.webnn;

import dev.webnn.graph.Op;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tensor-limits tables in force: the spec snapshot's ({@link SpecTensorLimits}, generated)
 * with {@link MLOperandDataType#INT4} and {@link MLOperandDataType#UINT4} added to the operands
 * that Chromium and upstream WPT accept them for, beyond the spec text: dequantizeLinear's
 * input (and so its zero point, "same type as input"), quantizeLinear's zero point (and so its
 * output), cast's input and output, and reshape's and transpose's input (and so their output).
 */
final class TensorLimits {

    /** The 4-bit types, which no spec table lists. */
    private static final Set<MLOperandDataType> FOUR_BIT = EnumSet.of(MLOperandDataType.INT4, MLOperandDataType.UINT4);

    /** Operator → the roles whose own type set also takes the 4-bit types. */
    private static final Map<Op, Set<String>> FOUR_BIT_ROLES = Map.of(
            Op.DEQUANTIZE_LINEAR, Set.of("input"),
            Op.QUANTIZE_LINEAR, Set.of("zeroPoint"),
            Op.CAST, Set.of("input", "output"),
            Op.RESHAPE, Set.of("input"),
            Op.TRANSPOSE, Set.of("input"));

    /** Operator → its operands' limits, in the spec's order (inputs, then outputs). */
    static final Map<Op, List<OperandLimit>> TABLE = build();

    private TensorLimits() {
    }

    private static Map<Op, List<OperandLimit>> build() {
        Map<Op, List<OperandLimit>> table = new EnumMap<>(SpecTensorLimits.TABLE);
        FOUR_BIT_ROLES.forEach((op, roles) -> table.put(op, table.get(op).stream()
                .map(row -> roles.contains(row.role()) ? withFourBit(row) : row).toList()));
        return table;
    }

    private static OperandLimit withFourBit(OperandLimit row) {
        Set<MLOperandDataType> types = EnumSet.copyOf(row.types().allowed());
        types.addAll(FOUR_BIT);
        return OperandLimit.operand(row.role(), new OperandLimit.TypeRule(types, null), row.ranks());
    }
}
