package dev.webnn;

import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.partition.Partition;
import dev.webnn.partition.Plan;
import dev.webnn.partition.PlanCompiler;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * A WebNN context on one or more backends (spec: {@code MLContext}): creates tensors,
 * compiles graphs through {@link MLGraphBuilder}, and runs them. With several backends, each
 * operation of a graph runs on the first backend (in the context's order) that can run it,
 * and the graph is split into partitions compiled by their backends ({@link MLGraph#describe()}).
 *
 * <p>Thread safety: a context has one timeline. {@link #dispatch}, {@link #compute},
 * {@link #writeTensor}, {@link #readTensor} and the {@code close} methods of the context,
 * its graphs and tensors are serialised on it and may be called from any thread. Steady-state
 * {@code dispatch} and {@code compute} allocate nothing on the Java heap and copy no tensor
 * data.
 *
 * <p>Memory: {@link #compute} runs on the caller's segments, which must be naturally aligned
 * (to their element size) and must not overlap across an output and an input or two outputs
 * ({@link MLTypeError} otherwise; graphs never run in place). {@link #dispatch} runs on
 * {@link MLTensor}s, each owning memory no other tensor or caller shares. {@link #writeTensor}
 * and {@link #readTensor} copy between a tensor and caller memory of any alignment, heap or
 * native; the caller's source and destination may even overlap each other, since each call
 * copies to or from the tensor's own memory.
 *
 * <p>{@link #close()} (the spec's {@code destroy()}) releases, in order, every graph, every
 * tensor and then the backend's native state; later calls fail with
 * {@link MLInvalidStateError}.
 */
public final class MLContext implements AutoCloseable {

    private final List<ContextBackend> backends;
    private final String backendName;
    private final MLContextOptions options;
    private final MLOpSupportLimits limits;
    private final ReentrantLock timeline = new ReentrantLock();
    private final Set<MLGraph> graphs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<MLTensor> tensors = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean closed;

    MLContext(List<ContextBackend> backends, MLContextOptions options) {
        this.backends = List.copyOf(backends);
        this.backendName = backends.stream().map(ContextBackend::name).collect(Collectors.joining(","));
        this.options = options;
        this.limits = MLOpSupportLimits.union(backends.stream().map(ContextBackend::limits).toList());
    }

    /**
     * The names of the backends running this context, in order of preference and separated
     * by commas, e.g. {@code "xnnpack"} or {@code "xnnpack,onnxruntime"}.
     *
     * @return the backend names
     */
    public String backendName() {
        return backendName;
    }

    /**
     * The options this context was created with.
     *
     * @return the options
     */
    public MLContextOptions options() {
        return options;
    }

    /**
     * Whether the context runs on a massively parallel accelerator (spec:
     * {@code accelerated}); the backends of this library run on the CPU.
     *
     * @return false
     */
    public boolean accelerated() {
        return false;
    }

    /**
     * What the context supports: operators, data types and ranks per operand (spec:
     * {@code opSupportLimits()}). With several backends, the union of their limits.
     *
     * @return the limits, a narrowing of {@link MLOpSupportLimits#specification()}
     */
    public MLOpSupportLimits opSupportLimits() {
        return limits;
    }

    /**
     * A zero-filled tensor (spec: {@code createTensor(descriptor)}).
     *
     * @param descriptor data type, shape and read/write flags
     * @return the tensor, owned by the caller and by this context
     * @throws MLTypeError if the shape is invalid
     * @throws MLInvalidStateError if the context is closed
     */
    public MLTensor createTensor(MLTensorDescriptor descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        checkOpen();
        Checks.dimensions("createTensor", descriptor.descriptor());
        return register(new MLTensor(this, descriptor, false));
    }

    /**
     * A constant tensor holding a copy of {@code data}, for {@link MLGraphBuilder#constant(MLTensor)}
     * (spec: {@code createConstantTensor(descriptor, inputData)}).
     *
     * @param descriptor data type and shape
     * @param data exactly {@code descriptor.byteLength()} bytes in native byte order
     * @return the constant tensor
     * @throws MLTypeError if the shape is invalid or the byte count differs
     * @throws MLInvalidStateError if the context is closed
     */
    public MLTensor createConstantTensor(MLOperandDescriptor descriptor, MemorySegment data) {
        Objects.requireNonNull(descriptor, "descriptor");
        checkOpen();
        Checks.dimensions("createConstantTensor", descriptor);
        checkLength("createConstantTensor", descriptor, data);
        MLTensor tensor = register(new MLTensor(this, new MLTensorDescriptor(descriptor, false, false), true));
        tensor.data().copyFrom(data);
        return tensor;
    }

    /**
     * Copies {@code data} into a writable tensor (spec: {@code writeTensor}).
     *
     * @param tensor a writable tensor of this context
     * @param data exactly the tensor's byte length, in native byte order (heap or native)
     * @throws MLTypeError if the tensor is from another context, destroyed, not writable, or
     *     the byte count differs, or the data's memory is freed or confined to another thread
     * @throws MLInvalidStateError if the context is closed
     */
    public void writeTensor(MLTensor tensor, MemorySegment data) {
        checkTensor("writeTensor", tensor);
        if (!tensor.writable()) {
            throw new MLTypeError("writeTensor: the tensor is not writable");
        }
        checkLength("writeTensor", tensor.descriptor(), data);
        // Locked inline rather than through onTimeline: no capturing lambda per call, so a step
        // of write, dispatch and read allocates nothing even where the JIT does not scalar-replace.
        timeline.lock();
        try {
            checkTensor("writeTensor", tensor);
            tensor.data().copyFrom(data);
        } finally {
            timeline.unlock();
        }
    }

    /**
     * Reads a readable tensor into new memory (spec: {@code readTensor(tensor)}).
     *
     * @param tensor a readable tensor of this context
     * @return a copy of the tensor's bytes in native memory managed by the garbage collector
     * @throws MLTypeError if the tensor is from another context, destroyed or not readable
     * @throws MLInvalidStateError if the context is closed
     */
    public MemorySegment readTensor(MLTensor tensor) {
        checkReadable(tensor);
        MemorySegment copy = Arena.ofAuto().allocate(Math.max(1, tensor.descriptor().byteLength()), 64)
                .asSlice(0, tensor.descriptor().byteLength());
        readTensor(tensor, copy);
        return copy;
    }

    /**
     * Reads a readable tensor into the caller's memory (spec: {@code readTensor(tensor, outputData)}).
     *
     * @param tensor a readable tensor of this context
     * @param destination exactly the tensor's byte length (heap or native)
     * @throws MLTypeError if the tensor is from another context, destroyed or not readable, or
     *     the byte count differs, or the destination is read-only, freed or confined to another thread
     * @throws MLInvalidStateError if the context is closed
     */
    public void readTensor(MLTensor tensor, MemorySegment destination) {
        checkReadable(tensor);
        checkLength("readTensor", tensor.descriptor(), destination);
        if (destination.isReadOnly()) {
            throw new MLTypeError("readTensor: the destination is read-only");
        }
        timeline.lock();
        try {
            checkTensor("readTensor", tensor);
            destination.copyFrom(tensor.data());
        } finally {
            timeline.unlock();
        }
    }

    /**
     * Runs a graph on tensors of this context (spec: {@code dispatch(graph, inputs, outputs)}).
     * Returns when the results are in the output tensors.
     *
     * @param graph a graph built on this context
     * @param inputs one tensor per graph input, by name, each with exactly the input's descriptor
     * @param outputs one tensor per graph output, by name, each with exactly the output's descriptor
     * @throws MLTypeError if the graph or a tensor belongs to another context, a tensor is
     *     destroyed, constant, used twice, or does not match, or names are missing or extra
     * @throws MLInvalidStateError if the context or the graph is closed
     * @throws MLOperationError if the backend fails
     */
    public void dispatch(MLGraph graph, Map<String, MLTensor> inputs, Map<String, MLTensor> outputs) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        timeline.lock();
        try {
            checkGraph("dispatch", graph);
            MLTensor[] all = graph.tensorScratch;
            collectTensors(graph.inputNames(), inputs, "input", all, 0);
            collectTensors(graph.outputNames(), outputs, "output", all, graph.inputNames().size());
            for (int i = 0; i < all.length; i++) {
                MLTensor tensor = all[i];
                boolean isInput = i < graph.inputNames().size();
                int index = isInput ? i : i - graph.inputNames().size();
                String name = isInput ? graph.inputNames().get(index) : graph.outputNames().get(index);
                if (tensor.context() != this) {
                    throw new MLTypeError("dispatch: tensor '" + name + "' belongs to another context");
                }
                if (tensor.isDestroyed()) {
                    throw new MLTypeError("dispatch: tensor '" + name + "' is destroyed");
                }
                if (tensor.isConstant()) {
                    throw new MLTypeError("dispatch: tensor '" + name + "' is a constant tensor");
                }
                MLOperandDescriptor expected = isInput ? graph.inputDescriptor(index) : graph.outputDescriptor(index);
                if (!tensor.descriptor().equals(expected)) {
                    throw new MLTypeError("dispatch: tensor '" + name + "' is " + tensor.descriptor() + ", the graph expects "
                            + expected);
                }
                for (int j = 0; j < i; j++) {
                    if (all[j] == tensor) {
                        throw new MLTypeError("dispatch: tensor '" + name + "' is used more than once");
                    }
                }
                (isInput ? graph.inputScratch : graph.outputScratch)[index] = tensor.data();
            }
            run(graph);
        } finally {
            Arrays.fill(graph.tensorScratch, null);
            timeline.unlock();
        }
    }

    /**
     * Runs a graph directly on the caller's native memory, without copies (the 2023 spec's
     * {@code compute}). Returns when the outputs are written.
     *
     * <p>Segments must be native (off-heap), alive, and exactly the byte length of their
     * input or output; they must stay alive until this method returns. Each must start at an
     * address that is a multiple of its data type's byte size (the natural alignment, which
     * {@code Arena.allocate(size, elementSize)} and every {@code allocateFrom} give): unaligned
     * segments are refused, not copied. No output may share a byte with an input or with
     * another output: graphs are never run in place, because the backends read inputs while
     * they write outputs and would silently compute wrong values. Inputs may overlap each other.
     *
     * @param graph a graph built on this context
     * @param inputs one segment per graph input, by name
     * @param outputs one writable segment per graph output, by name
     * @throws MLTypeError if names are missing or extra, or a segment is on the heap, closed,
     *     read-only (outputs), of the wrong size or unaligned, or an output overlaps an input or
     *     another output (the message names both)
     * @throws MLInvalidStateError if the context or the graph is closed
     * @throws MLOperationError if the backend fails
     */
    public void compute(MLGraph graph, Map<String, MemorySegment> inputs, Map<String, MemorySegment> outputs) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        timeline.lock();
        try {
            checkGraph("compute", graph);
            collectSegments(graph.inputNames(), inputs, "input", graph, true);
            collectSegments(graph.outputNames(), outputs, "output", graph, false);
            ComputeMemory.check(graph);
            run(graph);
        } finally {
            Arrays.fill(graph.inputScratch, null);
            Arrays.fill(graph.outputScratch, null);
            timeline.unlock();
        }
    }

    /**
     * Closes every graph and tensor of this context, then the backend's native state (spec:
     * {@code destroy()}). Idempotent; waits for a running dispatch.
     */
    @Override
    public void close() {
        timeline.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            RuntimeException failure = null;
            for (MLGraph graph : new ArrayList<>(graphs)) {
                try {
                    graph.release();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            graphs.clear();
            for (MLTensor tensor : new ArrayList<>(tensors)) {
                tensor.release();
            }
            tensors.clear();
            for (ContextBackend backend : backends) {
                backend.close();
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            timeline.unlock();
        }
    }

    /** Same as {@link #close()}, with the spec's name. */
    public void destroy() {
        close();
    }

    /**
     * Whether {@link #close()} has been called (spec: the context "is lost").
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "MLContext[" + backendName + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------------------------

    void checkOpen() {
        if (closed) {
            throw new MLInvalidStateError("the MLContext is closed");
        }
    }

    /** Checks backend support, compiles and registers a graph; closes {@code constants} on failure. */
    MLGraph compile(Graph graph, Arena constants) {
        boolean success = false;
        timeline.lock();
        try {
            checkOpen();
            PlanCompiler.Result planned;
            if (backends.size() == 1) {
                backends.get(0).checkSupported(graph);
                planned = PlanCompiler.whole(graph, backends.get(0));
            } else {
                planned = PlanCompiler.compile(graph, backends, MLContext::where);
            }
            MLGraph result = new MLGraph(this, graph, planned.compiled(), constants, describe(planned.plan()));
            graphs.add(result);
            success = true;
            return result;
        } finally {
            if (!success) {
                constants.close();
            }
            timeline.unlock();
        }
    }

    void destroy(MLGraph graph) {
        onTimeline(() -> {
            graph.release();
            graphs.remove(graph);
        });
    }

    void destroy(MLTensor tensor) {
        onTimeline(() -> {
            tensor.release();
            tensors.remove(tensor);
        });
    }

    private void onTimeline(Runnable action) {
        timeline.lock();
        try {
            action.run();
        } finally {
            timeline.unlock();
        }
    }

    private MLTensor register(MLTensor tensor) {
        timeline.lock();
        try {
            if (closed) {
                tensor.release();
                throw new MLInvalidStateError("the MLContext is closed");
            }
            tensors.add(tensor);
            return tensor;
        } finally {
            timeline.unlock();
        }
    }

    private void run(MLGraph graph) {
        graph.compiled().execute(graph.inputScratch, graph.outputScratch);
    }

    private void checkGraph(String method, MLGraph graph) {
        checkOpen();
        if (graph.context() != this) {
            throw new MLTypeError(method + ": the graph was built for another context");
        }
        if (graph.isDestroyed()) {
            throw new MLInvalidStateError(method + ": the graph is destroyed");
        }
    }

    private void collectTensors(List<String> names, Map<String, MLTensor> given, String kind, MLTensor[] into, int offset) {
        checkCount("dispatch", names, given, kind);
        for (int i = 0; i < names.size(); i++) {
            into[offset + i] = lookUp("dispatch", "tensor", given, names.get(i), kind);
        }
    }

    private void collectSegments(List<String> names, Map<String, MemorySegment> given, String kind, MLGraph graph,
                                 boolean isInput) {
        checkCount("compute", names, given, kind);
        MemorySegment[] into = isInput ? graph.inputScratch : graph.outputScratch;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            MemorySegment segment = lookUp("compute", "segment", given, name, kind);
            MLOperandDescriptor expected = isInput ? graph.inputDescriptor(i) : graph.outputDescriptor(i);
            if (!segment.isNative()) {
                throw new MLTypeError("compute: " + kind + " '" + name + "' is a heap segment; compute needs native memory "
                        + "(Arena.allocate), or use dispatch with MLTensors");
            }
            if (!segment.scope().isAlive()) {
                throw new MLTypeError("compute: the memory of " + kind + " '" + name + "' is already freed");
            }
            if (segment.byteSize() != expected.byteLength()) {
                throw new MLTypeError("compute: " + kind + " '" + name + "' has " + segment.byteSize() + " bytes, "
                        + expected + " needs " + expected.byteLength());
            }
            if (!isInput && segment.isReadOnly()) {
                throw new MLTypeError("compute: output '" + name + "' is read-only");
            }
            into[i] = segment;
        }
    }

    /** dispatch and compute: as many values are given as the graph has inputs (or outputs). */
    private static void checkCount(String method, List<String> names, Map<String, ?> given, String kind) {
        if (given.size() != names.size()) {
            throw new MLTypeError(method + ": the graph has " + names.size() + " " + kind + "s " + names + ", got "
                    + given.size() + " " + given.keySet());
        }
    }

    /** dispatch and compute: the value given for the graph's input (or output) {@code name}. */
    private static <T> T lookUp(String method, String value, Map<String, T> given, String name, String kind) {
        T found = given.get(name);
        if (found == null) {
            throw new MLTypeError(method + ": no " + value + " for " + kind + " '" + name + "' (got " + given.keySet() + ")");
        }
        return found;
    }

    private void checkTensor(String method, MLTensor tensor) {
        Objects.requireNonNull(tensor, "tensor");
        checkOpen();
        if (tensor.context() != this) {
            throw new MLTypeError(method + ": the tensor belongs to another context");
        }
        if (tensor.isDestroyed()) {
            throw new MLTypeError(method + ": the tensor is destroyed");
        }
    }

    private void checkReadable(MLTensor tensor) {
        checkTensor("readTensor", tensor);
        if (!tensor.readable()) {
            throw new MLTypeError("readTensor: the tensor is not readable");
        }
    }

    private static void checkLength(String method, MLOperandDescriptor descriptor, MemorySegment data) {
        Objects.requireNonNull(data, "data");
        checkUsable(method, data);
        if (data.byteSize() != descriptor.byteLength()) {
            throw new MLTypeError(method + ": " + descriptor + " has " + descriptor.byteLength() + " bytes, the buffer has "
                    + data.byteSize());
        }
    }

    /**
     * Checks that the caller's memory can be read or written here: not freed, and not confined
     * to another thread (the memory API would throw its own IllegalStateException or
     * WrongThreadException in the middle of the copy).
     *
     * @param method the calling method, for the message
     * @param data the caller's segment
     * @throws MLTypeError if the memory is freed or confined to another thread
     */
    static void checkUsable(String method, MemorySegment data) {
        if (!data.scope().isAlive()) {
            throw new MLTypeError(method + ": the buffer's memory is already freed");
        }
        if (!data.isAccessibleBy(Thread.currentThread())) {
            throw new MLTypeError(method + ": the buffer's memory is confined to another thread");
        }
    }

    private static String where(Node node) {
        return Checks.where(node.op(), node.label());
    }

    private List<MLPartition> describe(Plan plan) {
        List<MLPartition> partitions = new ArrayList<>();
        for (Partition partition : plan.partitions()) {
            partitions.add(new MLPartition(backends.get(partition.engine()).name(), partition.nodes().length,
                    List.copyOf(partition.graph().inputs().keySet()), List.copyOf(partition.graph().outputs().keySet())));
        }
        return partitions;
    }
}
