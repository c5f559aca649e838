package dev.webnn.backend.xnnpack;

import static dev.webnn.bindings.xnnpack.Xnnpack.XNN_INVALID_VALUE_ID;
import static dev.webnn.bindings.xnnpack.Xnnpack.XNN_VALUE_FLAG_EXTERNAL_INPUT;
import static dev.webnn.bindings.xnnpack.Xnnpack.XNN_VALUE_FLAG_EXTERNAL_OUTPUT;
import static java.lang.foreign.MemorySegment.NULL;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperationError;
import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.bindings.xnnpack.xnn_external_value;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.NativeStatusException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Smoke tests: the packaged libXNNPACK loads, initialises and runs a subgraph. */
class XnnpackRuntimeTest {

    private final XnnpackRuntime xnnpack = XnnpackRuntime.get();

    @Test
    void loadsThePackagedBuild() {
        assertEquals("0.0~git20241108.4ea82e5", xnnpack.version());
        assertTrue(xnnpack.library().toString().endsWith("libXNNPACK.so"), xnnpack.library().toString());
    }

    @Test
    void isDiscoveredAsAnAvailableBackend() {
        BackendAvailability availability = ML.backends().stream()
                .filter(b -> b.name().equals(XnnpackBackend.NAME)).findFirst().orElseThrow().availability();
        assertTrue(availability.available(), availability.reason());
        assertEquals("0.0~git20241108.4ea82e5", availability.nativeVersion());
    }

    @Test
    void statusCodesBecomeExceptionsNamingTheStatus() {
        XnnStatus.check(Xnnpack.xnn_status_success(), "work");
        MLOperationError invalid = assertThrows(MLOperationError.class,
                () -> XnnStatus.check(Xnnpack.xnn_status_invalid_parameter(), "define a node"));
        assertEquals("XNNPACK could not define a node: xnn_status_invalid_parameter", invalid.getMessage());
        assertInstanceOf(NativeStatusException.class, invalid.getCause(), "marks the native library's status");
        MLNotSupportedError unsupported = assertThrows(MLNotSupportedError.class,
                () -> XnnStatus.check(Xnnpack.xnn_status_unsupported_parameter(), "x"));
        assertEquals("XNNPACK returned xnn_status_unsupported_parameter", unsupported.getCause().getMessage());
    }

    @Test
    void twoInputAddSubgraphRunsOnOffHeapSegments() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocateFrom(JAVA_FLOAT, 1, 2, 3, 4, 5, 6);
            MemorySegment b = arena.allocateFrom(JAVA_FLOAT, 0.5f, 0.25f, -3, 40, 500, -6);
            MemorySegment c = arena.allocate(JAVA_FLOAT, 6);
            MemorySegment dims = arena.allocateFrom(JAVA_LONG, 2, 3);

            MemorySegment subgraphOut = arena.allocate(ADDRESS);
            XnnStatus.check(Xnnpack.xnn_create_subgraph(3, 0, subgraphOut), "create a subgraph");
            MemorySegment subgraph = subgraphOut.get(ADDRESS, 0);
            MemorySegment idOut = arena.allocate(JAVA_INT);
            int[] flags = {XNN_VALUE_FLAG_EXTERNAL_INPUT(), XNN_VALUE_FLAG_EXTERNAL_INPUT(), XNN_VALUE_FLAG_EXTERNAL_OUTPUT()};
            for (int id = 0; id < 3; id++) {
                XnnStatus.check(Xnnpack.xnn_define_tensor_value(subgraph, Xnnpack.xnn_datatype_fp32(), 2, dims, NULL,
                        id, flags[id], idOut), "define value " + id);
                assertEquals(id, idOut.get(JAVA_INT, 0));
            }
            XnnStatus.check(Xnnpack.xnn_define_binary(subgraph, Xnnpack.xnn_binary_add(), NULL, 0, 1, 2, 0), "define add");

            MemorySegment pool = Xnnpack.pthreadpool_create(2);
            assertNotEquals(NULL, pool);
            assertEquals(2, Xnnpack.pthreadpool_get_threads_count(pool));
            MemorySegment runtimeOut = arena.allocate(ADDRESS);
            XnnStatus.check(Xnnpack.xnn_create_runtime_v2(subgraph, pool, 0, runtimeOut), "create the runtime");
            MemorySegment runtime = runtimeOut.get(ADDRESS, 0);
            XnnStatus.check(Xnnpack.xnn_reshape_runtime(runtime), "reshape");

            MemorySegment externals = xnn_external_value.allocateArray(3, arena);
            MemorySegment[] data = {a, b, c};
            for (int id = 0; id < 3; id++) {
                MemorySegment value = xnn_external_value.asSlice(externals, id);
                xnn_external_value.id(value, id);
                xnn_external_value.data(value, data[id]);
            }
            XnnStatus.check(Xnnpack.xnn_setup_runtime_v2(runtime, 3, externals), "set up");
            XnnStatus.check(Xnnpack.xnn_invoke_runtime(runtime), "run");

            assertArrayEquals(new float[] {1.5f, 2.25f, 0, 44, 505, 0}, c.toArray(JAVA_FLOAT));

            XnnStatus.check(Xnnpack.xnn_delete_runtime(runtime), "delete the runtime");
            XnnStatus.check(Xnnpack.xnn_delete_subgraph(subgraph), "delete the subgraph");
            Xnnpack.pthreadpool_destroy(pool);
            assertEquals(-1, XNN_INVALID_VALUE_ID());
        }
    }
}
