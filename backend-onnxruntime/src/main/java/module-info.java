/**
 * ONNX Runtime backend of WebNN for Java: lowers WebNN graphs to ONNX models built in
 * memory with ONNX Runtime's Model Editor C API, and runs them on caller memory.
 */
module dev.webnn.backend.onnxruntime {
    requires dev.webnn;
    requires dev.webnn.bindings;
    // Only its packaged libonnxruntime.so is used, not its JNI classes.
    requires com.microsoft.onnxruntime;

    provides dev.webnn.spi.MLBackend with dev.webnn.backend.onnxruntime.OnnxRuntimeBackend;
}
