package dev.webnn;

import dev.webnn.graph.Op;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a context supports, operator by operator (spec: {@code MLOpSupportLimits}, section
 * "opSupportLimits()"). Immutable.
 *
 * <p>{@link #operator(String)} gives, for one operator, the supported data types and ranks
 * of each operand role, keyed by the spec's member names ({@code "input"}, {@code "a"},
 * {@code "filter"}, {@code "bias"}, {@code "output"}, ...). An operator the backend cannot
 * run is absent. Backends narrow the spec's limits with the {@code with*} and
 * {@code retain*} methods.
 */
public final class MLOpSupportLimits {

    private final MLInputOperandLayout preferredInputLayout;
    private final long maxTensorByteLength;
    private final MLTensorLimits input;
    private final MLTensorLimits constant;
    private final MLTensorLimits output;
    private final Map<String, Map<String, MLTensorLimits>> operators;

    private MLOpSupportLimits(MLInputOperandLayout preferredInputLayout, long maxTensorByteLength, MLTensorLimits input,
                              MLTensorLimits constant, MLTensorLimits output, Map<String, Map<String, MLTensorLimits>> operators) {
        this.preferredInputLayout = preferredInputLayout;
        this.maxTensorByteLength = maxTensorByteLength;
        this.input = input;
        this.constant = constant;
        this.output = output;
        this.operators = operators;
    }

    /**
     * The limits of the specification itself: every operator, every allowed data type, and
     * ranks up to {@value MLGraphBuilder#MAX_RANK}.
     *
     * @return the spec limits
     */
    public static MLOpSupportLimits specification() {
        return SpecLimitsHolder.SPEC;
    }

    /**
     * The layout the backend runs fastest for layout-dependent operators such as conv2d.
     *
     * @return the preferred layout
     */
    public MLInputOperandLayout preferredInputLayout() {
        return preferredInputLayout;
    }

    /**
     * Largest supported tensor, in bytes.
     *
     * @return the byte length limit
     */
    public long maxTensorByteLength() {
        return maxTensorByteLength;
    }

    /**
     * Limits of graph inputs.
     *
     * @return the limits
     */
    public MLTensorLimits input() {
        return input;
    }

    /**
     * Limits of graph constants.
     *
     * @return the limits
     */
    public MLTensorLimits constant() {
        return constant;
    }

    /**
     * Limits of graph outputs.
     *
     * @return the limits
     */
    public MLTensorLimits output() {
        return output;
    }

    /**
     * The operand limits of one operator.
     *
     * @param specName the operator's spec name, e.g. {@code "conv2d"}
     * @return the limits by operand role, or empty if the operator is not supported
     */
    public Optional<Map<String, MLTensorLimits>> operator(String specName) {
        return Optional.ofNullable(operators.get(specName));
    }

    /**
     * The supported operators.
     *
     * @return spec names in the spec's alphabetical order
     */
    public Set<String> operators() {
        return operators.keySet();
    }

    /**
     * Keeps only some operators.
     *
     * @param keep which spec names to keep
     * @return narrowed limits
     */
    public MLOpSupportLimits retainOperators(Predicate<String> keep) {
        Map<String, Map<String, MLTensorLimits>> kept = new LinkedHashMap<>();
        operators.forEach((name, roles) -> {
            if (keep.test(name)) {
                kept.put(name, roles);
            }
        });
        return with(Collections.unmodifiableMap(kept));
    }

    /**
     * Restricts every operand of every operator, and graph inputs, constants and outputs,
     * to some data types. Operators left with an operand of no type are removed.
     *
     * @param allowed the data types the backend handles
     * @return narrowed limits
     */
    public MLOpSupportLimits retainDataTypes(Set<MLOperandDataType> allowed) {
        Map<String, Map<String, MLTensorLimits>> narrowed = new LinkedHashMap<>();
        operators.forEach((name, roles) -> {
            Map<String, MLTensorLimits> kept = new LinkedHashMap<>();
            for (Map.Entry<String, MLTensorLimits> role : roles.entrySet()) {
                kept.put(role.getKey(), intersect(role.getValue(), allowed));
            }
            if (kept.values().stream().noneMatch(l -> l.dataTypes().isEmpty())) {
                narrowed.put(name, Collections.unmodifiableMap(kept));
            }
        });
        return new MLOpSupportLimits(preferredInputLayout, maxTensorByteLength, intersect(input, allowed),
                intersect(constant, allowed), intersect(output, allowed), Collections.unmodifiableMap(narrowed));
    }

