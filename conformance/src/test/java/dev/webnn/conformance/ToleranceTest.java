package dev.webnn.conformance;

import static dev.webnn.MLOperandDataType.FLOAT16;
import static dev.webnn.MLOperandDataType.FLOAT32;
import static dev.webnn.MLOperandDataType.INT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.Tolerance.Budget;
import dev.webnn.conformance.Tolerance.Metric;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The WPT tolerance table and its shape-dependent formulas. */
class ToleranceTest {

    /** Operand shapes the operators below refer to. */
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    private long ulps(String op, MLOperandDataType type, Map<String, Object> options, Object... positional) {
        Budget budget = budget(op, type, options, positional);
        assertEquals(Metric.ULP, budget.metric());
        return (long) budget.value();
    }

    private Budget budget(String op, MLOperandDataType type, Map<String, Object> options, Object... positional) {
        return Tolerance.forOperator(operator(op, options, positional), type, shapes::get);
    }

    /** An operator from alternating argument names and values, plus options (or null). */
    private static WptOperator operator(String op, Map<String, Object> options, Object... positional) {
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < positional.length; i += 2) {
            arguments.add(new Argument((String) positional[i], positional[i + 1]));
        }
        if (options != null) {
            arguments.add(new Argument(WptOperator.OPTIONS, options));
        }
        return new WptOperator(op, arguments, List.of("out"));
    }

    private static List<Object> ints(long... values) {
        List<Object> list = new ArrayList<>();
        for (long value : values) {
            list.add(BigInteger.valueOf(value));
        }
        return list;
    }

    @Test
    void fixedBudgetsWithTheirFloat16Variants() {
        shapes.put("x", new long[] {2});
        assertEquals(0, ulps("relu", FLOAT32, null, "input", "x"));
        assertEquals(1, ulps("add", FLOAT32, null, "a", "x", "b", "x"));
        assertEquals(1, ulps("add", FLOAT16, null, "a", "x", "b", "x"));
        assertEquals(1, ulps("add", INT32, null, "a", "x", "b", "x"), "integers use the float32 value");
        assertEquals(1, ulps("leakyRelu", FLOAT32, null, "input", "x"));
        assertEquals(2, ulps("leakyRelu", FLOAT16, null, "input", "x"));
        assertEquals(2, ulps("div", FLOAT32, null, "a", "x", "b", "x"));
        assertEquals(32, ulps("exp", FLOAT32, null, "input", "x"));
        assertEquals(1, ulps("exp", FLOAT16, null, "input", "x"));
        assertEquals(2, ulps("pow", FLOAT16, null, "a", "x", "b", "x"));
        assertEquals(34, ulps("sigmoid", FLOAT32, null, "input", "x"));
        assertEquals(10, ulps("sigmoid", FLOAT16, null, "input", "x"));
        assertEquals(8400, ulps("instanceNormalization", FLOAT16, null, "input", "x"));
        assertEquals(18, ulps("gelu", FLOAT32, null, "input", "x"));
    }

    @Test
    void absoluteToleranceOperations() {
        shapes.put("x", new long[] {2});
        assertEquals(new Budget(Metric.ATOL, 1.0 / 1024), budget("log", FLOAT32, null, "input", "x"));
        assertEquals(new Budget(Metric.ATOL, 1.0 / 512), budget("layerNormalization", FLOAT16, null, "input", "x"));
        assertEquals("ATOL 0.0009765625", budget("sin", FLOAT32, null, "input", "x").toString());
    }

    @Test
    void castIsExactForIntegerTargets() {
        shapes.put("x", new long[] {2});
        assertEquals(0, ulps("cast", INT32, null, "input", "x", "type", "int32"));
        assertEquals(1, ulps("cast", FLOAT16, null, "input", "x", "type", "float16"));
        assertEquals(1, ulps("cast", FLOAT32, null, "input", "x", "type", "float32"));
    }

    @Test
    void conv2dIsKernelSizeTimesChannelsPerGroupTimesTwo() {
        shapes.put("x", new long[] {1, 4, 5, 5});
        shapes.put("w", new long[] {2, 2, 3, 3});
        assertEquals(3 * 3 * 4 * 2, ulps("conv2d", FLOAT32, null, "input", "x", "filter", "w"));
        assertEquals(3 * 3 * 2 * 2, ulps("conv2d", FLOAT32, Map.of("groups", BigInteger.TWO), "input", "x", "filter", "w"));

        shapes.put("nhwc", new long[] {1, 5, 5, 4});
        shapes.put("hwio", new long[] {3, 2, 4, 8});
        assertEquals(3 * 2 * 4 * 2, ulps("conv2d", FLOAT16, Map.of("inputLayout", "nhwc", "filterLayout", "hwio"),
                "input", "nhwc", "filter", "hwio"));
        shapes.put("ohwi", new long[] {8, 3, 2, 4});
        assertEquals(3 * 2 * 4 * 2, ulps("conv2d", FLOAT32, Map.of("filterLayout", "ohwi"), "input", "x", "filter", "ohwi"));
    }

    @Test
    void convTranspose2dDefaultsToTheIohwFilterLayout() {
        shapes.put("x", new long[] {1, 3, 4, 4});
        shapes.put("w", new long[] {3, 2, 5, 7});
        assertEquals(5 * 7 * 3 * 2, ulps("convTranspose2d", FLOAT32, null, "input", "x", "filter", "w"));
        shapes.put("ohwi", new long[] {2, 5, 7, 3});
        assertEquals(5 * 7 * 3 * 2, ulps("convTranspose2d", FLOAT32, Map.of("filterLayout", "ohwi"),
                "input", "x", "filter", "ohwi"));
    }

    @Test
    void gemmCountsKAlphaAndBeta() {
        shapes.put("a", new long[] {3, 4});
        shapes.put("b", new long[] {4, 5});
        shapes.put("c", new long[] {5});
        assertEquals(8, ulps("gemm", FLOAT32, null, "a", "a", "b", "b"));
        assertEquals(6, ulps("gemm", FLOAT32, Map.of("aTranspose", true), "a", "a", "b", "b"));
        assertEquals(9, ulps("gemm", FLOAT32, Map.of("alpha", new BigDecimal("2.5")), "a", "a", "b", "b"));
        assertEquals(8, ulps("gemm", FLOAT32, Map.of("alpha", new BigDecimal("1.0")), "a", "a", "b", "b"));
        assertEquals(9, ulps("gemm", FLOAT32, Map.of("c", "c"), "a", "a", "b", "b"), "C with the default beta 1");
        assertEquals(10, ulps("gemm", FLOAT32, Map.of("c", "c", "beta", new BigDecimal("0.5")), "a", "a", "b", "b"));
        assertEquals(8, ulps("gemm", FLOAT32, Map.of("c", "c", "beta", BigInteger.ZERO), "a", "a", "b", "b"));
        assertEquals(8, ulps("gemm", FLOAT32, Map.of("beta", new BigDecimal("0.5")), "a", "a", "b", "b"), "no C: beta unused");
        assertEquals(11, ulps("gemm", FLOAT32, Map.of("c", "c", "beta", BigInteger.TWO, "alpha", BigInteger.TWO),
                "a", "a", "b", "b"));
    }

    @Test
    void matmulIsTwiceTheLastDimensionOfA() {
        shapes.put("a", new long[] {2, 3, 4});
        shapes.put("b", new long[] {2, 4, 5});
        assertEquals(8, ulps("matmul", FLOAT32, null, "a", "a", "b", "b"));
    }

    @Test
    void averagingPoolsUseTheWindowOrTheSpatialSize() {
        shapes.put("x", new long[] {1, 2, 5, 7});
        shapes.put("nhwc", new long[] {1, 5, 7, 2});
        assertEquals(5 * 7 + 2, ulps("averagePool2d", FLOAT32, null, "input", "x"));
        assertEquals(5 * 7 + 2, ulps("averagePool2d", FLOAT32, Map.of("layout", "nhwc"), "input", "nhwc"));
        assertEquals(3 * 2 + 2, ulps("l2Pool2d", FLOAT32, Map.of("windowDimensions", ints(3, 2)), "input", "x"));
        assertEquals(0, ulps("maxPool2d", FLOAT32, null, "input", "x"));
    }

    @Test
    void softmaxIsThreeTimesTheAxisPlusThree() {
        shapes.put("x", new long[] {3, 5});
        assertEquals(18, ulps("softmax", FLOAT32, null, "input", "x", "axis", BigInteger.ONE));
        assertEquals(18, ulps("softmax", FLOAT32, null, "input", "x", "axis", BigInteger.valueOf(-1)));
        assertEquals(12, ulps("softmax", FLOAT32, null, "input", "x", "axis", BigInteger.ZERO));
        assertEquals(18, ulps("softmax", FLOAT32, null, "input", "x"), "no axis: the last one");
    }

    @Test
    void reductionsCountTheReducedElements() {
        shapes.put("x", new long[] {2, 3, 4});
        assertEquals(24, ulps("reduceSum", FLOAT32, null, "input", "x"));
        assertEquals(3, ulps("reduceSum", FLOAT32, Map.of("axes", ints(1)), "input", "x"));
        assertEquals(1, ulps("reduceL1", FLOAT32, Map.of("axes", ints()), "input", "x"), "empty axes reduce nothing");
        assertEquals(8 + 2, ulps("reduceMean", FLOAT32, Map.of("axes", ints(0, 2), "keepDimensions", true), "input", "x"));
        assertEquals(4, ulps("reduceProduct", FLOAT32, Map.of("axes", ints(-1)), "input", "x"));
        assertEquals(2 * 24 + 2, ulps("reduceL2", FLOAT32, null, "input", "x"));
        assertEquals(24 + 18, ulps("reduceLogSum", FLOAT16, null, "input", "x"));
        assertEquals(2 * 24 + 18, ulps("reduceLogSumExp", FLOAT32, null, "input", "x"));
        assertEquals(2 * 24, ulps("reduceSumSquare", FLOAT32, null, "input", "x"));
        assertEquals(0, ulps("reduceMax", FLOAT32, null, "input", "x"));
        shapes.put("scalar", new long[0]);
        assertEquals(1 + 2, ulps("reduceMean", FLOAT32, null, "input", "scalar"), "a scalar reduces one element");
    }

    @Test
    void resample2dIsExactForNearestNeighbor() {
        shapes.put("x", new long[] {1, 1, 2, 2});
        assertEquals(0, ulps("resample2d", FLOAT32, null, "input", "x"));
        assertEquals(84, ulps("resample2d", FLOAT32, Map.of("mode", "linear"), "input", "x"));
        assertEquals(10, ulps("resample2d", FLOAT16, Map.of("mode", "linear"), "input", "x"));
    }

    @Test
    void budgetsAddUpOverTheGraph() {
        WptTensor x = new WptTensor("x", FLOAT32, new long[] {2, 3}, List.of(BigInteger.ONE), true, false);
        WptTensor out = new WptTensor("out", FLOAT32, new long[] {2}, List.of(BigInteger.ONE), true, false);
        WptCase graph = new WptCase("t.json", "add", "chain", Map.of("x", x),
                List.of(new WptOperator("add", List.of(new Argument("a", "x"), new Argument("b", "x")), List.of("s")),
                        new WptOperator("reduceSum", List.of(new Argument("input", "s"),
                                new Argument(WptOperator.OPTIONS, Map.of("axes", ints(1)))), List.of("out"))),
                Map.of("out", out), null);
        Map<String, long[]> graphShapes = Map.of("x", new long[] {2, 3}, "s", new long[] {2, 3}, "out", new long[] {2});
        assertEquals(new Budget(Metric.ULP, 1 + 3), Tolerance.forGraph(graph, graphShapes::get));
    }

    @Test
    void missingRulesAndShapesAreReported() {
        shapes.put("x", new long[] {2});
        IllegalArgumentException noRule = assertThrows(IllegalArgumentException.class,
                () -> ulps("fooBar", FLOAT32, null, "input", "x"));
        assertEquals("no tolerance rule for operation fooBar", noRule.getMessage());
        IllegalArgumentException noShape = assertThrows(IllegalArgumentException.class,
                () -> ulps("matmul", FLOAT32, null, "a", "unknown", "b", "x"));
        assertEquals("the tolerance of matmul needs the shape of its 'a' operand", noShape.getMessage());
    }

    @Test
    void everyOperationOfTheSpecHasARule() throws java.io.IOException {
        Optional<Path> ops = WptCaseLoader.folder().map(f -> f.getParent().getParent().resolve(Path.of("spec", "ops.txt")))
                .filter(Files::isRegularFile);
        Assumptions.assumeTrue(ops.isPresent(), "spec/ops.txt not found (set -Dwebnn.shared)");
        List<String> operations = Files.readAllLines(ops.get()).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(95, operations.size());
        assertEquals(List.of(), operations.stream().filter(op -> !Tolerance.hasRule(op)).toList());
    }

    @Test
    void cumulativeSumAllowsOneUlpPerAdditionAlongTheAxis() {
        shapes.put("x", new long[] {2, 5});
        assertEquals(4, ulps("cumulativeSum", FLOAT32, null, "input", "x", "axis", BigInteger.ONE));
        assertEquals(1, ulps("cumulativeSum", FLOAT16, null, "input", "x", "axis", BigInteger.ZERO));
        assertEquals(0, ulps("cumulativeSum", INT32, null, "input", "x", "axis", BigInteger.ONE));
        assertEquals(0, ulps("isNaN", FLOAT32, null, "input", "x"));
        assertEquals(3, ulps("gru", FLOAT32, null, "input", "x"));
        assertEquals(1, ulps("dequantizeLinear", FLOAT32, null, "input", "x"));
    }

    @Test
    void aCasesOwnToleranceOverridesTheTable() {
        WptTensor x = new WptTensor("x", FLOAT32, new long[] {2}, List.of(BigInteger.ONE), true, false);
        Budget own = new Budget(Metric.ATOL, 0.0078125);
        WptCase c = new WptCase("t.json", "cos", "own", Map.of("x", x),
                List.of(new WptOperator("cos", List.of(new Argument("input", "x")), List.of("x"))), Map.of("x", x), null, own);
        assertEquals(own, Tolerance.forGraph(c, n -> new long[] {2}));
    }
}
