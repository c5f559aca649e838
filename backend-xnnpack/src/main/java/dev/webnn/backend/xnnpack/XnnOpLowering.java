package dev.webnn.backend.xnnpack;

import dev.webnn.graph.Node;

/** Defines the XNNPACK nodes that compute one WebNN operator. */
@FunctionalInterface
interface XnnOpLowering {

    /**
     * Lowers one node.
     *
     * @param node the validated WebNN node
     * @param lowering the subgraph under construction, with the values of operands and their layouts
     */
    void lower(Node node, XnnLowering lowering);
}
