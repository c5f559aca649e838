package dev.webnn.onnx;

import java.util.Objects;

/**
 * A node of an ONNX model that cannot run on a context, and why (see
 * {@link OnnxModel#check(dev.webnn.MLContext, OnnxImportOptions)}). A graph input whose type
 * the backend does not take is reported with its name and the op type {@code (graph input)}.
 *
 * @param nodeName the node's name in the model (may be empty: ONNX names are optional)
 * @param opType the ONNX operator, e.g. {@code NonZero}
 * @param opset the default-domain opset version the model imports
 * @param reason what cannot be converted or run
 */
public record OnnxUnsupported(String nodeName, String opType, long opset, String reason) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public OnnxUnsupported {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(reason, "reason");
    }

    /** For example {@code node 'n1' (NonZero, opset 13): no WebNN equivalent}. */
    @Override
    public String toString() {
        return "node '" + nodeName + "' (" + opType + ", opset " + opset + "): " + reason;
    }
}
