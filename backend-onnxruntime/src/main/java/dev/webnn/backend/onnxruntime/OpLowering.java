package dev.webnn.backend.onnxruntime;

import dev.webnn.graph.Node;

/** Emits the ONNX nodes that compute one WebNN operator. */
@FunctionalInterface
interface OpLowering {

    /**
     * Lowers one node.
     *
     * @param node the validated WebNN node
     * @param lowering the model under construction, with the value names of operands
     */
    void lower(Node node, Lowering lowering);
}
