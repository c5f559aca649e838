package dev.webnn.backend.onnxruntime;

import dev.webnn.MLContextOptions;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.graph.Graph;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.CompiledGraph;

/**
 * The onnxruntime backend's side of an {@code MLContext}. Graph lowering is not implemented yet:
 * the context reports no supported operators, so {@code build()} fails with
 * {@code MLNotSupportedError} naming the first operator.
 */
final class OnnxRuntimeContext implements BackendContext {

    private final MLContextOptions options;

    OnnxRuntimeContext(MLContextOptions options) {
        this.options = options;
    }

    @Override
    public MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits) {
        return specLimits.retainOperators(op -> false);
    }

    @Override
    public CompiledGraph compile(Graph graph) {
        throw new MLNotSupportedError("the onnxruntime backend cannot compile graphs yet (" + options.numThreads() + " threads)");
    }

    @Override
    public void close() {
    }
}
