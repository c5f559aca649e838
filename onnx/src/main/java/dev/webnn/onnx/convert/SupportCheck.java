package dev.webnn.onnx.convert;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTensorLimits;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a converted node against a context's operator support limits: every WebNN operator
 * its conversion uses must exist on the backend and accept the node's first input's data type
 * and rank.
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
        for (String operator : registry.webnnOperators(node.opType())) {
            Optional<Map<String, MLTensorLimits>> roles = limits.operator(operator);
            if (roles.isEmpty()) {
                throw node.unsupported("the backend has no WebNN " + operator);
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
