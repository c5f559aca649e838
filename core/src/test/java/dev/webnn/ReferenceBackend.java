package dev.webnn;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import dev.webnn.graph.Operation;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.BackendContext;
import dev.webnn.spi.CompiledGraph;
import dev.webnn.spi.MLBackend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny pure-Java backend for core tests. It accepts every graph the spec allows, so
 * tests can build any operation and inspect the IR ({@link MLGraph#graph()}), but executes
 * only float32 add, sub and mul with broadcasting. It counts open contexts and graphs so
 * tests can check that closing releases everything.
 */
public final class ReferenceBackend implements MLBackend {

    static final AtomicInteger OPEN_CONTEXTS = new AtomicInteger();
    static final AtomicInteger OPEN_GRAPHS = new AtomicInteger();
    private static final Set<Op> OPS = EnumSet.of(Op.ADD, Op.SUB, Op.MUL);

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public ReferenceBackend() {
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public BackendAvailability availability() {
        return BackendAvailability.available("test");
    }

    @Override
    public BackendContext openContext(MLContextOptions options) {
        OPEN_CONTEXTS.incrementAndGet();
        return new BackendContext() {
            @Override
            public MLOpSupportLimits supportLimits(MLOpSupportLimits specLimits) {
                return specLimits;
            }

            @Override
            public CompiledGraph compile(Graph graph) {
                OPEN_GRAPHS.incrementAndGet();
                return new Interpreter(graph);
            }

            @Override
            public void close() {
                OPEN_CONTEXTS.decrementAndGet();
            }
        };
    }

    /** Runs each node with float arithmetic into temporaries; writes outputs. */
    private static final class Interpreter implements CompiledGraph {
        private final Graph graph;

        Interpreter(Graph graph) {
            this.graph = graph;
        }

        @Override
        public void execute(MemorySegment[] inputs, MemorySegment[] outputs) {
            Map<Integer, MemorySegment> values = new HashMap<>(graph.constants());
            List<Operand> in = List.copyOf(graph.inputs().values());
            for (int i = 0; i < inputs.length; i++) {
                values.put(in.get(i).id(), inputs[i]);
            }
            try (Arena arena = Arena.ofConfined()) {
                for (Node node : graph.nodes()) {
                    if (!OPS.contains(node.op()) || node.output().descriptor().dataType() != MLOperandDataType.FLOAT32
                            || !(node.operation() instanceof Operation.Binary binary)) {
                        throw new MLNotSupportedError("the reference test backend executes only float32 add, sub, mul");
                    }
                    Operand out = node.output();
                    MemorySegment result = arena.allocate(out.descriptor().byteLength(), 4);
                    MemorySegment a = values.get(binary.a().id());
                    MemorySegment b = values.get(binary.b().id());
                    long[] shape = out.descriptor().shape();
                    long count = out.descriptor().elementCount();
                    for (long index = 0; index < count; index++) {
                        float x = a.getAtIndex(ValueLayout.JAVA_FLOAT, broadcastIndex(index, shape, binary.a()));
                        float y = b.getAtIndex(ValueLayout.JAVA_FLOAT, broadcastIndex(index, shape, binary.b()));
                        float r = switch (node.op()) {
                            case ADD -> x + y;
                            case SUB -> x - y;
                            case MUL -> x * y;
                            default -> throw new IllegalStateException(node.op().toString());
                        };
                        result.setAtIndex(ValueLayout.JAVA_FLOAT, index, r);
                    }
                    values.put(out.id(), result);
                }
                List<Operand> out = List.copyOf(graph.outputs().values());
                for (int i = 0; i < outputs.length; i++) {
                    outputs[i].copyFrom(values.get(out.get(i).id()));
                }
            }
        }

        private static long broadcastIndex(long flat, long[] outShape, Operand operand) {
            long[] shape = operand.descriptor().shape();
            long index = 0;
            long stride = 1;
            for (int axis = outShape.length - 1, own = shape.length - 1; axis >= 0; axis--, own--) {
                long coordinate = flat % outShape[axis];
                flat /= outShape[axis];
                if (own >= 0) {
                    if (shape[own] != 1) {
                        index += coordinate * stride;
                    }
                    stride *= shape[own];
                }
            }
            return index;
        }

        @Override
        public void close() {
            OPEN_GRAPHS.decrementAndGet();
        }
    }
}
