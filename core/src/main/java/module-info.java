/**
 * WebNN for Java: the W3C Web Neural Network API.
 *
 * <p>{@code dev.webnn} is the public API, {@code dev.webnn.spi} the interface that
 * backends implement; backends are found with {@link java.util.ServiceLoader}.
 */
module dev.webnn {
    exports dev.webnn;
    exports dev.webnn.spi;
    exports dev.webnn.graph;
    exports dev.webnn.io;

    uses dev.webnn.spi.MLBackend;
}
