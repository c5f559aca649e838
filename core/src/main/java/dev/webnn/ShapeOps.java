package dev.webnn;

import dev.webnn.graph.Op;
import dev.webnn.graph.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Validation and shape inference of the shape and data movement operations (spec:
 * concat, expand, pad, reshape, reverse, slice, split, tile, transpose). The gather and
 * scatter operations are in {@link GatherScatterOps}; the argument conversions shared by
 * both live here.
 */
final class ShapeOps {

    /** Largest valid tensor count (spec: "valid tensor count"). */
    static final int MAX_TENSOR_COUNT = 8192;

    private ShapeOps() {
    }

    // ---------------------------------------------------------------------------------
    // Argument checks shared by the family
    // ---------------------------------------------------------------------------------

    /** Spec: "valid tensor count", an integer in [1, 8192]. */
    private static void tensorCount(Op op, String label, String what, long count) {
        if (count < 1 || count > MAX_TENSOR_COUNT) {
            throw Checks.typeError(op, label, what + " " + count + " is not a valid tensor count (valid: 1 to "
                    + MAX_TENSOR_COUNT + ")");
        }
    }

    /** Spec: "valid dimension", an integer in [1, 2<sup>31</sup>-1]. */
    private static void validDimension(Op op, String label, String what, long value) {
        if (value < 1 || value > Checks.MAX_DIMENSION) {
            throw Checks.typeError(op, label, what + " is " + value + ", not a valid dimension (valid: 1 to "
                    + Checks.MAX_DIMENSION + ")");
        }
    }

    /** A per-axis list argument must have one entry per input dimension. */
    private static void onePerAxis(Op op, String label, String what, long[] values, int rank) {
        if (values.length != rank) {
            throw Checks.typeError(op, label, what + " " + Arrays.toString(values)
                    + " must have one entry per input dimension (input rank " + rank + ")");
        }
    }

