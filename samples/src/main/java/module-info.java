/** Runnable WebNN for Java programs, started as {@code webnn-samples <command>}. */
module dev.webnn.samples {
    requires dev.webnn;
    requires info.picocli;
    // bench: ONNX Runtime's Java API (an automatic module) as the reference, java.desktop for
    // the chart, jdk.management for the heap bytes allocated per run
    requires com.microsoft.onnxruntime;
    requires java.desktop;
    requires jdk.management;

    exports dev.webnn.samples.models;
    opens dev.webnn.samples to info.picocli;
}
