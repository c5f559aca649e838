package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;
import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.webnn.MLContextOptions;
import dev.webnn.MLInputOperandLayout;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperationError;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.CompiledGraph;
import dev.webnn.spi.SupportLimitsBuilder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * The XNNPACK side of an {@code MLContext}: a pthreadpool of {@code numThreads} threads
 * (none for one thread) shared by the context's graphs, and compilation of WebNN graphs into
 * XNNPACK runtimes.
 */
final class XnnpackContext implements BackendContext {

    /** XNNPACK's {@code XNN_MAX_TENSOR_DIMS}. */
    static final int MAX_RANK = 6;

    private final MemorySegment threadpool;

    XnnpackContext(MLContextOptions options) {
        XnnpackRuntime.get();
        int threads = options.numThreads();
        if (threads > 1) {
            threadpool = Xnnpack.pthreadpool_create(threads);
            if (threadpool.equals(NULL)) {
                throw new MLOperationError("XNNPACK could not create a pthreadpool of " + threads + " threads");
            }
        } else {
            threadpool = NULL;
        }
    }

    @Override
    public MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits) {
        SupportLimitsBuilder lowered = SupportLimitsBuilder.from(specLimits)
                .retainOperators(name -> XnnLowering.OPERATORS.contains(Op.fromSpecName(name)))
                .retainDataTypes(XnnTypes.CONSTANTS)
                .retainGraphDataTypes(XnnTypes.SUPPORTED)
                .retainMaxRank(MAX_RANK);
        return XnnTypes.narrow(lowered).withPreferredInputLayout(MLInputOperandLayout.NHWC, specLimits.maxTensorByteLength())
                .build();
    }

    @Override
    public Optional<String> unsupportedReason(Graph graph, Node node) {
        return XnnSupport.unsupportedReason(graph, node);
    }

    @Override
    public CompiledGraph compile(Graph graph) {
        return compile(graph, 0);
    }

    /** A partition's runtime yields its workers after each run, leaving the cores to the other backends. */
    @Override
    public CompiledGraph compilePartition(Graph graph) {
        return compile(graph, Xnnpack.XNN_FLAG_YIELD_WORKERS());
    }

    private CompiledGraph compile(Graph graph, int runtimeFlags) {
        Arena owned = Arena.ofShared();
        try {
            MemorySegment runtime;
            try (XnnSubgraph subgraph = new XnnSubgraph(graph.inputs().size() + graph.outputs().size(), owned)) {
                XnnLowering.lower(graph, subgraph);
                MemorySegment slot = subgraph.scratch().allocate(ADDRESS);
                XnnStatus.check(Xnnpack.xnn_create_runtime_v2(subgraph.handle(), threadpool, runtimeFlags, slot),
                        "create a runtime");
                runtime = slot.get(ADDRESS, 0);
            }
            return new XnnCompiledGraph(runtime, graph.inputs().size(), graph.outputs().size(), owned);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (!threadpool.equals(NULL)) {
            Xnnpack.pthreadpool_destroy(threadpool);
        }
    }
}
