package dev.webnn.backend.onnxruntime;

import dev.webnn.MLContextOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLTypeError;
import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import dev.webnn.bindings.onnxruntime.OrtApi;
import dev.webnn.bindings.onnxruntime.OrtModelEditorApi;
import dev.webnn.graph.Graph;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.CompiledGraph;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ONNX Runtime side of an {@code MLContext}: session options shared by its graphs
 * (intra-op threads = {@code numThreads}, one inter-op thread, all graph optimisations),
 * and compilation of WebNN graphs into sessions.
 *
 * <p>The system property {@code webnn.onnxruntime.optimizationLevel} ({@code disabled},
 * {@code basic}, {@code extended}, {@code layout} or {@code all}, the default) sets ONNX
 * Runtime's graph optimisation level for the sessions of contexts created afterwards.
 *
 * <p>With the system property {@code webnn.onnxruntime.saveModel=<path>}, every compiled
 * graph is also written to {@code path} as an ONNX model (before ORT's optimisations), for
 * inspection or for running the same model with ONNX Runtime's own APIs (the benchmarks
 * compare against its Java API this way). With {@code webnn.onnxruntime.saveOptimizedModel=<path>},
 * it is written after ORT's graph optimisations at the context's level (fused and NCHWc
 * nodes included), the form to compare with what ORT makes of an ordinary ONNX export.
 */
final class OnnxRuntimeContext implements BackendContext {

    /** System property naming a file to write each compiled model to. */
    static final String SAVE_MODEL_PROPERTY = "webnn.onnxruntime.saveModel";
    /** System property naming a file to write each compiled model to after ORT's optimisations. */
    static final String SAVE_OPTIMIZED_MODEL_PROPERTY = "webnn.onnxruntime.saveOptimizedModel";
    /** System property choosing ONNX Runtime's graph optimisation level. */
    static final String OPTIMIZATION_LEVEL_PROPERTY = "webnn.onnxruntime.optimizationLevel";

    private final OrtRuntime ort;
    private final MemorySegment api;
    private final MemorySegment sessionOptions;
    /** The options of partitions: intra-op workers sleep after a run instead of spinning (see {@link #compilePartition}). */
    private final MemorySegment partitionOptions;
    private final int threads;
    private final int optimizationLevel;

    OnnxRuntimeContext(MLContextOptions options) {
        this.ort = OrtRuntime.get();
        this.api = ort.api();
        this.threads = options.numThreads();
        this.optimizationLevel = optimizationLevel();
        this.sessionOptions = createSessionOptions(threads, optimizationLevel, null, true);
        try {
            this.partitionOptions = createSessionOptions(threads, optimizationLevel, null, false);
        } catch (RuntimeException e) {
            OrtApi.ReleaseSessionOptions.invoke(OrtApi.ReleaseSessionOptions(api), sessionOptions);
            throw e;
        }
    }

    /** The {@code GraphOptimizationLevel} named by {@link #OPTIMIZATION_LEVEL_PROPERTY}, all by default. */
    static int optimizationLevel() {
        String level = System.getProperty(OPTIMIZATION_LEVEL_PROPERTY, "all");
        return switch (level) {
            case "disabled" -> OnnxRuntime.ORT_DISABLE_ALL();
            case "basic" -> OnnxRuntime.ORT_ENABLE_BASIC();
            case "extended" -> OnnxRuntime.ORT_ENABLE_EXTENDED();
            case "layout" -> OnnxRuntime.ORT_ENABLE_LAYOUT();
            case "all" -> OnnxRuntime.ORT_ENABLE_ALL();
            default -> throw new MLTypeError(OPTIMIZATION_LEVEL_PROPERTY + " is '" + level
                    + "'; use disabled, basic, extended, layout or all");
        };
    }

