package dev.webnn.onnx.convert;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTensorLimits;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a converted node against a context's operator support limits: every WebNN operator
 * its conversion always uses (as registered) must exist on the backend and accept the node's
 * first input's data type and rank ({@code a|b}: a where the backend has it, else b).
 * Operators used only for some attribute values are not
 * listed, so those variants surface when the graph is built.
 */
final class SupportCheck {

    private final MLOpSupportLimits limits;
    private final Registry registry;

    SupportCheck(MLOpSupportLimits limits, Registry registry) {
        this.limits = limits;
        this.registry = registry;
    }

    /**
     * Checks one converted node.
     *
     * @param node the node
     * @throws MLNotSupportedError naming the first operator or type the backend lacks
     */
    void check(OnnxNode node) {
        for (String alternatives : registry.webnnOperators(node.opType())) {
            // "a|b": the conversion uses a where the backend has it, else b
            String operator = alternatives;
            Optional<Map<String, MLTensorLimits>> roles = Optional.empty();
            for (String candidate : alternatives.split("\\|")) {
                roles = limits.operator(candidate);
                operator = candidate;
                if (roles.isPresent()) {
                    break;
                }
            }
            if (roles.isEmpty()) {
                throw node.unsupported("the backend has no WebNN " + alternatives.replace("|", " or "));
            }
            MLTensorLimits first = roles.get().containsKey("input") ? roles.get().get("input") : roles.get().get("a");
            if (first == null || !node.has(0) || node.isConstant(0)) {
                continue;
            }
            MLOperandDataType type = node.operand(0).dataType();
            int rank = node.rank(0);
            if (!first.allows(type, rank)) {
                throw node.unsupported("the backend's WebNN " + operator + " does not take " + type + " of rank " + rank);
            }
        }
    }
}
