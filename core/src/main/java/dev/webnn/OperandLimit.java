package dev.webnn;

import java.util.EnumSet;
import java.util.Set;

/**
 * One row of a spec "Tensor limits" table: the allowed data types and ranks of one
 * operand role, possibly defined relative to another role ("same as input").
 *
 * @param role operand role, e.g. {@code "input"}, {@code "bias"}, {@code "output"}
 * @param types allowed data types
 * @param ranks allowed ranks
 */
record OperandLimit(String role, TypeRule types, RankRule ranks) {

    /** Upper rank bound used for the spec's "N" (any rank): the largest rank this library accepts. */
    static final int ANY_RANK = MLGraphBuilder.MAX_RANK;

    /** Allowed data types: a fixed set, or the type of another role. */
    record TypeRule(Set<MLOperandDataType> allowed, String sameAs) {
    }

    /** Allowed ranks: a range, or the rank of another role. */
    record RankRule(int min, int max, String sameAs) {
    }

    /** Any data type of the spec snapshot (not the 4-bit types, which {@link TensorLimits} adds where they apply). */
    static final TypeRule ANY_TYPE = new TypeRule(MLOperandDataType.snapshotTypes(), null);

    static OperandLimit operand(String role, TypeRule types, RankRule ranks) {
        return new OperandLimit(role, types, ranks);
    }

    static TypeRule types(MLOperandDataType first, MLOperandDataType... rest) {
        return new TypeRule(EnumSet.of(first, rest), null);
    }

    static TypeRule sameTypeAs(String role) {
        return new TypeRule(null, role);
    }

    static RankRule ranks(int min, int max) {
        return new RankRule(min, max, null);
    }

    static RankRule sameRankAs(String role) {
        return new RankRule(-1, -1, role);
    }
}
