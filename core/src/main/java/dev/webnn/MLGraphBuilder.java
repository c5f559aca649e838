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

    /**
     * 2-D convolution of a 4-D input with a 4-D filter (spec: "conv2d",
     * {@code conv2d(input, filter, options)}). Each spatial output size is
     * {@code floor(1 + (inputSize - (filterSize - 1) * dilation - 1 + beginningPadding + endingPadding) / stride)};
     * grouped and depthwise convolutions use {@link MLConv2dOptions#withGroups groups}.
     *
     * <p>IR: inputs {@code "input"}, {@code "filter"}, {@code "bias"} (when given);
     * attributes {@code "padding"} (4 longs: beginningHeight, endingHeight, beginningWidth,
     * endingWidth), {@code "strides"} (2 longs), {@code "dilations"} (2 longs),
     * {@code "groups"} (integer), {@code "inputLayout"} ({@link MLInputOperandLayout}),
     * {@code "filterLayout"} ({@link MLConv2dFilterOperandLayout}); every default is filled in.
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
        return ConvolutionOps.conv2d(this, input, filter, options);
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
     * <p>IR: inputs {@code "input"}, {@code "filter"}, {@code "bias"} (when given);
     * attributes {@code "padding"} (4 longs: beginningHeight, endingHeight, beginningWidth,
     * endingWidth), {@code "strides"} (2 longs), {@code "dilations"} (2 longs),
     * {@code "outputPadding"} (2 longs, resolved: the output size minus the computed size,
     * also when outputSizes were given), {@code "outputSizes"} (2 longs, always present: the
     * output height and width), {@code "groups"} (integer), {@code "inputLayout"}
     * ({@link MLInputOperandLayout}), {@code "filterLayout"}
     * ({@link MLConvTranspose2dFilterOperandLayout}); every default is filled in.
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
        return ConvolutionOps.convTranspose2d(this, input, filter, options);
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
     * dimensions the window is the whole spatial extent (global pooling).
     *
     * <p>IR: input {@code "input"}; attributes {@code "windowDimensions"} (2 longs,
     * resolved), {@code "padding"} (4 longs), {@code "strides"} (2 longs),
     * {@code "dilations"} (2 longs), {@code "layout"} ({@link MLInputOperandLayout}),
     * {@code "outputShapeRounding"} ({@link MLRoundingType}; when outputSizes were given,
     * the rounding that yields them), {@code "outputSizes"} (2 longs, always present).
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
        return PoolingOps.pool2d(this, Op.AVERAGE_POOL2D, input, options);
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
     * are those of {@link #averagePool2d(MLOperand, MLPool2dOptions)}.
     *
     * <p>IR: as {@link #averagePool2d(MLOperand, MLPool2dOptions)}.
     *
     * @param input the 4-D input, float32 or float16, in {@code options.layout()}
     * @param options window, padding, strides, dilations, layout, rounding, output sizes
     *     and label
     * @return the 4-D output with the input's batches and channels
     * @throws MLTypeError as {@link #averagePool2d(MLOperand, MLPool2dOptions)}
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand l2Pool2d(MLOperand input, MLPool2dOptions options) {
        return PoolingOps.pool2d(this, Op.L2_POOL2D, input, options);
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
     * {@link #averagePool2d(MLOperand, MLPool2dOptions)}.
     *
     * <p>IR: as {@link #averagePool2d(MLOperand, MLPool2dOptions)}.
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
        return PoolingOps.pool2d(this, Op.MAX_POOL2D, input, options);
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
     * <p>IR: input {@code "input"}; attributes {@code "mode"} ({@link MLInterpolationMode}),
     * {@code "scales[0]"} and {@code "scales[1]"} (reals: the given scales, or
     * {@code size / inputSize} when sizes were given), {@code "sizes"} (2 longs, always
     * present: the output sizes along the axes), {@code "axes"} (2 longs).
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
        return PoolingOps.resample2d(this, input, options);
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
     * <p>IR: inputs {@code "input"}, {@code "mean"}, {@code "variance"}, {@code "scale"} and
     * {@code "bias"} (when given); attributes {@code "axis"} (integer), {@code "epsilon"}
     * (real, cast to the input's data type).
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
        return NormalizationOps.batchNormalization(this, input, mean, variance, options);
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
     * <p>IR: inputs {@code "input"}, {@code "scale"} and {@code "bias"} (when given);
     * attributes {@code "epsilon"} (real, cast to the input's data type), {@code "layout"}
     * ({@link MLInputOperandLayout}).
     *
     * @param input the 4-D input, float32 or float16
     * @param options scale, bias, epsilon, layout and label
     * @return the normalized tensor, shaped as the input
     * @throws MLTypeError if an operand is null, of another builder, or has a wrong data
     *     type or rank; if scale or bias is not [channels]
     * @throws MLInvalidStateError if the builder cannot build
     */
    public MLOperand instanceNormalization(MLOperand input, MLInstanceNormalizationOptions options) {
        return NormalizationOps.instanceNormalization(this, input, options);
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
     * <p>IR: inputs {@code "input"}, {@code "scale"} and {@code "bias"} (when given);
     * attributes {@code "axes"} (longs, always explicit: by default 1 to rank-1, empty for
     * rank 0 or 1), {@code "epsilon"} (real, cast to the input's data type).
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
        return NormalizationOps.layerNormalization(this, input, options);
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

    // ==== end of reduction, matrix and quantization operations ====

    // ==== shape and data movement operations ====

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
