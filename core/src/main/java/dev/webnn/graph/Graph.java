package dev.webnn.graph;

import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated WebNN graph as handed to a backend: immutable, nodes in topological order,
 * shapes inferred. Constant data lives in memory owned by the compiled {@code MLGraph} and
 * stays valid until the backend's compiled graph has been closed.
 *
 * @param operands every operand, indexed by {@link Operand#id()}
 * @param inputs graph inputs by name, in the order of {@code MLGraphBuilder.input} calls
 * @param constants constant data by operand id (read-only segments)
 * @param nodes operators in topological order
 * @param outputs graph outputs by name, in the order given to {@code build}
 */
public record Graph(List<Operand> operands, Map<String, Operand> inputs, Map<Integer, MemorySegment> constants,
                    List<Node> nodes, Map<String, Operand> outputs) {

    /** Copies the collections. */
    public Graph {
        operands = List.copyOf(operands);
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        constants = Map.copyOf(constants);
        nodes = List.copyOf(nodes);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * Whether an operand is a constant.
     *
     * @param operand an operand of this graph
     * @return true if it has constant data
     */
    public boolean isConstant(Operand operand) {
        return constants.containsKey(operand.id());
    }

    /**
     * The data of a constant operand.
     *
     * @param operand a constant of this graph
     * @return its data, read-only, {@code byteLength} bytes
     * @throws IllegalArgumentException if the operand is not a constant
     */
    public MemorySegment constant(Operand operand) {
        MemorySegment data = constants.get(Objects.requireNonNull(operand, "operand").id());
        if (data == null) {
            throw new IllegalArgumentException("operand " + operand.id() + " is not a constant");
        }
        return data;
    }
}
