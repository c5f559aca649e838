package dev.webnn;

import dev.webnn.graph.Op;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validation steps shared by the operators of {@link MLGraphBuilder}: error construction,
 * the spec's tensor-limit tables, axes, broadcasting and dimension checks. Every failure
 * is an {@link MLTypeError} whose message names the operator, its label and the
 * offending value.
 */
final class Checks {

    /** Largest valid dimension and element count: the range of WebIDL {@code long}. */
    static final long MAX_DIMENSION = Integer.MAX_VALUE;

    private Checks() {
    }

    /**
     * An error for one operator.
     *
     * @param op the operator
     * @param label the user's label, possibly empty
     * @param message what is wrong, with the offending value
     * @return the error, to be thrown
     */
    static MLTypeError typeError(Op op, String label, String message) {
        return new MLTypeError(where(op, label) + message);
    }

    /** "conv2d: " or "conv2d [myLabel]: ". */
    static String where(Op op, String label) {
        return op.specName() + (label == null || label.isEmpty() ? "" : " [" + printable(label) + "]") + ": ";
    }

    /** The label with control and bidi-override characters removed (spec: sanitize labels in messages). */
    static String printable(String label) {
        return label.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Checks that an options argument is present.
     *
     * @param op the operator
     * @param options the options given
     * @param <T> the options type
     * @return the options
     * @throws MLTypeError if {@code options} is null
     */
    static <T> T options(Op op, T options) {
        if (options == null) {
            throw new MLTypeError(op.specName() + ": options are null");
        }
        return options;
    }

    /**
     * Operands by their spec role names in argument order, skipping null (absent optional)
     * operands: the keys of the tensor-limits tables.
     *
     * @param pairs role name and operand, alternating
     * @return an insertion-ordered map
     */
    static Map<String, MLOperand> roles(Object... pairs) {
        Map<String, MLOperand> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], (MLOperand) pairs[i + 1]);
            }
        }
        return map;
    }

    /**
     * {@link #tensorLimits(Op, String, Map)} for builder operands.
     *
     * @param op the operator
     * @param label the user's label
     * @param operands operands by role (as built by {@link MLGraphBuilder#roles})
     */
    static void inputLimits(Op op, String label, Map<String, MLOperand> operands) {
        Map<String, MLOperandDescriptor> descriptors = new java.util.LinkedHashMap<>();
        operands.forEach((role, operand) -> descriptors.put(role, operand.descriptor()));
        tensorLimits(op, label, descriptors);
    }

    /**
     * Checks operands against the operator's row of the spec's tensor-limits table:
     * allowed data types (including "same as" another operand) and allowed ranks.
     *
     * @param op the operator
     * @param label the user's label
     * @param operands operands by role; roles absent from the table are ignored
     * @throws MLTypeError naming the first operand that breaks a rule
     */
    static void tensorLimits(Op op, String label, Map<String, MLOperandDescriptor> operands) {
        List<OperandLimit> rows = TensorLimits.TABLE.get(op);
        for (OperandLimit row : rows) {
            MLOperandDescriptor operand = operands.get(row.role());
            if (operand == null) {
                continue;
            }
            OperandLimit.TypeRule types = row.types();
            if (types.sameAs() != null) {
                MLOperandDescriptor other = operands.get(types.sameAs());
                if (other != null && other.dataType() != operand.dataType()) {
                    throw typeError(op, label, row.role() + " data type " + operand.dataType()
                            + " must match " + types.sameAs() + " data type " + other.dataType());
                }
            } else if (!types.allowed().contains(operand.dataType())) {
                throw typeError(op, label, row.role() + " data type " + operand.dataType() + " is not allowed (allowed: "
                        + names(types.allowed()) + ")");
            }
            OperandLimit.RankRule ranks = row.ranks();
            if (ranks.sameAs() != null) {
                MLOperandDescriptor other = operands.get(ranks.sameAs());
                if (other != null && other.rank() != operand.rank()) {
                    throw typeError(op, label, row.role() + " rank " + operand.rank() + " must equal "
                            + ranks.sameAs() + " rank " + other.rank());
                }
            } else if (operand.rank() < ranks.min() || operand.rank() > ranks.max()) {
                throw typeError(op, label, row.role() + " rank " + operand.rank() + " is not allowed (allowed: "
                        + (ranks.min() == ranks.max() ? String.valueOf(ranks.min()) : ranks.min() + " to " + ranks.max()) + ")");
            }
        }
    }

    /** Comma-separated spec names of data types, in declaration order. */
    static String names(Set<MLOperandDataType> types) {
        return types.stream().sorted().map(MLOperandDataType::specName).collect(Collectors.joining(", "));
    }

    /**
     * Checks that an axis lies in {@code [0, rank)}.
     *
     * @param op the operator
     * @param label the user's label
     * @param what the argument's name, e.g. "axis"
     * @param axis the value given
     * @param rank the rank it indexes
     * @return the axis as an int
     */
    static int axis(Op op, String label, String what, long axis, int rank) {
        if (axis < 0 || axis >= rank) {
            throw typeError(op, label, what + " " + axis + " is out of range [0, " + rank + ")");
        }
        return (int) axis;
    }

    /**
     * Checks a list of distinct axes, each in {@code [0, rank)}.
     *
     * @return the axes as ints
     */
    static int[] distinctAxes(Op op, String label, String what, long[] axes, int rank) {
        int[] result = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            result[i] = axis(op, label, what + "[" + i + "]", axes[i], rank);
            if (seen[result[i]]) {
                throw typeError(op, label, what + " " + Arrays.toString(axes) + " contains " + axes[i] + " twice");
            }
            seen[result[i]] = true;
        }
        return result;
    }

    /**
     * The spec's "bidirectionally broadcast the shapes".
     *
     * @return the broadcast shape, or null on failure
     */
    static long[] broadcastBidirectional(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long dimA = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long dimB = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (dimA != dimB && dimA != 1 && dimB != 1) {
                return null;
            }
            out[i] = Math.max(dimA, dimB);
        }
        return out;
    }

    /**
     * The spec's "unidirectionally broadcast the shapes".
     *
     * @return {@code to}'s shape, or null when {@code from} does not broadcast to it
     */
    static long[] broadcastUnidirectional(long[] from, long[] to) {
        if (from.length > to.length) {
            return null;
        }
        int offset = to.length - from.length;
        for (int i = 0; i < to.length; i++) {
            long dimFrom = i < offset ? 1 : from[i - offset];
            if (dimFrom != to[i] && dimFrom != 1) {
                return null;
            }
        }
        return to.clone();
    }

    /**
     * The spec's "blockwise broadcastable": same rank, every dimension of {@code from}
     * divides the one of {@code to}.
     */
    static boolean blockwiseBroadcastable(long[] from, long[] to) {
        if (from.length != to.length) {
            return false;
        }
        for (int i = 0; i < to.length; i++) {
            if (from[i] == 0 || to[i] % from[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The spec's "check dimensions" of a descriptor: every dimension and the element count
     * are valid dimensions, the rank and byte length are supported.
     *
     * @param what how to name the descriptor in the message, e.g. "input 'x'"
     * @param descriptor the descriptor
     * @throws MLTypeError if a check fails
     */
    static void dimensions(String what, MLOperandDescriptor descriptor) {
        long[] shape = descriptor.shapeView();
        if (shape.length > MLGraphBuilder.MAX_RANK) {
            throw new MLTypeError(what + ": rank " + shape.length + " exceeds the supported maximum "
                    + MLGraphBuilder.MAX_RANK);
        }
        for (long dimension : shape) {
            if (dimension < 1 || dimension > MAX_DIMENSION) {
                throw new MLTypeError(what + ": shape " + Arrays.toString(shape) + " has invalid dimension " + dimension
                        + " (valid: 1 to " + MAX_DIMENSION + ")");
            }
        }
        if (descriptor.elementCount() > MAX_DIMENSION) {
            throw new MLTypeError(what + ": shape " + Arrays.toString(shape) + " has " + descriptor.elementCount()
                    + " elements, more than " + MAX_DIMENSION);
        }
        if (descriptor.byteLength() > MLGraphBuilder.MAX_TENSOR_BYTE_LENGTH) {
            throw new MLTypeError(what + ": " + descriptor.byteLength() + " bytes exceed the supported maximum "
                    + MLGraphBuilder.MAX_TENSOR_BYTE_LENGTH);
        }
    }

    /**
     * Checks an output shape computed by shape inference (spec: the output descriptor's
     * dimensions must be valid).
     */
    static MLOperandDescriptor output(Op op, String label, MLOperandDataType type, long[] shape) {
        MLOperandDescriptor descriptor = MLOperandDescriptor.ofTrusted(type, shape);
        try {
            dimensions("output", descriptor);
        } catch (MLTypeError e) {
            throw typeError(op, label, e.getMessage());
        }
        return descriptor;
    }
}
