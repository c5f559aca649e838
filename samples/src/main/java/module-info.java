/** Runnable WebNN for Java programs, started as {@code webnn-samples <command>}. */
module dev.webnn.samples {
    requires dev.webnn;
    // inspect and run: ONNX model import
    requires dev.webnn.onnx;
    requires info.picocli;
    // java.desktop: image decoding (classify), Java2D drawing (lenet) and the bench chart
    requires java.desktop;
    // bench: ONNX Runtime's Java API (an automatic module) as the reference, and
    // jdk.management for the heap bytes allocated per run
    requires com.microsoft.onnxruntime;
    requires jdk.management;

    exports dev.webnn.samples.models;
    opens dev.webnn.samples to info.picocli;
}
