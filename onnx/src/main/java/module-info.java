/**
 * ONNX model import for WebNN for Java: reads ONNX files (protobuf, weights memory-mapped)
 * and builds them as WebNN graphs through the public {@code dev.webnn} API.
 *
 * <p>{@link dev.webnn.onnx.OnnxModel} is the entry point.
 */
module dev.webnn.onnx {
    requires transitive dev.webnn;
    requires com.google.protobuf;

    exports dev.webnn.onnx;
}
