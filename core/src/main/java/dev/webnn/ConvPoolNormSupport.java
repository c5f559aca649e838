package dev.webnn;

import dev.webnn.graph.Op;
import java.util.Arrays;
import java.util.Map;

/**
 * Steps shared by the convolution, pooling, resampling and normalization operations
 * ({@link ConvolutionOps}, {@link PoolingOps}, {@link NormalizationOps}) and their options
 * classes: WebIDL conversions of option values, single rows of the spec's tensor-limits
 * table (these algorithms interleave the data type and rank checks of one operand with
 * other steps), checks of option lists, and the 4-D image layouts.
 */
final class ConvPoolNormSupport {

    private ConvPoolNormSupport() {
    }

    // ---------------------------------------------------------------------------------
    // Single steps of the tensor-limits table
    // ---------------------------------------------------------------------------------

    /**
     * "If <i>role</i>'s dataType is not one of its allowed data types (according to the
     * table), then throw a TypeError": only the data type of one role, including "same as".
     *
     * @param op the operation
     * @param label the user's label
     * @param role the operand's role in the table
     * @param operands the operation's operands by role (for "same as" rules)
     * @throws MLTypeError if the data type is not allowed
     */
    static void dataType(Op op, String label, String role, Map<String, MLOperand> operands) {
        OperandLimit row = row(op, role);
        MLOperand operand = operands.get(role);
        OperandLimit.TypeRule types = row.types();
        if (types.sameAs() != null) {
            MLOperand other = operands.get(types.sameAs());
            if (other.dataType() != operand.dataType()) {
                throw Checks.typeError(op, label, role + " data type " + operand.dataType() + " must match "
                        + types.sameAs() + " data type " + other.dataType());
            }
        } else if (!types.allowed().contains(operand.dataType())) {
            throw Checks.typeError(op, label, role + " data type " + operand.dataType() + " is not allowed (allowed: "
                    + Checks.names(types.allowed()) + ")");
        }
    }

    /**
     * "If <i>role</i>'s rank is not its allowed rank, then throw a TypeError": only the
     * rank of one role with a fixed rank range.
     *
     * @param op the operation
     * @param label the user's label
     * @param role the operand's role in the table
     * @param operand the operand
     * @throws MLTypeError if the rank is not allowed
     */
    static void rank(Op op, String label, String role, MLOperand operand) {
        OperandLimit.RankRule ranks = row(op, role).ranks();
        if (operand.rank() < ranks.min() || operand.rank() > ranks.max()) {
            throw Checks.typeError(op, label, role + " rank " + operand.rank() + " is not allowed (allowed: "
                    + (ranks.min() == ranks.max() ? String.valueOf(ranks.min()) : ranks.min() + " to " + ranks.max()) + ")");
        }
    }

    private static OperandLimit row(Op op, String role) {
        return TensorLimits.TABLE.get(op).stream().filter(r -> r.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException(op.specName() + " has no tensor limits for " + role));
    }

    // ---------------------------------------------------------------------------------
    // Option lists
    // ---------------------------------------------------------------------------------

    /**
     * "If <i>option</i>'s size is not <i>size</i>, then throw a TypeError".
     *
     * @param op the operation
     * @param label the user's label
     * @param option the option's spec name
     * @param values the values
     * @param size the required size
     * @throws MLTypeError if the size differs
     */
    static void size(Op op, String label, String option, long[] values, int size) {
        if (values.length != size) {
            throw Checks.typeError(op, label, option + " " + Arrays.toString(values) + " has " + values.length
                    + " values, expected " + size);
        }
    }

    /**
     * "If any item in <i>option</i> is equal to 0, then throw a TypeError".
     *
     * @param op the operation
     * @param label the user's label
     * @param option the option's spec name
     * @param values the values
     * @throws MLTypeError if a value is 0
     */
    static void nonZero(Op op, String label, String option, long[] values) {
        for (long value : values) {
            if (value == 0) {
                throw Checks.typeError(op, label, option + " " + Arrays.toString(values) + " contains 0");
            }
        }
    }

    /**
     * "If <i>what</i> is not a valid dimension, then throw a TypeError": an integer in
     * {@code [1, 2^31-1]}.
     *
     * @param op the operation
     * @param label the user's label
     * @param what how to name the value, e.g. "output height"
     * @param value the value
     * @throws MLTypeError if not a valid dimension
     */
    static void validDimension(Op op, String label, String what, long value) {
        if (value < 1 || value > Checks.MAX_DIMENSION) {
            throw Checks.typeError(op, label, what + " " + value + " is not a valid dimension (valid: 1 to "
                    + Checks.MAX_DIMENSION + ")");
        }
    }

    /**
     * "If <i>role</i>'s shape is not equal to « <i>size</i> », then throw a TypeError".
     *
     * @param op the operation
     * @param label the user's label
     * @param role the operand's role
     * @param operand the operand
     * @param size the only dimension it must have
     * @param meaning what {@code size} is, e.g. "output channels"
     * @throws MLTypeError if the shape differs
     */
    static void shape1d(Op op, String label, String role, MLOperand operand, long size, String meaning) {
        if (operand.rank() != 1 || operand.shapeView()[0] != size) {
            throw Checks.typeError(op, label, role + " shape " + Arrays.toString(operand.shapeView()) + " must be ["
                    + size + "] (" + meaning + ")");
        }
    }

    // ---------------------------------------------------------------------------------
    // Image layouts
    // ---------------------------------------------------------------------------------

    /**
     * The four dimensions of a 4-D image tensor, named independently of its layout.
     *
     * @param batches the batch dimension
     * @param channels the channel dimension
     * @param height the first spatial dimension
     * @param width the second spatial dimension
     */
    record Image(long batches, long channels, long height, long width) {

        /**
         * Reads a 4-D shape in a layout.
         *
         * @param shape a 4-D shape
         * @param layout nchw or nhwc
         * @return the named dimensions
         */
        static Image of(long[] shape, MLInputOperandLayout layout) {
            return switch (layout) {
                case NCHW -> new Image(shape[0], shape[1], shape[2], shape[3]);
                case NHWC -> new Image(shape[0], shape[3], shape[1], shape[2]);
            };
        }

        /**
         * The shape of this image in a layout.
         *
         * @param layout nchw or nhwc
         * @return the 4-D shape
         */
        long[] shape(MLInputOperandLayout layout) {
            return switch (layout) {
                case NCHW -> new long[] {batches, channels, height, width};
                case NHWC -> new long[] {batches, height, width, channels};
            };
        }

        /**
         * The shape of this image as the output of a convolution or pooling, whose height
         * and width must be valid dimensions.
         *
         * @param op the operation
         * @param label the user's label
         * @param layout nchw or nhwc
         * @return the 4-D shape
         * @throws MLTypeError if the height or the width is not a valid dimension
         */
        long[] outputShape(Op op, String label, MLInputOperandLayout layout) {
            validDimension(op, label, "output height", height);
            validDimension(op, label, "output width", width);
            return shape(layout);
        }
    }
}
