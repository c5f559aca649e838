package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;
import static dev.webnn.backend.onnxruntime.GraphRunner.bitVector;
import static dev.webnn.backend.onnxruntime.GraphRunner.bits;
import static dev.webnn.backend.onnxruntime.GraphRunner.tensor;
import static dev.webnn.backend.onnxruntime.GraphRunner.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.webnn.MLClampOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNumber;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLRankRange;
import dev.webnn.MLTensorLimits;
import dev.webnn.backend.onnxruntime.GraphRunner.Values;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The element-wise operators on ONNX Runtime: hand-computed cases for each, the edge cases
 * of the compositions (carrier types, guarded integer division, bool round trips), and every
 * data type {@code opSupportLimits()} claims checked against a reference.
 */
class OrtElementwiseLoweringTest {

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    // ---- hand-computed cases ----

    @Test
    void binaryArithmeticBroadcasts() {
        Values a = tensor(FLOAT32, new long[] {2, 2}, 1, -2, 3, 4);
        Values b = vector(FLOAT32, 2, 0.5);
        assertArrayEquals(new double[] {3, -1.5, 5, 4.5}, runner.run((g, x) -> g.add(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {-1, -2.5, 1, 3.5}, runner.run((g, x) -> g.sub(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {2, -1, 6, 2}, runner.run((g, x) -> g.mul(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {0.5, -4, 1.5, 8}, runner.run((g, x) -> g.div(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {2, 0.5, 3, 4}, runner.run((g, x) -> g.max(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, -2, 2, 0.5}, runner.run((g, x) -> g.min(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, Double.NaN, 9, 2}, runner.run((g, x) -> g.pow(x[0], x[1]), a, b), 1e-6);
    }

    @Test
    void integerArithmeticWrapsAndDivisionTruncates() {
        assertArrayEquals(new double[] {-56, 56}, runner.run((g, x) -> g.add(x[0], x[1]),
                vector(INT8, 100, -100), vector(INT8, 100, -100)));
        assertArrayEquals(new double[] {255, 100}, runner.run((g, x) -> g.sub(x[0], x[1]),
                vector(UINT8, 1, 200), vector(UINT8, 2, 100)));
        assertArrayEquals(new double[] {0, 12}, runner.run((g, x) -> g.mul(x[0], x[1]),
                vector(UINT32, 65536, 3), vector(UINT32, 65536, 4)));
        assertArrayEquals(new double[] {3, -3, -3, 3}, runner.run((g, x) -> g.div(x[0], x[1]),
                vector(INT32, 7, -7, 7, -7), vector(INT32, 2, 2, -2, -2)));
    }

    @Test
    void integerDivisionByZeroAndMinimumByMinusOneDoNotTrap() {
        // Unguarded, both end the process with SIGFPE in ONNX Runtime's Div kernel.
        assertArrayEquals(new double[] {7, Integer.MIN_VALUE, -5, 3}, runner.run((g, x) -> g.div(x[0], x[1]),
                vector(INT32, 7, Integer.MIN_VALUE, 5, 7), vector(INT32, 0, -1, -1, 2)));
        assertArrayEquals(new double[] {-9, Long.MIN_VALUE, 4}, runner.run((g, x) -> g.div(x[0], x[1]),
                vector(INT64, -9, Long.MIN_VALUE, -8), vector(INT64, 0, -1, -2)));
        assertArrayEquals(new double[] {7, -128, -7}, runner.run((g, x) -> g.div(x[0], x[1]),
                vector(INT8, 7, -128, 7), vector(INT8, 0, -1, -1)));
        assertArrayEquals(new double[] {9, 3}, runner.run((g, x) -> g.div(x[0], x[1]),
                vector(UINT64, 9, 7), vector(UINT64, 0, 2)));
        assertArrayEquals(new double[] {200, 0, 4}, runner.run((g, x) -> g.div(x[0], x[1]),
                vector(UINT8, 200, 3, 200), vector(UINT8, 0, 4, 50)));
        // broadcast: the guard has the broadcast shape of both operands
        assertArrayEquals(new double[] {Integer.MIN_VALUE, 1, -4, 0}, runner.run((g, x) -> g.div(x[0], x[1]),
                tensor(INT32, new long[] {2, 1}, Integer.MIN_VALUE, 4), vector(INT32, -1, Integer.MIN_VALUE)));
    }

    @Test
    void maxMinAndPowOfBytesRunInWiderTypes() {
        assertArrayEquals(new double[] {127, 5}, runner.run((g, x) -> g.max(x[0], x[1]), vector(INT8, -128, 5), vector(INT8, 127, -5)));
        assertArrayEquals(new double[] {-128, -5}, runner.run((g, x) -> g.min(x[0], x[1]), vector(INT8, -128, 5), vector(INT8, 127, -5)));
        assertArrayEquals(new double[] {255, 7}, runner.run((g, x) -> g.max(x[0], x[1]), vector(UINT8, 255, 0), vector(UINT8, 1, 7)));
        assertArrayEquals(new double[] {-128, 9, 0, -128}, runner.run((g, x) -> g.pow(x[0], x[1]),
                vector(INT8, -2, 3, 2, 2), vector(INT8, 7, 2, -1, 7)));
        assertArrayEquals(new double[] {216, 0, 1}, runner.run((g, x) -> g.pow(x[0], x[1]),
                vector(UINT8, 6, 2, 200), vector(UINT8, 3, 8, 0)));
        assertArrayEquals(new double[] {2147483648.0, 3486784401.0, 0}, runner.run((g, x) -> g.pow(x[0], x[1]),
                vector(UINT32, 2, 3, 2), vector(UINT32, 31, 20, 32)));
        // 3^40 = 12157665459056928801 lies above int64; double gives its nearest neighbour
        assertArrayEquals(new double[] {12157665459056928801.0, 0x1p63, 343}, runner.run((g, x) -> g.pow(x[0], x[1]),
                vector(UINT64, 3, 2, 7), vector(UINT64, 40, 63, 3)));
    }

    @Test
    void comparisonsGiveUint8ZeroOrOne() {
        Values a = vector(FLOAT32, 1, 2, 3, Double.NaN);
        Values b = vector(FLOAT32, 2, 2, 2, Double.NaN);
        assertArrayEquals(new double[] {0, 1, 0, 0}, runner.run((g, x) -> g.equal(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, 0, 1, 1}, runner.run((g, x) -> g.notEqual(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {0, 0, 1, 0}, runner.run((g, x) -> g.greater(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {0, 1, 1, 0}, runner.run((g, x) -> g.greaterOrEqual(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, 0, 0, 0}, runner.run((g, x) -> g.lesser(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, 1, 0, 0}, runner.run((g, x) -> g.lesserOrEqual(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, 0}, runner.run((g, x) -> g.lesser(x[0], x[1]),
                vector(UINT64, 1, 0x1p63), vector(UINT64, 0x1p63, 1)));
    }

    @Test
    void logicalOperatorsTreatNonZeroAsTrue() {
        Values a = vector(UINT8, 0, 0, 3, 255);
        Values b = vector(UINT8, 0, 7, 0, 128);
        assertArrayEquals(new double[] {0, 0, 0, 1}, runner.run((g, x) -> g.logicalAnd(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {0, 1, 1, 1}, runner.run((g, x) -> g.logicalOr(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {0, 1, 1, 0}, runner.run((g, x) -> g.logicalXor(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {1, 1, 0, 0}, runner.run((g, x) -> g.logicalNot(x[0]), a));
    }

    @Test
    void isNaNAndIsInfinite() {
        for (MLOperandDataType type : List.of(FLOAT32, FLOAT16)) {
            Values a = vector(type, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 0);
            assertArrayEquals(new double[] {1, 0, 0, 0, 0}, runner.run((g, x) -> g.isNaN(x[0]), a), type.toString());
            assertArrayEquals(new double[] {0, 1, 1, 0, 0}, runner.run((g, x) -> g.isInfinite(x[0]), a), type.toString());
        }
    }

    @Test
    void unaryOperators() {
        Values x = vector(FLOAT32, -1.5, 0, 2.25);
        assertArrayEquals(new double[] {1.5, 0, 2.25}, runner.run((g, o) -> g.abs(o[0]), x));
        assertArrayEquals(new double[] {-1, 0, 3}, runner.run((g, o) -> g.ceil(o[0]), x));
        assertArrayEquals(new double[] {-2, 0, 2}, runner.run((g, o) -> g.floor(o[0]), x));
        assertArrayEquals(new double[] {-1.5, 0, 2.25}, runner.run((g, o) -> g.identity(o[0]), x));
        assertArrayEquals(new double[] {1.5, -0.0, -2.25}, runner.run((g, o) -> g.neg(o[0]), x));
        assertArrayEquals(new double[] {-2 / 3.0, Double.POSITIVE_INFINITY, 4 / 9.0}, runner.run((g, o) -> g.reciprocal(o[0]), x), 1e-7);
        assertArrayEquals(new double[] {-1, 0, 1}, runner.run((g, o) -> g.sign(o[0]), x));
        assertArrayEquals(new double[] {Double.NaN, 0, 1.5}, runner.run((g, o) -> g.sqrt(o[0]), x));
        assertArrayEquals(new double[] {Math.exp(-1.5), 1, Math.exp(2.25)}, runner.run((g, o) -> g.exp(o[0]), x), 1e-6);
        assertArrayEquals(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Math.log(2.25)}, runner.run((g, o) -> g.log(o[0]), x), 1e-6);
        assertArrayEquals(new double[] {Math.cos(-1.5), 1, Math.cos(2.25)}, runner.run((g, o) -> g.cos(o[0]), x), 1e-6);
        assertArrayEquals(new double[] {Math.sin(-1.5), 0, Math.sin(2.25)}, runner.run((g, o) -> g.sin(o[0]), x), 1e-6);
        assertArrayEquals(new double[] {Math.tan(-1.5), 0, Math.tan(2.25)}, runner.run((g, o) -> g.tan(o[0]), x), 1e-5);
        // erf(1) = 0.8427007929497149, erf(-1.5) = -0.9661051464753108
        assertArrayEquals(new double[] {-0.9661051464753108, 0, 0.9985372834133188, 0.8427007929497149},
                runner.run((g, o) -> g.erf(o[0]), vector(FLOAT32, -1.5, 0, 2.25, 1)), 1e-6);
    }

    @Test
    void roundEvenRoundsHalvesToEven() {
        double[] input = {0.1, 0.9, 1.1, 1.9, -3.5, -2.5, -1.5, 1.5, 2.5, 3.5};
        double[] expected = {0, 1, 1, 2, -4, -2, -2, 2, 2, 4};
        assertArrayEquals(expected, runner.run((g, x) -> g.roundEven(x[0]), vector(FLOAT32, input)));
        assertArrayEquals(expected, runner.run((g, x) -> g.roundEven(x[0]), vector(FLOAT16, input)));
    }

    @Test
    void integerAbsNegAndSign() {
        Values x = vector(INT8, -5, 0, 7, -128);
        assertArrayEquals(new double[] {5, 0, 7, -128}, runner.run((g, o) -> g.abs(o[0]), x));
        assertArrayEquals(new double[] {5, 0, -7, -128}, runner.run((g, o) -> g.neg(o[0]), x));
        assertArrayEquals(new double[] {-1, 0, 1, -1}, runner.run((g, o) -> g.sign(o[0]), x));
    }

    @Test
    void castConvertsAsTheSpecSays() {
        // float to float: nearest, ties to even, overflow to infinity
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 65504, Double.POSITIVE_INFINITY, 1, 1.0009765625},
                runner.run((g, x) -> g.cast(x[0], FLOAT16), vector(FLOAT32, 70000, 65519, 65520, 1.00048828125, 1.000732421875)));
        // float to integer: truncation
        assertArrayEquals(new double[] {-1, 1, 127}, runner.run((g, x) -> g.cast(x[0], INT8), vector(FLOAT32, -1.9, 1.9, 127.5)));
        // integer to integer: the low bits, two's complement
        assertArrayEquals(new double[] {255, 0, 1}, runner.run((g, x) -> g.cast(x[0], UINT8), vector(INT32, -1, 256, 257)));
        assertArrayEquals(new double[] {-1, -128}, runner.run((g, x) -> g.cast(x[0], INT8), vector(UINT8, 255, 128)));
        assertArrayEquals(new double[] {0xFFFF_FFFFL, 5},
                runner.run((g, x) -> g.cast(x[0], UINT32), vector(INT64, -1, 0x1_0000_0005L)));
        // integer to float: nearest, ties to even
        assertArrayEquals(new double[] {2048, 2052, Double.POSITIVE_INFINITY},
                runner.run((g, x) -> g.cast(x[0], FLOAT16), vector(INT64, 2049, 2051, 100000)));
    }

    @Test
    void clampUsesBoundsCastToTheInputType() {
        assertArrayEquals(new double[] {-3, 0, 4}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMinValue(-3).withMaxValue(4)), vector(INT8, -128, 0, 127)));
        assertArrayEquals(new double[] {2, 0x1p63, 5}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMinValue(2)), vector(UINT64, 0, 0x1p63, 5)));
        // 0.1 is cast to float16 0.0999755859375; no lower bound means -Infinity
        assertArrayEquals(new double[] {0, 0.0999755859375, Double.NEGATIVE_INFINITY}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMaxValue(0.1)), vector(FLOAT16, 0, 1, Double.NEGATIVE_INFINITY)));
        assertArrayEquals(new double[] {-1, 0.5, 1}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMinValue(-1).withMaxValue(1)), vector(FLOAT32, -7, 0.5, 7)));
    }

    @Test
    void whereSelectsByNonZeroConditionWithBroadcasting() {
        assertArrayEquals(new double[] {5, -2, -3}, runner.run((g, x) -> g.where(x[0], x[1], x[2]),
                vector(UINT8, 0, 2, 255), vector(INT8, -1, -2, -3), vector(INT8, 5, 6, 7)));
        assertArrayEquals(new double[] {0x1p63, 1, 3}, runner.run((g, x) -> g.where(x[0], x[1], x[2]),
                vector(UINT8, 0, 2, 255), vector(UINT64, 0x1p63, 1, 3), vector(UINT64, 0x1p63, 6, 7)));
        assertArrayEquals(new double[] {1, 9, 1, 9, 2, 9, 2, 9}, runner.run((g, x) -> g.where(x[0], x[1], x[2]),
                tensor(UINT8, new long[] {1, 1, 2}, 1, 0), tensor(FLOAT32, new long[] {2, 1, 1}, 1, 2),
                tensor(FLOAT32, new long[] {2, 1}, 9, 9)));
    }

    @Test
    void scalarsAndTheHighestRank() {
        assertArrayEquals(new double[] {5}, runner.run((g, x) -> g.max(x[0], x[1]),
                tensor(INT8, new long[0], 5), tensor(INT8, new long[0], -3)));
        long[] rank8 = {1, 1, 1, 1, 1, 1, 1, 3};
        assertArrayEquals(new double[] {1, 0, 0}, runner.run((g, x) -> g.logicalNot(g.lesserOrEqual(x[0], x[1])),
                tensor(FLOAT32, rank8, 2, 1, 1.5), tensor(FLOAT32, new long[0], 1.5)));
        assertArrayEquals(new double[] {-1, 0, 1}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMinValue(-1).withMaxValue(1)), tensor(INT64, rank8, -5, 0, 5)));
    }

    // ---- ordering near the limits of the integer types ----

    @Test
    void int64MaxMinAndClampBeyondTheInt32Range() {
        // ONNX Runtime's int64 Max, Min and Clip kernels gave max(4e9, 2) = 2, min(4e9, 2) = 4e9 and
        // clamp(4e9, 0, 2) = 0 for tensors of two or more elements.
        Values a = vector(INT64, 4e9, -4e9, 2, 4e9, -1);
        Values b = vector(INT64, 2, -1, 4e9, -4e9, 0x1p31);
        assertArrayEquals(new double[] {4e9, -1, 4e9, 4e9, 0x1p31}, runner.run((g, x) -> g.max(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {2, -4e9, 2, -4e9, -1}, runner.run((g, x) -> g.min(x[0], x[1]), a, b));
        assertArrayEquals(new double[] {4e9, 2, 2, 4e9, 2}, runner.run((g, x) -> g.max(x[0], x[1]), a,
                tensor(INT64, new long[0], 2)));
        assertArrayEquals(new double[] {2, 0, 2, 2, 0}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMinValue(0).withMaxValue(2)), a));
        assertArrayEquals(new double[] {4e9, -3e9, 2, 4e9, -1}, runner.run((g, x) -> g.clamp(x[0],
                MLClampOptions.defaults().withMinValue(-3e9)), a));
    }

    @TestFactory
    Stream<DynamicTest> maxMinAndClampNearTheLimitsOfEveryIntegerType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MLOperandDataType type : limits("max", "a").dataTypes()) {
            if (isInteger(type)) {
                tests.add(dynamicTest("max " + type, () -> assertExtremum(type, true)));
                tests.add(dynamicTest("min " + type, () -> assertExtremum(type, false)));
            }
        }
        for (MLOperandDataType type : limits("clamp", "input").dataTypes()) {
            if (isInteger(type)) {
                tests.add(dynamicTest("clamp " + type, () -> assertClamp(type)));
            }
        }
        return tests.stream();
    }

    /** max or min of every pair of values near the type's limits, and of them all with a broadcast scalar. */
    private void assertExtremum(MLOperandDataType type, boolean max) {
        long[] values = nearLimits(type);
        int n = values.length;
        long[] a = new long[n * n];
        long[] b = new long[n * n];
        long[] expected = new long[n * n];
        for (int i = 0; i < n * n; i++) {
            a[i] = values[i / n];
            b[i] = values[i % n];
            expected[i] = extremum(type, max, a[i], b[i]);
        }
        BiFunction<MLGraphBuilder, MLOperand[], MLOperand> op = (g, x) -> max ? g.max(x[0], x[1]) : g.min(x[0], x[1]);
        assertArrayEquals(expected, runner.result(op, bitVector(type, a), bitVector(type, b)).bits());
        for (long scalar : values) {
            long[] broadcast = new long[n];
            for (int i = 0; i < n; i++) {
                broadcast[i] = extremum(type, max, values[i], scalar);
            }
            assertArrayEquals(broadcast, runner.result(op, bitVector(type, values),
                    bits(type, new long[0], scalar)).bits(), "with " + scalar);
        }
    }

    /** clamp of the values near the type's limits between every pair of them, and with one bound. */
    private void assertClamp(MLOperandDataType type) {
        long[] values = nearLimits(type);
        for (int low = 0; low < values.length; low++) {
            for (int high = low; high < values.length; high++) {
                long min = values[low];
                long max = values[high];
                long[] expected = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    expected[i] = extremum(type, false, extremum(type, true, values[i], min), max);
                }
                assertArrayEquals(expected, runner.result((g, x) -> g.clamp(x[0], MLClampOptions.defaults()
                        .withMinValue(number(type, min)).withMaxValue(number(type, max))), bitVector(type, values)).bits(),
                        "clamp to [" + min + ", " + max + "]");
            }
            long bound = values[low];
            long[] atLeast = new long[values.length];
            long[] atMost = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                atLeast[i] = extremum(type, true, values[i], bound);
                atMost[i] = extremum(type, false, values[i], bound);
            }
            assertArrayEquals(atLeast, runner.result((g, x) -> g.clamp(x[0],
                    MLClampOptions.defaults().withMinValue(number(type, bound))), bitVector(type, values)).bits(), "min " + bound);
            assertArrayEquals(atMost, runner.result((g, x) -> g.clamp(x[0],
                    MLClampOptions.defaults().withMaxValue(number(type, bound))), bitVector(type, values)).bits(), "max " + bound);
        }
    }

    /**
     * Values near the limits of an integer type, as bits (unsigned ones zero-extended): its
     * extremes, around zero and, for 64-bit types, around the limits of the 32-bit ones.
     */
    static long[] nearLimits(MLOperandDataType type) {
        return switch (type) {
            case INT8 -> new long[] {-128, -127, -1, 0, 1, 2, 126, 127};
            case UINT8 -> new long[] {0, 1, 2, 127, 128, 254, 255};
            case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -65537, -1, 0, 1, 2, 65537,
                Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
            case UINT32 -> new long[] {0, 1, 2, 65537, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
            case INT64 -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, -4_000_000_000L, -0x8000_0001L, Integer.MIN_VALUE,
                -1, 0, 1, 2, Integer.MAX_VALUE, 0x8000_0000L, 4_000_000_000L, (1L << 53) + 1, Long.MAX_VALUE - 1,
                Long.MAX_VALUE};
            case UINT64 -> new long[] {0, 1, 2, 0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L, (1L << 53) + 1,
                Long.MAX_VALUE, Long.MIN_VALUE, -2, -1};
            default -> throw new IllegalArgumentException("not an integer type: " + type);
        };
    }

    /** The larger (or smaller) of two integers of a type given as bits. */
    static long extremum(MLOperandDataType type, boolean max, long a, long b) {
        int order = type == UINT64 ? Long.compareUnsigned(a, b) : Long.compare(a, b);
        return (order >= 0) == max ? a : b;
    }

    /** An integer of a type given as bits, as an exact number. */
    private static MLNumber number(MLOperandDataType type, long bits) {
        return type == UINT64 ? MLNumber.ofUnsigned(bits) : MLNumber.of(bits);
    }

    static boolean isInteger(MLOperandDataType type) {
        return type != FLOAT32 && type != FLOAT16;
    }

    // ---- data-type coverage of what opSupportLimits claims ----

    @Test
    void claimsEverySpecDataTypeButNonFloatIsNaNAndIsInfinite() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        MLOpSupportLimits spec = MLOpSupportLimits.specification();
        for (String op : List.of("add", "sub", "mul", "div", "max", "min", "pow", "equal", "notEqual", "greater",
                "greaterOrEqual", "lesser", "lesserOrEqual", "logicalAnd", "logicalOr", "logicalXor", "logicalNot",
                "abs", "ceil", "cos", "erf", "exp", "floor", "identity", "log", "neg", "reciprocal", "roundEven", "sign",
                "sin", "sqrt", "tan", "cast", "clamp", "where")) {
            assertEquals(spec.operator(op).orElseThrow(), limits.operator(op).orElseThrow(), op);
        }
        for (String op : List.of("isNaN", "isInfinite")) {
            MLTensorLimits a = limits.operator(op).orElseThrow().get("a");
            assertEquals(Set.of(FLOAT32, FLOAT16), a.dataTypes(), op);
            assertEquals(new MLRankRange(0, MLGraphBuilder.MAX_RANK), a.rankRange(), op);
        }
    }

    @TestFactory
    Stream<DynamicTest> binaryOperatorsInEveryClaimedType() {
        double[] a = {6, 7, 12, 2};
        double[] b = {3, 2, 5, 4};
        List<DynamicTest> tests = new ArrayList<>();
        binary(tests, "add", MLGraphBuilder::add, a, b, Double::sum);
        binary(tests, "sub", MLGraphBuilder::sub, a, b, (x, y) -> x - y);
        binary(tests, "mul", MLGraphBuilder::mul, a, b, (x, y) -> x * y);
        binary(tests, "div", MLGraphBuilder::div, a, b, (x, y) -> x / y);
        binary(tests, "max", MLGraphBuilder::max, a, b, Math::max);
        binary(tests, "min", MLGraphBuilder::min, a, b, Math::min);
        binary(tests, "pow", MLGraphBuilder::pow, a, b, Math::pow);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> comparisonsInEveryClaimedType() {
        double[] a = {1, 2, 3};
        double[] b = {2, 2, 2};
        List<DynamicTest> tests = new ArrayList<>();
        comparison(tests, "equal", MLGraphBuilder::equal, a, b, new double[] {0, 1, 0});
        comparison(tests, "notEqual", MLGraphBuilder::notEqual, a, b, new double[] {1, 0, 1});
        comparison(tests, "greater", MLGraphBuilder::greater, a, b, new double[] {0, 0, 1});
        comparison(tests, "greaterOrEqual", MLGraphBuilder::greaterOrEqual, a, b, new double[] {0, 1, 1});
        comparison(tests, "lesser", MLGraphBuilder::lesser, a, b, new double[] {1, 0, 0});
        comparison(tests, "lesserOrEqual", MLGraphBuilder::lesserOrEqual, a, b, new double[] {1, 1, 0});
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> unaryOperatorsInEveryClaimedType() {
        double[] signed = {-3, 0, 5};
        double[] positive = {0.25, 1, 2.5};
        List<DynamicTest> tests = new ArrayList<>();
        unary(runner, tests, "abs", MLGraphBuilder::abs, signed, Math::abs);
        unary(runner, tests, "neg", MLGraphBuilder::neg, signed, x -> -x);
        unary(runner, tests, "sign", MLGraphBuilder::sign, signed, Math::signum);
        unary(runner, tests, "identity", MLGraphBuilder::identity, new double[] {0, 1, 100}, x -> x);
        unary(runner, tests, "ceil", MLGraphBuilder::ceil, new double[] {-1.5, 0.25, 2.5}, Math::ceil);
        unary(runner, tests, "floor", MLGraphBuilder::floor, new double[] {-1.5, 0.25, 2.5}, Math::floor);
        unary(runner, tests, "roundEven", MLGraphBuilder::roundEven, new double[] {-1.5, 0.5, 2.5}, Math::rint);
        unary(runner, tests, "cos", MLGraphBuilder::cos, signed, Math::cos);
        unary(runner, tests, "sin", MLGraphBuilder::sin, signed, Math::sin);
        unary(runner, tests, "tan", MLGraphBuilder::tan, new double[] {-1, 0, 0.5}, Math::tan);
        unary(runner, tests, "exp", MLGraphBuilder::exp, new double[] {-1, 0, 2}, Math::exp);
        unary(runner, tests, "log", MLGraphBuilder::log, positive, Math::log);
        unary(runner, tests, "sqrt", MLGraphBuilder::sqrt, positive, Math::sqrt);
        unary(runner, tests, "reciprocal", MLGraphBuilder::reciprocal, positive, x -> 1 / x);
        unary(runner, tests, "erf", MLGraphBuilder::erf, new double[] {-1, 0, 1}, x -> Math.signum(x) * 0.8427007929497149);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> castBetweenEveryPairOfClaimedTypes() {
        MLTensorLimits input = limits("cast", "input");
        MLTensorLimits output = limits("cast", "output");
        List<DynamicTest> tests = new ArrayList<>();
        for (MLOperandDataType from : input.dataTypes()) {
            for (MLOperandDataType to : output.dataTypes()) {
                double[] values = from.isPacked() || to.isPacked() ? new double[] {0, 1, 5, 7} : new double[] {0, 1, 5, 100};
                tests.add(dynamicTest(from + " to " + to, () -> assertArrayEquals(values,
                        runner.run((g, x) -> g.cast(x[0], to), vector(from, values)))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> clampWhereAndLogicalInEveryClaimedType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MLOperandDataType type : limits("clamp", "input").dataTypes()) {
            tests.add(dynamicTest("clamp " + type, () -> assertArrayEquals(new double[] {2, 3, 9, 9},
                    runner.run((g, x) -> g.clamp(x[0], MLClampOptions.defaults().withMinValue(2).withMaxValue(9)),
                            vector(type, 0, 3, 9, 100)))));
        }
        for (MLOperandDataType type : limits("where", "trueValue").dataTypes()) {
            tests.add(dynamicTest("where " + type, () -> assertArrayEquals(new double[] {4, 2, 3},
                    runner.run((g, x) -> g.where(x[0], x[1], x[2]), vector(UINT8, 0, 1, 2), vector(type, 1, 2, 3),
                            vector(type, 4, 5, 6)))));
        }
        for (MLOperandDataType type : limits("logicalAnd", "a").dataTypes()) {
            tests.add(dynamicTest("logicalAnd " + type, () -> assertArrayEquals(new double[] {0, 1},
                    runner.run((g, x) -> g.logicalAnd(x[0], x[1]), vector(type, 0, 1), vector(type, 1, 1)))));
        }
        return tests.stream();
    }

    private MLTensorLimits limits(String op, String role) {
        return runner.context().opSupportLimits().operator(op).orElseThrow().get(role);
    }

    private void binary(List<DynamicTest> tests, String op, Binary build, double[] a, double[] b, DoubleBinaryOperator reference) {
        for (MLOperandDataType type : limits(op, "a").dataTypes()) {
            double[] expected = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                expected[i] = representable(type, reference.applyAsDouble(a[i], b[i]));
            }
            tests.add(dynamicTest(op + " " + type, () -> assertArrayEquals(expected,
                    runner.run((g, x) -> build.apply(g, x[0], x[1]), vector(type, a), vector(type, b)),
                    tolerance(type, expected))));
        }
    }

    private void comparison(List<DynamicTest> tests, String op, Binary build, double[] a, double[] b, double[] expected) {
        for (MLOperandDataType type : limits(op, "a").dataTypes()) {
            tests.add(dynamicTest(op + " " + type, () -> assertArrayEquals(expected,
                    runner.run((g, x) -> build.apply(g, x[0], x[1]), vector(type, a), vector(type, b)))));
        }
    }

    /**
     * Adds a test of a one-input operator for every data type its input claims: the input made
     * representable in the type, the result against the reference rounded to it.
     */
    static void unary(GraphRunner runner, List<DynamicTest> tests, String op,
                      BiFunction<MLGraphBuilder, MLOperand, MLOperand> build, double[] input, DoubleUnaryOperator reference) {
        for (MLOperandDataType type : runner.context().opSupportLimits().operator(op).orElseThrow().get("input").dataTypes()) {
            double[] in = new double[input.length];
            double[] expected = new double[input.length];
            for (int i = 0; i < input.length; i++) {
                in[i] = representable(type, input[i]);
                expected[i] = representable(type, reference.applyAsDouble(in[i]));
            }
            tests.add(dynamicTest(op + " " + type, () -> assertArrayEquals(expected,
                    runner.run((g, x) -> build.apply(g, x[0]), vector(type, in)), tolerance(type, expected))));
        }
    }

    /** Two-operand builder method. */
    @FunctionalInterface
    interface Binary {
        MLOperand apply(MLGraphBuilder builder, MLOperand a, MLOperand b);
    }

    /**
     * The exact result in a data type: floats rounded, integers truncated toward zero and
     * wrapped to the type's width.
     */
    static double representable(MLOperandDataType type, double exact) {
        return switch (type) {
            case FLOAT32 -> (float) exact;
            case FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16((float) exact));
            default -> {
                BigInteger value = new java.math.BigDecimal(exact).toBigInteger();
                int bits = type.byteSize() * 8;
                BigInteger wrapped = value.mod(BigInteger.ONE.shiftLeft(bits));
                boolean signed = EnumSet.of(INT8, INT32, INT64).contains(type);
                if (signed && wrapped.testBit(bits - 1)) {
                    wrapped = wrapped.subtract(BigInteger.ONE.shiftLeft(bits));
                }
                yield wrapped.doubleValue();
            }
        };
    }

    /** Absolute tolerance for a result: a few ulps of the largest element for floats, none for integers. */
    static double tolerance(MLOperandDataType type, double[] expected) {
        double largest = 1;
        for (double v : expected) {
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return switch (type) {
            case FLOAT32 -> largest * 0x1p-20;
            case FLOAT16 -> largest * 0x1p-9;
            default -> 0;
        };
    }
}
