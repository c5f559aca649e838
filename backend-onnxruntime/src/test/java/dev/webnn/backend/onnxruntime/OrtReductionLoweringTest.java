package dev.webnn.backend.onnxruntime;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static dev.webnn.MLOperandDataType.INT64;
import static dev.webnn.MLOperandDataType.INT8;
import static dev.webnn.MLOperandDataType.UINT32;
import static dev.webnn.MLOperandDataType.UINT64;
import static dev.webnn.MLOperandDataType.UINT8;
import static dev.webnn.backend.onnxruntime.GraphRunner.bits;
import static dev.webnn.backend.onnxruntime.GraphRunner.shape;
import static dev.webnn.backend.onnxruntime.GraphRunner.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webnn.MLArgMinMaxOptions;
import dev.webnn.MLCumulativeSumOptions;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLReduceOptions;
import dev.webnn.MLTensorLimits;
import dev.webnn.backend.onnxruntime.GraphRunner.Result;
import dev.webnn.backend.onnxruntime.GraphRunner.Values;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reductions, argMin/argMax and cumulativeSum computed by ONNX Runtime, against hand-computed values. */
class OrtReductionLoweringTest {

    /** The ten reductions with the builder method and a reference over the reduced values. */
    private enum Reduction {
        L1("reduceL1", v -> sum(v, Math::abs), v -> Math.abs(v)),
        L2("reduceL2", v -> Math.sqrt(sum(v, x -> x * x)), v -> Math.abs(v)),
        LOG_SUM("reduceLogSum", v -> Math.log(sum(v, x -> x)), Math::log),
        LOG_SUM_EXP("reduceLogSumExp", v -> Math.log(sum(v, Math::exp)), v -> v),
        MAX("reduceMax", v -> fold(v, Math::max), v -> v),
        MEAN("reduceMean", v -> sum(v, x -> x) / v.length, v -> v),
        MIN("reduceMin", v -> fold(v, Math::min), v -> v),
        PRODUCT("reduceProduct", v -> fold(v, (a, b) -> a * b), v -> v),
        SUM("reduceSum", v -> sum(v, x -> x), v -> v),
        SUM_SQUARE("reduceSumSquare", v -> sum(v, x -> x * x), v -> v * v);

        final String specName;
        final ToDoubleFunction<double[]> reference;
        final DoubleUnaryOperator single;

        Reduction(String specName, ToDoubleFunction<double[]> reference, DoubleUnaryOperator single) {
            this.specName = specName;
            this.reference = reference;
            this.single = single;
        }

        MLOperand apply(MLGraphBuilder b, MLOperand x, MLReduceOptions options) {
            return switch (this) {
                case L1 -> b.reduceL1(x, options);
                case L2 -> b.reduceL2(x, options);
                case LOG_SUM -> b.reduceLogSum(x, options);
                case LOG_SUM_EXP -> b.reduceLogSumExp(x, options);
                case MAX -> b.reduceMax(x, options);
                case MEAN -> b.reduceMean(x, options);
                case MIN -> b.reduceMin(x, options);
                case PRODUCT -> b.reduceProduct(x, options);
                case SUM -> b.reduceSum(x, options);
                case SUM_SQUARE -> b.reduceSumSquare(x, options);
            };
        }

        private static double sum(double[] values, DoubleUnaryOperator f) {
            double s = 0;
            for (double v : values) {
                s += f.applyAsDouble(v);
            }
            return s;
        }

        private static double fold(double[] values, DoubleBinaryOperator f) {
            double r = values[0];
            for (int i = 1; i < values.length; i++) {
                r = f.applyAsDouble(r, values[i]);
            }
            return r;
        }
    }

    private final GraphRunner runner = new GraphRunner();

    @AfterEach
    void close() {
        runner.close();
    }

    private Result reduce(Reduction reduction, MLReduceOptions options, Values x) {
        return runner.result((g, o) -> reduction.apply(g, o[0], options), x);
    }

