package dev.webnn.backend.onnxruntime;

import static java.lang.foreign.MemorySegment.NULL;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.webnn.MLOperandDescriptor;
import dev.webnn.bindings.onnxruntime.OnnxRuntime;
import dev.webnn.bindings.onnxruntime.OrtApi;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Operand;
import dev.webnn.spi.CompiledGraph;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * An ONNX Runtime session for one WebNN graph. Inputs and outputs are bound as OrtValues
 * created over the caller's memory; they are kept and reused while the caller passes the
 * same segments, so steady-state runs allocate nothing, on the Java heap or natively.
 */
final class OrtCompiledGraph implements CompiledGraph {

    /**
     * {@code OrtApi::Run} with the generated binding's descriptor, but its {@code OrtStatus*}
     * result returned as a {@code long} (the same 64-bit integer return on the supported
     * platforms). The generated binding wraps every returned pointer in a new
     * {@link MemorySegment}; only the JIT's escape analysis would remove that allocation, so
     * runs before C2 compiles the path would allocate 40 bytes each.
     */
    private static final MethodHandle RUN = Linker.nativeLinker().downcallHandle(
            OrtApi.Run.descriptor().changeReturnLayout(JAVA_LONG));

    private final OrtRuntime ort;
    private final MemorySegment api;
    private final MemorySegment session;
    /** {@code OrtApi::Run}, read once so that a run reads no function table. */
    private final MemorySegment run;
    /** Names, shapes, value arrays and lowering-made constants; freed on close. */
    private final Arena arena;
    private final MemorySegment memoryInfo;
    private final MemorySegment inputNames;
    private final MemorySegment outputNames;
    private final Binding inputs;
    private final Binding outputs;
    private boolean closed;

    OrtCompiledGraph(OrtRuntime ort, MemorySegment session, Graph graph, Arena arena) {
        this.ort = ort;
        this.api = ort.api();
        this.session = session;
        this.run = OrtApi.Run(api);
        this.arena = arena;
        this.memoryInfo = ort.out(arena, o -> OrtApi.CreateCpuMemoryInfo.invoke(OrtApi.CreateCpuMemoryInfo(api),
                OnnxRuntime.OrtArenaAllocator(), OnnxRuntime.OrtMemTypeDefault(), o), "create CPU memory info");
        this.inputNames = OrtRuntime.strings(arena, List.copyOf(graph.inputs().keySet()));
        this.outputNames = OrtRuntime.strings(arena, List.copyOf(graph.outputs().keySet()));
        this.inputs = new Binding(graph.inputs().values().stream().map(Operand::descriptor).toList());
        this.outputs = new Binding(graph.outputs().values().stream().map(Operand::descriptor).toList());
    }

    @Override
    public void execute(MemorySegment[] inputSegments, MemorySegment[] outputSegments) {
        inputs.bind(inputSegments);
        outputs.bind(outputSegments);
        long status;
        try {
            status = (long) RUN.invokeExact(run, session, NULL, inputNames, inputs.values, (long) inputs.count,
                    outputNames, (long) outputs.count, outputs.values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("a downcall threw a checked exception", e);
        }
        if (status != 0) {
            ort.check(MemorySegment.ofAddress(status), "run the graph");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inputs.release();
        outputs.release();
        OrtApi.ReleaseSession.invoke(OrtApi.ReleaseSession(api), session);
        OrtApi.ReleaseMemoryInfo.invoke(OrtApi.ReleaseMemoryInfo(api), memoryInfo);
        arena.close();
    }

    /** OrtValues over caller segments, recreated only when a segment's address changes. */
    private final class Binding {
        final int count;
        final MemorySegment values;
        private final long[] addresses;
        private final MemorySegment[] shapes;
        private final int[] ranks;
        private final int[] types;
        private final long[] byteSizes;
        private final MemorySegment slot = arena.allocate(ADDRESS);

        Binding(List<MLOperandDescriptor> descriptors) {
            count = descriptors.size();
            values = arena.allocate(ADDRESS, Math.max(1, count));
            addresses = new long[count];
            shapes = new MemorySegment[count];
            ranks = new int[count];
            types = new int[count];
            byteSizes = new long[count];
            for (int i = 0; i < count; i++) {
                MLOperandDescriptor descriptor = descriptors.get(i);
                long[] shape = descriptor.shape();
                shapes[i] = arena.allocateFrom(JAVA_LONG, shape.length == 0 ? new long[1] : shape);
                ranks[i] = shape.length;
                types[i] = OnnxTypes.of(descriptor.dataType());
                byteSizes[i] = descriptor.byteLength();
            }
        }

        void bind(MemorySegment[] segments) {
            for (int i = 0; i < count; i++) {
                MemorySegment segment = segments[i];
                if (segment.address() != addresses[i]) {
                    releaseValue(i);
                    ort.check(OrtApi.CreateTensorWithDataAsOrtValue.invoke(OrtApi.CreateTensorWithDataAsOrtValue(api),
                            memoryInfo, segment, byteSizes[i], shapes[i], ranks[i], types[i], slot), "bind a tensor");
                    values.setAtIndex(ADDRESS, i, slot.get(ADDRESS, 0));
                    addresses[i] = segment.address();
                }
            }
        }

        void release() {
            for (int i = 0; i < count; i++) {
                releaseValue(i);
            }
        }

        private void releaseValue(int i) {
            MemorySegment value = values.getAtIndex(ADDRESS, i);
            if (!value.equals(NULL)) {
                OrtApi.ReleaseValue.invoke(OrtApi.ReleaseValue(api), value);
                values.setAtIndex(ADDRESS, i, NULL);
                addresses[i] = 0;
            }
        }
    }
}
