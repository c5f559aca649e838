package dev.webnn;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Operand;
import dev.webnn.partition.Engine;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.CompiledGraph;
import dev.webnn.spi.MLBackend;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One backend of an {@link MLContext}: its native side, its support limits, and the checks
 * of a graph against them.
 */
final class ContextBackend implements Engine {

    private final MLBackend backend;
    private final BackendContext context;
    private final MLOpSupportLimits limits;

    ContextBackend(MLBackend backend, BackendContext context) {
        this.backend = backend;
        this.context = context;
        this.limits = Objects.requireNonNull(context.supportLimits(MLOpSupportLimits.specification()),
                "backend " + backend.name() + " returned no support limits");
    }

    @Override
    public String name() {
        return backend.name();
    }

    MLOpSupportLimits limits() {
        return limits;
    }

    @Override
    public Optional<String> unsupportedReason(Graph graph, Node node) {
        try {
            checkNode(graph, node);
        } catch (MLNotSupportedError e) {
            return Optional.of(e.getMessage());
        }
        return context.unsupportedReason(graph, node);
    }

    @Override
    public CompiledGraph compile(Graph graph) {
        return Objects.requireNonNull(context.compile(graph), "backend " + backend.name() + " compiled to null");
    }

    @Override
    public CompiledGraph compilePartition(Graph graph) {
        return Objects.requireNonNull(context.compilePartition(graph), "backend " + backend.name() + " compiled to null");
    }

    void close() {
        context.close();
    }

    /** Every operator and operand of the graph within this backend's limits, else MLNotSupportedError. */
    void checkSupported(Graph graph) {
        for (Operand input : graph.inputs().values()) {
            checkOperandSupported("graph input", input.descriptor(), limits.input());
        }
        for (Operand output : graph.outputs().values()) {
            checkOperandSupported("graph output", output.descriptor(), limits.output());
        }
        for (Node node : graph.nodes()) {
            checkNode(graph, node);
        }
    }

    private void checkNode(Graph graph, Node node) {
        Map<String, MLTensorLimits> roles = limits.operator(node.op().specName()).orElseThrow(() -> new MLNotSupportedError(
                Checks.where(node.op(), node.label()) + "not supported by the " + backend.name() + " backend"));
        node.operation().operandsByRole().forEach((role, operand) -> {
            if (graph.isConstant(operand)) {
                checkOperandSupported(Checks.where(node.op(), node.label()) + "constant " + role, operand.descriptor(),
                        limits.constant());
            }
            checkRole(node, role.replaceAll("\\[\\d+]$", ""), operand.descriptor(), roles);
        });
        for (int i = 0; i < node.outputs().size(); i++) {
            String role = roles.containsKey("outputs[" + i + "]") ? "outputs[" + i + "]"
                    : roles.containsKey("outputs") ? "outputs" : "output";
            checkRole(node, role, node.outputs().get(i).descriptor(), roles);
        }
    }

    private void checkRole(Node node, String role, MLOperandDescriptor descriptor, Map<String, MLTensorLimits> roles) {
        MLTensorLimits roleLimits = roles.get(role);
        if (roleLimits != null && !roleLimits.allows(descriptor.dataType(), descriptor.rank())) {
            throw new MLNotSupportedError(Checks.where(node.op(), node.label()) + role + " " + descriptor
                    + " is not supported by the " + backend.name() + " backend (supported: "
                    + Checks.names(roleLimits.dataTypes()) + ", ranks " + roleLimits.rankRange().min() + " to "
                    + roleLimits.rankRange().max() + ")");
        }
    }

    private void checkOperandSupported(String what, MLOperandDescriptor descriptor, MLTensorLimits tensorLimits) {
        if (!tensorLimits.allows(descriptor.dataType(), descriptor.rank())) {
            throw new MLNotSupportedError(what + " " + descriptor + " is not supported by the " + backend.name() + " backend");
        }
        if (descriptor.byteLength() > limits.maxTensorByteLength()) {
            throw new MLNotSupportedError(what + " " + descriptor + " exceeds the " + backend.name()
                    + " backend's maximum of " + limits.maxTensorByteLength() + " bytes");
        }
    }
}
