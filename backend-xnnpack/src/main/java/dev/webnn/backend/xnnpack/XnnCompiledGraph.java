package dev.webnn.backend.xnnpack;

import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.webnn.bindings.xnnpack.Xnnpack;
import dev.webnn.bindings.xnnpack.xnn_external_value;
import dev.webnn.spi.CompiledGraph;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An XNNPACK runtime for one WebNN graph. External values point straight at the caller's
 * segments; the runtime is reshaped once and set up again only when a bound address
 * changes, so steady-state runs are a single {@code xnn_invoke_runtime}.
 */
final class XnnCompiledGraph implements CompiledGraph {

    private final MemorySegment runtime;
    /** External value array and constants made during lowering; freed after the runtime. */
    private final Arena arena;
    private final MemorySegment externals;
    private final long[] addresses;
    private final int inputCount;
    private boolean closed;

    XnnCompiledGraph(MemorySegment runtime, int inputCount, int outputCount, Arena arena) {
        this.runtime = runtime;
        this.arena = arena;
        this.inputCount = inputCount;
        int count = inputCount + outputCount;
        this.externals = xnn_external_value.allocateArray(Math.max(1, count), arena);
        for (int i = 0; i < count; i++) {
            xnn_external_value.id(xnn_external_value.asSlice(externals, i), i);
        }
        this.addresses = new long[count];
        XnnStatus.check(Xnnpack.xnn_reshape_runtime(runtime), "reshape the runtime");
    }

    @Override
    public void execute(MemorySegment[] inputs, MemorySegment[] outputs) {
        boolean changed = bind(inputs, 0) | bind(outputs, inputCount);
        if (changed) {
            XnnStatus.check(Xnnpack.xnn_setup_runtime_v2(runtime, addresses.length, externals), "set up the runtime");
        }
        XnnStatus.check(Xnnpack.xnn_invoke_runtime(runtime), "run the graph");
    }

    private boolean bind(MemorySegment[] segments, int offset) {
        boolean changed = false;
        for (int i = 0; i < segments.length; i++) {
            long address = segments[i].address();
            if (addresses[offset + i] != address) {
                addresses[offset + i] = address;
                externals.set(ADDRESS, (offset + i) * xnn_external_value.sizeof() + xnn_external_value.data$offset(), segments[i]);
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            XnnStatus.check(Xnnpack.xnn_delete_runtime(runtime), "delete the runtime");
        } finally {
            arena.close();
        }
    }
}
