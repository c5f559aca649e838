/** Runnable WebNN for Java programs, started as {@code webnn-samples <command>}. */
module dev.webnn.samples {
    requires dev.webnn;
    requires info.picocli;
    requires java.desktop;

    exports dev.webnn.samples.models;
    opens dev.webnn.samples to info.picocli;
}
