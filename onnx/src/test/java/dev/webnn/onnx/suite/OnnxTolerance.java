package dev.webnn.onnx.suite;

import dev.webnn.MLOperandDataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

/**
 * ONNX's own comparison of a computed tensor with the expected one (the tolerance of its
 * backend test runner): floating-point elements agree when {@code |a - b| <= atol + rtol * |b|}
 * with {@code rtol = 1e-3}, {@code atol = 1e-7}, NaN equals NaN and infinities must match
 * exactly; every other type must be bit-exact.
 */
final class OnnxTolerance {

    /** Relative tolerance of ONNX's node tests. */
    static final double RTOL = 1e-3;
    /** Absolute tolerance of ONNX's node tests. */
    static final double ATOL = 1e-7;

    private OnnxTolerance() {
    }

    /**
     * Compares two tensors of the same type and element count.
     *
     * @param type the element type of both
     * @param actual the computed elements
     * @param expected the expected elements
     * @return empty when they agree, else the first differing element and the count of differing ones
     */
    static Optional<String> compare(MLOperandDataType type, MemorySegment actual, MemorySegment expected) {
        if (actual.byteSize() != expected.byteSize()) {
            return Optional.of(actual.byteSize() + " bytes computed, " + expected.byteSize() + " expected");
        }
        long count = actual.byteSize() / type.byteSize();
        long wrong = 0;
        String first = null;
        for (long i = 0; i < count; i++) {
            String difference = differs(type, actual, expected, i);
            if (difference != null) {
                wrong++;
                if (first == null) {
                    first = "element " + i + ": " + difference;
                }
            }
        }
        return wrong == 0 ? Optional.empty() : Optional.of(wrong + " of " + count + " elements differ, first " + first);
    }

    /**
     * Whether two floating-point values agree under ONNX's tolerance.
     *
     * @param actual the computed value
     * @param expected the expected value
     * @return true if they agree
     */
    static boolean close(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= ATOL + RTOL * Math.abs(expected);
    }

    private static String differs(MLOperandDataType type, MemorySegment actual, MemorySegment expected, long i) {
        switch (type) {
            case FLOAT32 -> {
                float a = actual.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
                float e = expected.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i);
                return close(a, e) ? null : a + " instead of " + e;
            }
            case FLOAT16 -> {
                float a = Float.float16ToFloat(actual.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i));
                float e = Float.float16ToFloat(expected.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i));
                return close(a, e) ? null : a + " instead of " + e;
            }
            default -> {
                long a = integer(type, actual, i);
                long e = integer(type, expected, i);
                return a == e ? null : a + " instead of " + e;
            }
        }
    }

    private static long integer(MLOperandDataType type, MemorySegment data, long i) {
        return switch (type.byteSize()) {
            case 1 -> type.isSigned() ? data.get(ValueLayout.JAVA_BYTE, i) : Byte.toUnsignedLong(data.get(ValueLayout.JAVA_BYTE, i));
            case 4 -> type.isSigned() ? data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i)
                    : Integer.toUnsignedLong(data.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i));
            default -> data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i);
        };
    }
}
