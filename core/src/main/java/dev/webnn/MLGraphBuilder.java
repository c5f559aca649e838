package dev.webnn;

import dev.webnn.graph.Attributes;
import dev.webnn.graph.Graph;
import dev.webnn.graph.Node;
import dev.webnn.graph.Op;
import dev.webnn.graph.Operand;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a WebNN graph: inputs, constants and the spec's 95 operations, then
 * {@link #build} compiles it for the builder's context (spec: {@code MLGraphBuilder}).
 *
 * <p>Every operation validates its arguments and infers its output shape immediately,
 * following the spec's algorithm step by step: a wrong argument throws {@link MLTypeError}
 * naming the operation, its label and the offending value; a builder that has built, or
 * whose context is closed, throws {@link MLInvalidStateError}. Operands of another builder
 * are rejected.
 *
 * <p>Constant data is copied when the constant is created. A builder is used by one
 * thread at a time and builds at most once.
 */
public final class MLGraphBuilder {

    /** Largest rank this library accepts for any operand. */
    public static final int MAX_RANK = 8;

    /** Largest tensor in bytes: 2<sup>31</sup>-1 elements of 8 bytes. */
    public static final long MAX_TENSOR_BYTE_LENGTH = (long) Integer.MAX_VALUE * 8;

    private static final Cleaner CLEANER = Cleaner.create();

    private final MLContext context;
    private final Arena arena = Arena.ofShared();
    private final ArenaOwner arenaOwner = new ArenaOwner(arena);
    private final List<MLOperand> operands = new ArrayList<>();
    private final Map<String, MLOperand> inputs = new LinkedHashMap<>();
    private final Map<Integer, MemorySegment> constants = new HashMap<>();
    private final List<BuilderNode> nodes = new ArrayList<>();
    /** Producer node index of each operator output, by operand id. */
    private final Map<Integer, Integer> producers = new HashMap<>();
    private boolean built;

    /** Closes the constants' arena of a builder that was collected without building. */
    private static final class ArenaOwner implements Runnable {
        private final Arena arena;
        private volatile boolean transferred;

        ArenaOwner(Arena arena) {
            this.arena = arena;
        }

        @Override
        public void run() {
            if (!transferred) {
                arena.close();
            }
        }
    }

    /** An operator as recorded by the builder, with builder operands. */
    private record BuilderNode(Op op, String label, Map<String, MLOperand> inputs, Attributes attributes, List<MLOperand> outputs) {
    }

    /**
     * Creates a builder for a context (spec: {@code MLGraphBuilder(context)}).
     *
     * @param context the context that will compile and run the graph
     * @throws MLInvalidStateError if the context is closed
     */
    public MLGraphBuilder(MLContext context) {
        this.context = Objects.requireNonNull(context, "context");
        context.checkOpen();
        // Safety net: constants of a builder that never builds are freed when it is collected.
        CLEANER.register(this, arenaOwner);
    }

    /**
     * The context this builder builds for.
     *
     * @return the context
     */
    public MLContext context() {
        return context;
    }

    // ---------------------------------------------------------------------------------
    // Inputs, constants, build
    // ---------------------------------------------------------------------------------

    /**
     * A named graph input (spec: {@code input(name, descriptor)}).
     *
     * @param name non-empty name, unique among this builder's inputs
     * @param descriptor data type and shape
     * @return the input operand
     * @throws MLTypeError if the name is empty or taken, or the shape is invalid
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand input(String name, MLOperandDescriptor descriptor) {
        checkCanBuild();
        if (name == null || name.isEmpty()) {
            throw new MLTypeError("input: name is empty");
        }
        if (inputs.containsKey(name)) {
            throw new MLTypeError("input: name '" + name + "' is already used by another input");
        }
        Checks.dimensions("input '" + name + "'", Objects.requireNonNull(descriptor, "descriptor"));
        MLOperand operand = newOperand(descriptor, MLOperand.Kind.INPUT, name, null);
        inputs.put(name, operand);
        return operand;
    }

    /**
     * A constant holding a copy of {@code data} (spec: {@code constant(descriptor, buffer)}).
     * The bytes are read in native byte order; any data type may be given as raw bytes.
     *
     * @param descriptor data type and shape
     * @param data exactly {@code descriptor.byteLength()} bytes (heap or native)
     * @return the constant operand
     * @throws MLTypeError if the shape is invalid or the byte count differs
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand constant(MLOperandDescriptor descriptor, MemorySegment data) {
        checkCanBuild();
        Checks.dimensions("constant", Objects.requireNonNull(descriptor, "descriptor"));
        Objects.requireNonNull(data, "data");
        if (data.byteSize() != descriptor.byteLength()) {
            throw new MLTypeError("constant: " + descriptor + " needs " + descriptor.byteLength() + " bytes, the data has "
                    + data.byteSize());
        }
        MemorySegment copy = arena.allocate(Math.max(1, data.byteSize()), 64).asSlice(0, data.byteSize());
        copy.copyFrom(data);
        return addConstant(descriptor, copy, null);
    }

    /**
     * A float32 constant (the spec's Float32Array form).
     *
     * @param descriptor a float32 descriptor
     * @param data one value per element
     * @return the constant operand
     * @throws MLTypeError if the descriptor is not float32 or the length differs
     */
    public MLOperand constant(MLOperandDescriptor descriptor, float[] data) {
        return typedConstant(descriptor, MemorySegment.ofArray(Objects.requireNonNull(data, "data")), "float[]",
                MLOperandDataType.FLOAT32);
    }

    /**
     * A float16 constant from raw binary16 bits (the spec's Uint16Array form for float16).
     *
     * @param descriptor a float16 descriptor
     * @param data one binary16 bit pattern per element (see {@link Float#floatToFloat16})
     * @return the constant operand
     * @throws MLTypeError if the descriptor is not float16 or the length differs
     */
    public MLOperand constant(MLOperandDescriptor descriptor, short[] data) {
        return typedConstant(descriptor, MemorySegment.ofArray(Objects.requireNonNull(data, "data")), "short[]",
                MLOperandDataType.FLOAT16);
    }

    /**
     * An int32 or uint32 constant (the spec's Int32Array/Uint32Array forms).
     *
     * @param descriptor an int32 or uint32 descriptor
     * @param data one value per element
     * @return the constant operand
     * @throws MLTypeError if the descriptor has another type or the length differs
     */
    public MLOperand constant(MLOperandDescriptor descriptor, int[] data) {
        return typedConstant(descriptor, MemorySegment.ofArray(Objects.requireNonNull(data, "data")), "int[]",
                MLOperandDataType.INT32, MLOperandDataType.UINT32);
    }

    /**
     * An int64 or uint64 constant (the spec's BigInt64Array/BigUint64Array forms).
     *
     * @param descriptor an int64 or uint64 descriptor
     * @param data one value per element
     * @return the constant operand
     * @throws MLTypeError if the descriptor has another type or the length differs
     */
    public MLOperand constant(MLOperandDescriptor descriptor, long[] data) {
        return typedConstant(descriptor, MemorySegment.ofArray(Objects.requireNonNull(data, "data")), "long[]",
                MLOperandDataType.INT64, MLOperandDataType.UINT64);
    }

    /**
     * A constant from raw bytes (the spec's Uint8Array form, accepted for every data type).
     *
     * @param descriptor data type and shape
     * @param data exactly {@code descriptor.byteLength()} bytes in native byte order
     * @return the constant operand
     */
    public MLOperand constant(MLOperandDescriptor descriptor, byte[] data) {
        return constant(descriptor, MemorySegment.ofArray(Objects.requireNonNull(data, "data")));
    }

    /**
     * A scalar constant (spec: {@code constant(dataType, value)}); the value is cast to the
     * data type with the spec's casting rules.
     *
     * @param dataType the data type
     * @param value the value
     * @return a rank-0 constant
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand constant(MLOperandDataType dataType, MLNumber value) {
        checkCanBuild();
        Objects.requireNonNull(dataType, "dataType");
        MLNumber cast = Objects.requireNonNull(value, "value").castTo(dataType);
        MemorySegment data = arena.allocate(dataType.byteSize(), 64);
        switch (dataType) {
            case FLOAT32 -> data.set(ValueLayout.JAVA_FLOAT, 0, cast.toFloat32());
            case FLOAT16 -> data.set(ValueLayout.JAVA_SHORT, 0, cast.toFloat16Bits());
            case INT32, UINT32 -> data.set(ValueLayout.JAVA_INT, 0, (int) cast.longBits());
            case INT64, UINT64 -> data.set(ValueLayout.JAVA_LONG, 0, cast.longBits());
            case INT8, UINT8 -> data.set(ValueLayout.JAVA_BYTE, 0, (byte) cast.longBits());
        }
        return addConstant(MLOperandDescriptor.ofTrusted(dataType, new long[0]), data, null);
    }

    /**
     * A scalar constant from a double, cast to the data type.
     *
     * @param dataType the data type
     * @param value the value
     * @return a rank-0 constant
     */
    public MLOperand constant(MLOperandDataType dataType, double value) {
        return constant(dataType, MLNumber.of(value));
    }

    /**
     * A constant backed by a constant tensor (spec: {@code constant(tensor)}). Its data is
     * copied, so the tensor may be closed afterwards.
     *
     * @param tensor a tensor made by {@link MLContext#createConstantTensor} on this builder's context
     * @return the constant operand
     * @throws MLTypeError if the tensor belongs to another context, is closed or not constant
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand constant(MLTensor tensor) {
        Objects.requireNonNull(tensor, "tensor");
        if (tensor.context() != context) {
            throw new MLTypeError("constant: the tensor belongs to another context");
        }
        if (tensor.isDestroyed()) {
            throw new MLTypeError("constant: the tensor is destroyed");
        }
        if (!tensor.isConstant()) {
            throw new MLTypeError("constant: the tensor was not created by createConstantTensor");
        }
        checkCanBuild();
        MemorySegment copy = arena.allocate(Math.max(1, tensor.descriptor().byteLength()), 64)
                .asSlice(0, tensor.descriptor().byteLength());
        copy.copyFrom(tensor.data());
        return addConstant(MLOperandDescriptor.ofTrusted(tensor.dataType(), tensor.descriptor().shapeView()), copy, tensor);
    }

    /**
     * Compiles the graph that computes {@code outputs} (spec: {@code build(outputs)}). The
     * builder cannot be used afterwards.
     *
     * @param outputs output operands by name
     * @return the compiled graph, owned by the caller
     * @throws MLTypeError if outputs are empty, unnamed, from another builder, inputs or constants
     * @throws MLInvalidStateError if the builder has built or its context is closed
     * @throws MLNotSupportedError if the backend cannot run an operation or data type of the graph
     * @throws MLOperationError if the backend fails to compile the graph
     */
    public MLGraph build(Map<String, MLOperand> outputs) {
        checkCanBuild();
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.isEmpty()) {
            throw new MLTypeError("build: outputs are empty");
        }
        for (Map.Entry<String, MLOperand> entry : outputs.entrySet()) {
            String name = entry.getKey();
            MLOperand operand = entry.getValue();
            if (name == null || name.isEmpty()) {
                throw new MLTypeError("build: an output name is empty");
            }
            if (operand == null || operand.builder() != this) {
                throw new MLTypeError("build: output '" + name + "' is not an operand of this builder");
            }
            if (operand.kind() != MLOperand.Kind.OPERATOR_OUTPUT) {
                throw new MLTypeError("build: output '" + name + "' is a graph " + (operand.kind() == MLOperand.Kind.INPUT
                        ? "input" : "constant") + "; use identity() to output it");
            }
        }
        built = true;
        Graph graph = toGraph(outputs);
        arenaOwner.transferred = true;
        return context.compile(graph, arena);
    }

    // ---------------------------------------------------------------------------------
    // Operations. Each family's validation and shape inference lives in its *Ops class.
    // ---------------------------------------------------------------------------------

    // ==== element-wise and activation operations ====

    /**
     * Element-wise sum with bidirectional broadcasting (spec: "Element-wise binary
     * operations", {@code add(a, b, options)}).
     *
     * <p>IR: inputs {@code "a"}, {@code "b"}; no attributes.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return {@code a + b}, shaped as the broadcast of both shapes
     * @throws MLTypeError if the data types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand add(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(this, Op.ADD, a, b, options);
    }

    /**
     * {@link #add(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand
     * @return {@code a + b}
     */
    public MLOperand add(MLOperand a, MLOperand b) {
        return add(a, b, MLOperatorOptions.defaults());
    }

    // ==== end of element-wise and activation operations ====

    // ==== convolution, pooling, resampling and normalization operations ====

    // ==== end of convolution, pooling, resampling and normalization operations ====

    // ==== reduction, matrix and quantization operations ====

    // ==== end of reduction, matrix and quantization operations ====

    // ==== shape and data movement operations ====

    // ==== end of shape and data movement operations ====

    // ==== recurrent operations ====

    /**
     * A Gated Recurrent Unit network over a sequence of time steps (spec: "gru",
     * {@code gru(input, weight, recurrentWeight, steps, hiddenSize, options)}).
     *
     * <p>IR: op {@code gru}; inputs {@code "input"}, {@code "weight"}, {@code "recurrentWeight"},
     * then, only when given, {@code "bias"}, {@code "recurrentBias"}, {@code "initialHiddenState"};
     * attributes {@code "steps"} (integer), {@code "hiddenSize"} (integer), {@code "resetAfter"}
     * (bool, default true), {@code "returnSequence"} (bool, default false), {@code "direction"}
     * ({@link MLRecurrentNetworkDirection}, default {@code FORWARD}), {@code "layout"}
     * ({@link MLGruWeightLayout}, default {@code ZRN}), {@code "activations"} (enum list of
     * {@link MLRecurrentNetworkActivation}, always 2 entries, default {@code [SIGMOID, TANH]}).
     * Outputs as returned.
     *
     * @param input {@code [steps, batchSize, inputSize]}, float32 or float16
     * @param weight {@code [numDirections, 3 * hiddenSize, inputSize]}, same data type as input
     *     (numDirections is 2 for direction {@code BOTH}, else 1)
     * @param recurrentWeight {@code [numDirections, 3 * hiddenSize, hiddenSize]}, same data type
     * @param steps the number of time steps, greater than 0, equal to the input's first dimension
     * @param hiddenSize the number of features of the hidden state
     * @param options bias, recurrentBias ({@code [numDirections, 3 * hiddenSize]}),
     *     initialHiddenState ({@code [numDirections, batchSize, hiddenSize]}), resetAfter,
     *     returnSequence, direction, layout, activations (2), label
     * @return the last time step's hidden state {@code [numDirections, batchSize, hiddenSize]};
     *     with returnSequence also every step's {@code [steps, numDirections, batchSize, hiddenSize]}
     * @throws MLTypeError if steps or hiddenSize are outside the unsigned long range, an operand
     *     is null or of another builder, a data type, rank or shape is wrong, steps is 0,
     *     {@code hiddenSize * 6} is not a valid dimension, or the activations are not 2
     * @throws MLInvalidStateError if the builder cannot build
     */
    public List<MLOperand> gru(MLOperand input, MLOperand weight, MLOperand recurrentWeight, long steps,
                               long hiddenSize, MLGruOptions options) {
        return RecurrentOps.gru(this, input, weight, recurrentWeight, steps, hiddenSize, options);
    }

    /**
     * {@link #gru(MLOperand, MLOperand, MLOperand, long, long, MLGruOptions)} with the default
     * options.
     *
     * @param input {@code [steps, batchSize, inputSize]}
     * @param weight {@code [1, 3 * hiddenSize, inputSize]}
     * @param recurrentWeight {@code [1, 3 * hiddenSize, hiddenSize]}
     * @param steps the number of time steps
     * @param hiddenSize the number of features of the hidden state
     * @return the last time step's hidden state {@code [1, batchSize, hiddenSize]}
     */
    public List<MLOperand> gru(MLOperand input, MLOperand weight, MLOperand recurrentWeight, long steps,
                               long hiddenSize) {
        return gru(input, weight, recurrentWeight, steps, hiddenSize, MLGruOptions.defaults());
    }

    /**
     * One time step of a Gated Recurrent Unit (spec: "gruCell",
     * {@code gruCell(input, weight, recurrentWeight, hiddenState, hiddenSize, options)}).
     *
     * <p>IR: op {@code gruCell}; inputs {@code "input"}, {@code "weight"},
     * {@code "recurrentWeight"}, {@code "hiddenState"}, then, only when given, {@code "bias"},
     * {@code "recurrentBias"}; attributes {@code "hiddenSize"} (integer), {@code "resetAfter"}
     * (bool, default true), {@code "layout"} ({@link MLGruWeightLayout}, default {@code ZRN}),
     * {@code "activations"} (enum list of {@link MLRecurrentNetworkActivation}, always 2
     * entries, default {@code [SIGMOID, TANH]}).
     *
     * @param input {@code [batchSize, inputSize]}, float32 or float16
     * @param weight {@code [3 * hiddenSize, inputSize]}, same data type as input
     * @param recurrentWeight {@code [3 * hiddenSize, hiddenSize]}, same data type
     * @param hiddenState {@code [batchSize, hiddenSize]}, same data type
     * @param hiddenSize the number of features of the hidden state
     * @param options bias, recurrentBias ({@code [3 * hiddenSize]}), resetAfter, layout,
     *     activations (2), label
     * @return the new hidden state {@code [batchSize, hiddenSize]}
     * @throws MLTypeError if hiddenSize is outside the unsigned long range, an operand is null
     *     or of another builder, a data type, rank or shape is wrong, {@code hiddenSize * 6} is
     *     not a valid dimension, or the activations are not 2
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand gruCell(MLOperand input, MLOperand weight, MLOperand recurrentWeight, MLOperand hiddenState,
                             long hiddenSize, MLGruCellOptions options) {
        return RecurrentOps.gruCell(this, input, weight, recurrentWeight, hiddenState, hiddenSize, options);
    }

    /**
     * {@link #gruCell(MLOperand, MLOperand, MLOperand, MLOperand, long, MLGruCellOptions)} with
     * the default options.
     *
     * @param input {@code [batchSize, inputSize]}
     * @param weight {@code [3 * hiddenSize, inputSize]}
     * @param recurrentWeight {@code [3 * hiddenSize, hiddenSize]}
     * @param hiddenState {@code [batchSize, hiddenSize]}
     * @param hiddenSize the number of features of the hidden state
     * @return the new hidden state {@code [batchSize, hiddenSize]}
     */
    public MLOperand gruCell(MLOperand input, MLOperand weight, MLOperand recurrentWeight, MLOperand hiddenState,
                             long hiddenSize) {
        return gruCell(input, weight, recurrentWeight, hiddenState, hiddenSize, MLGruCellOptions.defaults());
    }

    /**
     * A Long Short-Term Memory network over a sequence of time steps (spec: "lstm",
     * {@code lstm(input, weight, recurrentWeight, steps, hiddenSize, options)}).
     *
     * <p>IR: op {@code lstm}; inputs {@code "input"}, {@code "weight"}, {@code "recurrentWeight"},
     * then, only when given, {@code "bias"}, {@code "recurrentBias"}, {@code "peepholeWeight"},
     * {@code "initialHiddenState"}, {@code "initialCellState"}; attributes {@code "steps"}
     * (integer), {@code "hiddenSize"} (integer), {@code "returnSequence"} (bool, default false),
     * {@code "direction"} ({@link MLRecurrentNetworkDirection}, default {@code FORWARD}),
     * {@code "layout"} ({@link MLLstmWeightLayout}, default {@code IOFG}), {@code "activations"}
     * (enum list of {@link MLRecurrentNetworkActivation}, always 3 entries, default
     * {@code [SIGMOID, TANH, TANH]}). Outputs as returned.
     *
     * @param input {@code [steps, batchSize, inputSize]}, float32 or float16
     * @param weight {@code [numDirections, 4 * hiddenSize, inputSize]}, same data type as input
     *     (numDirections is 2 for direction {@code BOTH}, else 1)
     * @param recurrentWeight {@code [numDirections, 4 * hiddenSize, hiddenSize]}, same data type
     * @param steps the number of time steps, greater than 0, equal to the input's first dimension
     * @param hiddenSize the number of features of the hidden state
     * @param options bias, recurrentBias ({@code [numDirections, 4 * hiddenSize]}),
     *     peepholeWeight ({@code [numDirections, 3 * hiddenSize]}), initialHiddenState and
     *     initialCellState ({@code [numDirections, batchSize, hiddenSize]}), returnSequence,
     *     direction, layout, activations (3), label
     * @return the last time step's hidden state and cell state, each
     *     {@code [numDirections, batchSize, hiddenSize]}; with returnSequence also every step's
     *     hidden state {@code [steps, numDirections, batchSize, hiddenSize]}
     * @throws MLTypeError if steps or hiddenSize are outside the unsigned long range, an operand
     *     is null or of another builder, a data type, rank or shape is wrong, steps is 0,
     *     {@code hiddenSize * 8} is not a valid dimension, or the activations are not 3
     * @throws MLInvalidStateError if the builder cannot build
     */
    public List<MLOperand> lstm(MLOperand input, MLOperand weight, MLOperand recurrentWeight, long steps,
                                long hiddenSize, MLLstmOptions options) {
        return RecurrentOps.lstm(this, input, weight, recurrentWeight, steps, hiddenSize, options);
    }

    /**
     * {@link #lstm(MLOperand, MLOperand, MLOperand, long, long, MLLstmOptions)} with the default
     * options.
     *
     * @param input {@code [steps, batchSize, inputSize]}
     * @param weight {@code [1, 4 * hiddenSize, inputSize]}
     * @param recurrentWeight {@code [1, 4 * hiddenSize, hiddenSize]}
     * @param steps the number of time steps
     * @param hiddenSize the number of features of the hidden state
     * @return the last time step's hidden state and cell state, each {@code [1, batchSize, hiddenSize]}
     */
    public List<MLOperand> lstm(MLOperand input, MLOperand weight, MLOperand recurrentWeight, long steps,
                                long hiddenSize) {
        return lstm(input, weight, recurrentWeight, steps, hiddenSize, MLLstmOptions.defaults());
    }

    /**
     * One time step of a Long Short-Term Memory network (spec: "lstmCell",
     * {@code lstmCell(input, weight, recurrentWeight, hiddenState, cellState, hiddenSize, options)}).
     *
     * <p>IR: op {@code lstmCell}; inputs {@code "input"}, {@code "weight"},
     * {@code "recurrentWeight"}, {@code "hiddenState"}, {@code "cellState"}, then, only when
     * given, {@code "bias"}, {@code "recurrentBias"}, {@code "peepholeWeight"}; attributes
     * {@code "hiddenSize"} (integer), {@code "layout"} ({@link MLLstmWeightLayout}, default
     * {@code IOFG}), {@code "activations"} (enum list of {@link MLRecurrentNetworkActivation},
     * always 3 entries, default {@code [SIGMOID, TANH, TANH]}). Outputs: hidden state, cell state.
     *
     * @param input {@code [batchSize, inputSize]}, float32 or float16
     * @param weight {@code [4 * hiddenSize, inputSize]}, same data type as input
     * @param recurrentWeight {@code [4 * hiddenSize, hiddenSize]}, same data type
     * @param hiddenState {@code [batchSize, hiddenSize]}, same data type
     * @param cellState {@code [batchSize, hiddenSize]}, same data type
     * @param hiddenSize the number of features of the hidden state
     * @param options bias, recurrentBias ({@code [4 * hiddenSize]}), peepholeWeight
     *     ({@code [3 * hiddenSize]}), layout, activations (3), label
     * @return the new hidden state and the new cell state, each {@code [batchSize, hiddenSize]}
     * @throws MLTypeError if hiddenSize is outside the unsigned long range, an operand is null
     *     or of another builder, a data type, rank or shape is wrong, {@code hiddenSize * 8} is
     *     not a valid dimension, or the activations are not 3
     * @throws MLInvalidStateError if the builder cannot build
     */
    public List<MLOperand> lstmCell(MLOperand input, MLOperand weight, MLOperand recurrentWeight,
                                    MLOperand hiddenState, MLOperand cellState, long hiddenSize,
                                    MLLstmCellOptions options) {
        return RecurrentOps.lstmCell(this, input, weight, recurrentWeight, hiddenState, cellState, hiddenSize,
                options);
    }

    /**
     * {@link #lstmCell(MLOperand, MLOperand, MLOperand, MLOperand, MLOperand, long, MLLstmCellOptions)}
     * with the default options.
     *
     * @param input {@code [batchSize, inputSize]}
     * @param weight {@code [4 * hiddenSize, inputSize]}
     * @param recurrentWeight {@code [4 * hiddenSize, hiddenSize]}
     * @param hiddenState {@code [batchSize, hiddenSize]}
     * @param cellState {@code [batchSize, hiddenSize]}
     * @param hiddenSize the number of features of the hidden state
     * @return the new hidden state and the new cell state, each {@code [batchSize, hiddenSize]}
     */
    public List<MLOperand> lstmCell(MLOperand input, MLOperand weight, MLOperand recurrentWeight,
                                    MLOperand hiddenState, MLOperand cellState, long hiddenSize) {
        return lstmCell(input, weight, recurrentWeight, hiddenState, cellState, hiddenSize,
                MLLstmCellOptions.defaults());
    }

    // ==== end of recurrent operations ====

    // ---------------------------------------------------------------------------------
    // Internal API used by the *Ops classes
    // ---------------------------------------------------------------------------------

    /**
     * The first steps of every operation: the builder can build, and every operand is
     * non-null and belongs to this builder (spec: "validate operand").
     *
     * @param op the operation
     * @param label the user's label
     * @param roles role name and operand, alternating: {@code "input", x, "filter", w}; null
     *     operands of optional roles are skipped when the role name ends with {@code "?"}
     * @throws MLInvalidStateError if the builder cannot build
     * @throws MLTypeError if an operand is null or from another builder
     */
    void validateOperands(Op op, String label, Object... roles) {
        checkCanBuild();
        for (int i = 0; i < roles.length; i += 2) {
            String role = (String) roles[i];
            Object operand = roles[i + 1];
            boolean optional = role.endsWith("?");
            if (operand == null) {
                if (optional) {
                    continue;
                }
                throw Checks.typeError(op, label, role + " is null");
            }
            if (((MLOperand) operand).builder() != this) {
                throw Checks.typeError(op, label, (optional ? role.substring(0, role.length() - 1) : role)
                        + " belongs to another MLGraphBuilder");
            }
        }
    }

    /**
     * Records an operator with one output.
     *
     * @param op the operation
     * @param label the user's label
     * @param operandInputs inputs by role, in argument order; null values are skipped
     * @param attributes default-filled options
     * @param output the inferred output descriptor
     * @return the output operand
     */
    MLOperand addOperation(Op op, String label, Map<String, MLOperand> operandInputs, Attributes attributes,
                           MLOperandDescriptor output) {
        return addOperation(op, label, operandInputs, attributes, List.of(output)).get(0);
    }

    /**
     * Records an operator with several outputs (split, gru, lstm, lstmCell).
     *
     * @return the output operands in order
     */
    List<MLOperand> addOperation(Op op, String label, Map<String, MLOperand> operandInputs, Attributes attributes,
                                 List<MLOperandDescriptor> outputDescriptors) {
        checkCanBuild();
        Map<String, MLOperand> present = new LinkedHashMap<>();
        operandInputs.forEach((role, operand) -> {
            if (operand != null) {
                present.put(role, operand);
            }
        });
        List<MLOperand> outputs = new ArrayList<>(outputDescriptors.size());
        for (MLOperandDescriptor descriptor : outputDescriptors) {
            MLOperand output = newOperand(descriptor, MLOperand.Kind.OPERATOR_OUTPUT, null, null);
            producers.put(output.id(), nodes.size());
            outputs.add(output);
        }
        nodes.add(new BuilderNode(op, label == null ? "" : label, present, attributes, List.copyOf(outputs)));
        return List.copyOf(outputs);
    }

    /**
     * Operands by role in argument order, skipping null (absent optional) operands.
     *
     * @param pairs role name and operand, alternating
     * @return an insertion-ordered map
     */
    static Map<String, MLOperand> roles(Object... pairs) {
        Map<String, MLOperand> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], (MLOperand) pairs[i + 1]);
            }
        }
        return map;
    }

    /** Spec: "can build" — not built and the context is not closed. */
    void checkCanBuild() {
        if (built) {
            throw new MLInvalidStateError("this MLGraphBuilder has already built a graph");
        }
        context.checkOpen();
    }

    private MLOperand typedConstant(MLOperandDescriptor descriptor, MemorySegment data, String javaType,
                                    MLOperandDataType... compatible) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (!List.of(compatible).contains(descriptor.dataType())) {
            throw new MLTypeError("constant: " + javaType + " data does not match data type " + descriptor.dataType());
        }
        return constant(descriptor, data);
    }

    private MLOperand addConstant(MLOperandDescriptor descriptor, MemorySegment data, MLTensor tensor) {
        MLOperand operand = newOperand(descriptor, MLOperand.Kind.CONSTANT, null, tensor);
        constants.put(operand.id(), data.asReadOnly());
        return operand;
    }

    private MLOperand newOperand(MLOperandDescriptor descriptor, MLOperand.Kind kind, String name, MLTensor tensor) {
        MLOperand operand = new MLOperand(this, operands.size(), descriptor, kind, name, tensor);
        operands.add(operand);
        return operand;
    }

    /** The nodes reachable from the outputs, renumbered densely, in creation (topological) order. */
    private Graph toGraph(Map<String, MLOperand> outputs) {
        BitSet neededNodes = new BitSet(nodes.size());
        BitSet seen = new BitSet(operands.size());
        Deque<MLOperand> queue = new ArrayDeque<>(outputs.values());
        while (!queue.isEmpty()) {
            MLOperand operand = queue.pop();
            if (seen.get(operand.id())) {
                continue;
            }
            seen.set(operand.id());
            Integer producer = producers.get(operand.id());
            if (producer != null && !neededNodes.get(producer)) {
                neededNodes.set(producer);
                queue.addAll(nodes.get(producer).inputs().values());
                // every output of a multi-output node is an operand of the graph
                nodes.get(producer).outputs().forEach(o -> seen.set(o.id()));
            }
        }
        Map<Integer, Operand> renumbered = new HashMap<>();
        List<Operand> graphOperands = new ArrayList<>();
        java.util.function.Function<MLOperand, Operand> map = o -> renumbered.computeIfAbsent(o.id(), id -> {
            Operand operand = new Operand(graphOperands.size(), o.descriptor());
            graphOperands.add(operand);
            return operand;
        });
        Map<String, Operand> graphInputs = new LinkedHashMap<>();
        inputs.forEach((name, operand) -> {
            if (seen.get(operand.id())) {
                graphInputs.put(name, map.apply(operand));
            }
        });
        List<Node> graphNodes = new ArrayList<>();
        Map<Integer, MemorySegment> graphConstants = new HashMap<>();
        for (int i = neededNodes.nextSetBit(0); i >= 0; i = neededNodes.nextSetBit(i + 1)) {
            BuilderNode node = nodes.get(i);
            Map<String, Operand> nodeInputs = new LinkedHashMap<>();
            node.inputs().forEach((role, operand) -> {
                Operand mapped = map.apply(operand);
                nodeInputs.put(role, mapped);
                MemorySegment data = constants.get(operand.id());
                if (data != null) {
                    graphConstants.put(mapped.id(), data);
                }
            });
            graphNodes.add(new Node(node.op(), node.label(), nodeInputs, node.attributes(),
                    node.outputs().stream().map(map).toList()));
        }
        Map<String, Operand> graphOutputs = new LinkedHashMap<>();
        outputs.forEach((name, operand) -> graphOutputs.put(name, map.apply(operand)));
        return new Graph(graphOperands, graphInputs, graphConstants, graphNodes, graphOutputs);
    }
}
