package dev.webnn;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Supported data types and ranks of one operand (spec: {@code MLTensorLimits}).
 *
 * @param dataTypes the supported data types (unmodifiable)
 * @param rankRange the supported ranks
 */
public record MLTensorLimits(Set<MLOperandDataType> dataTypes, MLRankRange rankRange) {

    /** Copies the data types. */
    public MLTensorLimits {
        dataTypes = dataTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dataTypes));
        Objects.requireNonNull(rankRange, "rankRange");
    }

    /**
     * Whether an operand of this type and rank is supported.
     *
     * @param dataType the data type
     * @param rank the rank
     * @return true if both are within the limits
     */
    public boolean allows(MLOperandDataType dataType, int rank) {
        return dataTypes.contains(dataType) && rankRange.contains(rank);
    }
}
