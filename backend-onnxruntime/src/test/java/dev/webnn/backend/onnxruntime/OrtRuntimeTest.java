package dev.webnn.backend.onnxruntime;

import static dev.webnn.bindings.onnxruntime.OnnxRuntime.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT;
import static java.lang.foreign.MemorySegment.NULL;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperationError;
import dev.webnn.ML;
import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import dev.webnn.bindings.onnxruntime.OrtApi;
import dev.webnn.bindings.onnxruntime.OrtModelEditorApi;
import dev.webnn.spi.BackendAvailability;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Smoke tests: the packaged ONNX Runtime loads and runs a model built in memory. */
class OrtRuntimeTest {

    private final OrtRuntime ort = OrtRuntime.get();
    private final MemorySegment api = ort.api();
    private final MemorySegment editor = ort.modelEditorApi();

    @Test
    void reportsTheVersionOfTheJar() {
        assertEquals("1.23.2", ort.version());
        assertEquals("1.23.2", OrtRuntime.JAR_VERSION);
        assertTrue(ort.library().toString().endsWith("libonnxruntime.so"), ort.library().toString());
    }

    @Test
    void isDiscoveredAsAnAvailableBackend() {
        BackendAvailability availability = ML.backends().stream()
                .filter(b -> b.name().equals(OnnxRuntimeBackend.NAME)).findFirst().orElseThrow().availability();
        assertTrue(availability.available(), availability.reason());
        assertEquals("1.23.2", availability.nativeVersion());
    }

