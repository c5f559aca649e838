package dev.webnn;

import dev.webnn.graph.Op;
import java.util.Arrays;
import java.util.Objects;

/**
 * The WebIDL conversions of the spec's argument and option types, in one place: a value
 * that the IDL type cannot hold is a {@link MLTypeError}. Options classes convert when an
 * option is set (the messages name {@code Dictionary.member}); operations convert their
 * arguments first thing (the messages name the operation and its label).
 */
final class WebIdl {

    private static final String UNSIGNED_LONG_RANGE =
            " is outside the unsigned long range [0, " + MLOperandDescriptor.MAX_UNSIGNED_LONG + "]";

    private WebIdl() {
    }

    /**
     * {@code [EnforceRange] unsigned long} option.
     *
     * @param option e.g. {@code "MLConv2dOptions.groups"}
     * @param value the value given
     * @return the value
     * @throws MLTypeError if out of {@code [0, 2^32-1]}
     */
    static long unsignedLong(String option, long value) {
        if (!isUnsignedLong(value)) {
            throw new MLTypeError(option + ": " + value + UNSIGNED_LONG_RANGE);
        }
        return value;
    }

    /**
     * {@code sequence<[EnforceRange] unsigned long>} option.
     *
     * @param option e.g. {@code "MLConv2dOptions.padding"}
     * @param values the values given
     * @return a copy
     * @throws MLTypeError if a value is out of range
     * @throws NullPointerException if {@code values} is null
     */
    static long[] unsignedLongs(String option, long[] values) {
        long[] copy = Objects.requireNonNull(values, option).clone();
        for (long value : copy) {
            if (!isUnsignedLong(value)) {
                throw new MLTypeError(option + " " + Arrays.toString(copy) + ": " + value + UNSIGNED_LONG_RANGE);
            }
        }
        return copy;
    }

    /**
     * {@code double} option (restricted): finite.
     *
     * @param dictionary the options class, e.g. {@code "MLGemmOptions"}
     * @param member the option, e.g. {@code "alpha"}
     * @param value the value given
     * @return the value
     * @throws MLTypeError if NaN or infinite
     */
    static double finiteDouble(String dictionary, String member, double value) {
        if (!Double.isFinite(value)) {
            throw new MLTypeError(dictionary + ": " + member + " must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * {@code double} option (restricted) of the normalizations, whose messages name the
     * option as {@code Dictionary.member} like the other options of that family.
     *
     * @param option e.g. {@code "MLBatchNormalizationOptions.epsilon"}
     * @param value the value given
     * @return the value
     * @throws MLTypeError if NaN or infinite
     */
    static double finiteDouble(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new MLTypeError(option + ": " + value + " is not a finite double");
        }
        return value;
    }

    /**
     * {@code sequence<float>} option (restricted): every value finite.
     *
     * @param option e.g. {@code "MLResample2dOptions.scales"}
     * @param values the values given
     * @return a copy
     * @throws MLTypeError if a value is NaN or infinite
     * @throws NullPointerException if {@code values} is null
     */
    static float[] finiteFloats(String option, float[] values) {
        float[] copy = Objects.requireNonNull(values, option).clone();
        for (float value : copy) {
            if (!Float.isFinite(value)) {
                throw new MLTypeError(option + " " + Arrays.toString(copy) + ": " + value + " is not a finite float");
            }
        }
        return copy;
    }

    /**
     * {@code [EnforceRange] unsigned long} argument of an operation.
     *
     * @param op the operation
     * @param label the user's label
     * @param what the argument, e.g. {@code "axis"}
     * @param value the value given
     * @return the value
     * @throws MLTypeError if out of {@code [0, 2^32-1]}
     */
    static long unsignedLong(Op op, String label, String what, long value) {
        if (!isUnsignedLong(value)) {
            throw Checks.typeError(op, label, what + " " + value + UNSIGNED_LONG_RANGE);
        }
        return value;
    }

    /**
     * {@code sequence<[EnforceRange] unsigned long>} argument of an operation: present,
     * every item in range.
     *
     * @param op the operation
     * @param label the user's label
     * @param what the argument, e.g. {@code "newShape"}
     * @param values the values given
     * @return a copy
     * @throws MLTypeError if null or an item is out of range
     */
    static long[] unsignedLongs(Op op, String label, String what, long[] values) {
        if (values == null) {
            throw Checks.typeError(op, label, what + " is null");
        }
        long[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            unsignedLong(op, label, what + "[" + i + "]", copy[i]);
        }
        return copy;
    }

    /**
     * Whether a value fits WebIDL {@code unsigned long}.
     *
     * @param value the value
     * @return true if in {@code [0, 2^32-1]}
     */
    static boolean isUnsignedLong(long value) {
        return value >= 0 && value <= MLOperandDescriptor.MAX_UNSIGNED_LONG;
    }
}
