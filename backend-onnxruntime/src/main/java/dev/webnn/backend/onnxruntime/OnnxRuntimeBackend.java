package dev.webnn.backend.onnxruntime;

import dev.webnn.MLContextOptions;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.MLBackend;

/**
 * The {@code onnxruntime} backend: runs every WebNN operation on ONNX Runtime's CPU
 * execution provider.
 *
 * <p>Native library: {@code libonnxruntime.so} from the {@code com.microsoft.onnxruntime}
 * jar, or the file named by {@code webnn.onnxruntime.library} /
 * {@code WEBNN_ONNXRUNTIME_LIBRARY}.
 */
public final class OnnxRuntimeBackend implements MLBackend {

    /** The backend's name. */
    public static final String NAME = "onnxruntime";

    /** Creates the provider; no native code runs until {@link #availability()}. */
    public OnnxRuntimeBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc} Below XNNPACK: ONNX Runtime runs every operation, so the default context
     * gives it whatever XNNPACK does not run.
     */
    @Override
    public int priority() {
        return 50;
    }

    @Override
    public BackendAvailability availability() {
        try {
            return BackendAvailability.available(OrtRuntime.get().version());
        } catch (IllegalStateException e) {
            return BackendAvailability.unavailable(e.getMessage());
        }
    }

    @Override
    public BackendContext openContext(MLContextOptions options) {
        return new OnnxRuntimeContext(options);
    }
}
