package dev.webnn.onnx.convert;

/**
 * Evaluates one ONNX node in Java when all its inputs are constants.
 */
@FunctionalInterface
interface Folder {

    /**
     * Folds the node.
     *
     * @param node the node, whose present inputs are all constants
     * @return true if the outputs were set, false to leave the node to the graph
     */
    boolean fold(OnnxNode node);
}
