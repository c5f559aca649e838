package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.spi.Scalars;
import java.lang.foreign.MemorySegment;
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
 * whose context is closed, throws {@link MLInvalidStateError} before looking at the arguments
 * (the spec's first step of every operation). Operands of another builder
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

    private final MLContext context;
    private final GraphRecorder recorder;

    /**
     * Creates a builder for a context (spec: {@code MLGraphBuilder(context)}).
     *
     * @param context the context that will compile and run the graph
     * @throws MLInvalidStateError if the context is closed
     */
    public MLGraphBuilder(MLContext context) {
        this.context = Objects.requireNonNull(context, "context");
        context.checkOpen();
        this.recorder = new GraphRecorder(this, context);
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
        recorder.checkCanBuild();
        if (name == null || name.isEmpty()) {
            throw new MLTypeError("input: name is empty");
        }
        if (recorder.hasInput(name)) {
            throw new MLTypeError("input: name '" + name + "' is already used by another input");
        }
        Checks.dimensions("input '" + name + "'", Objects.requireNonNull(descriptor, "descriptor"));
        return recorder.input(name, descriptor);
    }

    /**
     * A constant holding a copy of {@code data} (spec: {@code constant(descriptor, buffer)}).
     * The bytes are read in native byte order; any data type may be given as raw bytes.
     *
     * @param descriptor data type and shape
     * @param data exactly {@code descriptor.byteLength()} bytes (heap or native)
     * @return the constant operand
     * @throws MLTypeError if the shape is invalid, the byte count differs, or the data's memory
     *     is freed or confined to another thread
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand constant(MLOperandDescriptor descriptor, MemorySegment data) {
        recorder.checkCanBuild();
        Checks.dimensions("constant", Objects.requireNonNull(descriptor, "descriptor"));
        Objects.requireNonNull(data, "data");
        MLContext.checkUsable("constant", data);
        if (data.byteSize() != descriptor.byteLength()) {
            throw new MLTypeError("constant: " + descriptor + " needs " + descriptor.byteLength() + " bytes, the data has "
                    + data.byteSize());
        }
        MemorySegment copy = recorder.allocate(data.byteSize());
        copy.copyFrom(data);
        return recorder.constant(descriptor, copy);
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
        recorder.checkCanBuild();
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(value, "value");
        MemorySegment data = Scalars.write(recorder.allocate(dataType.byteSize()), dataType, value);
        return recorder.constant(MLOperandDescriptor.ofTrusted(dataType, new long[0]), data);
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
        recorder.checkCanBuild();
        MemorySegment copy = recorder.allocate(tensor.descriptor().byteLength());
        copy.copyFrom(tensor.data());
        return recorder.constant(MLOperandDescriptor.ofTrusted(tensor.dataType(), tensor.descriptor().shapeView()), copy);
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
        recorder.checkCanBuild();
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
            if (operand == null || !recorder.owns(operand)) {
                throw new MLTypeError("build: output '" + name + "' is not an operand of this builder");
            }
            if (operand.kind() != MLOperand.Kind.OPERATOR_OUTPUT) {
                throw new MLTypeError("build: output '" + name + "' is a graph " + (operand.kind() == MLOperand.Kind.INPUT
                        ? "input" : "constant") + "; use identity() to output it");
            }
        }
        GraphRecorder.Built built = recorder.build(outputs);
        return context.compile(built.graph(), built.arena());
    }

    // ---------------------------------------------------------------------------------
    // Operations. Each family's validation and shape inference lives in its *Ops class.
    // ---------------------------------------------------------------------------------

    // ==== element-wise and activation operations ====

    /**
     * Element-wise sum with bidirectional broadcasting (spec: "Element-wise binary
     * operations", {@code add(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code ADD}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return {@code a + b}, shaped as the broadcast of both shapes
     * @throws MLTypeError if the data types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand add(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.ADD, a, b, options);
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

    /**
     * Element-wise difference {@code a - b}, with bidirectional broadcasting
     * (spec: "Element-wise binary operations", {@code sub(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code SUB}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return {@code a - b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand sub(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.SUB, a, b, options);
    }

    /**
     * {@link #sub(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return {@code a - b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     */
    public MLOperand sub(MLOperand a, MLOperand b) {
        return sub(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise product {@code a * b}, with bidirectional broadcasting
     * (spec: "Element-wise binary operations", {@code mul(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code MUL}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return {@code a * b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand mul(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.MUL, a, b, options);
    }

    /**
     * {@link #mul(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return {@code a * b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     */
    public MLOperand mul(MLOperand a, MLOperand b) {
        return mul(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise quotient {@code a / b}; integer division truncates toward zero, with bidirectional
     * broadcasting
     * (spec: "Element-wise binary operations", {@code div(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code DIV}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return {@code a / b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand div(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.DIV, a, b, options);
    }

    /**
     * {@link #div(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return {@code a / b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     */
    public MLOperand div(MLOperand a, MLOperand b) {
        return div(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise maximum of {@code a} and {@code b}, with bidirectional broadcasting
     * (spec: "Element-wise binary operations", {@code max(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code MAX}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return the greater of each pair of elements, of {@code a}'s data type, shaped as the broadcast of both
     *     shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand max(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.MAX, a, b, options);
    }

    /**
     * {@link #max(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return the greater of each pair of elements, of {@code a}'s data type, shaped as the broadcast of both
     *     shapes
     */
    public MLOperand max(MLOperand a, MLOperand b) {
        return max(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise minimum of {@code a} and {@code b}, with bidirectional broadcasting
     * (spec: "Element-wise binary operations", {@code min(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code MIN}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return the lesser of each pair of elements, of {@code a}'s data type, shaped as the broadcast of both
     *     shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand min(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.MIN, a, b, options);
    }

    /**
     * {@link #min(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return the lesser of each pair of elements, of {@code a}'s data type, shaped as the broadcast of both
     *     shapes
     */
    public MLOperand min(MLOperand a, MLOperand b) {
        return min(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise power {@code a} to the {@code b}, with bidirectional broadcasting
     * (spec: "Element-wise binary operations", {@code pow(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Binary} of kind {@code POW}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return {@code a} raised to {@code b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand pow(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.binary(recorder, Op.POW, a, b, options);
    }

    /**
     * {@link #pow(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return {@code a} raised to {@code b}, of {@code a}'s data type, shaped as the broadcast of both shapes
     */
    public MLOperand pow(MLOperand a, MLOperand b) {
        return pow(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise {@code a == b}, with bidirectional broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code equal(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code EQUAL}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand equal(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.EQUAL, a, b, options);
    }

    /**
     * {@link #equal(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand equal(MLOperand a, MLOperand b) {
        return equal(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise {@code a != b}, with bidirectional broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code notEqual(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code NOT_EQUAL}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand notEqual(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.NOT_EQUAL, a, b, options);
    }

    /**
     * {@link #notEqual(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand notEqual(MLOperand a, MLOperand b) {
        return notEqual(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise {@code a > b}, with bidirectional broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code greater(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code GREATER}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand greater(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.GREATER, a, b, options);
    }

    /**
     * {@link #greater(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand greater(MLOperand a, MLOperand b) {
        return greater(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise {@code a >= b}, with bidirectional broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code greaterOrEqual(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code GREATER_OR_EQUAL}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand greaterOrEqual(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.GREATER_OR_EQUAL, a, b, options);
    }

    /**
     * {@link #greaterOrEqual(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand greaterOrEqual(MLOperand a, MLOperand b) {
        return greaterOrEqual(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise {@code a < b}, with bidirectional broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code lesser(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code LESSER}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand lesser(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.LESSER, a, b, options);
    }

    /**
     * {@link #lesser(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand lesser(MLOperand a, MLOperand b) {
        return lesser(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise {@code a <= b}, with bidirectional broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code lesserOrEqual(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code LESSER_OR_EQUAL}.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the data types differ or the shapes
     *     do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand lesserOrEqual(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.LESSER_OR_EQUAL, a, b, options);
    }

    /**
     * {@link #lesserOrEqual(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand lesserOrEqual(MLOperand a, MLOperand b) {
        return lesserOrEqual(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise logical and of {@code a} and {@code b} (non-zero is true), with bidirectional
     * broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code logicalAnd(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code LOGICAL_AND}.
     *
     * @param a first operand, uint8
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, {@code a} is not uint8, the data
     *     types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand logicalAnd(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.LOGICAL_AND, a, b, options);
    }

    /**
     * {@link #logicalAnd(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand, uint8
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand logicalAnd(MLOperand a, MLOperand b) {
        return logicalAnd(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise logical or of {@code a} and {@code b} (non-zero is true), with bidirectional broadcasting;
     * 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code logicalOr(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code LOGICAL_OR}.
     *
     * @param a first operand, uint8
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, {@code a} is not uint8, the data
     *     types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand logicalOr(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.LOGICAL_OR, a, b, options);
    }

    /**
     * {@link #logicalOr(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand, uint8
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand logicalOr(MLOperand a, MLOperand b) {
        return logicalOr(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise logical exclusive or of {@code a} and {@code b} (non-zero is true), with bidirectional
     * broadcasting; 1 for true, 0 for false
     * (spec: "Element-wise logical operations", {@code logicalXor(a, b, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalBinary} of kind {@code LOGICAL_XOR}.
     *
     * @param a first operand, uint8
     * @param b second operand, same data type as {@code a}
     * @param options the label
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, {@code a} is not uint8, the data
     *     types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand logicalXor(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.LOGICAL_XOR, a, b, options);
    }

    /**
     * {@link #logicalXor(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a first operand, uint8
     * @param b second operand, same data type as {@code a}
     * @return a uint8 tensor of 0 and 1, shaped as the broadcast of both shapes
     */
    public MLOperand logicalXor(MLOperand a, MLOperand b) {
        return logicalXor(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise logical not: 1 where {@code a} is 0, else 0
     * (spec: "Element-wise logical operations", {@code logicalNot(a, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalUnary} of kind {@code LOGICAL_NOT}.
     *
     * @param a the input, uint8
     * @param options the label
     * @return a uint8 tensor of 0 and 1 of {@code a}'s shape
     * @throws MLTypeError if {@code a} is null or from another builder, or {@code a} is not uint8
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand logicalNot(MLOperand a, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.LOGICAL_NOT, a, options);
    }

    /**
     * {@link #logicalNot(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a the input, uint8
     * @return a uint8 tensor of 0 and 1 of {@code a}'s shape
     */
    public MLOperand logicalNot(MLOperand a) {
        return logicalNot(a, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise test for NaN: 1 where {@code a} is NaN, else 0
     * (spec: "Element-wise logical operations", {@code isNaN(a, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalUnary} of kind {@code IS_NAN}.
     *
     * @param a the input, float32 or float16
     * @param options the label
     * @return a uint8 tensor of 0 and 1 of {@code a}'s shape
     * @throws MLTypeError if {@code a} is null or from another builder, or {@code a} is not float32 or
     *     float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand isNaN(MLOperand a, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.IS_NAN, a, options);
    }

    /**
     * {@link #isNaN(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a the input, float32 or float16
     * @return a uint8 tensor of 0 and 1 of {@code a}'s shape
     */
    public MLOperand isNaN(MLOperand a) {
        return isNaN(a, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise test for infinity: 1 where {@code a} is +/-Infinity, else 0
     * (spec: "Element-wise logical operations", {@code isInfinite(a, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LogicalUnary} of kind {@code IS_INFINITE}.
     *
     * @param a the input, float32 or float16
     * @param options the label
     * @return a uint8 tensor of 0 and 1 of {@code a}'s shape
     * @throws MLTypeError if {@code a} is null or from another builder, or {@code a} is not float32 or
     *     float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand isInfinite(MLOperand a, MLOperatorOptions options) {
        return ElementwiseOps.logical(recorder, Op.IS_INFINITE, a, options);
    }

    /**
     * {@link #isInfinite(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a the input, float32 or float16
     * @return a uint8 tensor of 0 and 1 of {@code a}'s shape
     */
    public MLOperand isInfinite(MLOperand a) {
        return isInfinite(a, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise absolute value
     * (spec: "Element-wise unary operations", {@code abs(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code ABS}.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32, float16, int64,
     *     int32 or int8
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand abs(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.ABS, input, options);
    }

    /**
     * {@link #abs(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @return the result, of the input's data type and shape
     */
    public MLOperand abs(MLOperand input) {
        return abs(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise ceiling (round toward +Infinity)
     * (spec: "Element-wise unary operations", {@code ceil(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code CEIL}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand ceil(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.CEIL, input, options);
    }

    /**
     * {@link #ceil(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand ceil(MLOperand input) {
        return ceil(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise cosine
     * (spec: "Element-wise unary operations", {@code cos(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code COS}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand cos(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.COS, input, options);
    }

    /**
     * {@link #cos(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand cos(MLOperand input) {
        return cos(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise Gauss error function
     * (spec: "Element-wise unary operations", {@code erf(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code ERF}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand erf(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.ERF, input, options);
    }

    /**
     * {@link #erf(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand erf(MLOperand input) {
        return erf(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise natural exponential
     * (spec: "Element-wise unary operations", {@code exp(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code EXP}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand exp(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.EXP, input, options);
    }

    /**
     * {@link #exp(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand exp(MLOperand input) {
        return exp(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise floor (round toward -Infinity)
     * (spec: "Element-wise unary operations", {@code floor(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code FLOOR}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand floor(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.FLOOR, input, options);
    }

    /**
     * {@link #floor(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand floor(MLOperand input) {
        return floor(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise copy of the input; also the way to output a graph input or constant
     * (spec: "Element-wise unary operations", {@code identity(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code IDENTITY}.
     *
     * @param input the input, of any data type
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand identity(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.IDENTITY, input, options);
    }

    /**
     * {@link #identity(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, of any data type
     * @return the result, of the input's data type and shape
     */
    public MLOperand identity(MLOperand input) {
        return identity(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise natural logarithm
     * (spec: "Element-wise unary operations", {@code log(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code LOG}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand log(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.LOG, input, options);
    }

    /**
     * {@link #log(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand log(MLOperand input) {
        return log(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise negation
     * (spec: "Element-wise unary operations", {@code neg(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code NEG}.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32, float16, int64,
     *     int32 or int8
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand neg(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.NEG, input, options);
    }

    /**
     * {@link #neg(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @return the result, of the input's data type and shape
     */
    public MLOperand neg(MLOperand input) {
        return neg(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise reciprocal {@code 1 / x}
     * (spec: "Element-wise unary operations", {@code reciprocal(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code RECIPROCAL}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reciprocal(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.RECIPROCAL, input, options);
    }

    /**
     * {@link #reciprocal(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand reciprocal(MLOperand input) {
        return reciprocal(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise rounding to the nearest integer, halves to even
     * (spec: "Element-wise unary operations", {@code roundEven(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code ROUND_EVEN}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand roundEven(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.ROUND_EVEN, input, options);
    }

    /**
     * {@link #roundEven(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand roundEven(MLOperand input) {
        return roundEven(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise sign: -1, 0 or 1
     * (spec: "Element-wise unary operations", {@code sign(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code SIGN}.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32, float16, int64,
     *     int32 or int8
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand sign(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.SIGN, input, options);
    }

    /**
     * {@link #sign(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @return the result, of the input's data type and shape
     */
    public MLOperand sign(MLOperand input) {
        return sign(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise sine
     * (spec: "Element-wise unary operations", {@code sin(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code SIN}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand sin(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.SIN, input, options);
    }

    /**
     * {@link #sin(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand sin(MLOperand input) {
        return sin(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise square root
     * (spec: "Element-wise unary operations", {@code sqrt(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code SQRT}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand sqrt(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.SQRT, input, options);
    }

    /**
     * {@link #sqrt(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand sqrt(MLOperand input) {
        return sqrt(input, MLOperatorOptions.defaults());
    }

    /**
     * Element-wise tangent
     * (spec: "Element-wise unary operations", {@code tan(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code TAN}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand tan(MLOperand input, MLOperatorOptions options) {
        return ElementwiseOps.unary(recorder, Op.TAN, input, options);
    }

    /**
     * {@link #tan(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand tan(MLOperand input) {
        return tan(input, MLOperatorOptions.defaults());
    }

    /**
     * Converts every element to another data type
     * (spec: {@code cast(input, dataType, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Cast}.
     *
     * @param input the input, of any data type
     * @param dataType the target data type
     * @param options the label
     * @return the converted tensor, of the input's shape
     * @throws MLTypeError if {@code input} or {@code dataType} is null, or {@code input} is from another
     *     builder
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand cast(MLOperand input, MLOperandDataType dataType, MLOperatorOptions options) {
        return ElementwiseOps.cast(recorder, input, dataType, options);
    }

    /**
     * {@link #cast(MLOperand, MLOperandDataType, MLOperatorOptions)} without a label.
     *
     * @param input the input, of any data type
     * @param dataType the target data type
     * @return the converted tensor, of the input's shape
     */
    public MLOperand cast(MLOperand input, MLOperandDataType dataType) {
        return cast(input, dataType, MLOperatorOptions.defaults());
    }

    /**
     * Limits every element to {@code [minValue, maxValue]}
     * (spec: {@code clamp(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Clamp}.
     *
     * @param input the input, of any data type
     * @param options the bounds (each optional) and the label
     * @return the clamped tensor, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or {@code minValue} is greater
     *     than {@code maxValue} after both are cast to the input's data type
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand clamp(MLOperand input, MLClampOptions options) {
        return ElementwiseOps.clamp(recorder, input, options);
    }

    /**
     * {@link #clamp(MLOperand, MLClampOptions)} without bounds or label (copies the input).
     *
     * @param input the input, of any data type
     * @return the clamped tensor, of the input's data type and shape
     */
    public MLOperand clamp(MLOperand input) {
        return clamp(input, MLClampOptions.defaults());
    }

    /**
     * Selects {@code trueValue} where {@code condition} is non-zero and {@code falseValue} elsewhere,
     * with bidirectional broadcasting of the three operands
     * (spec: {@code where(condition, trueValue, falseValue, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Where}.
     *
     * @param condition the condition, uint8
     * @param trueValue the values where the condition is non-zero
     * @param falseValue the values elsewhere, same data type as {@code trueValue}
     * @param options the label
     * @return the selected values, of {@code trueValue}'s data type, shaped as the broadcast of the three
     *     shapes
     * @throws MLTypeError if an operand is null or from another builder, {@code condition} is not uint8, the
     *     value data types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand where(MLOperand condition, MLOperand trueValue, MLOperand falseValue, MLOperatorOptions options) {
        return ElementwiseOps.where(recorder, condition, trueValue, falseValue, options);
    }

    /**
     * {@link #where(MLOperand, MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param condition the condition, uint8
     * @param trueValue the values where the condition is non-zero
     * @param falseValue the values elsewhere, same data type as {@code trueValue}
     * @return the selected values, of {@code trueValue}'s data type, shaped as the broadcast of the three
     *     shapes
     */
    public MLOperand where(MLOperand condition, MLOperand trueValue, MLOperand falseValue) {
        return where(condition, trueValue, falseValue, MLOperatorOptions.defaults());
    }

    /**
     * Exponential linear unit: {@code max(0, x) + alpha * (exp(min(0, x)) - 1)}
     * (spec: {@code elu(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Elu}.
     *
     * @param input the input, float32 or float16
     * @param options {@code alpha} (default 1) and the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand elu(MLOperand input, MLEluOptions options) {
        return ActivationOps.elu(recorder, input, options);
    }

    /**
     * {@link #elu(MLOperand, MLEluOptions)} with the default {@code alpha} 1 and no label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand elu(MLOperand input) {
        return elu(input, MLEluOptions.defaults());
    }

    /**
     * Gaussian error linear unit: {@code 0.5 * x * (1 + erf(x / sqrt(2)))}
     * (spec: {@code gelu(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code GELU}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand gelu(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.GELU, input, options);
    }

    /**
     * {@link #gelu(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand gelu(MLOperand input) {
        return gelu(input, MLOperatorOptions.defaults());
    }

    /**
     * Hard sigmoid: {@code max(0, min(1, alpha * x + beta))}
     * (spec: {@code hardSigmoid(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.HardSigmoid}.
     *
     * @param input the input, float32 or float16
     * @param options {@code alpha} (default 0.2), {@code beta} (default 0.5) and the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand hardSigmoid(MLOperand input, MLHardSigmoidOptions options) {
        return ActivationOps.hardSigmoid(recorder, input, options);
    }

    /**
     * {@link #hardSigmoid(MLOperand, MLHardSigmoidOptions)} with the defaults {@code alpha} 0.2, {@code beta}
     * 0.5 and no label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand hardSigmoid(MLOperand input) {
        return hardSigmoid(input, MLHardSigmoidOptions.defaults());
    }

    /**
     * Hard swish: {@code x * max(0, min(6, x + 3)) / 6}
     * (spec: {@code hardSwish(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code HARD_SWISH}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand hardSwish(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.HARD_SWISH, input, options);
    }

    /**
     * {@link #hardSwish(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand hardSwish(MLOperand input) {
        return hardSwish(input, MLOperatorOptions.defaults());
    }

    /**
     * Leaky rectified linear unit: {@code max(0, x) + alpha * min(0, x)}
     * (spec: {@code leakyRelu(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LeakyRelu}.
     *
     * @param input the input, float32 or float16
     * @param options {@code alpha} (default 0.01) and the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand leakyRelu(MLOperand input, MLLeakyReluOptions options) {
        return ActivationOps.leakyRelu(recorder, input, options);
    }

    /**
     * {@link #leakyRelu(MLOperand, MLLeakyReluOptions)} with the default {@code alpha} 0.01 and no label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand leakyRelu(MLOperand input) {
        return leakyRelu(input, MLLeakyReluOptions.defaults());
    }

    /**
     * Linear function: {@code alpha * x + beta}
     * (spec: {@code linear(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Linear}.
     *
     * @param input the input, float32 or float16
     * @param options {@code alpha} (default 1), {@code beta} (default 0) and the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand linear(MLOperand input, MLLinearOptions options) {
        return ActivationOps.linear(recorder, input, options);
    }

    /**
     * {@link #linear(MLOperand, MLLinearOptions)} with the defaults {@code alpha} 1, {@code beta} 0 and no
     * label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand linear(MLOperand input) {
        return linear(input, MLLinearOptions.defaults());
    }

    /**
     * Parametric rectified linear unit: {@code max(0, x) + slope * min(0, x)}, with bidirectional
     * broadcasting of {@code slope} and {@code input}
     * (spec: {@code prelu(input, slope, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Prelu}.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @param slope the slope, same data type as {@code input}, broadcastable with it
     * @param options the label
     * @return the result, of the input's data type, shaped as the broadcast of both shapes
     * @throws MLTypeError if an operand is null or from another builder, the input's data type is not
     *     allowed, the data types differ or the shapes do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand prelu(MLOperand input, MLOperand slope, MLOperatorOptions options) {
        return ActivationOps.prelu(recorder, input, slope, options);
    }

    /**
     * {@link #prelu(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @param slope the slope, same data type as {@code input}, broadcastable with it
     * @return the result, of the input's data type, shaped as the broadcast of both shapes
     */
    public MLOperand prelu(MLOperand input, MLOperand slope) {
        return prelu(input, slope, MLOperatorOptions.defaults());
    }

    /**
     * Rectified linear unit: {@code max(0, x)}
     * (spec: {@code relu(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code RELU}.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32, float16, int64,
     *     int32 or int8
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand relu(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.RELU, input, options);
    }

    /**
     * {@link #relu(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32, float16, int64, int32 or int8
     * @return the result, of the input's data type and shape
     */
    public MLOperand relu(MLOperand input) {
        return relu(input, MLOperatorOptions.defaults());
    }

    /**
     * Logistic sigmoid: {@code 1 / (exp(-x) + 1)}
     * (spec: {@code sigmoid(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code SIGMOID}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand sigmoid(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.SIGMOID, input, options);
    }

    /**
     * {@link #sigmoid(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand sigmoid(MLOperand input) {
        return sigmoid(input, MLOperatorOptions.defaults());
    }

    /**
     * Softmax along one axis: {@code exp(x) / sum(exp(x))} over that axis
     * (spec: {@code softmax(input, axis, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Softmax}.
     *
     * @param input the input, float32 or float16, rank at least 1
     * @param axis the dimension to normalize, in {@code [0, rank)}
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, not float32 or float16, of rank
     *     0, or {@code axis} is out of range
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand softmax(MLOperand input, long axis, MLOperatorOptions options) {
        return ActivationOps.softmax(recorder, input, axis, options);
    }

    /**
     * {@link #softmax(MLOperand, long, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16, rank at least 1
     * @param axis the dimension to normalize, in {@code [0, rank)}
     * @return the result, of the input's data type and shape
     */
    public MLOperand softmax(MLOperand input, long axis) {
        return softmax(input, axis, MLOperatorOptions.defaults());
    }

    /**
     * Softplus: {@code ln(1 + exp(x))}
     * (spec: {@code softplus(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code SOFTPLUS}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand softplus(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.SOFTPLUS, input, options);
    }

    /**
     * {@link #softplus(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand softplus(MLOperand input) {
        return softplus(input, MLOperatorOptions.defaults());
    }

    /**
     * Softsign: {@code x / (1 + |x|)}
     * (spec: {@code softsign(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code SOFTSIGN}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand softsign(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.SOFTSIGN, input, options);
    }

    /**
     * {@link #softsign(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand softsign(MLOperand input) {
        return softsign(input, MLOperatorOptions.defaults());
    }

    /**
     * Hyperbolic tangent
     * (spec: {@code tanh(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Unary} of kind {@code TANH}.
     *
     * @param input the input, float32 or float16
     * @param options the label
     * @return the result, of the input's data type and shape
     * @throws MLTypeError if {@code input} is null or from another builder, or not float32 or float16
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand tanh(MLOperand input, MLOperatorOptions options) {
        return ActivationOps.plain(recorder, Op.TANH, input, options);
    }

    /**
     * {@link #tanh(MLOperand, MLOperatorOptions)} without a label.
     *
     * @param input the input, float32 or float16
     * @return the result, of the input's data type and shape
     */
    public MLOperand tanh(MLOperand input) {
        return tanh(input, MLOperatorOptions.defaults());
    }
    // ==== end of element-wise and activation operations ====

    // ==== convolution, pooling, resampling and normalization operations ====

    /**
     * 2-D convolution of a 4-D input with a 4-D filter (spec: "conv2d",
     * {@code conv2d(input, filter, options)}). Each spatial output size is
     * {@code floor(1 + (inputSize - (filterSize - 1) * dilation - 1 + beginningPadding + endingPadding) / stride)};
     * grouped and depthwise convolutions use {@link MLConv2dOptions#withGroups groups}.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Conv2d}.
     *
     * @param input the 4-D input, float32 or float16, in {@code options.inputLayout()}
     * @param filter the 4-D filter, same data type, in {@code options.filterLayout()}
     * @param options padding, strides, dilations, groups, layouts, bias and label
     * @return the 4-D output [batches, outputChannels, height, width] (nchw) or
     *     [batches, height, width, outputChannels] (nhwc)
     * @throws MLTypeError if an operand is null, of another builder, or has a wrong data
     *     type or rank; if padding, strides or dilations have a wrong size, a zero stride or
     *     dilation, groups is 0; if the channels do not match the groups, the bias shape is
     *     not [outputChannels], or an output size is not a valid dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand conv2d(MLOperand input, MLOperand filter, MLConv2dOptions options) {
        return ConvolutionOps.conv2d(recorder, input, filter, options);
    }

    /**
     * {@link #conv2d(MLOperand, MLOperand, MLConv2dOptions)} with the default options.
     *
     * @param input the 4-D nchw input
     * @param filter the 4-D oihw filter
     * @return the convolution
     */
    public MLOperand conv2d(MLOperand input, MLOperand filter) {
        return conv2d(input, filter, MLConv2dOptions.defaults());
    }

    /**
     * 2-D transposed convolution of a 4-D input with a 4-D filter (spec:
     * "convTranspose2d", {@code convTranspose2d(input, filter, options)}). Unless
     * {@link MLConvTranspose2dOptions#withOutputSizes outputSizes} are given, each spatial
     * output size is {@code (inputSize - 1) * stride + (filterSize - 1) * dilation + 1
     * - beginningPadding - endingPadding + outputPadding}.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.ConvTranspose2d}.
     *
     * @param input the 4-D input, float32 or float16, in {@code options.inputLayout()}
     * @param filter the 4-D filter, same data type, in {@code options.filterLayout()}
     * @param options padding, strides, dilations, output padding or sizes, groups, layouts,
     *     bias and label
     * @return the 4-D output with {@code filterOutputChannels * groups} channels
     * @throws MLTypeError if an operand is null, of another builder, or has a wrong data
     *     type or rank; if padding, strides, dilations, outputPadding or outputSizes have a
     *     wrong size, a stride or dilation is 0, an output padding is not smaller than its
     *     stride, groups is 0; if the input channels differ from the filter's, the bias shape
     *     is not [outputChannels], an output size is outside [computed, computed + stride), or
     *     a size is not a valid dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand convTranspose2d(MLOperand input, MLOperand filter, MLConvTranspose2dOptions options) {
        return ConvolutionOps.convTranspose2d(recorder, input, filter, options);
    }

    /**
     * {@link #convTranspose2d(MLOperand, MLOperand, MLConvTranspose2dOptions)} with the
     * default options.
     *
     * @param input the 4-D nchw input
     * @param filter the 4-D iohw filter
     * @return the transposed convolution
     */
    public MLOperand convTranspose2d(MLOperand input, MLOperand filter) {
        return convTranspose2d(input, filter, MLConvTranspose2dOptions.defaults());
    }

    /**
     * Average of each window of a 4-D input (spec: "Pooling operations",
     * {@code averagePool2d(input, options)}). Each spatial output size is
     * {@code 1 + (inputSize - (window - 1) * dilation - 1 + beginningPadding + endingPadding) / stride},
     * rounded by {@link MLPool2dOptions#withOutputShapeRounding outputShapeRounding}, or
     * given by {@link MLPool2dOptions#withOutputSizes outputSizes}. Without window
     * dimensions the window is the whole spatial extent (global pooling). Padding is not
     * counted in the averages.
     *
     * <p>A window that lies wholly in the padding (possible with ceil rounding, padding at
     * least as wide as the window, or dilations) gives 0 on every backend: the spec snapshot
     * defines no value for it (webmachinelearning/webnn#935), and 0 is what upstream WPT
     * expects and Chromium computes. The same holds for {@code l2Pool2d} and
     * {@code maxPool2d}.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Pool2d} of kind {@code AVERAGE_POOL2D}.
     *
     * @param input the 4-D input, float32 or float16, in {@code options.layout()}
     * @param options window, padding, strides, dilations, layout, rounding, output sizes
     *     and label
     * @return the 4-D output with the input's batches and channels
     * @throws MLTypeError if the input is null, of another builder, or has a wrong data type
     *     or rank; if windowDimensions, padding, strides, outputSizes or dilations have a
     *     wrong size, a window dimension, stride or dilation is 0, the output sizes are
     *     neither the rounded-down nor the rounded-up computed sizes, or an output size is
     *     not a valid dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand averagePool2d(MLOperand input, MLPool2dOptions options) {
        return PoolingOps.pool2d(recorder, Op.AVERAGE_POOL2D, input, options);
    }

    /**
     * {@link #averagePool2d(MLOperand, MLPool2dOptions)} with the default options: global
     * average pooling of an nchw input.
     *
     * @param input the 4-D nchw input
     * @return the [batches, channels, 1, 1] averages
     */
    public MLOperand averagePool2d(MLOperand input) {
        return averagePool2d(input, MLPool2dOptions.defaults());
    }

    /**
     * L2 norm (square root of the sum of squares) of each window of a 4-D input (spec:
     * "Pooling operations", {@code l2Pool2d(input, options)}). Shapes, options and errors
     * are those of {@link #averagePool2d(MLOperand, MLPool2dOptions)}; a window wholly in
     * the padding gives 0 (webmachinelearning/webnn#935).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Pool2d} of kind {@code L2_POOL2D}.
     *
     * @param input the 4-D input, float32 or float16, in {@code options.layout()}
     * @param options window, padding, strides, dilations, layout, rounding, output sizes
     *     and label
     * @return the 4-D output with the input's batches and channels
     * @throws MLTypeError as {@link #averagePool2d(MLOperand, MLPool2dOptions)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand l2Pool2d(MLOperand input, MLPool2dOptions options) {
        return PoolingOps.pool2d(recorder, Op.L2_POOL2D, input, options);
    }

    /**
     * {@link #l2Pool2d(MLOperand, MLPool2dOptions)} with the default options: global L2
     * pooling of an nchw input.
     *
     * @param input the 4-D nchw input
     * @return the [batches, channels, 1, 1] norms
     */
    public MLOperand l2Pool2d(MLOperand input) {
        return l2Pool2d(input, MLPool2dOptions.defaults());
    }

    /**
     * Maximum of each window of a 4-D input of any data type (spec: "Pooling operations",
     * {@code maxPool2d(input, options)}). Shapes, options and errors are those of
     * {@link #averagePool2d(MLOperand, MLPool2dOptions)}; a window wholly in the padding
     * gives 0, not the type's lowest value (webmachinelearning/webnn#935).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Pool2d} of kind {@code MAX_POOL2D}.
     *
     * @param input the 4-D input, any data type, in {@code options.layout()}
     * @param options window, padding, strides, dilations, layout, rounding, output sizes
     *     and label
     * @return the 4-D output with the input's batches and channels
     * @throws MLTypeError as {@link #averagePool2d(MLOperand, MLPool2dOptions)}, except
     *     that every data type is allowed
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand maxPool2d(MLOperand input, MLPool2dOptions options) {
        return PoolingOps.pool2d(recorder, Op.MAX_POOL2D, input, options);
    }

    /**
     * {@link #maxPool2d(MLOperand, MLPool2dOptions)} with the default options: global max
     * pooling of an nchw input.
     *
     * @param input the 4-D nchw input
     * @return the [batches, channels, 1, 1] maxima
     */
    public MLOperand maxPool2d(MLOperand input) {
        return maxPool2d(input, MLPool2dOptions.defaults());
    }

    /**
     * Resizes two dimensions of a 4-D input by interpolation (spec: "resample2d",
     * {@code resample2d(input, options)}). Each resized dimension becomes
     * {@code sizes[i]} if given, else {@code floor(inputSize * scales[i])}.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Resample2d}.
     *
     * @param input the 4-D input, float32, float16, uint8 or int8
     * @param options mode, scales or sizes, axes and label
     * @return the resized tensor
     * @throws MLTypeError if the input is null, of another builder, or has a wrong data type
     *     or rank; if scales are not 2 values above 0, sizes not 2 non-zero values, axes not
     *     2 distinct axes below 4, or an output size is not a valid dimension
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand resample2d(MLOperand input, MLResample2dOptions options) {
        return PoolingOps.resample2d(recorder, input, options);
    }

    /**
     * {@link #resample2d(MLOperand, MLResample2dOptions)} with the default options (scales
     * [1.0, 1.0] over axes [2, 3], nearest neighbour).
     *
     * @param input the 4-D input
     * @return the resampled tensor (same shape)
     */
    public MLOperand resample2d(MLOperand input) {
        return resample2d(input, MLResample2dOptions.defaults());
    }

    /**
     * Batch normalization with precomputed mean and variance (spec: "batchNormalization",
     * {@code batchNormalization(input, mean, variance, options)}):
     * {@code scale * (input - mean) / sqrt(variance + epsilon) + bias} along the feature
     * dimension {@code axis}.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.BatchNormalization}.
     *
     * @param input the input, float32 or float16, rank 1 or more
     * @param mean 1-D, one value per feature, same data type
     * @param variance 1-D, one value per feature, same data type
     * @param options scale, bias, axis, epsilon and label
     * @return the normalized tensor, shaped as the input
     * @throws MLTypeError if an operand is null, of another builder, or has a wrong data
     *     type; if the axis is not below the input's rank, or mean, variance, scale or bias
     *     is not [input.shape[axis]]
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand batchNormalization(MLOperand input, MLOperand mean, MLOperand variance,
                                        MLBatchNormalizationOptions options) {
        return NormalizationOps.batchNormalization(recorder, input, mean, variance, options);
    }

    /**
     * {@link #batchNormalization(MLOperand, MLOperand, MLOperand, MLBatchNormalizationOptions)}
     * with the default options (axis 1, epsilon 1e-5, no scale or bias).
     *
     * @param input the input
     * @param mean the means
     * @param variance the variances
     * @return the normalized tensor
     */
    public MLOperand batchNormalization(MLOperand input, MLOperand mean, MLOperand variance) {
        return batchNormalization(input, mean, variance, MLBatchNormalizationOptions.defaults());
    }

    /**
     * Instance normalization of a 4-D input: each channel of each sample is normalized by
     * its own spatial mean and variance (spec: "instanceNormalization",
     * {@code instanceNormalization(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.InstanceNormalization}.
     *
     * @param input the 4-D input, float32 or float16
     * @param options scale, bias, epsilon, layout and label
     * @return the normalized tensor, shaped as the input
     * @throws MLTypeError if an operand is null, of another builder, or has a wrong data
     *     type or rank; if scale or bias is not [channels]
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand instanceNormalization(MLOperand input, MLInstanceNormalizationOptions options) {
        return NormalizationOps.instanceNormalization(recorder, input, options);
    }

    /**
     * {@link #instanceNormalization(MLOperand, MLInstanceNormalizationOptions)} with the
     * default options (nchw, epsilon 1e-5, no scale or bias).
     *
     * @param input the 4-D nchw input
     * @return the normalized tensor
     */
    public MLOperand instanceNormalization(MLOperand input) {
        return instanceNormalization(input, MLInstanceNormalizationOptions.defaults());
    }

    /**
     * Layer normalization: the input is normalized by the mean and variance over the
     * {@code axes} (spec: "layerNormalization", {@code layerNormalization(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.LayerNormalization}.
     *
     * @param input the input, float32 or float16, any rank
     * @param options scale, bias, axes, epsilon and label
     * @return the normalized tensor, shaped as the input
     * @throws MLTypeError if an operand is null, of another builder, or has a wrong data
     *     type; if the axes repeat or are not below the input's rank, or scale or bias is not
     *     shaped as the input's dimensions at the axes
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand layerNormalization(MLOperand input, MLLayerNormalizationOptions options) {
        return NormalizationOps.layerNormalization(recorder, input, options);
    }

    /**
     * {@link #layerNormalization(MLOperand, MLLayerNormalizationOptions)} with the default
     * options (every dimension but the first, epsilon 1e-5, no scale or bias).
     *
     * @param input the input
     * @return the normalized tensor
     */
    public MLOperand layerNormalization(MLOperand input) {
        return layerNormalization(input, MLLayerNormalizationOptions.defaults());
    }

    // ==== end of convolution, pooling, resampling and normalization operations ====

    // ==== reduction, matrix and quantization operations ====

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the L1 norm (sum of absolute values) of the reduced values
     * (spec: "Reduction operations", {@code reduceL1(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_L1}.
     *
     * @param input the tensor to reduce, data type float32, float16, int32, uint32, int64, uint64, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceL1(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_L1, input, options);
    }

    /**
     * {@link #reduceL1(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the L1 norm (sum of absolute values) of every value
     */
    public MLOperand reduceL1(MLOperand input) {
        return reduceL1(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the L2 norm (square root of the sum of squares) of the reduced values
     * (spec: "Reduction operations", {@code reduceL2(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_L2}.
     *
     * @param input the tensor to reduce, data type float32, float16, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceL2(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_L2, input, options);
    }

    /**
     * {@link #reduceL2(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the L2 norm (square root of the sum of squares) of every value
     */
    public MLOperand reduceL2(MLOperand input) {
        return reduceL2(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the natural logarithm of the sum of the reduced values
     * (spec: "Reduction operations", {@code reduceLogSum(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_LOG_SUM}.
     *
     * @param input the tensor to reduce, data type float32, float16, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceLogSum(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_LOG_SUM, input, options);
    }

    /**
     * {@link #reduceLogSum(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the natural logarithm of the sum of every value
     */
    public MLOperand reduceLogSum(MLOperand input) {
        return reduceLogSum(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the natural logarithm of the sum of exponentials of the reduced values
     * (spec: "Reduction operations", {@code reduceLogSumExp(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_LOG_SUM_EXP}.
     *
     * @param input the tensor to reduce, data type float32, float16, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceLogSumExp(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_LOG_SUM_EXP, input, options);
    }

    /**
     * {@link #reduceLogSumExp(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the natural logarithm of the sum of exponentials of every value
     */
    public MLOperand reduceLogSumExp(MLOperand input) {
        return reduceLogSumExp(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the maximum of the reduced values
     * (spec: "Reduction operations", {@code reduceMax(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_MAX}.
     *
     * @param input the tensor to reduce, any data type, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceMax(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_MAX, input, options);
    }

    /**
     * {@link #reduceMax(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the maximum of every value
     */
    public MLOperand reduceMax(MLOperand input) {
        return reduceMax(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the mean of the reduced values
     * (spec: "Reduction operations", {@code reduceMean(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_MEAN}.
     *
     * @param input the tensor to reduce, data type float32, float16, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceMean(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_MEAN, input, options);
    }

    /**
     * {@link #reduceMean(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the mean of every value
     */
    public MLOperand reduceMean(MLOperand input) {
        return reduceMean(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the minimum of the reduced values
     * (spec: "Reduction operations", {@code reduceMin(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_MIN}.
     *
     * @param input the tensor to reduce, any data type, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceMin(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_MIN, input, options);
    }

    /**
     * {@link #reduceMin(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the minimum of every value
     */
    public MLOperand reduceMin(MLOperand input) {
        return reduceMin(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the product of the reduced values
     * (spec: "Reduction operations", {@code reduceProduct(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_PRODUCT}.
     *
     * @param input the tensor to reduce, data type float32, float16, int32, uint32, int64, uint64, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceProduct(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_PRODUCT, input, options);
    }

    /**
     * {@link #reduceProduct(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the product of every value
     */
    public MLOperand reduceProduct(MLOperand input) {
        return reduceProduct(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the sum of the reduced values
     * (spec: "Reduction operations", {@code reduceSum(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_SUM}.
     *
     * @param input the tensor to reduce, data type float32, float16, int32, uint32, int64, uint64, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceSum(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_SUM, input, options);
    }

    /**
     * {@link #reduceSum(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the sum of every value
     */
    public MLOperand reduceSum(MLOperand input) {
        return reduceSum(input, MLReduceOptions.defaults());
    }

    /**
     * Reduces {@code input} along {@code options.axes()}, or along every axis when no
     * axes are given, to the sum of squares of the reduced values
     * (spec: "Reduction operations", {@code reduceSumSquare(input, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Reduce} of kind {@code REDUCE_SUM_SQUARE}.
     *
     * @param input the tensor to reduce, data type float32, float16, int32, uint32, int64, uint64, any rank
     * @param options axes, keepDimensions and label
     * @return the reduced tensor, with the input's data type; reduced dimensions are dropped,
     *     or kept with size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type is not allowed, or the axes repeat or lie outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reduceSumSquare(MLOperand input, MLReduceOptions options) {
        return ReductionOps.reduce(recorder, Op.REDUCE_SUM_SQUARE, input, options);
    }

    /**
     * {@link #reduceSumSquare(MLOperand, MLReduceOptions)} over every axis, dropping them.
     *
     * @param input the tensor to reduce
     * @return a scalar: the sum of squares of every value
     */
    public MLOperand reduceSumSquare(MLOperand input) {
        return reduceSumSquare(input, MLReduceOptions.defaults());
    }

    /**
     * The index of the smallest value along {@code axis} (spec: "argMin/argMax operations",
     * {@code argMin(input, axis, options)}). In case of ties the index returned is
     * implementation dependent.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.ArgMinMax} of kind {@code ARG_MIN}.
     *
     * @param input the tensor, any data type, rank 1 or more
     * @param axis the dimension to reduce, in {@code [0, rank)}
     * @param options keepDimensions, outputDataType and label
     * @return indices of data type {@code outputDataType}, shaped as the input without
     *     {@code axis}, or with {@code axis} of size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, {@code axis} is outside {@code [0, rank)}, or {@code outputDataType} is
     *     not int32 or int64
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand argMin(MLOperand input, long axis, MLArgMinMaxOptions options) {
        return ReductionOps.argMinMax(recorder, Op.ARG_MIN, input, axis, options);
    }

    /**
     * {@link #argMin(MLOperand, long, MLArgMinMaxOptions)} with int32 indices, dropping
     * {@code axis}.
     *
     * @param input the tensor
     * @param axis the dimension to reduce
     * @return int32 indices
     */
    public MLOperand argMin(MLOperand input, long axis) {
        return argMin(input, axis, MLArgMinMaxOptions.defaults());
    }

    /**
     * The index of the largest value along {@code axis} (spec: "argMin/argMax operations",
     * {@code argMax(input, axis, options)}). In case of ties the index returned is
     * implementation dependent.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.ArgMinMax} of kind {@code ARG_MAX}.
     *
     * @param input the tensor, any data type, rank 1 or more
     * @param axis the dimension to reduce, in {@code [0, rank)}
     * @param options keepDimensions, outputDataType and label
     * @return indices of data type {@code outputDataType}, shaped as the input without
     *     {@code axis}, or with {@code axis} of size 1 when {@code keepDimensions} is true
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, {@code axis} is outside {@code [0, rank)}, or {@code outputDataType} is
     *     not int32 or int64
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand argMax(MLOperand input, long axis, MLArgMinMaxOptions options) {
        return ReductionOps.argMinMax(recorder, Op.ARG_MAX, input, axis, options);
    }

    /**
     * {@link #argMax(MLOperand, long, MLArgMinMaxOptions)} with int32 indices, dropping
     * {@code axis}.
     *
     * @param input the tensor
     * @param axis the dimension to reduce
     * @return int32 indices
     */
    public MLOperand argMax(MLOperand input, long axis) {
        return argMax(input, axis, MLArgMinMaxOptions.defaults());
    }

    /**
     * Prefix sums along {@code axis} (spec: {@code cumulativeSum(input, axis, options)}):
     * inclusive or exclusive, forward or reversed. For {@code [1, 2, 3, 4]}: inclusive
     * {@code [1, 3, 6, 10]}, exclusive {@code [0, 1, 3, 6]}, reversed {@code [10, 9, 7, 4]}.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.CumulativeSum}.
     *
     * @param input the tensor, data type float32, float16, int32, uint32, int64 or uint64,
     *     rank 1 or more
     * @param axis the dimension to sum along, in {@code [0, rank)}
     * @param options exclusive, reversed and label
     * @return the sums, with the input's data type and shape
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, its data type or rank is not allowed, or {@code axis} is outside
     *     {@code [0, rank)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand cumulativeSum(MLOperand input, long axis, MLCumulativeSumOptions options) {
        return ReductionOps.cumulativeSum(recorder, input, axis, options);
    }

    /**
     * {@link #cumulativeSum(MLOperand, long, MLCumulativeSumOptions)} inclusive and forward.
     *
     * @param input the tensor
     * @param axis the dimension to sum along
     * @return the sums
     */
    public MLOperand cumulativeSum(MLOperand input, long axis) {
        return cumulativeSum(input, axis, MLCumulativeSumOptions.defaults());
    }

    /**
     * General matrix multiplication {@code alpha * A * B + beta * C} (spec:
     * {@code gemm(a, b, options)}), where {@code A} is {@code a} or its transpose
     * ({@code [M, K]}), {@code B} is {@code b} or its transpose ({@code [K, N]}) and
     * {@code C} is {@code options.c()} broadcast to {@code [M, N]}, or 0 when absent.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Gemm}.
     *
     * @param a the first matrix, float32 or float16, rank 2
     * @param b the second matrix, same data type, rank 2
     * @param options c, alpha, beta, aTranspose, bTranspose and label
     * @return the {@code [M, N]} result, with {@code a}'s data type
     * @throws MLTypeError if the options, {@code a} or {@code b} are null, an operand belongs
     *     to another builder, a data type or rank is not allowed, the inner dimensions
     *     {@code K} differ, or {@code c} does not broadcast to {@code [M, N]}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand gemm(MLOperand a, MLOperand b, MLGemmOptions options) {
        return MatrixOps.gemm(recorder, a, b, options);
    }

    /**
     * {@link #gemm(MLOperand, MLOperand, MLGemmOptions)} with default options: {@code a * b}.
     *
     * @param a the {@code [M, K]} matrix
     * @param b the {@code [K, N]} matrix
     * @return the {@code [M, N]} product
     */
    public MLOperand gemm(MLOperand a, MLOperand b) {
        return gemm(a, b, MLGemmOptions.defaults());
    }

    /**
     * Matrix product (spec: {@code matmul(a, b, options)}): the last two dimensions are
     * multiplied as matrices, {@code [..., M, K] x [..., K, N] -> [..., M, N]}; the
     * dimensions before them are batch dimensions, broadcast bidirectionally.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Matmul}.
     *
     * @param a the first operand, float32 or float16, rank 2 or more
     * @param b the second operand, same data type, rank 2 or more
     * @param options the label
     * @return the product, with {@code a}'s data type and rank the larger of both ranks
     * @throws MLTypeError if an argument is null, an operand belongs to another builder, a
     *     data type or rank is not allowed, {@code a}'s columns differ from {@code b}'s
     *     rows, or the batch dimensions do not broadcast
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand matmul(MLOperand a, MLOperand b, MLOperatorOptions options) {
        return MatrixOps.matmul(recorder, a, b, options);
    }

    /**
     * {@link #matmul(MLOperand, MLOperand, MLOperatorOptions)} without a label.
     *
     * @param a the first operand
     * @param b the second operand
     * @return the product
     */
    public MLOperand matmul(MLOperand a, MLOperand b) {
        return matmul(a, b, MLOperatorOptions.defaults());
    }

    /**
     * Keeps the upper or lower triangular part of each matrix formed by the last two
     * dimensions and sets the rest to zero (spec: {@code triangular(input, options)}).
     * {@code diagonal} shifts the boundary: positive values move it up and right, negative
     * ones down and left.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Triangular}.
     *
     * @param input the matrix or batch of matrices, any data type, rank 2 or more
     * @param options upper, diagonal and label
     * @return a tensor with the input's data type and shape
     * @throws MLTypeError if the options or input are null, the input belongs to another
     *     builder, or its rank is below 2
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand triangular(MLOperand input, MLTriangularOptions options) {
        return MatrixOps.triangular(recorder, input, options);
    }

    /**
     * {@link #triangular(MLOperand, MLTriangularOptions)} keeping the upper triangle with the
     * main diagonal.
     *
     * @param input the matrix or batch of matrices
     * @return the upper triangular part
     */
    public MLOperand triangular(MLOperand input) {
        return triangular(input, MLTriangularOptions.defaults());
    }

    /**
     * Quantizes floating-point values to integers (spec: {@code quantizeLinear(input, scale,
     * zeroPoint, options)}): {@code clamp(roundEven(input / scale) + zeroPoint)} to the range
     * of {@code zeroPoint}'s data type. {@code scale} and {@code zeroPoint} have the input's
     * rank and are blockwise broadcast: each of their dimensions divides the input's.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Quantization} of kind {@code QUANTIZE_LINEAR}.
     *
     * @param input the values, float32 or float16, any rank
     * @param scale positive scales, same data type and rank as {@code input}
     * @param zeroPoint zero points, uint8, int8, uint32 or int32, same shape as {@code scale}
     * @param options the label
     * @return the quantized tensor, with {@code zeroPoint}'s data type and the input's shape
     * @throws MLTypeError if an argument is null, an operand belongs to another builder, a
     *     data type or rank is not allowed, the shapes of {@code scale} and {@code zeroPoint}
     *     differ, or they are not blockwise broadcastable to the input's shape
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand quantizeLinear(MLOperand input, MLOperand scale, MLOperand zeroPoint, MLOperatorOptions options) {
        return QuantizationOps.linear(recorder, Op.QUANTIZE_LINEAR, input, scale, zeroPoint, options);
    }

    /**
     * {@link #quantizeLinear(MLOperand, MLOperand, MLOperand, MLOperatorOptions)} without a
     * label.
     *
     * @param input the values
     * @param scale the scales
     * @param zeroPoint the zero points
     * @return the quantized tensor
     */
    public MLOperand quantizeLinear(MLOperand input, MLOperand scale, MLOperand zeroPoint) {
        return quantizeLinear(input, scale, zeroPoint, MLOperatorOptions.defaults());
    }

    /**
     * Dequantizes integers to floating-point values (spec: {@code dequantizeLinear(input,
     * scale, zeroPoint, options)}): {@code (input - zeroPoint) * scale}. {@code scale} and
     * {@code zeroPoint} have the input's rank and are blockwise broadcast: each of their
     * dimensions divides the input's.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Quantization} of kind {@code DEQUANTIZE_LINEAR}.
     *
     * @param input the quantized values, uint8, int8, uint32 or int32, any rank
     * @param scale positive scales, float32 or float16, same rank as {@code input}
     * @param zeroPoint zero points, same data type as {@code input}, same shape as
     *     {@code scale}
     * @param options the label
     * @return the dequantized tensor, with {@code scale}'s data type and the input's shape
     * @throws MLTypeError if an argument is null, an operand belongs to another builder, a
     *     data type or rank is not allowed, the shapes of {@code scale} and {@code zeroPoint}
     *     differ, or they are not blockwise broadcastable to the input's shape
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand dequantizeLinear(MLOperand input, MLOperand scale, MLOperand zeroPoint, MLOperatorOptions options) {
        return QuantizationOps.linear(recorder, Op.DEQUANTIZE_LINEAR, input, scale, zeroPoint, options);
    }

    /**
     * {@link #dequantizeLinear(MLOperand, MLOperand, MLOperand, MLOperatorOptions)} without a
     * label.
     *
     * @param input the quantized values
     * @param scale the scales
     * @param zeroPoint the zero points
     * @return the dequantized tensor
     */
    public MLOperand dequantizeLinear(MLOperand input, MLOperand scale, MLOperand zeroPoint) {
        return dequantizeLinear(input, scale, zeroPoint, MLOperatorOptions.defaults());
    }

    // ==== end of reduction, matrix and quantization operations ====

    // ==== shape and data movement operations ====

    /**
     * Concatenates tensors along an axis (spec: "concat", {@code concat(inputs, axis, options)}).
     * Every input has the same data type and rank, and the same dimensions except along
     * {@code axis}, whose sizes add up.
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Concat}.
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
        return ShapeOps.concat(recorder, inputs, axis, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Expand}.
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
        return ShapeOps.expand(recorder, input, newShape, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Gather} of kind {@code GATHER}.
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
        return GatherScatterOps.gather(recorder, input, indices, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Gather} of kind {@code GATHER_ELEMENTS}.
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
        return GatherScatterOps.gatherElements(recorder, input, indices, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.GatherND}.
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
        return GatherScatterOps.gatherND(recorder, input, indices, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Pad}.
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
        return ShapeOps.pad(recorder, input, beginningPadding, endingPadding, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Reshape}.
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
        return ShapeOps.reshape(recorder, input, newShape, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Reverse}.
     *
     * @param input the tensor to reverse
     * @param options the axes and the label
     * @return the reversed tensor, shaped like the input
     * @throws MLTypeError if an axis is out of range or repeated
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand reverse(MLOperand input, MLReverseOptions options) {
        return ShapeOps.reverse(recorder, input, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.ScatterElements}.
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
        return GatherScatterOps.scatterElements(recorder, input, indices, updates, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.ScatterND}.
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
        return GatherScatterOps.scatterND(recorder, input, indices, updates, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Slice}.
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
        return ShapeOps.slice(recorder, input, starts, sizes, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Split}.
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
        return ShapeOps.split(recorder, input, splits, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Split}.
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
        return ShapeOps.split(recorder, input, splits, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Tile}.
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
        return ShapeOps.tile(recorder, input, repetitions, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Transpose}.
     *
     * @param input the tensor to transpose
     * @param options the permutation and the label
     * @return the transposed tensor
     * @throws MLTypeError if the permutation's length differs from the input rank, or an entry is
     *     out of range or repeated
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand transpose(MLOperand input, MLTransposeOptions options) {
        return ShapeOps.transpose(recorder, input, options);
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

    /**
     * A Gated Recurrent Unit network over a sequence of time steps (spec: "gru",
     * {@code gru(input, weight, recurrentWeight, steps, hiddenSize, options)}).
     *
     * <p>IR: {@link dev.webnn.graph.Operation.Gru}.
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
        return RecurrentOps.gru(recorder, input, weight, recurrentWeight, steps, hiddenSize, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.GruCell}.
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
        return RecurrentOps.gruCell(recorder, input, weight, recurrentWeight, hiddenState, hiddenSize, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.Lstm}.
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
        return RecurrentOps.lstm(recorder, input, weight, recurrentWeight, steps, hiddenSize, options);
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
     * <p>IR: {@link dev.webnn.graph.Operation.LstmCell}.
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
        return RecurrentOps.lstmCell(recorder, input, weight, recurrentWeight, hiddenState, cellState, hiddenSize,
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

    private MLOperand typedConstant(MLOperandDescriptor descriptor, MemorySegment data, String javaType,
                                    MLOperandDataType... compatible) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (!List.of(compatible).contains(descriptor.dataType())) {
            throw new MLTypeError("constant: " + javaType + " data does not match data type " + descriptor.dataType());
        }
        return constant(descriptor, data);
    }
}
