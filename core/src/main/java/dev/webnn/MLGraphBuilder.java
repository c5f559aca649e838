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

    /**
     * Concatenates tensors along an axis (spec: "concat", {@code concat(inputs, axis, options)}).
     * Every input has the same data type and rank, and the same dimensions except along
     * {@code axis}, whose sizes add up.
     *
     * <p>IR: inputs {@code "inputs[0]"}, {@code "inputs[1]"}, ... in list order; attribute
     * {@code "axis"} (integer).
     *
     * @param inputs 1 to 8192 operands (the same operand may appear several times)
     * @param axis the axis to concatenate along, less than the inputs' rank
     * @param options the label
     * @return the concatenated tensor
     * @throws MLTypeError if the list is null, empty or longer than 8192, an operand is null or
     *     from another builder, the axis is out of range, the data types, ranks or other
     *     dimensions differ, or the concatenated size is not a valid dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand concat(List<MLOperand> inputs, long axis, MLOperatorOptions options) {
        return ShapeOps.concat(this, inputs, axis, options);
    }

    /**
     * {@link #concat(List, long, MLOperatorOptions)} without a label.
     *
     * @param inputs the operands to concatenate
     * @param axis the axis to concatenate along
     * @return the concatenated tensor
     */
    public MLOperand concat(List<MLOperand> inputs, long axis) {
        return concat(inputs, axis, MLOperatorOptions.defaults());
    }

    /**
     * Broadcasts a tensor to a new shape (spec: "expand", {@code expand(input, newShape, options)}):
     * the input must be unidirectionally broadcastable to {@code newShape}.
     *
     * <p>IR: input {@code "input"}; attribute {@code "newShape"} (longs, the output shape).
     *
     * @param input the tensor to expand
     * @param newShape the output shape
     * @param options the label
     * @return the expanded tensor, shaped {@code newShape}
     * @throws MLTypeError if the input does not broadcast to {@code newShape}, a value is
     *     outside the unsigned long range, or the output rank or a dimension is invalid
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand expand(MLOperand input, long[] newShape, MLOperatorOptions options) {
        return ShapeOps.expand(this, input, newShape, options);
    }

    /**
     * {@link #expand(MLOperand, long[], MLOperatorOptions)} without a label.
     *
     * @param input the tensor to expand
     * @param newShape the output shape
     * @return the expanded tensor
     */
    public MLOperand expand(MLOperand input, long... newShape) {
        return expand(input, newShape, MLOperatorOptions.defaults());
    }

    /**
     * Gathers slices of the input along an axis (spec: "gather",
     * {@code gather(input, indices, options)}). The output shape is the input shape with
     * dimension {@code axis} replaced by the whole indices shape.
     *
     * <p>IR: inputs {@code "input"}, {@code "indices"}; attribute {@code "axis"} (integer,
     * default 0).
     *
     * @param input the tensor to gather from, rank at least 1
     * @param indices int32, uint32 or int64 indices into dimension {@code axis}; negative values
     *     count from the end, out-of-range values are clamped at run time
     * @param options the axis and the label
     * @return the gathered tensor of rank {@code input rank + indices rank - 1}
     * @throws MLTypeError if the indices' data type is not allowed, the axis is not less than the
     *     input rank, or the output shape is invalid
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand gather(MLOperand input, MLOperand indices, MLGatherOptions options) {
        return GatherScatterOps.gather(this, input, indices, options);
    }

    /**
     * {@link #gather(MLOperand, MLOperand, MLGatherOptions)} along axis 0, without a label.
     *
     * @param input the tensor to gather from
     * @param indices the indices
     * @return the gathered tensor
     */
    public MLOperand gather(MLOperand input, MLOperand indices) {
        return gather(input, indices, MLGatherOptions.defaults());
    }

    /**
     * Gathers single elements along an axis (spec: "gatherElements",
     * {@code gatherElements(input, indices, options)}): output element {@code [.., i, ..]}
     * is the input element whose {@code axis} coordinate is {@code indices[.., i, ..]}.
     *
     * <p>IR: inputs {@code "input"}, {@code "indices"}; attribute {@code "axis"} (integer,
     * default 0).
     *
     * @param input the tensor to gather from, rank at least 1
     * @param indices int32, uint32 or int64, same rank and shape as {@code input} except along
     *     {@code axis}
     * @param options the axis and the label
     * @return the gathered tensor, shaped like {@code indices}
     * @throws MLTypeError if the indices' data type or a rank is not allowed, the axis is not less
     *     than the input rank, or the indices' shape does not match
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand gatherElements(MLOperand input, MLOperand indices, MLGatherOptions options) {
        return GatherScatterOps.gatherElements(this, input, indices, options);
    }

    /**
     * {@link #gatherElements(MLOperand, MLOperand, MLGatherOptions)} along axis 0, without a label.
     *
     * @param input the tensor to gather from
     * @param indices the indices
     * @return the gathered tensor
     */
    public MLOperand gatherElements(MLOperand input, MLOperand indices) {
        return gatherElements(input, indices, MLGatherOptions.defaults());
    }

    /**
     * Gathers slices addressed by coordinate tuples (spec: "gatherND",
     * {@code gatherND(input, indices, options)}): the last dimension of {@code indices} holds
     * coordinates into the leading input dimensions; the output shape is the indices shape
     * without its last dimension, followed by the input dimensions not indexed.
     *
     * <p>IR: inputs {@code "input"}, {@code "indices"}; no attributes.
     *
     * @param input the tensor to gather from, rank at least 1
     * @param indices int32, uint32 or int64, rank at least 1, last dimension at most the input rank
     * @param options the label
     * @return the gathered tensor
     * @throws MLTypeError if the indices' data type or a rank is not allowed, the coordinate size
     *     exceeds the input rank, or the output shape is invalid
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand gatherND(MLOperand input, MLOperand indices, MLOperatorOptions options) {
        return GatherScatterOps.gatherND(this, input, indices, options);
    }

    /**
     * {@link #gatherND(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the tensor to gather from
     * @param indices the coordinates
     * @return the gathered tensor
     */
    public MLOperand gatherND(MLOperand input, MLOperand indices) {
        return gatherND(input, indices, MLOperatorOptions.defaults());
    }

    /**
     * Pads a tensor on both sides of every dimension (spec: "pad",
     * {@code pad(input, beginningPadding, endingPadding, options)}); each output dimension is
     * {@code beginningPadding[d] + input dimension + endingPadding[d]}.
     *
     * <p>IR: input {@code "input"}; attributes {@code "beginningPadding"} and
     * {@code "endingPadding"} (longs, one per input dimension), {@code "mode"}
     * ({@link MLPaddingMode}, default {@code CONSTANT}) and {@code "value"} ({@link MLNumber}
     * already cast to the input's data type, default 0).
     *
     * @param input the tensor to pad
     * @param beginningPadding elements to add before each dimension, one per input dimension
     * @param endingPadding elements to add after each dimension, one per input dimension
     * @param options the mode, the constant value and the label
     * @return the padded tensor
     * @throws MLTypeError if a padding list's length differs from the input rank, a value is
     *     outside the unsigned long range, a reflection padding is not less than its input
     *     dimension, or an output dimension is invalid
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand pad(MLOperand input, long[] beginningPadding, long[] endingPadding, MLPadOptions options) {
        return ShapeOps.pad(this, input, beginningPadding, endingPadding, options);
    }

    /**
     * {@link #pad(MLOperand, long[], long[], MLPadOptions)} with constant 0 padding, without a label.
     *
     * @param input the tensor to pad
     * @param beginningPadding elements to add before each dimension
     * @param endingPadding elements to add after each dimension
     * @return the padded tensor
     */
    public MLOperand pad(MLOperand input, long[] beginningPadding, long[] endingPadding) {
        return pad(input, beginningPadding, endingPadding, MLPadOptions.defaults());
    }

    /**
     * Gives a tensor a new shape with the same element count (spec: "reshape",
     * {@code reshape(input, newShape, options)}).
     *
     * <p>IR: input {@code "input"}; attribute {@code "newShape"} (longs; empty for a scalar).
     *
     * @param input the tensor to reshape
     * @param newShape the output shape, valid dimensions whose product is the input's element count
     * @param options the label
     * @return the reshaped tensor
     * @throws MLTypeError if the rank is not allowed, a dimension is invalid, or the element
     *     counts differ
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reshape(MLOperand input, long[] newShape, MLOperatorOptions options) {
        return ShapeOps.reshape(this, input, newShape, options);
    }

    /**
     * {@link #reshape(MLOperand, long[], MLOperatorOptions)} without a label.
     *
     * @param input the tensor to reshape
     * @param newShape the output shape
     * @return the reshaped tensor
     */
    public MLOperand reshape(MLOperand input, long... newShape) {
        return reshape(input, newShape, MLOperatorOptions.defaults());
    }

    /**
     * Reverses the order of elements along some axes (spec: "reverse", {@code reverse(input, options)}).
     *
     * <p>IR: input {@code "input"}; attribute {@code "axes"} (longs, always explicit: every axis
     * {@code [0, ..., N-1]} when the option is absent, possibly empty).
     *
     * @param input the tensor to reverse
     * @param options the axes and the label
     * @return the reversed tensor, shaped like the input
     * @throws MLTypeError if an axis is out of range or repeated
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reverse(MLOperand input, MLReverseOptions options) {
        return ShapeOps.reverse(this, input, options);
    }

    /**
     * {@link #reverse(MLOperand, MLReverseOptions)} along every axis, without a label.
     *
     * @param input the tensor to reverse
     * @return the reversed tensor
     */
    public MLOperand reverse(MLOperand input) {
        return reverse(input, MLReverseOptions.defaults());
    }

    /**
     * Replaces single elements of a copy of the input along an axis (spec: "scatterElements",
     * {@code scatterElements(input, indices, updates, options)}): {@code updates[.., i, ..]}
     * is written where the {@code axis} coordinate is {@code indices[.., i, ..]}.
     *
     * <p>IR: inputs {@code "input"}, {@code "indices"}, {@code "updates"}; attribute
     * {@code "axis"} (integer, default 0).
     *
     * @param input the initial values, rank at least 1
     * @param indices int32, uint32 or int64, same rank and shape as {@code input} except along
     *     {@code axis}
     * @param updates the new values, same data type as {@code input} and same shape as {@code indices}
     * @param options the axis and the label
     * @return the updated tensor, shaped like the input
     * @throws MLTypeError if a data type or rank is not allowed, the axis is not less than the
     *     input rank, or the indices' or updates' shape does not match
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand scatterElements(MLOperand input, MLOperand indices, MLOperand updates, MLScatterOptions options) {
        return GatherScatterOps.scatterElements(this, input, indices, updates, options);
    }

    /**
     * {@link #scatterElements(MLOperand, MLOperand, MLOperand, MLScatterOptions)} along axis 0,
     * without a label.
     *
     * @param input the initial values
     * @param indices the indices
     * @param updates the new values
     * @return the updated tensor
     */
    public MLOperand scatterElements(MLOperand input, MLOperand indices, MLOperand updates) {
        return scatterElements(input, indices, updates, MLScatterOptions.defaults());
    }

    /**
     * Replaces slices of a copy of the input addressed by coordinate tuples (spec: "scatterND",
     * {@code scatterND(input, indices, updates, options)}); the inverse addressing of
     * {@link #gatherND(MLOperand, MLOperand, MLOperatorOptions) gatherND}.
     *
     * <p>IR: inputs {@code "input"}, {@code "indices"}, {@code "updates"}; no attributes.
     *
     * @param input the initial values, rank at least 1
     * @param indices int32, uint32 or int64, rank at least 1, last dimension at most the input rank
     * @param updates the new slices, same data type as {@code input}, shaped as the indices shape
     *     without its last dimension followed by the input dimensions not indexed
     * @param options the label
     * @return the updated tensor, shaped like the input
     * @throws MLTypeError if a data type or rank is not allowed, the coordinate size exceeds the
     *     input rank, or the updates' shape does not match
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand scatterND(MLOperand input, MLOperand indices, MLOperand updates, MLOperatorOptions options) {
        return GatherScatterOps.scatterND(this, input, indices, updates, options);
    }

    /**
     * {@link #scatterND(MLOperand, MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the initial values
     * @param indices the coordinates
     * @param updates the new slices
     * @return the updated tensor
     */
    public MLOperand scatterND(MLOperand input, MLOperand indices, MLOperand updates) {
        return scatterND(input, indices, updates, MLOperatorOptions.defaults());
    }

    /**
     * Extracts a strided window (spec: "slice", {@code slice(input, starts, sizes, options)}):
     * along dimension {@code d}, elements {@code starts[d]}, {@code starts[d] + strides[d]}, ...
     * below {@code starts[d] + sizes[d]}; the output dimension is
     * {@code ceil(sizes[d] / strides[d])}.
     *
     * <p>IR: input {@code "input"}; attributes {@code "starts"}, {@code "sizes"} and
     * {@code "strides"} (longs, one per input dimension; strides default to all 1).
     *
     * @param input the tensor to slice
     * @param starts the first index along each dimension
     * @param sizes the window size along each dimension, at least 1, with
     *     {@code starts[d] + sizes[d] <= input dimension d}
     * @param options the strides and the label
     * @return the slice
     * @throws MLTypeError if a list's length differs from the input rank, a size or stride is 0,
     *     a value is outside the unsigned long range, or a window exceeds its dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand slice(MLOperand input, long[] starts, long[] sizes, MLSliceOptions options) {
        return ShapeOps.slice(this, input, starts, sizes, options);
    }

    /**
     * {@link #slice(MLOperand, long[], long[], MLSliceOptions)} with unit strides, without a label.
     *
     * @param input the tensor to slice
     * @param starts the first index along each dimension
     * @param sizes the window size along each dimension
     * @return the slice
     */
    public MLOperand slice(MLOperand input, long[] starts, long[] sizes) {
        return slice(input, starts, sizes, MLSliceOptions.defaults());
    }

    /**
     * Splits a tensor into {@code splits} equal parts along an axis (spec: "split",
     * {@code split(input, splits, options)} with an {@code unsigned long}).
     *
     * <p>IR: input {@code "input"}; one output per part (spec role {@code "outputs"});
     * attributes {@code "splits"} (longs: the explicit size of every part, here
     * {@code splits} times {@code dimension / splits}) and {@code "axis"} (integer, default 0).
     *
     * @param input the tensor to split, rank at least 1
     * @param splits the number of parts, 1 to 8192, dividing the input dimension along the axis
     * @param options the axis and the label
     * @return the parts in order
     * @throws MLTypeError if the axis is not less than the input rank, {@code splits} is not a
     *     valid tensor count, or it does not divide the dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public List<MLOperand> split(MLOperand input, long splits, MLSplitOptions options) {
        return ShapeOps.split(this, input, splits, options);
    }

    /**
     * {@link #split(MLOperand, long, MLSplitOptions)} along axis 0, without a label.
     *
     * @param input the tensor to split
     * @param splits the number of equal parts
     * @return the parts in order
     */
    public List<MLOperand> split(MLOperand input, long splits) {
        return split(input, splits, MLSplitOptions.defaults());
    }

    /**
     * Splits a tensor into parts of the given sizes along an axis (spec: "split",
     * {@code split(input, splits, options)} with a sequence).
     *
     * <p>IR: input {@code "input"}; one output per part (spec role {@code "outputs"});
     * attributes {@code "splits"} (longs, the sizes as given) and {@code "axis"} (integer,
     * default 0).
     *
     * @param input the tensor to split, rank at least 1
     * @param splits 1 to 8192 sizes, each at least 1, adding up to the input dimension along the axis
     * @param options the axis and the label
     * @return the parts in order
     * @throws MLTypeError if the axis is not less than the input rank, the number of sizes is not a
     *     valid tensor count, a size is 0 or outside the unsigned long range, or the sizes do not
     *     add up to the dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public List<MLOperand> split(MLOperand input, long[] splits, MLSplitOptions options) {
        return ShapeOps.split(this, input, splits, options);
    }

    /**
     * {@link #split(MLOperand, long[], MLSplitOptions)} along axis 0, without a label.
     *
     * @param input the tensor to split
     * @param splits the sizes of the parts
     * @return the parts in order
     */
    public List<MLOperand> split(MLOperand input, long[] splits) {
        return split(input, splits, MLSplitOptions.defaults());
    }

    /**
     * Repeats a tensor along every dimension (spec: "tile", {@code tile(input, repetitions, options)});
     * output dimension {@code d} is {@code input dimension d * repetitions[d]}.
     *
     * <p>IR: input {@code "input"}; attribute {@code "repetitions"} (longs, one per input dimension).
     *
     * @param input the tensor to repeat
     * @param repetitions the number of copies along each dimension, each at least 1
     * @param options the label
     * @return the tiled tensor
     * @throws MLTypeError if the number of repetitions differs from the input rank, one is 0 or
     *     outside the unsigned long range, or an output dimension is invalid
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand tile(MLOperand input, long[] repetitions, MLOperatorOptions options) {
        return ShapeOps.tile(this, input, repetitions, options);
    }

    /**
     * {@link #tile(MLOperand, long[], MLOperatorOptions)} without a label.
     *
     * @param input the tensor to repeat
     * @param repetitions the number of copies along each dimension
     * @return the tiled tensor
     */
    public MLOperand tile(MLOperand input, long... repetitions) {
        return tile(input, repetitions, MLOperatorOptions.defaults());
    }

    /**
     * Permutes the dimensions of a tensor (spec: "transpose", {@code transpose(input, options)}):
     * output dimension {@code i} is input dimension {@code permutation[i]}.
     *
     * <p>IR: input {@code "input"}; attribute {@code "permutation"} (longs, always explicit:
     * {@code [N-1, ..., 0]} when the option is absent).
     *
     * @param input the tensor to transpose
     * @param options the permutation and the label
     * @return the transposed tensor
     * @throws MLTypeError if the permutation's length differs from the input rank, or an entry is
     *     out of range or repeated
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand transpose(MLOperand input, MLTransposeOptions options) {
        return ShapeOps.transpose(this, input, options);
    }

    /**
     * {@link #transpose(MLOperand, MLTransposeOptions)} reversing the axes, without a label.
     *
     * @param input the tensor to transpose
     * @return the transposed tensor
     */
    public MLOperand transpose(MLOperand input) {
        return transpose(input, MLTransposeOptions.defaults());
    }

    // ==== end of shape and data movement operations ====

    // ==== recurrent operations ====

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