    /**
     * Caps every rank range (operators' operands, graph inputs, constants and outputs) at
     * {@code maxRank}. Operators left with an operand of no allowed rank are removed.
     *
     * @param maxRank the largest rank the backend handles
     * @return narrowed limits
     */
    public MLOpSupportLimits retainMaxRank(int maxRank) {
        Map<String, Map<String, MLTensorLimits>> narrowed = new LinkedHashMap<>();
        operators.forEach((name, roles) -> {
            Map<String, MLTensorLimits> kept = new LinkedHashMap<>();
            for (Map.Entry<String, MLTensorLimits> role : roles.entrySet()) {
                MLTensorLimits capped = capRank(role.getValue(), maxRank);
                if (capped == null) {
                    return;
                }
                kept.put(role.getKey(), capped);
            }
            narrowed.put(name, Collections.unmodifiableMap(kept));
        });
        return new MLOpSupportLimits(preferredInputLayout, maxTensorByteLength, capRank(input, maxRank),
                capRank(constant, maxRank), capRank(output, maxRank), Collections.unmodifiableMap(narrowed));
    }

    private static MLTensorLimits capRank(MLTensorLimits limits, int maxRank) {
        MLRankRange range = limits.rankRange();
        if (range.min() > maxRank) {
            return null;
        }
        return new MLTensorLimits(limits.dataTypes(), new MLRankRange(range.min(), Math.min(range.max(), maxRank)));
    }

    /**
     * Replaces the limits of one operand role of one operator.
     *
     * @param specName the operator
     * @param role the operand role
     * @param limits the new limits
     * @return narrowed limits
     * @throws IllegalArgumentException if the operator or role is unknown
     */
    public MLOpSupportLimits withOperand(String specName, String role, MLTensorLimits limits) {
        Map<String, MLTensorLimits> roles = operators.get(specName);
        if (roles == null || !roles.containsKey(role)) {
            throw new IllegalArgumentException("no operand '" + role + "' of operator " + specName);
        }
        Map<String, MLTensorLimits> changed = new LinkedHashMap<>(roles);
        changed.put(role, Objects.requireNonNull(limits, "limits"));
        Map<String, Map<String, MLTensorLimits>> all = new LinkedHashMap<>(operators);
        all.put(specName, Collections.unmodifiableMap(changed));
        return with(Collections.unmodifiableMap(all));
    }

    /**
     * Sets the preferred input layout and the largest tensor.
     *
     * @param layout the preferred layout
     * @param maxBytes largest tensor in bytes
     * @return changed limits
     */
    public MLOpSupportLimits withPreferredInputLayout(MLInputOperandLayout layout, long maxBytes) {
        return new MLOpSupportLimits(Objects.requireNonNull(layout, "layout"), maxBytes, input, constant, output, operators);
    }

    private MLOpSupportLimits with(Map<String, Map<String, MLTensorLimits>> newOperators) {
        return new MLOpSupportLimits(preferredInputLayout, maxTensorByteLength, input, constant, output, newOperators);
    }

    private static MLTensorLimits intersect(MLTensorLimits limits, Set<MLOperandDataType> allowed) {
        Set<MLOperandDataType> types = limits.dataTypes().isEmpty() ? EnumSet.noneOf(MLOperandDataType.class)
                : EnumSet.copyOf(limits.dataTypes());
        types.retainAll(allowed);
        return new MLTensorLimits(types, limits.rankRange());
    }

    @Override
    public String toString() {
        return "MLOpSupportLimits[" + operators.size() + " operators, preferredInputLayout=" + preferredInputLayout
                + ", maxTensorByteLength=" + maxTensorByteLength + "]";
    }

    /** Builds the spec limits once from {@link SpecTensorLimits}. */
    private static final class SpecLimitsHolder {
        static final MLOpSupportLimits SPEC = build();

        private static MLOpSupportLimits build() {
            Map<String, Map<String, MLTensorLimits>> operators = new LinkedHashMap<>();
            for (Op op : Op.values()) {
                List<OperandLimit> rows = SpecTensorLimits.TABLE.get(op);
                Map<String, MLTensorLimits> roles = new LinkedHashMap<>();
                for (OperandLimit row : rows) {
                    roles.put(row.role(), new MLTensorLimits(types(row, rows), ranks(row, rows)));
                }
                operators.put(op.specName(), Collections.unmodifiableMap(roles));
            }
            MLTensorLimits any = new MLTensorLimits(EnumSet.allOf(MLOperandDataType.class),
                    new MLRankRange(0, MLGraphBuilder.MAX_RANK));
            return new MLOpSupportLimits(MLInputOperandLayout.NCHW, MLGraphBuilder.MAX_TENSOR_BYTE_LENGTH, any, any, any,
                    Collections.unmodifiableMap(operators));
        }

        private static Set<MLOperandDataType> types(OperandLimit row, List<OperandLimit> rows) {
            OperandLimit current = row;
            while (current.types().sameAs() != null) {
                current = find(rows, current.types().sameAs());
            }
            return current.types().allowed();
        }

        private static MLRankRange ranks(OperandLimit row, List<OperandLimit> rows) {
            OperandLimit current = row;
            while (current.ranks().sameAs() != null) {
                current = find(rows, current.ranks().sameAs());
            }
            return new MLRankRange(current.ranks().min(), current.ranks().max());
        }

        private static OperandLimit find(List<OperandLimit> rows, String role) {
            return rows.stream().filter(r -> r.role().equals(role)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("spec table refers to unknown role " + role));
        }
    }
}
