package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.Tolerance.Budget;
import dev.webnn.conformance.Tolerance.Metric;
import dev.webnn.conformance.WptCase.WptTensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Absolute distances and the element-wise comparison of outputs (ULP distances: {@code UlpTest} in core). */
class OutputComparatorTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void absoluteErrorHandlesInfinitiesAndNaN() {
        assertEquals(0.25, OutputComparator.absoluteError(1, 1.25));
        assertEquals(0, OutputComparator.absoluteError(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(0, OutputComparator.absoluteError(Double.NaN, Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, OutputComparator.absoluteError(Double.NaN, 1));
        assertEquals(Double.POSITIVE_INFINITY, OutputComparator.absoluteError(1, Double.NEGATIVE_INFINITY));
    }

    @Test
    void float32OutputsPassWithinTheBudgetAndFailOutsideIt() {
        WptTensor expected = tensor(MLOperandDataType.FLOAT32, false, new BigDecimal("1.0"), new BigDecimal("2.0"));
        MemorySegment actual = floats(1f, Math.nextUp(2f));
        assertEquals(Optional.empty(), OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 1)));
        String mismatch = OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 0)).orElseThrow();
        assertTrue(mismatch.startsWith("'out' (float32): 1 of 2 elements exceed 0 ULP, largest error 1"), mismatch);
        assertTrue(mismatch.contains("[1] expected 2.0, got 2.0000002 (0x40000001) (error 1)"), mismatch);
    }

    @Test
    void absoluteToleranceComparesValues() {
        WptTensor expected = tensor(MLOperandDataType.FLOAT32, false, new BigDecimal("1.0"));
        Budget atol = new Budget(Metric.ATOL, 1.0 / 1024);
        assertEquals(Optional.empty(), OutputComparator.compare(expected, floats(1.0009f), atol));
        assertTrue(OutputComparator.compare(expected, floats(1.001f), atol).isPresent());
    }

    @Test
    void float16OutputsAreComparedOnTheirBits() {
        WptTensor expected = tensor(MLOperandDataType.FLOAT16, false, new BigDecimal("1"), new BigDecimal("0"));
        MemorySegment actual = arena.allocate(4);
        actual.setAtIndex(ValueLayout.JAVA_SHORT, 0, (short) 0x3C02);
        actual.setAtIndex(ValueLayout.JAVA_SHORT, 1, (short) 0x8000);
        assertEquals(Optional.empty(), OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 2)));
        String mismatch = OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 1)).orElseThrow();
        assertTrue(mismatch.contains("1 of 2 elements exceed 1 ULP, largest error 2"), mismatch);
        assertTrue(mismatch.contains("(0x3C02)"), mismatch);
    }

    @Test
    void integerOutputsUseTheAbsoluteDifference() {
        WptTensor expected = tensor(MLOperandDataType.UINT64, false, new BigInteger("18446744073709551615"), BigInteger.TEN);
        MemorySegment actual = arena.allocate(16);
        actual.setAtIndex(ValueLayout.JAVA_LONG, 0, -1L);
        actual.setAtIndex(ValueLayout.JAVA_LONG, 1, 11L);
        assertEquals(Optional.empty(), OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 1)));
        String mismatch = OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 0)).orElseThrow();
        assertTrue(mismatch.contains("[1] expected 10, got 11 (error 1)"), mismatch);
    }

    @Test
    void theFillFormComparesOnlyTheFirstThousandElements() {
        WptTensor expected = new WptTensor("out", MLOperandDataType.FLOAT32, new long[] {1500},
                List.of(new BigDecimal("1.5")), true, false);
        MemorySegment actual = arena.allocate(1500 * 4L);
        for (int i = 0; i < 1500; i++) {
            actual.setAtIndex(ValueLayout.JAVA_FLOAT, i, i < OutputComparator.FILL_COMPARED ? 1.5f : 9f);
        }
        assertEquals(Optional.empty(), OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 0)));
        actual.setAtIndex(ValueLayout.JAVA_FLOAT, 999, 9f);
        String mismatch = OutputComparator.compare(expected, actual, new Budget(Metric.ULP, 0)).orElseThrow();
        assertTrue(mismatch.contains("1 of 1000 elements"), mismatch);
    }

    private static WptTensor tensor(MLOperandDataType type, boolean fill, Object... values) {
        return new WptTensor("out", type, new long[] {values.length}, List.of(values), fill, false);
    }

    private MemorySegment floats(float... values) {
        return arena.allocateFrom(ValueLayout.JAVA_FLOAT, values);
    }
}
