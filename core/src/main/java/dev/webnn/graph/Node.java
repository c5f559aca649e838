package dev.webnn.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One operator of a {@link Graph}, already validated: its inputs by role, its
 * default-filled attributes and its outputs with inferred descriptors.
 *
 * <p>Input roles are the spec's argument and option names ({@code "input"},
 * {@code "filter"}, {@code "bias"}, ...). Operators with a list argument (concat's
 * {@code inputs}) use the roles {@code "inputs[0]"}, {@code "inputs[1]"}, ...; absent
 * optional operands have no entry.
 *
 * @param op the operator
 * @param label the user's label ({@code MLOperatorOptions.label}), possibly empty
 * @param inputs operand inputs by role, in the spec's argument order
 * @param attributes validated options with defaults filled in
 * @param outputs the outputs, in the spec's order
 */
public record Node(Op op, String label, Map<String, Operand> inputs, Attributes attributes, List<Operand> outputs) {

    /** Copies the collections; checks nothing is null. */
    public Node {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(label, "label");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        Objects.requireNonNull(attributes, "attributes");
        outputs = List.copyOf(outputs);
    }

    /**
     * A required input.
     *
     * @param role the spec's argument name
     * @return the operand
     * @throws IllegalArgumentException if the node has no such input
     */
    public Operand input(String role) {
        Operand operand = inputs.get(role);
        if (operand == null) {
            throw new IllegalArgumentException(op.specName() + " has no input '" + role + "' (has " + inputs.keySet() + ")");
        }
        return operand;
    }

    /**
     * An optional input, such as {@code "bias"}.
     *
     * @param role the spec's option name
     * @return the operand if it was given
     */
    public Optional<Operand> optionalInput(String role) {
        return Optional.ofNullable(inputs.get(role));
    }

    /**
     * The operands of a list argument, such as concat's {@code inputs}.
     *
     * @param role the argument name without index
     * @return the operands in order
     */
    public List<Operand> inputList(String role) {
        List<Operand> list = new ArrayList<>();
        for (int i = 0; inputs.containsKey(role + "[" + i + "]"); i++) {
            list.add(inputs.get(role + "[" + i + "]"));
        }
        return list;
    }

    /**
     * The single output of a one-output operator.
     *
     * @return the output
     */
    public Operand output() {
        return outputs.get(0);
    }

    @Override
    public String toString() {
        return op.specName() + (label.isEmpty() ? "" : "'" + label + "'") + inputs.keySet() + attributes;
    }
}
