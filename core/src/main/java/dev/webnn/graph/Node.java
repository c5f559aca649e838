package dev.webnn.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One operator of a {@link Graph}, already validated: its typed {@link Operation} (inputs
 * and default-filled options) and its outputs with inferred descriptors.
 *
 * @param operation the operation with its inputs and options
 * @param label the user's label ({@code MLOperatorOptions.label}), possibly empty
 * @param outputs the outputs, in the spec's order
 */
public record Node(Operation operation, String label, List<Operand> outputs) {

    /** Copies the outputs; checks nothing is null. */
    public Node {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(label, "label");
        outputs = List.copyOf(outputs);
    }

    /**
     * The spec operation.
     *
     * @return the catalogue entry of {@link #operation()}
     */
    public Op op() {
        return operation.op();
    }

    /**
     * The inputs by the spec's role names (transitional string view of {@link #operation()}).
     *
     * @return the inputs by role, in argument order
     */
    public Map<String, Operand> inputs() {
        return OperationComponents.roles(operation);
    }

    /**
     * A required input by role (transitional string view).
     *
     * @param role the spec's argument name
     * @return the operand
     * @throws IllegalArgumentException if the node has no such input
     */
    public Operand input(String role) {
        Operand operand = inputs().get(role);
        if (operand == null) {
            throw new IllegalArgumentException(op().specName() + " has no input '" + role + "' (has " + inputs().keySet() + ")");
        }
        return operand;
    }

    /**
     * An optional input by role (transitional string view).
     *
     * @param role the spec's option name
     * @return the operand if it was given
     */
    public Optional<Operand> optionalInput(String role) {
        return Optional.ofNullable(inputs().get(role));
    }

    /**
     * The operands of a list argument (transitional string view).
     *
     * @param role the argument name without index
     * @return the operands in order
     */
    public List<Operand> inputList(String role) {
        Map<String, Operand> inputs = inputs();
        List<Operand> list = new ArrayList<>();
        for (int i = 0; inputs.containsKey(role + "[" + i + "]"); i++) {
            list.add(inputs.get(role + "[" + i + "]"));
        }
        return list;
    }

    /**
     * The options by the spec's names (transitional string view).
     *
     * @return the attributes
     */
    public Attributes attributes() {
        return OperationComponents.attributes(operation);
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
        return op().specName() + (label.isEmpty() ? "" : "'" + label + "'") + inputs().keySet() + attributes();
    }
}
