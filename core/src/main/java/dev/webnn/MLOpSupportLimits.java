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

/**
 * What a context supports, operator by operator (spec: {@code MLOpSupportLimits}, section
 * "opSupportLimits()"). Immutable.
 *
 * <p>{@link #operator(String)} gives, for one operator, the supported data types and ranks
 * of each operand role, keyed by the spec's member names ({@code "input"}, {@code "a"},
 * {@code "filter"}, {@code "bias"}, {@code "output"}, ...). An operator the backend cannot
 * run is absent. Backends narrow the spec's limits with
 * {@link dev.webnn.spi.SupportLimitsBuilder}.
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
     * Limits from their parts (used by {@link dev.webnn.spi.SupportLimitsBuilder}).
     *
     * @param preferredInputLayout the layout the backend runs fastest
     * @param maxTensorByteLength the largest tensor in bytes
     * @param input the limits of graph inputs
     * @param constant the limits of constants
     * @param output the limits of graph outputs
     * @param operators per operator spec name, the limits of each operand role
     * @return the limits, holding an immutable copy of the maps
     */
    public static MLOpSupportLimits of(MLInputOperandLayout preferredInputLayout, long maxTensorByteLength,
                                       MLTensorLimits input, MLTensorLimits constant, MLTensorLimits output,
                                       Map<String, Map<String, MLTensorLimits>> operators) {
        Map<String, Map<String, MLTensorLimits>> copy = new LinkedHashMap<>();
        operators.forEach((name, roles) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(roles))));
        return new MLOpSupportLimits(Objects.requireNonNull(preferredInputLayout, "preferredInputLayout"),
                maxTensorByteLength, Objects.requireNonNull(input, "input"), Objects.requireNonNull(constant, "constant"),
                Objects.requireNonNull(output, "output"), Collections.unmodifiableMap(copy));
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
     * The limits of a context of several backends: an operator any of them runs, each role
     * with the data types any of them allows and the rank range spanning theirs; the first
     * backend's preferred layout and the largest tensor size.
     *
     * @param all the backends' limits, at least one, in the context's order
     * @return the union, or the only limits given
     */
    static MLOpSupportLimits union(List<MLOpSupportLimits> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        Map<String, Map<String, MLTensorLimits>> operators = new LinkedHashMap<>();
        for (String name : specification().operators()) {
            Map<String, MLTensorLimits> roles = new LinkedHashMap<>();
            for (MLOpSupportLimits limits : all) {
                limits.operator(name).ifPresent(r -> r.forEach((role, l) -> roles.merge(role, l, MLOpSupportLimits::union)));
            }
            if (all.stream().anyMatch(l -> l.operators.containsKey(name))) {
                operators.put(name, roles);
            }
        }
        return of(all.get(0).preferredInputLayout, all.stream().mapToLong(l -> l.maxTensorByteLength).max().orElseThrow(),
                all.stream().map(l -> l.input).reduce(MLOpSupportLimits::union).orElseThrow(),
                all.stream().map(l -> l.constant).reduce(MLOpSupportLimits::union).orElseThrow(),
                all.stream().map(l -> l.output).reduce(MLOpSupportLimits::union).orElseThrow(), operators);
    }

    private static MLTensorLimits union(MLTensorLimits a, MLTensorLimits b) {
        Set<MLOperandDataType> types = EnumSet.noneOf(MLOperandDataType.class);
        types.addAll(a.dataTypes());
        types.addAll(b.dataTypes());
        return new MLTensorLimits(types, new MLRankRange(Math.min(a.rankRange().min(), b.rankRange().min()),
                Math.max(a.rankRange().max(), b.rankRange().max())));
    }

    @Override
    public String toString() {
        return "MLOpSupportLimits[" + operators.size() + " operators, preferredInputLayout=" + preferredInputLayout
                + ", maxTensorByteLength=" + maxTensorByteLength + "]";
    }

    /** Builds the spec limits once from {@link TensorLimits} (the spec tables and the 4-bit types). */
    private static final class SpecLimitsHolder {
        static final MLOpSupportLimits SPEC = build();

        private static MLOpSupportLimits build() {
            Map<String, Map<String, MLTensorLimits>> operators = new LinkedHashMap<>();
            for (Op op : Op.values()) {
                List<OperandLimit> rows = TensorLimits.TABLE.get(op);
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
