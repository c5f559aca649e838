/**
 * WebNN for Java: the W3C Web Neural Network API.
 *
 * <p>Applications use {@code dev.webnn} (the spec's API) and {@code dev.webnn.io} (NumPy
 * files). Everything else exported here is the API for backend authors, stable only
 * together with this module's version:
 * <ul>
 *   <li>{@code dev.webnn.spi}: what a backend implements ({@code MLBackend},
 *       {@code BackendContext}, {@code CompiledGraph}, found with {@link java.util.ServiceLoader})
 *       and the helpers it may use ({@code SupportLimitsBuilder} to narrow the spec's
 *       limits, {@code Permutations} for layouts and constant data, {@code Scalars} to write
 *       a number of any data type,
 *       {@code NativeLibraries}).</li>
 *   <li>{@code dev.webnn.graph}: the validated graph a backend compiles, a typed IR with one
 *       {@code Operation} record per spec operation (or family of operations), every
 *       option explicit; a backend lowers it with an exhaustive {@code switch} over the
 *       sealed {@code Operation} type.</li>
 * </ul>
 */
module dev.webnn {
    exports dev.webnn;
    exports dev.webnn.spi;
    exports dev.webnn.graph;
    exports dev.webnn.io;

    uses dev.webnn.spi.MLBackend;
}
