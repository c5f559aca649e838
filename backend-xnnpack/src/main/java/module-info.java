/**
 * XNNPACK backend of WebNN for Java: lowers WebNN graphs to XNNPACK subgraphs and runs
 * them on caller memory with a pthreadpool. The jar carries a pinned libXNNPACK build.
 */
module dev.webnn.backend.xnnpack {
    requires dev.webnn;
    requires dev.webnn.bindings;

    provides dev.webnn.spi.MLBackend with dev.webnn.backend.xnnpack.XnnpackBackend;
}
