package dev.webnn.conformance;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.lang.foreign.Arena;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a WPT case's graph with the public API: {@code builder.input} for graph inputs,
 * {@code builder.constant(descriptor, bytes)} for constants, then each operator through
 * {@link BuilderInvoker} (reflection, no per-operation code).
 */
public final class GraphFromCase {

    /**
     * The operands of a built case.
     *
     * @param operands every named operand (inputs, constants, operator results) by name
     * @param outputs the expected outputs' operands by name, in the case's order
     */
    public record Operands(Map<String, MLOperand> operands, Map<String, MLOperand> outputs) {
    }

    private GraphFromCase() {
    }

    /**
     * Adds the case's inputs, constants and operators to a builder.
     *
     * @param builder a fresh builder
     * @param wptCase the case
     * @param arena holds the constants' bytes while they are copied in
     * @return the operands by name and the ones to pass to {@code build}
     * @throws BuilderInvoker.NoBuilderMethodException if an operation has no builder method
     * @throws IllegalArgumentException if the case does not fit the API (no overload, data out
     *     of range, an output name missing)
     * @throws RuntimeException whatever the builder throws
     */
    public static Operands addTo(MLGraphBuilder builder, WptCase wptCase, Arena arena) {
        Map<String, MLOperand> operands = new LinkedHashMap<>();
        for (WptTensor tensor : wptCase.inputs().values()) {
            MLOperandDescriptor descriptor = MLOperandDescriptor.of(tensor.dataType(), tensor.shape());
            operands.put(tensor.name(), tensor.constant() ? builder.constant(descriptor, WptData.encode(tensor, arena))
                    : builder.input(tensor.name(), descriptor));
        }
        ArgumentConverter converter = new ArgumentConverter(operands::get);
        for (WptOperator operator : wptCase.operators()) {
            List<MLOperand> results = BuilderInvoker.invoke(builder, operator, converter);
            for (int i = 0; i < results.size(); i++) {
                operands.put(operator.outputs().get(i), results.get(i));
            }
        }
        Map<String, MLOperand> outputs = new LinkedHashMap<>();
        for (String name : wptCase.expectedOutputs().keySet()) {
            MLOperand operand = operands.get(name);
            if (operand == null) {
                throw new IllegalArgumentException("expected output '" + name + "' is produced by no operator");
            }
            outputs.put(name, operand);
        }
        return new Operands(operands, outputs);
    }
}
