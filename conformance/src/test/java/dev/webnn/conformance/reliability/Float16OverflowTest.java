package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.spi.MLBackend;
import dev.webnn.testing.Ulp;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * float16 compositions whose intermediate values leave float16's range (above 65504) while
 * their results do not (softmax: exponentials of inputs above 11 overflow float16 unless the
 * largest input is subtracted first): every backend must accumulate where the result needs
 * it. Expected values are worked out in double from the float16-rounded inputs; the budgets
 * are WPT's. The normalisations run where a backend declares float16 for them (not on
 * xnnpack).
 */
class Float16OverflowTest {

    /**
     * One case: an operation on a float16 vector.
     *
     * @param name the operation, for messages and opSupportLimits (a backend that does not
     *     declare float16 for it does not get the case)
     * @param input the input values (rounded to float16 on the way in, and for the expected values)
     * @param op the graph
     * @param expected the exact result per output element
     * @param ulps WPT's budget
     */
    record Case(String name, double[] input, BiFunction<MLGraphBuilder, MLOperand, MLOperand> op,
                Function<double[], double[]> expected, long ulps) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static double sum(double[] x, java.util.function.DoubleUnaryOperator f) {
        double total = 0;
        for (double v : x) {
            total += f.applyAsDouble(v);
        }
        return total;
    }

    static List<Case> cases() {
        return List.of(
                new Case("reduceLogSum", new double[] {40000, 40000, 1}, MLGraphBuilder::reduceLogSum,
                        x -> new double[] {Math.log(sum(x, v -> v))}, 3 + 18),
                new Case("reduceL2", new double[] {300, 400, 500}, MLGraphBuilder::reduceL2,
                        x -> new double[] {Math.sqrt(sum(x, v -> v * v))}, 2 * 3 + 2),
                new Case("reduceSum", new double[] {60000, 60000, -60000, -59008}, MLGraphBuilder::reduceSum,
                        x -> new double[] {sum(x, v -> v)}, 4),
                new Case("reduceMean", new double[] {60000, 60000, 50000}, MLGraphBuilder::reduceMean,
                        x -> new double[] {sum(x, v -> v) / x.length}, 3 + 2),
                new Case("reduceL1", new double[] {60000, -60000, 1}, MLGraphBuilder::reduceL1,
                        x -> new double[] {Double.POSITIVE_INFINITY}, 3),
                new Case("reduceSumSquare", new double[] {255, 0.5}, MLGraphBuilder::reduceSumSquare,
                        x -> new double[] {sum(x, v -> v * v)}, 2 * 2),
                new Case("softmax", new double[] {12, 11, 0, -60000}, (b, x) -> b.softmax(x, 0),
                        x -> {
                            double total = sum(x, v -> Math.exp(v - 12));
                            return java.util.Arrays.stream(x).map(v -> Math.exp(v - 12) / total).toArray();
                        }, 3 * 4 + 3),
                new Case("layerNormalization", new double[] {60000, 60000, -60000, -60000},
                        (b, x) -> b.layerNormalization(b.reshape(x, 1, 4)), x -> new double[] {1, 1, -1, -1}, 2),
                new Case("instanceNormalization", new double[] {60000, 60000, -60000, -60000},
                        (b, x) -> b.instanceNormalization(b.reshape(x, 1, 1, 2, 2)), x -> new double[] {1, 1, -1, -1},
                        8400));
    }

    static Stream<Arguments> backendsAndCases() {
        List<Arguments> arguments = new ArrayList<>();
        for (MLBackend backend : ML.backends()) {
            if (backend.availability().available()) {
                try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend.name()))) {
                    cases().stream().filter(c -> declaresFloat16(context, c.name()))
                            .forEach(c -> arguments.add(Arguments.of(backend.name(), c)));
                }
            }
        }
        return arguments.stream();
    }

    private static boolean declaresFloat16(MLContext context, String operation) {
        return context.opSupportLimits().operator(operation).map(roles -> roles.get("input").dataTypes()
                .contains(MLOperandDataType.FLOAT16)).orElse(false);
    }

    @Test
    void everyBackendDeclaresFloat16ForTheReductionsAndSoftmax() {
        for (MLBackend backend : ML.backends()) {
            if (backend.availability().available()) {
                try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend.name()))) {
                    for (String operation : List.of("reduceLogSum", "reduceL2", "reduceSum", "reduceMean", "reduceL1",
                            "reduceSumSquare", "softmax")) {
                        assertTrue(declaresFloat16(context, operation), backend.name() + " declares float16 " + operation);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndCases")
    void resultsInRangeStayFinite(String backend, Case c) {
        MLOperandDescriptor descriptor = MLOperandDescriptor.of(MLOperandDataType.FLOAT16, c.input().length);
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend));
             Arena arena = Arena.ofConfined()) {
            MLGraphBuilder builder = new MLGraphBuilder(context);
            try (MLGraph graph = builder.build(Map.of("y", c.op().apply(builder, builder.input("x", descriptor))))) {
                MemorySegment x = arena.allocate(ValueLayout.JAVA_SHORT, c.input().length);
                for (int i = 0; i < c.input().length; i++) {
                    x.setAtIndex(ValueLayout.JAVA_SHORT, i, Float.floatToFloat16((float) c.input()[i]));
                }
                double[] rounded = java.util.Arrays.stream(c.input())
                        .map(v -> Float.float16ToFloat(Float.floatToFloat16((float) v))).toArray();
                double[] expected = c.expected().apply(rounded);
                MemorySegment y = arena.allocate(ValueLayout.JAVA_SHORT, expected.length);
                context.compute(graph, Map.of("x", x), Map.of("y", y));
                for (int i = 0; i < expected.length; i++) {
                    short want = Float.floatToFloat16((float) expected[i]);
                    short got = y.getAtIndex(ValueLayout.JAVA_SHORT, i);
                    long distance = Ulp.distanceFloat16(want, got);
                    int index = i;
                    assertTrue(distance <= c.ulps(), () -> backend + " " + c.name() + "[" + index + "]: expected "
                            + Float.float16ToFloat(want) + ", got " + Float.float16ToFloat(got) + " (" + distance
                            + " ULP, WPT allows " + c.ulps() + ")");
                }
                assertEquals(expected.length, y.byteSize() / 2);
            }
        }
    }
}