    @Test
    void reductionsAlongTheLastAxisMatchHandComputedValues() {
        // x = [[1, 2, 3], [4, 5, 6]] reduced along axis 1.
        Map<Reduction, double[]> expected = Map.of(
                Reduction.L1, new double[] {6, 15},
                Reduction.L2, new double[] {Math.sqrt(14), Math.sqrt(77)},
                Reduction.LOG_SUM, new double[] {Math.log(6), Math.log(15)},
                Reduction.LOG_SUM_EXP, new double[] {3.40760596444438, 6.40760596444438},
                Reduction.MAX, new double[] {3, 6},
                Reduction.MEAN, new double[] {2, 5},
                Reduction.MIN, new double[] {1, 4},
                Reduction.PRODUCT, new double[] {6, 120},
                Reduction.SUM, new double[] {6, 15},
                Reduction.SUM_SQUARE, new double[] {14, 77});
        for (Reduction reduction : Reduction.values()) {
            for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
                Result y = reduce(reduction, MLReduceOptions.defaults().withAxes(1),
                        tensor(type, shape(2, 3), 1, 2, 3, 4, 5, 6));
                assertArrayEquals(shape(2), y.shape(), reduction.specName);
                assertClose(expected.get(reduction), y.values(), type, reduction.specName);
            }
        }
    }

    @Test
    void negativeValuesKeepDimensionsAndSeveralAxes() {
        double[] x = {1, -2, 3, -4, 5, -6, 0.5, 2, -1.5, 3, -0.25, 1};
        for (Reduction reduction : Reduction.values()) {
            double[] values = reduction == Reduction.LOG_SUM ? abs(x) : x;
            // shape [2, 3, 2], axes [0, 2] kept: [1, 3, 1]
            Result y = reduce(reduction, MLReduceOptions.defaults().withAxes(2, 0).withKeepDimensions(true),
                    tensor(FLOAT32, shape(2, 3, 2), values));
            assertArrayEquals(shape(1, 3, 1), y.shape(), reduction.specName);
            double[] expected = new double[3];
            for (int j = 0; j < 3; j++) {
                expected[j] = reduction.reference.applyAsDouble(new double[] {
                        values[j * 2], values[j * 2 + 1], values[6 + j * 2], values[6 + j * 2 + 1]});
            }
            assertClose(expected, y.values(), FLOAT32, reduction.specName);
            // every axis (the default): a scalar
            Result all = reduce(reduction, MLReduceOptions.defaults(), tensor(FLOAT32, shape(2, 3, 2), values));
            assertArrayEquals(shape(), all.shape(), reduction.specName);
            assertClose(new double[] {reduction.reference.applyAsDouble(values)}, all.values(), FLOAT32, reduction.specName + " all");
        }
        assertArrayEquals(new double[] {0.5, -6}, reduce(Reduction.MIN, MLReduceOptions.defaults().withAxes(1),
                tensor(FLOAT32, shape(2, 3), 1, 0.5, 3, -6, 5, 4)).values());
    }

    @Test
    void emptyAxesApplyTheReductionToEachValue() {
        // WebNN: no axis reduced, the function applies to each value alone (L1 of -3 is 3).
        for (Reduction reduction : Reduction.values()) {
            double[] x = reduction == Reduction.LOG_SUM ? new double[] {2, 0.5, 8} : new double[] {-3, 0.5, 2};
            for (MLOperandDataType type : new MLOperandDataType[] {FLOAT32, FLOAT16}) {
                Result y = reduce(reduction, MLReduceOptions.defaults().withAxes(), tensor(type, shape(3), x));
                assertArrayEquals(shape(3), y.shape());
                double[] expected = Arrays.stream(x).map(reduction.single).toArray();
                assertClose(expected, y.values(), type, reduction.specName);
                // a scalar input has no axis to reduce
                Result scalar = reduce(reduction, MLReduceOptions.defaults(), tensor(type, shape(), x[0]));
                assertArrayEquals(shape(), scalar.shape());
                assertClose(new double[] {expected[0]}, scalar.values(), type, reduction.specName + " scalar");
            }
        }
        // with integers: squares, absolute values and the values themselves
        assertArrayEquals(new long[] {9, 4}, reduce(Reduction.SUM_SQUARE, MLReduceOptions.defaults().withAxes(),
                tensor(INT32, shape(2), -3, 2)).bits());
        assertArrayEquals(new long[] {0xFFFF_FFFEL}, reduce(Reduction.L1, MLReduceOptions.defaults(),
                bits(UINT32, shape(), 0xFFFF_FFFEL)).bits());
        assertArrayEquals(new long[] {1}, reduce(Reduction.SUM_SQUARE, MLReduceOptions.defaults().withAxes(),
                bits(UINT64, shape(1), -1L)).bits(), "(2^64 - 1)^2 = 1 modulo 2^64");
        assertArrayEquals(new long[] {-1L}, reduce(Reduction.L1, MLReduceOptions.defaults(),
                bits(UINT64, shape(), -1L)).bits());
    }

    @Test
    void unsignedReductionsWrapAndCompareUnsigned() {
        MLReduceOptions axis0 = MLReduceOptions.defaults().withAxes(0);
        assertArrayEquals(new long[] {1}, reduce(Reduction.SUM, axis0, bits(UINT32, shape(2), 0xFFFF_FFFFL, 2)).bits());
        assertArrayEquals(new long[] {1}, reduce(Reduction.L1, axis0, bits(UINT32, shape(2), 0xFFFF_FFFFL, 2)).bits());
        assertArrayEquals(new long[] {65536}, reduce(Reduction.PRODUCT, axis0, bits(UINT32, shape(2), 65536, 65537)).bits());
        assertArrayEquals(new long[] {0xFFFF_FFFFL}, reduce(Reduction.MAX, axis0, bits(UINT32, shape(3), 7, 0xFFFF_FFFFL, 1)).bits());
        assertArrayEquals(new long[] {1}, reduce(Reduction.MIN, axis0, bits(UINT32, shape(3), 7, 0xFFFF_FFFFL, 1)).bits());
        assertArrayEquals(new long[] {2}, reduce(Reduction.SUM_SQUARE, axis0, bits(UINT32, shape(2), 0xFFFF_FFFFL, 1)).bits());
        // uint64: 2^64 - 1 + 2 wraps to 1; 2^63 + 1 is larger than 5; L1 of huge values is their sum
        assertArrayEquals(new long[] {1}, reduce(Reduction.SUM, axis0, bits(UINT64, shape(2), -1L, 2)).bits());
        assertArrayEquals(new long[] {1}, reduce(Reduction.L1, axis0, bits(UINT64, shape(2), -1L, 2)).bits());
        assertArrayEquals(new long[] {Long.MIN_VALUE + 1}, reduce(Reduction.MAX, axis0,
                bits(UINT64, shape(3), 5, Long.MIN_VALUE + 1, 0)).bits());
        assertArrayEquals(new long[] {3}, reduce(Reduction.MIN, axis0, bits(UINT64, shape(3), -1L, 3, Long.MIN_VALUE)).bits());
        assertArrayEquals(new long[] {-2L}, reduce(Reduction.PRODUCT, axis0, bits(UINT64, shape(2), -1L, 2)).bits());
        assertArrayEquals(new long[] {2}, reduce(Reduction.SUM_SQUARE, axis0, bits(UINT64, shape(2), -1L, 1)).bits());
        // signed integers
        assertArrayEquals(new long[] {-7, 2}, reduce(Reduction.MIN, MLReduceOptions.defaults().withAxes(1),
                tensor(INT8, shape(2, 2), -7, 3, 9, 2)).bits());
        assertArrayEquals(new long[] {200}, reduce(Reduction.MAX, axis0, tensor(UINT8, shape(2), 200, 100)).bits());
        assertArrayEquals(new long[] {Long.MIN_VALUE}, reduce(Reduction.MIN, axis0,
                bits(INT64, shape(2), Long.MIN_VALUE, Long.MAX_VALUE)).bits());
        assertArrayEquals(new long[] {12}, reduce(Reduction.L1, axis0, tensor(INT32, shape(3), -5, 3, -4)).bits());
    }

    @Test
    void int64OrderBeyondTheInt32Range() {
        // Checked because ONNX Runtime's int64 Max, Min and Clip kernels misorder such values;
        // ReduceMax, ReduceMin, ArgMax and ArgMin order them right.
        Values x = tensor(INT64, shape(2, 3), 4e9, 2, -4e9, -1, -4e9, 0x1p31);
        MLReduceOptions axis1 = MLReduceOptions.defaults().withAxes(1);
        assertArrayEquals(new long[] {4_000_000_000L, 0x8000_0000L}, reduce(Reduction.MAX, axis1, x).bits());
        assertArrayEquals(new long[] {-4_000_000_000L, -4_000_000_000L}, reduce(Reduction.MIN, axis1, x).bits());
        assertArrayEquals(new long[] {0, 2}, runner.result((g, o) -> g.argMax(o[0], 1), x).bits());
        assertArrayEquals(new long[] {2, 1}, runner.result((g, o) -> g.argMin(o[0], 1), x).bits());
    }

    @Test
    void argMinAndArgMaxReturnTheFirstIndexOfTheExtremum() {
        Values x = tensor(FLOAT32, shape(2, 4), 3, 9, 1, 9, -2, -2, 5, 0);
        Result max = runner.result((g, o) -> g.argMax(o[0], 1), x);
        assertEquals(INT32, max.descriptor().dataType());
        assertArrayEquals(shape(2), max.shape());
        assertArrayEquals(new long[] {1, 2}, max.bits());
        Result min = runner.result((g, o) -> g.argMin(o[0], 1,
                MLArgMinMaxOptions.defaults().withKeepDimensions(true).withOutputDataType(INT64)), x);
        assertEquals(INT64, min.descriptor().dataType());
        assertArrayEquals(shape(2, 1), min.shape());
        assertArrayEquals(new long[] {2, 0}, min.bits());
        assertArrayEquals(new long[] {0, 0, 1, 0}, runner.result((g, o) -> g.argMax(o[0], 0), x).bits());
        // unsigned order
        assertArrayEquals(new long[] {1}, runner.result((g, o) -> g.argMax(o[0], 0),
                bits(UINT64, shape(3), 5, Long.MIN_VALUE, -2L >>> 1)).bits());
        assertArrayEquals(new long[] {2}, runner.result((g, o) -> g.argMin(o[0], 0),
                bits(UINT64, shape(3), -1L, Long.MIN_VALUE, 7)).bits());
        assertArrayEquals(new long[] {0}, runner.result((g, o) -> g.argMax(o[0], 0),
                bits(UINT32, shape(2), 0xFFFF_FFFFL, 1)).bits());
    }

    @Test
    void cumulativeSumInclusiveExclusiveAndReversed() {
        Values x = tensor(FLOAT32, shape(4), 1, 2, 3, 4);
        assertArrayEquals(new double[] {1, 3, 6, 10}, cumulativeSum(x, 0, false, false).values());
        assertArrayEquals(new double[] {0, 1, 3, 6}, cumulativeSum(x, 0, true, false).values());
        assertArrayEquals(new double[] {10, 9, 7, 4}, cumulativeSum(x, 0, false, true).values());
        assertArrayEquals(new double[] {9, 7, 4, 0}, cumulativeSum(x, 0, true, true).values());
        Values matrix = tensor(FLOAT16, shape(2, 3), 1, 2, 3, 4, 5, 6);
        assertArrayEquals(new double[] {1, 2, 3, 5, 7, 9}, cumulativeSum(matrix, 0, false, false).values());
        assertArrayEquals(new double[] {1, 3, 6, 4, 9, 15}, cumulativeSum(matrix, 1, false, false).values());
        assertArrayEquals(new long[] {0, 0xFFFF_FFFFL, 0}, cumulativeSum(bits(UINT32, shape(3), 0xFFFF_FFFFL, 1, 0), 0,
                true, false).bits());
        assertArrayEquals(new long[] {1, 0, 1}, cumulativeSum(bits(UINT64, shape(3), 1, -1L, 1), 0, false, false).bits());
        assertArrayEquals(new long[] {5, 3, 0}, cumulativeSum(tensor(INT64, shape(3), 2, 2, 3), 0, true, true).bits());
        assertArrayEquals(new long[] {2, 0, -3}, cumulativeSum(tensor(INT32, shape(3), 2, 3, -3), 0, false, true).bits());
    }

    private Result cumulativeSum(Values x, long axis, boolean exclusive, boolean reversed) {
        return runner.result((g, o) -> g.cumulativeSum(o[0], axis,
                MLCumulativeSumOptions.defaults().withExclusive(exclusive).withReversed(reversed)), x);
    }

    @Test
    void everyClaimedDataTypeRuns() {
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        double[] x = {1, 2, 3, 4, 5, 6};
        for (Reduction reduction : Reduction.values()) {
            for (MLOperandDataType type : inputTypes(limits, reduction.specName)) {
                Result y = reduce(reduction, MLReduceOptions.defaults().withAxes(0), tensor(type, shape(2, 3), x));
                double[] expected = new double[3];
                for (int j = 0; j < 3; j++) {
                    expected[j] = reduction.reference.applyAsDouble(new double[] {x[j], x[3 + j]});
                }
                assertClose(expected, y.values(), type, reduction.specName);
            }
        }
        for (String op : new String[] {"argMin", "argMax"}) {
            for (MLOperandDataType type : inputTypes(limits, op)) {
                for (MLOperandDataType indexType : limits.operator(op).orElseThrow().get("output").dataTypes()) {
                    MLArgMinMaxOptions options = MLArgMinMaxOptions.defaults().withOutputDataType(indexType);
                    Result y = runner.result((g, o) -> op.equals("argMin") ? g.argMin(o[0], 1, options)
                            : g.argMax(o[0], 1, options), tensor(type, shape(2, 3), 3, 1, 2, 4, 6, 5));
                    assertArrayEquals(op.equals("argMin") ? new long[] {1, 0} : new long[] {0, 1}, y.bits(), op + " " + type);
                }
            }
        }
        for (MLOperandDataType type : inputTypes(limits, "cumulativeSum")) {
            assertArrayEquals(new double[] {1, 2, 3, 5, 7, 9},
                    cumulativeSum(tensor(type, shape(2, 3), x), 0, false, false).values(), "cumulativeSum " + type);
        }
    }

    @Test
    void limitsAreTheSpecificationsForThisFamily() {
        MLOpSupportLimits spec = MLOpSupportLimits.specification();
        MLOpSupportLimits limits = runner.context().opSupportLimits();
        for (String op : new String[] {"reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax", "reduceMean",
                "reduceMin", "reduceProduct", "reduceSum", "reduceSumSquare", "argMin", "argMax", "cumulativeSum"}) {
            assertEquals(spec.operator(op), limits.operator(op), op);
        }
    }

    private static Iterable<MLOperandDataType> inputTypes(MLOpSupportLimits limits, String op) {
        MLTensorLimits input = limits.operator(op).orElseThrow().get("input");
        return input.dataTypes();
    }

    /** Equal within a relative error of 1e-5 for float32 and 2e-3 for float16, exactly for integers. */
    static void assertClose(double[] expected, double[] actual, MLOperandDataType type, String message) {
        double tolerance = switch (type) {
            case FLOAT32 -> 1e-5;
            case FLOAT16 -> 2e-3;
            default -> 0;
        };
        assertEquals(expected.length, actual.length, message);
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]);
            if (!(error <= tolerance * Math.max(1, Math.abs(expected[i])))) {
                throw new AssertionError(message + " " + type + ": expected " + Arrays.toString(expected) + " but was "
                        + Arrays.toString(actual));
            }
        }
    }

    private static double[] abs(double[] values) {
        return Arrays.stream(values).map(Math::abs).toArray();
    }
}
