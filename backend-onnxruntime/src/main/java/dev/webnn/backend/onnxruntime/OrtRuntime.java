package dev.webnn.backend.onnxruntime;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import dev.webnn.bindings.onnxruntime.OrtApi;
import dev.webnn.bindings.onnxruntime.OrtApiBase;
import dev.webnn.bindings.onnxruntime.OrtModelEditorApi;
import dev.webnn.spi.LazyNative;
import dev.webnn.spi.NativeLibraries;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The loaded ONNX Runtime library of this process: its {@code OrtApi} and
 * {@code OrtModelEditorApi} tables and the process-wide {@code OrtEnv}.
 *
 * <p>The library comes from {@code webnn.onnxruntime.library} /
 * {@code WEBNN_ONNXRUNTIME_LIBRARY} when set, else from the
 * {@code com.microsoft.onnxruntime} jar, extracted once into the per-user cache
 * ({@link NativeLibraries}). Loading happens on first use; a failure is remembered and
 * reported by every later call ({@link LazyNative}).
 */
final class OrtRuntime {

    /** Native folder of the {@code com.microsoft.onnxruntime} jar for Linux x86-64. */
    private static final String JAR_FOLDER = "ai/onnxruntime/native/linux-x64";
    private static final String LIBRARY = "libonnxruntime.so";

    /** Version of the ONNX Runtime jar this backend was built against. */
    static final String JAR_VERSION = NativeLibraries.resourceProperty(OrtRuntime.class, "/META-INF/webnn/onnxruntime.properties", "version");

    private static final LazyNative<OrtRuntime> INSTANCE = new LazyNative<>("ONNX Runtime", () -> new OrtRuntime(locate()));

    private final MemorySegment api;
    private final MemorySegment modelEditorApi;
    private final MemorySegment env;
    private final String version;
    private final Path library;

    private OrtRuntime(Path library) {
        this.library = library;
        System.load(library.toString());
        MemorySegment base = OnnxRuntime.OrtGetApiBase().reinterpret(OrtApiBase.sizeof());
        this.version = OrtApiBase.GetVersionString.invoke(OrtApiBase.GetVersionString(base))
                .reinterpret(Long.MAX_VALUE).getString(0);
        int apiVersion = OnnxRuntime.ORT_API_VERSION();
        MemorySegment table = OrtApiBase.GetApi.invoke(OrtApiBase.GetApi(base), apiVersion);
        if (table.equals(NULL)) {
            throw new IllegalStateException("ONNX Runtime " + version + " at " + library
                    + " does not provide C API version " + apiVersion
                    + "; WebNN for Java needs ONNX Runtime " + JAR_VERSION + " or newer");
        }
        this.api = table.reinterpret(OrtApi.sizeof());
        MemorySegment editor = OrtApi.GetModelEditorApi.invoke(OrtApi.GetModelEditorApi(api));
        if (editor.equals(NULL)) {
            throw new IllegalStateException("ONNX Runtime " + version + " at " + library
                    + " is a minimal build without the Model Editor API");
        }
        this.modelEditorApi = editor.reinterpret(OrtModelEditorApi.sizeof());
        this.env = createEnv();
    }

    private MemorySegment createEnv() {
        try (Arena arena = Arena.ofConfined()) {
            return out(arena, o -> OrtApi.CreateEnv.invoke(OrtApi.CreateEnv(api), OnnxRuntime.ORT_LOGGING_LEVEL_ERROR(),
                    arena.allocateFrom("webnn"), o), "create the environment");
        }
    }

    /**
     * The runtime of this process, loading it on first call.
     *
     * @return the loaded runtime
     * @throws IllegalStateException if ONNX Runtime cannot be loaded, with the reason
     */
    static OrtRuntime get() {
        return INSTANCE.get();
    }

    /** {@code OrtApi*}, reinterpreted to the size of the table. */
    MemorySegment api() {
        return api;
    }

    /** {@code OrtModelEditorApi*}, reinterpreted to the size of the table. */
    MemorySegment modelEditorApi() {
        return modelEditorApi;
    }

    /** The process-wide {@code OrtEnv*}; it lives until the process ends. */
    MemorySegment env() {
        return env;
    }

    /** Version string reported by the loaded library, for example {@code 1.23.2}. */
    String version() {
        return version;
    }

    /** Absolute path of the loaded library. */
    Path library() {
        return library;
    }

    /**
     * Turns an {@code OrtStatus*} into an exception and releases it.
     *
     * @param status the status a C API call returned; {@code NULL} means success
     * @param action what was attempted, for the message ("create the session")
     * @throws dev.webnn.MLOperationError if the status is an error, carrying ORT's message
     */
    void check(MemorySegment status, String action) {
        OrtStatus.check(api, status, action);
    }

    /**
     * Calls a C API function that returns its result through an out-pointer.
     *
     * @param arena where the out-pointer slot is allocated
     * @param call the call, given the slot; returns the {@code OrtStatus*}
     * @param action what is attempted, for the error message
     * @return the pointer the function wrote
     */
    MemorySegment out(Arena arena, Function<MemorySegment, MemorySegment> call, String action) {
        MemorySegment slot = arena.allocate(ValueLayout.ADDRESS);
        check(call.apply(slot), action);
        return slot.get(ValueLayout.ADDRESS, 0);
    }

    /**
     * An array of C strings, as the C API takes names and string lists.
     *
     * @param arena where the array and the strings are allocated
     * @param values the strings
     * @return the {@code const char**} (one null slot when there are none)
     */
    static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, Math.max(1, values.size()));
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        return array;
    }

    private static Path locate() {
        return NativeLibraries.override("webnn.onnxruntime.library", "WEBNN_ONNXRUNTIME_LIBRARY").orElseGet(() -> {
            String platform = NativeLibraries.platform();
            if (!platform.equals("linux-x86_64")) {
                throw new IllegalStateException("no packaged ONNX Runtime for " + platform
                        + "; set webnn.onnxruntime.library to a libonnxruntime " + JAR_VERSION + " or newer");
            }
            return NativeLibraries.extract(OrtRuntime.class.getClassLoader(), JAR_FOLDER, List.of(LIBRARY),
                    "onnxruntime", JAR_VERSION).resolve(LIBRARY);
        });
    }
}
