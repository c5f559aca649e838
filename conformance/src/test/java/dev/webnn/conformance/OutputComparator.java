package dev.webnn.conformance;

import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.Tolerance.Budget;
import dev.webnn.conformance.Tolerance.Metric;
import dev.webnn.conformance.WptCase.WptTensor;
import dev.webnn.testing.Ulp;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Compares a computed output with a WPT expected output under a {@link Budget}, element by
 * element, the way WPT does.
 *
 * <p>Distances: float32 and float16 ULP as {@link Ulp} measures them (float16 sign-magnitude);
 * equal values (so +0 and -0) and two NaNs are at distance 0, NaN and a number far apart.
 * Integer types: absolute difference. ATOL: absolute difference of the values.
 * When the expected data is a single number for many elements (the fill form), only the
 * first {@value #FILL_COMPARED} elements are compared, like WPT.
 */
public final class OutputComparator {

    /** Elements compared for an expected output given in the fill form. */
    public static final int FILL_COMPARED = 1000;

    private static final int SHOWN_MISMATCHES = 3;

    private OutputComparator() {
    }

    /**
     * Compares one output.
     *
     * @param expected the expected tensor (its data type and values)
     * @param actual the computed elements, native order
     * @param budget the allowed error
     * @return a description of the mismatches (count, the first few, the largest error), or
     *     empty when every compared element is within the budget
     */
    public static Optional<String> compare(WptTensor expected, MemorySegment actual, Budget budget) {
        long count = expected.elementCount();
        if (!expected.fill() && expected.values().size() != count) {
            return Optional.of("the expected data has " + expected.values().size() + " values for " + count + " elements");
        }
        long compared = expected.fill() ? Math.min(count, FILL_COMPARED) : count;
        long mismatches = 0;
        double worst = 0;
        StringBuilder shown = new StringBuilder();
        for (long i = 0; i < compared; i++) {
            Object want = expected.value(i);
            double error = error(expected.dataType(), want, actual, i, budget.metric());
            if (error > budget.value()) {
                mismatches++;
                worst = Math.max(worst, error);
                if (mismatches <= SHOWN_MISMATCHES) {
                    shown.append(String.format("%n  [%d] expected %s, got %s (error %s)", i, want,
                            describe(expected.dataType(), actual, i), format(error)));
                }
            }
        }
        if (mismatches == 0) {
            return Optional.empty();
        }
        return Optional.of("'" + expected.name() + "' (" + expected.dataType() + "): " + mismatches + " of " + compared
                + " elements exceed " + budget + ", largest error " + format(worst) + shown);
    }

    /**
     * The absolute difference of two values: 0 when equal (including equal infinities) or
     * both NaN, infinity when only one is NaN or they are different infinities.
     *
     * @param expected the expected value
     * @param actual the computed value
     * @return {@code |expected - actual|}
     */
    public static double absoluteError(double expected, double actual) {
        if (expected == actual || (Double.isNaN(expected) && Double.isNaN(actual))) {
            return 0;
        }
        double difference = Math.abs(expected - actual);
        return Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference;
    }

    private static double error(MLOperandDataType type, Object want, MemorySegment actual, long index, Metric metric) {
        return switch (type) {
            case FLOAT32 -> {
                float expected = WptData.toFloat32(want);
                float got = actual.getAtIndex(ValueLayout.JAVA_FLOAT, index);
                yield metric == Metric.ULP ? Ulp.distance(expected, got) : absoluteError(expected, got);
            }
            case FLOAT16 -> {
                short expected = WptData.toFloat16Bits(want);
                short got = actual.getAtIndex(ValueLayout.JAVA_SHORT, index);
                yield metric == Metric.ULP ? Ulp.distanceFloat16(expected, got)
                        : absoluteError(Float.float16ToFloat(expected), Float.float16ToFloat(got));
            }
            default -> {
                BigInteger difference = WptData.toInteger(want).subtract(WptData.readInteger(actual, type, index)).abs();
                yield difference.doubleValue();
            }
        };
    }

    private static String describe(MLOperandDataType type, MemorySegment actual, long index) {
        return switch (type) {
            case FLOAT32 -> {
                float value = actual.getAtIndex(ValueLayout.JAVA_FLOAT, index);
                yield value + String.format(" (0x%08X)", Float.floatToRawIntBits(value));
            }
            case FLOAT16 -> {
                short bits = actual.getAtIndex(ValueLayout.JAVA_SHORT, index);
                yield Float.float16ToFloat(bits) + String.format(" (0x%04X)", bits);
            }
            default -> WptData.readInteger(actual, type, index).toString();
        };
    }

    private static String format(double error) {
        if (Double.isInfinite(error)) {
            return "infinity";
        }
        return error == Math.rint(error) && Math.abs(error) < 1e15 ? Long.toString((long) error)
                : new BigDecimal(error).round(java.math.MathContext.DECIMAL32).toString();
    }
}
