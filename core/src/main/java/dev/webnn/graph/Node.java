package dev.webnn.graph;

import java.util.List;
import java.util.Objects;

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
     * The single output of a one-output operator.
     *
     * @return the output
     */
    public Operand output() {
        return outputs.get(0);
    }

    @Override
    public String toString() {
        return op().specName() + (label.isEmpty() ? "" : "'" + label + "'") + " " + operation;
    }
}
