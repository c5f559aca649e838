package dev.webnn.backend.xnnpack;

import static java.lang.foreign.MemorySegment.NULL;

import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.spi.LazyNative;
import dev.webnn.spi.NativeLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The loaded, initialised XNNPACK library of this process.
 *
 * <p>The library comes from {@code webnn.xnnpack.library} / {@code WEBNN_XNNPACK_LIBRARY}
 * when set (its {@code libcpuinfo.so.0} and {@code libpthreadpool.so.0} must then be
 * loadable beside it or from the system), else from this jar's
 * {@code natives/linux-x86_64}, whose three libraries are extracted together into the
 * per-user cache ({@link NativeLibraries}) and loaded dependencies first.
 */
final class XnnpackRuntime {

    /** XNNPACK version built and packed into this jar by {@code native/build-xnnpack.sh}. */
    static final String PACKAGED_VERSION = NativeLibraries.resourceProperty(XnnpackRuntime.class, "/META-INF/webnn/xnnpack.properties", "version");

    private static final String PLATFORM = "linux-x86_64";
    /** Load order: dependencies first. */
    private static final List<String> PACKAGED_LIBRARIES = List.of("libcpuinfo.so.0", "libpthreadpool.so.0", "libXNNPACK.so");
    private static final String NOT_PACKAGED = "libXNNPACK.so is not packaged in the webnn-backend-xnnpack jar: its native "
            + "build was skipped or failed. Rebuild with './mvnw -pl backend-xnnpack -am package' after "
            + "'apt-get install curl xz-utils cmake ninja-build g++', or set webnn.xnnpack.library to a libXNNPACK.so";

    private static final LazyNative<XnnpackRuntime> INSTANCE = new LazyNative<>("XNNPACK", XnnpackRuntime::load);

    private final Path library;
    private final String version;

    private XnnpackRuntime(Path library, String version) {
        this.library = library;
        this.version = version;
    }

    /**
     * The runtime of this process, loading and initialising XNNPACK on first call.
     *
     * @return the initialised runtime
     * @throws IllegalStateException if XNNPACK cannot be loaded or initialised, with the reason
     */
    static XnnpackRuntime get() {
        return INSTANCE.get();
    }

    /** Absolute path of the loaded {@code libXNNPACK.so}. */
    Path library() {
        return library;
    }

    /** The XNNPACK version, or a note that a user-supplied build is in use. */
    String version() {
        return version;
    }

    private static XnnpackRuntime load() {
        Optional<Path> override = NativeLibraries.override("webnn.xnnpack.library", "WEBNN_XNNPACK_LIBRARY");
        Path library;
        String version;
        if (override.isPresent()) {
            library = override.get();
            version = "user-supplied (" + library + ")";
            System.load(library.toString());
        } else {
            if (!NativeLibraries.platform().equals(PLATFORM)) {
                throw new IllegalStateException("no packaged XNNPACK for " + NativeLibraries.platform()
                        + "; set webnn.xnnpack.library to a libXNNPACK.so");
            }
            if (XnnpackRuntime.class.getClassLoader().getResource("natives/" + PLATFORM + "/libXNNPACK.so") == null) {
                throw new IllegalStateException(NOT_PACKAGED);
            }
            Path folder = NativeLibraries.extract(XnnpackRuntime.class.getClassLoader(), "natives/" + PLATFORM,
                    PACKAGED_LIBRARIES, "xnnpack", PACKAGED_VERSION);
            for (String file : PACKAGED_LIBRARIES) {
                System.load(folder.resolve(file).toString());
            }
            library = folder.resolve("libXNNPACK.so");
            version = PACKAGED_VERSION;
        }
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException(library + " is missing");
        }
        XnnStatus.check(Xnnpack.xnn_initialize(NULL), "initialize");
        return new XnnpackRuntime(library, version);
    }
}
