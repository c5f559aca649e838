/** Runnable WebNN for Java programs, started as {@code webnn-samples <command>}. */
module dev.webnn.samples {
    requires dev.webnn;
    requires info.picocli;
    // inspect, run and ocr: ONNX model import
    requires dev.webnn.onnx;
    // embed and search: sentence embeddings (an automatic module)
    requires dev.webnn.langchain4j;
    // spark-embed: embeddings on Apache Spark (an automatic module; Spark runs on the class path)
    requires dev.webnn.spark;
    // java.desktop: image decoding (classify), Java2D drawing (lenet) and the bench chart
    requires java.desktop;
    // bench: ONNX Runtime's Java API (an automatic module) as the reference, and
    // jdk.management for the heap bytes allocated per run
    requires com.microsoft.onnxruntime;
    requires jdk.management;

    exports dev.webnn.samples.models;
    opens dev.webnn.samples to info.picocli;
    opens dev.webnn.samples.embed to info.picocli;
    opens dev.webnn.samples.ocr to info.picocli;
}