    /** Sizes and counts that must not be 0 (spec issue 391: no 0-size dimensions). */
    private static void noZeros(Op op, String label, String what, long[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) {
                throw Checks.typeError(op, label, what + "[" + i + "] is 0 (must be at least 1)");
            }
        }
    }

    /** The output rank against the operator's tensor-limits row for its output. */
    private static void outputRank(Op op, String label, MLOperandDataType type, long[] shape) {
        Checks.tensorLimits(op, label, Map.of("output", MLOperandDescriptor.ofTrusted(type, shape)));
    }

    /** Records a one-input operator whose output has the input's data type. */
    private static MLOperand single(GraphRecorder recorder, Op op, String label, MLOperand input, Operation operation,
                                    long[] shape) {
        return recorder.record(operation, label,
                Checks.output(op, label, input.dataType(), shape));
    }

    // ---------------------------------------------------------------------------------
    // Operations
    // ---------------------------------------------------------------------------------

    /** Spec: concat(inputs, axis, options). */
    static MLOperand concat(GraphRecorder recorder, List<MLOperand> inputs, long axis, MLOperatorOptions options) {
        Op op = Op.CONCAT;
        String label = recorder.begin(op, options).label();
        WebIdl.unsignedLong(op, label, "axis", axis);
        if (inputs == null) {
            throw Checks.typeError(op, label, "inputs is null");
        }
        Object[] roles = new Object[inputs.size() * 2];
        for (int i = 0; i < inputs.size(); i++) {
            roles[2 * i] = "inputs[" + i + "]";
            roles[2 * i + 1] = inputs.get(i);
        }
        recorder.validateOperands(op, label, roles);
        tensorCount(op, label, "inputs size", inputs.size());
        MLOperand first = inputs.get(0);
        int concatAxis = Checks.axis(op, label, "axis", axis, first.rank());
        long[] shape = first.shape();
        for (int index = 1; index < inputs.size(); index++) {
            MLOperand input = inputs.get(index);
            String name = "inputs[" + index + "]";
            if (input.dataType() != first.dataType()) {
                throw Checks.typeError(op, label, name + " data type " + input.dataType()
                        + " must match inputs[0] data type " + first.dataType());
            }
            if (input.rank() != first.rank()) {
                throw Checks.typeError(op, label, name + " rank " + input.rank() + " must equal inputs[0] rank "
                        + first.rank());
            }
            for (int dim = 0; dim < input.rank(); dim++) {
                if (dim != concatAxis && input.shapeView()[dim] != first.shapeView()[dim]) {
                    throw Checks.typeError(op, label, name + " shape " + Arrays.toString(input.shapeView())
                            + " differs from inputs[0] shape " + Arrays.toString(first.shapeView()) + " in dimension "
                            + dim + " (only axis " + concatAxis + " may differ)");
                }
                if (dim == concatAxis) {
                    long size = shape[concatAxis] + input.shapeView()[dim];
                    validDimension(op, label, "size along axis " + concatAxis + " through " + name, size);
                    shape[concatAxis] = size;
                }
            }
        }
        Operation.Concat concat = new Operation.Concat(inputs.stream().map(MLOperand::operand).toList(), concatAxis);
        return recorder.record(concat, label,
                Checks.output(op, label, first.dataType(), shape));
    }

    /** Spec: expand(input, newShape, options). */
    static MLOperand expand(GraphRecorder recorder, MLOperand input, long[] newShape, MLOperatorOptions options) {
        Op op = Op.EXPAND;
        String label = recorder.begin(op, options).label();
        long[] to = WebIdl.unsignedLongs(op, label, "newShape", newShape);
        recorder.validateOperands(op, label, "input", input);
        long[] shape = Checks.broadcastUnidirectional(input.shapeView(), to);
        if (shape == null) {
            throw Checks.typeError(op, label, "input shape " + Arrays.toString(input.shapeView())
                    + " is not unidirectionally broadcastable to newShape " + Arrays.toString(to));
        }
        outputRank(op, label, input.dataType(), shape);
        return single(recorder, op, label, input, new Operation.Expand(input.operand(), shape), shape);
    }

    /** Spec: pad(input, beginningPadding, endingPadding, options). */
    static MLOperand pad(GraphRecorder recorder, MLOperand input, long[] beginningPadding, long[] endingPadding,
                         MLPadOptions options) {
        Op op = Op.PAD;
        String label = recorder.begin(op, options).label();
        long[] beginning = WebIdl.unsignedLongs(op, label, "beginningPadding", beginningPadding);
        long[] ending = WebIdl.unsignedLongs(op, label, "endingPadding", endingPadding);
        recorder.validateOperands(op, label, "input", input);
        onePerAxis(op, label, "beginningPadding", beginning, input.rank());
        onePerAxis(op, label, "endingPadding", ending, input.rank());
        long[] shape = input.shape();
        for (int index = 0; index < shape.length; index++) {
            if (options.mode() == MLPaddingMode.REFLECTION) {
                reflectionLimit(op, label, "beginningPadding", index, beginning[index], shape[index]);
                reflectionLimit(op, label, "endingPadding", index, ending[index], shape[index]);
            }
            shape[index] += beginning[index] + ending[index];
        }
        for (int index = 0; index < shape.length; index++) {
            validDimension(op, label, "output dimension " + index, shape[index]);
        }
        MLNumber value = options.value().castTo(input.dataType());
        return single(recorder, op, label, input,
                new Operation.Pad(input.operand(), beginning, ending, options.mode(), value), shape);
    }

    /** Reflection mirrors existing elements, so each padding must be smaller than the dimension. */
    private static void reflectionLimit(Op op, String label, String what, int index, long padding, long size) {
        if (padding >= size) {
            throw Checks.typeError(op, label, "reflection " + what + "[" + index + "] " + padding
                    + " must be less than input dimension " + index + " size " + size);
        }
    }

    /** Spec: reshape(input, newShape, options). */
    static MLOperand reshape(GraphRecorder recorder, MLOperand input, long[] newShape, MLOperatorOptions options) {
        Op op = Op.RESHAPE;
        String label = recorder.begin(op, options).label();
        long[] shape = WebIdl.unsignedLongs(op, label, "newShape", newShape);
        recorder.validateOperands(op, label, "input", input);
        outputRank(op, label, input.dataType(), shape);
        for (int i = 0; i < shape.length; i++) {
            validDimension(op, label, "newShape[" + i + "]", shape[i]);
        }
        long inputCount = input.descriptor().elementCount();
        long outputCount = MLOperandDescriptor.ofTrusted(input.dataType(), shape).elementCount();
        if (outputCount != inputCount) {
            throw Checks.typeError(op, label, "newShape " + Arrays.toString(shape) + " has " + outputCount
                    + " elements, input shape " + Arrays.toString(input.shapeView()) + " has " + inputCount);
        }
        return single(recorder, op, label, input, new Operation.Reshape(input.operand(), shape), shape);
    }

    /** Spec: reverse(input, options). */
    static MLOperand reverse(GraphRecorder recorder, MLOperand input, MLReverseOptions options) {
        Op op = Op.REVERSE;
        String label = recorder.begin(op, options).label();
        long[] given = options.axes().map(a -> WebIdl.unsignedLongs(op, label, "axes", a)).orElse(null);
        recorder.validateOperands(op, label, "input", input);
        Checks.inputLimits(op, label, Checks.roles("input", input));
        int rank = input.rank();
        int[] axes = given == null ? IntStream.range(0, rank).toArray() : Checks.distinctAxes(op, label, "axes", given, rank);
        return single(recorder, op, label, input, new Operation.Reverse(input.operand(), axes), input.shape());
    }

    /** Spec: slice(input, starts, sizes, options). */
    static MLOperand slice(GraphRecorder recorder, MLOperand input, long[] starts, long[] sizes, MLSliceOptions options) {
        Op op = Op.SLICE;
        String label = recorder.begin(op, options).label();
        long[] begin = WebIdl.unsignedLongs(op, label, "starts", starts);
        long[] count = WebIdl.unsignedLongs(op, label, "sizes", sizes);
        long[] given = options.strides().map(s -> WebIdl.unsignedLongs(op, label, "strides", s)).orElse(null);
        recorder.validateOperands(op, label, "input", input);
        noZeros(op, label, "sizes", count);
        int rank = input.rank();
        onePerAxis(op, label, "starts", begin, rank);
        onePerAxis(op, label, "sizes", count, rank);
        long[] strides = given;
        if (strides != null) {
            onePerAxis(op, label, "strides", strides, rank);
        } else {
            strides = new long[rank];
            Arrays.fill(strides, 1);
        }
        long[] shape = new long[rank];
        for (int index = 0; index < rank; index++) {
            long inputSize = input.shapeView()[index];
            if (strides[index] < 1) {
                throw Checks.typeError(op, label, "strides[" + index + "] is 0 (must be at least 1)");
            }
            if (begin[index] > inputSize) {
                throw Checks.typeError(op, label, "starts[" + index + "] " + begin[index]
                        + " is beyond input dimension " + index + " size " + inputSize);
            }
            if (begin[index] + count[index] > inputSize) {
                throw Checks.typeError(op, label, "starts[" + index + "] " + begin[index] + " + sizes[" + index + "] "
                        + count[index] + " exceeds input dimension " + index + " size " + inputSize);
            }
            shape[index] = count[index] / strides[index] + (count[index] % strides[index] != 0 ? 1 : 0);
        }
        return single(recorder, op, label, input, new Operation.Slice(input.operand(), begin, count, strides), shape);
    }

    /** Spec: split(input, splits, options) with {@code splits} an unsigned long: equal parts. */
    static List<MLOperand> split(GraphRecorder recorder, MLOperand input, long splits, MLSplitOptions options) {
        String label = recorder.begin(Op.SPLIT, options).label();
        WebIdl.unsignedLong(Op.SPLIT, label, "splits", splits);
        return split(recorder, input, splits, null, options);
    }

    /** Spec: split(input, splits, options) with {@code splits} a sequence of sizes. */
    static List<MLOperand> split(GraphRecorder recorder, MLOperand input, long[] splits, MLSplitOptions options) {
        String label = recorder.begin(Op.SPLIT, options).label();
        return split(recorder, input, 0, WebIdl.unsignedLongs(Op.SPLIT, label, "splits", splits), options);
    }

    /** Both forms of split; {@code sizes} is null for the count form. */
    private static List<MLOperand> split(GraphRecorder recorder, MLOperand input, long count, long[] sizes,
                                         MLSplitOptions options) {
        Op op = Op.SPLIT;
        String label = options.label();
        long axisOption = WebIdl.unsignedLong(op, label, "axis", options.axis());
        recorder.validateOperands(op, label, "input", input);
        int axis = Checks.axis(op, label, "axis", axisOption, input.rank());
        long size = input.shapeView()[axis];
        long[] parts;
        if (sizes == null) {
            tensorCount(op, label, "splits", count);
            if (size % count != 0) {
                throw Checks.typeError(op, label, "input dimension " + axis + " size " + size
                        + " is not divisible by splits " + count);
            }
            parts = new long[(int) count];
            Arrays.fill(parts, size / count);
        } else {
            tensorCount(op, label, "splits size", sizes.length);
            noZeros(op, label, "splits", sizes);
            long sum = Arrays.stream(sizes).sum();
            if (sum != size) {
                throw Checks.typeError(op, label, "splits " + Arrays.toString(sizes) + " sum to " + sum
                        + ", input dimension " + axis + " size is " + size);
            }
            parts = sizes;
        }
        List<MLOperandDescriptor> outputs = Arrays.stream(parts).mapToObj(part -> {
            long[] shape = input.shape();
            shape[axis] = part;
            return Checks.output(op, label, input.dataType(), shape);
        }).toList();
        return recorder.record(new Operation.Split(input.operand(), parts, axis), label, outputs);
    }

    /** Spec: tile(input, repetitions, options). */
    static MLOperand tile(GraphRecorder recorder, MLOperand input, long[] repetitions, MLOperatorOptions options) {
        Op op = Op.TILE;
        String label = recorder.begin(op, options).label();
        long[] times = WebIdl.unsignedLongs(op, label, "repetitions", repetitions);
        recorder.validateOperands(op, label, "input", input);
        onePerAxis(op, label, "repetitions", times, input.rank());
        noZeros(op, label, "repetitions", times);
        long[] shape = input.shape();
        for (int index = 0; index < shape.length; index++) {
            shape[index] *= times[index];
        }
        return single(recorder, op, label, input, new Operation.Tile(input.operand(), times), shape);
    }

    /** Spec: transpose(input, options). */
    static MLOperand transpose(GraphRecorder recorder, MLOperand input, MLTransposeOptions options) {
        Op op = Op.TRANSPOSE;
        String label = recorder.begin(op, options).label();
        long[] given = options.permutation().map(p -> WebIdl.unsignedLongs(op, label, "permutation", p)).orElse(null);
        recorder.validateOperands(op, label, "input", input);
        int rank = input.rank();
        int[] permutation;
        if (given == null) {
            permutation = IntStream.range(0, rank).map(i -> rank - 1 - i).toArray();
        } else {
            onePerAxis(op, label, "permutation", given, rank);
            for (int i = 0; i < given.length; i++) {
                Checks.axis(op, label, "permutation[" + i + "]", given[i], rank);
            }
            permutation = Checks.distinctAxes(op, label, "permutation", given, rank);
        }
        // The spec's step copies the input's descriptor; the output is the permuted shape
        // ("Returns: the permuted or transposed N-D tensor").
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = input.shapeView()[permutation[i]];
        }
        return single(recorder, op, label, input, new Operation.Transpose(input.operand(), permutation), shape);
    }
}