    @Override
    public MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits) {
        return OrtLowering.supportLimits(specLimits);
    }

    @Override
    public CompiledGraph compile(Graph graph) {
        return compile(graph, sessionOptions);
    }

    /**
     * A partition's session lets its intra-op workers sleep after each run
     * ({@code session.intra_op.allow_spinning = 0}): spinning, they would take the cores from
     * the next partition's backend.
     */
    @Override
    public CompiledGraph compilePartition(Graph graph) {
        return compile(graph, partitionOptions);
    }

    private CompiledGraph compile(Graph graph, MemorySegment options) {
        Arena owned = Arena.ofShared();
        try {
            MemorySegment model;
            try (OrtModelBuilder builder = new OrtModelBuilder(ort, owned)) {
                OrtLowering.lower(graph, builder);
                model = builder.finish();
            }
            try {
                savePathOf(SAVE_MODEL_PROPERTY).ifPresent(path -> save(model, path, 1, OnnxRuntime.ORT_DISABLE_ALL()));
                savePathOf(SAVE_OPTIMIZED_MODEL_PROPERTY).ifPresent(path -> save(model, path, threads, optimizationLevel));
                MemorySegment session = createSession(model, options);
                return new OrtCompiledGraph(ort, session, graph, owned);
            } finally {
                OrtApi.ReleaseModel.invoke(OrtApi.ReleaseModel(api), model);
            }
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    @Override
    public void close() {
        OrtApi.ReleaseSessionOptions.invoke(OrtApi.ReleaseSessionOptions(api), sessionOptions);
        OrtApi.ReleaseSessionOptions.invoke(OrtApi.ReleaseSessionOptions(api), partitionOptions);
    }

    /** The file a save property names, if it is set. */
    private static Optional<Path> savePathOf(String property) {
        String path = System.getProperty(property);
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /**
     * Writes the model as ORT holds it after optimising at {@code level} by creating a
     * throw-away session, then adds the operator-set imports ORT leaves out of such a file.
     */
    private void save(MemorySegment model, Path path, int sessionThreads, int level) {
        MemorySegment options = createSessionOptions(sessionThreads, level, path, true);
        try {
            OrtApi.ReleaseSession.invoke(OrtApi.ReleaseSession(api), createSession(model, options));
        } finally {
            OrtApi.ReleaseSessionOptions.invoke(OrtApi.ReleaseSessionOptions(api), options);
        }
        OnnxModelFile.ensureOpsetImports(path, OrtModelBuilder.OPSET_IMPORTS);
    }

    private MemorySegment createSession(MemorySegment model, MemorySegment options) {
        try (Arena arena = Arena.ofConfined()) {
            return ort.out(arena, o -> OrtModelEditorApi.CreateSessionFromModel.invoke(OrtModelEditorApi.CreateSessionFromModel(
                    ort.modelEditorApi()), ort.env(), model, options, o), "create a session");
        }
    }

    private MemorySegment createSessionOptions(int threads, int optimizationLevel, Path optimizedModelPath,
                                               boolean spinning) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment options = ort.out(arena, o -> OrtApi.CreateSessionOptions.invoke(OrtApi.CreateSessionOptions(api), o),
                    "create session options");
            try {
                ort.check(OrtApi.SetIntraOpNumThreads.invoke(OrtApi.SetIntraOpNumThreads(api), options, threads),
                        "set intra-op threads");
                ort.check(OrtApi.SetInterOpNumThreads.invoke(OrtApi.SetInterOpNumThreads(api), options, 1),
                        "set inter-op threads");
                ort.check(OrtApi.SetSessionGraphOptimizationLevel.invoke(OrtApi.SetSessionGraphOptimizationLevel(api),
                        options, optimizationLevel), "set the optimisation level");
                if (!spinning) {
                    ort.check(OrtApi.AddSessionConfigEntry.invoke(OrtApi.AddSessionConfigEntry(api), options,
                            arena.allocateFrom("session.intra_op.allow_spinning"), arena.allocateFrom("0")),
                            "stop the intra-op workers spinning");
                }
                if (optimizedModelPath != null) {
                    ort.check(OrtApi.SetOptimizedModelFilePath.invoke(OrtApi.SetOptimizedModelFilePath(api), options,
                            arena.allocateFrom(optimizedModelPath.toAbsolutePath().toString())), "set the model file path");
                }
                return options;
            } catch (RuntimeException e) {
                OrtApi.ReleaseSessionOptions.invoke(OrtApi.ReleaseSessionOptions(api), options);
                throw e;
            }
        }
    }
}
