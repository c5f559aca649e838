package dev.webnn.spi;

import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLRankRange;
import dev.webnn.MLTensorLimits;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Narrows the specification's {@link MLOpSupportLimits} to what a backend runs (see
 * {@link BackendContext#supportLimits}): which operators, which data types and ranks per
 * operand role, the preferred layout and the largest tensor. Not thread-safe; each method
 * returns this builder.
 */
public final class SupportLimitsBuilder {

    private MLInputOperandLayout preferredInputLayout;
    private long maxTensorByteLength;
    private MLTensorLimits input;
    private MLTensorLimits constant;
    private MLTensorLimits output;
    private final Map<String, Map<String, MLTensorLimits>> operators = new LinkedHashMap<>();

    private SupportLimitsBuilder(MLOpSupportLimits limits) {
        preferredInputLayout = limits.preferredInputLayout();
        maxTensorByteLength = limits.maxTensorByteLength();
        input = limits.input();
        constant = limits.constant();
        output = limits.output();
        for (String name : limits.operators()) {
            operators.put(name, new LinkedHashMap<>(limits.operator(name).orElseThrow()));
        }
    }

    /**
     * Starts from some limits, usually the specification's.
     *
     * @param limits the limits to narrow
     * @return a builder holding a copy of them
     */
    public static SupportLimitsBuilder from(MLOpSupportLimits limits) {
        return new SupportLimitsBuilder(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Keeps only some operators.
     *
     * @param keep which spec names to keep
     * @return this builder
     */
    public SupportLimitsBuilder retainOperators(Predicate<String> keep) {
        operators.keySet().removeIf(keep.negate());
        return this;
    }

    /**
     * Restricts every operand of every operator, and graph inputs, constants and outputs,
     * to some data types. Operators left with an operand of no type are removed.
     *
     * @param allowed the data types the backend handles
     * @return this builder
     */
    public SupportLimitsBuilder retainDataTypes(Set<MLOperandDataType> allowed) {
        input = intersect(input, allowed);
        constant = intersect(constant, allowed);
        output = intersect(output, allowed);
        operators.values().forEach(roles -> roles.replaceAll((role, limits) -> intersect(limits, allowed)));
        operators.values().removeIf(roles -> roles.values().stream().anyMatch(limits -> limits.dataTypes().isEmpty()));
        return this;
    }

    /**
     * Restricts graph inputs and outputs (not constants, not operators' operands) to some
     * data types: for a backend that reads constants of more types than it takes or gives.
     *
     * @param allowed the data types of the graph inputs and outputs the backend handles
     * @return this builder
     */
    public SupportLimitsBuilder retainGraphDataTypes(Set<MLOperandDataType> allowed) {
        input = intersect(input, allowed);
        output = intersect(output, allowed);
        return this;
    }

    /**
     * Restricts the operand roles of one operator to some data types (every role, or the
     * roles named). An operator the limits do not hold is left alone.
     *
     * @param specName the operator
     * @param allowed the data types it runs
     * @param roles the roles to restrict; none for every role
     * @return this builder
     */
    public SupportLimitsBuilder retainDataTypes(String specName, Set<MLOperandDataType> allowed, String... roles) {
        Map<String, MLTensorLimits> limits = operators.get(specName);
        if (limits != null) {
            Set<String> restricted = roles.length == 0 ? limits.keySet() : Set.of(roles);
            limits.replaceAll((role, current) -> restricted.contains(role) ? intersect(current, allowed) : current);
        }
        return this;
    }

    /**
     * Caps every rank range (operators' operands, graph inputs, constants and outputs) at
     * {@code maxRank}. Operators left with an operand of no allowed rank are removed.
     *
     * @param maxRank the largest rank the backend handles
     * @return this builder
     */
    public SupportLimitsBuilder retainMaxRank(int maxRank) {
        input = capRank(input, maxRank);
        constant = capRank(constant, maxRank);
        output = capRank(output, maxRank);
        operators.values().removeIf(roles -> roles.values().stream().anyMatch(l -> l.rankRange().min() > maxRank));
        operators.values().forEach(roles -> roles.replaceAll((role, limits) -> capRank(limits, maxRank)));
        return this;
    }

    /**
     * The current limits of one operand role.
     *
     * @param specName the operator
     * @param role the operand role
     * @return its limits, empty if the operator or role is not held
     */
    public Optional<MLTensorLimits> operand(String specName, String role) {
        return Optional.ofNullable(operators.get(specName)).map(roles -> roles.get(role));
    }

    /**
     * Replaces the limits of one operand role of one operator.
     *
     * @param specName the operator
     * @param role the operand role
     * @param limits the new limits
     * @return this builder
     * @throws IllegalArgumentException if the operator or role is not held
     */
    public SupportLimitsBuilder withOperand(String specName, String role, MLTensorLimits limits) {
        Map<String, MLTensorLimits> roles = operators.get(specName);
        if (roles == null || !roles.containsKey(role)) {
            throw new IllegalArgumentException("no operand '" + role + "' of operator " + specName);
        }
        roles.put(role, Objects.requireNonNull(limits, "limits"));
        return this;
    }

    /**
     * Sets the preferred input layout and the largest tensor.
     *
     * @param layout the preferred layout
     * @param maxBytes largest tensor in bytes
     * @return this builder
     */
    public SupportLimitsBuilder withPreferredInputLayout(MLInputOperandLayout layout, long maxBytes) {
        preferredInputLayout = Objects.requireNonNull(layout, "layout");
        maxTensorByteLength = maxBytes;
        return this;
    }

    /**
     * The limits as narrowed so far.
     *
     * @return immutable limits
     */
    public MLOpSupportLimits build() {
        return MLOpSupportLimits.of(preferredInputLayout, maxTensorByteLength, input, constant, output, operators);
    }

    private static MLTensorLimits intersect(MLTensorLimits limits, Set<MLOperandDataType> allowed) {
        Set<MLOperandDataType> types = limits.dataTypes().isEmpty() ? EnumSet.noneOf(MLOperandDataType.class)
                : EnumSet.copyOf(limits.dataTypes());
        types.retainAll(allowed);
        return new MLTensorLimits(types, limits.rankRange());
    }

    private static MLTensorLimits capRank(MLTensorLimits limits, int maxRank) {
        MLRankRange range = limits.rankRange();
        return new MLTensorLimits(limits.dataTypes(), new MLRankRange(range.min(), Math.min(range.max(), maxRank)));
    }
}
