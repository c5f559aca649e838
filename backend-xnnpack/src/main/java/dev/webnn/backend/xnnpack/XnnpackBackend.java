package dev.webnn.backend.xnnpack;

import dev.webnn.MLContextOptions;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.MLBackend;

/**
 * The {@code xnnpack} backend: runs WebNN graphs as XNNPACK subgraphs on the CPU.
 *
 * <p>Native library: the {@code libXNNPACK.so} built and packed into this jar, or the
 * file named by {@code webnn.xnnpack.library} / {@code WEBNN_XNNPACK_LIBRARY}.
 */
public final class XnnpackBackend implements MLBackend {

    /** The backend's name. */
    public static final String NAME = "xnnpack";

    /** Creates the provider; no native code runs until {@link #availability()}. */
    public XnnpackBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc} Above ONNX Runtime: the faster engine for the operations it runs, so the
     * default context puts it first and runs the rest on ONNX Runtime.
     */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public BackendAvailability availability() {
        try {
            return BackendAvailability.available(XnnpackRuntime.get().version());
        } catch (IllegalStateException e) {
            return BackendAvailability.unavailable(e.getMessage());
        }
    }

    @Override
    public BackendContext openContext(MLContextOptions options) {
        return new XnnpackContext(options);
    }
}
