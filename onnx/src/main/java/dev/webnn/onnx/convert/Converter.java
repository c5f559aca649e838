package dev.webnn.onnx.convert;

/**
 * Converts one ONNX node: reads its inputs and attributes, adds WebNN operations (or folds
 * constants) and sets its outputs.
 */
@FunctionalInterface
interface Converter {

    /**
     * Converts the node.
     *
     * @param node the node with its inputs resolved
     * @throws dev.webnn.MLNotSupportedError if the node cannot be expressed in WebNN
     */
    void convert(OnnxNode node);
}