    @Test
    void errorStatusBecomesAnExceptionWithTheNativeMessage() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = OrtApi.CreateStatus.invoke(OrtApi.CreateStatus(api),
                    OnnxRuntime.ORT_INVALID_ARGUMENT(), arena.allocateFrom("bad shape"));
            MLOperationError e = assertThrows(MLOperationError.class, () -> ort.check(status, "run"));
            assertEquals("ONNX Runtime could not run: bad shape (ORT_INVALID_ARGUMENT)", e.getMessage());
        }
    }

    @Test
    void addModelBuiltWithTheModelEditorApiRunsOnOffHeapSegments() {
        long[] shape = {2, 3};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocateFrom(JAVA_FLOAT, 1, 2, 3, 4, 5, 6);
            MemorySegment b = arena.allocateFrom(JAVA_FLOAT, 10, 20, 30, 40, 50, 60);
            MemorySegment c = arena.allocate(JAVA_FLOAT, 6);

            MemorySegment typeInfo = tensorTypeInfo(arena, shape);
            MemorySegment graph = out(arena, o -> OrtModelEditorApi.CreateGraph.invoke(
                    OrtModelEditorApi.CreateGraph(editor), o), "create a graph");
            MemorySegment inputs = pointers(arena, valueInfo(arena, "a", typeInfo), valueInfo(arena, "b", typeInfo));
            ort.check(OrtModelEditorApi.SetGraphInputs.invoke(OrtModelEditorApi.SetGraphInputs(editor), graph, inputs, 2), "set inputs");
            MemorySegment outputs = pointers(arena, valueInfo(arena, "c", typeInfo));
            ort.check(OrtModelEditorApi.SetGraphOutputs.invoke(OrtModelEditorApi.SetGraphOutputs(editor), graph, outputs, 1), "set outputs");
            OrtApi.ReleaseTypeInfo.invoke(OrtApi.ReleaseTypeInfo(api), typeInfo);

            MemorySegment inNames = pointers(arena, arena.allocateFrom("a"), arena.allocateFrom("b"));
            MemorySegment outNames = pointers(arena, arena.allocateFrom("c"));
            MemorySegment node = out(arena, o -> OrtModelEditorApi.CreateNode.invoke(OrtModelEditorApi.CreateNode(editor),
                    arena.allocateFrom("Add"), arena.allocateFrom(""), arena.allocateFrom("add0"),
                    inNames, 2, outNames, 1, NULL, 0, o), "create a node");
            ort.check(OrtModelEditorApi.AddNodeToGraph.invoke(OrtModelEditorApi.AddNodeToGraph(editor), graph, node), "add the node");

            MemorySegment model = out(arena, o -> OrtModelEditorApi.CreateModel.invoke(OrtModelEditorApi.CreateModel(editor),
                    pointers(arena, arena.allocateFrom("")), arena.allocateFrom(JAVA_INT, 21), 1, o), "create a model");
            ort.check(OrtModelEditorApi.AddGraphToModel.invoke(OrtModelEditorApi.AddGraphToModel(editor), model, graph), "add the graph");
            MemorySegment options = out(arena, o -> OrtApi.CreateSessionOptions.invoke(OrtApi.CreateSessionOptions(api), o), "create options");
            MemorySegment session = out(arena, o -> OrtModelEditorApi.CreateSessionFromModel.invoke(
                    OrtModelEditorApi.CreateSessionFromModel(editor), ort.env(), model, options, o), "create the session");
            OrtApi.ReleaseModel.invoke(OrtApi.ReleaseModel(api), model);
            OrtApi.ReleaseSessionOptions.invoke(OrtApi.ReleaseSessionOptions(api), options);

            MemorySegment memoryInfo = out(arena, o -> OrtApi.CreateCpuMemoryInfo.invoke(OrtApi.CreateCpuMemoryInfo(api),
                    OnnxRuntime.OrtArenaAllocator(), OnnxRuntime.OrtMemTypeDefault(), o), "create memory info");
            MemorySegment values = pointers(arena,
                    tensor(arena, memoryInfo, a, shape), tensor(arena, memoryInfo, b, shape));
            MemorySegment results = pointers(arena, tensor(arena, memoryInfo, c, shape));
            ort.check(OrtApi.Run.invoke(OrtApi.Run(api), session, NULL, inNames, values, 2, outNames, 1, results), "run");

            assertArrayEquals(new float[] {11, 22, 33, 44, 55, 66}, c.toArray(JAVA_FLOAT));
            MemorySegment written = out(arena, o -> OrtApi.GetTensorMutableData.invoke(OrtApi.GetTensorMutableData(api),
                    results.get(ADDRESS, 0), o), "read the output's data pointer");
            assertEquals(c.address(), written.address(), "the output OrtValue wraps the caller's segment");

            for (int i = 0; i < 2; i++) {
                OrtApi.ReleaseValue.invoke(OrtApi.ReleaseValue(api), values.getAtIndex(ADDRESS, i));
            }
            OrtApi.ReleaseValue.invoke(OrtApi.ReleaseValue(api), results.get(ADDRESS, 0));
            OrtApi.ReleaseMemoryInfo.invoke(OrtApi.ReleaseMemoryInfo(api), memoryInfo);
            OrtApi.ReleaseSession.invoke(OrtApi.ReleaseSession(api), session);
        }
    }

    private MemorySegment tensorTypeInfo(Arena arena, long[] shape) {
        MemorySegment info = out(arena, o -> OrtApi.CreateTensorTypeAndShapeInfo.invoke(
                OrtApi.CreateTensorTypeAndShapeInfo(api), o), "create shape info");
        ort.check(OrtApi.SetTensorElementType.invoke(OrtApi.SetTensorElementType(api), info,
                ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT()), "set the element type");
        ort.check(OrtApi.SetDimensions.invoke(OrtApi.SetDimensions(api), info,
                arena.allocateFrom(JAVA_LONG, shape), shape.length), "set dimensions");
        MemorySegment typeInfo = out(arena, o -> OrtModelEditorApi.CreateTensorTypeInfo.invoke(
                OrtModelEditorApi.CreateTensorTypeInfo(editor), info, o), "create type info");
        OrtApi.ReleaseTensorTypeAndShapeInfo.invoke(OrtApi.ReleaseTensorTypeAndShapeInfo(api), info);
        return typeInfo;
    }

    private MemorySegment valueInfo(Arena arena, String name, MemorySegment typeInfo) {
        return out(arena, o -> OrtModelEditorApi.CreateValueInfo.invoke(OrtModelEditorApi.CreateValueInfo(editor),
                arena.allocateFrom(name), typeInfo, o), "create value info " + name);
    }

    private MemorySegment tensor(Arena arena, MemorySegment memoryInfo, MemorySegment data, long[] shape) {
        return out(arena, o -> OrtApi.CreateTensorWithDataAsOrtValue.invoke(OrtApi.CreateTensorWithDataAsOrtValue(api),
                memoryInfo, data, data.byteSize(), arena.allocateFrom(JAVA_LONG, shape), shape.length,
                ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT(), o), "wrap a tensor");
    }

    private static MemorySegment pointers(Arena arena, MemorySegment... values) {
        MemorySegment array = arena.allocate(ADDRESS, values.length);
        for (int i = 0; i < values.length; i++) {
            array.setAtIndex(ADDRESS, i, values[i]);
        }
        return array;
    }

    private MemorySegment out(Arena arena, Function<MemorySegment, MemorySegment> call, String action) {
        return ort.out(arena, call, action);
    }
}
