package dev.webnn.conformance;

import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.WptCase.WptOperator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * WPT's accuracy budgets, as one table by operation name (rules of
 * {@code shared/conformance/README.md}, "Tolerances").
 *
 * <p>A budget is a number of ULPs (float32: distance of the signed 32-bit patterns;
 * float16: of the 16-bit patterns; integer types: absolute difference) or an absolute
 * tolerance (ATOL). Where the table gives a float16 value it applies to float16 outputs;
 * the other value applies to float32 and, as an absolute difference, to integer outputs
 * (cast: 0 for integer targets). For a graph of several operators the budgets add up and
 * the metric is the last operator's (as in WPT). The data type is that of the case's first
 * expected output, as in WPT.
 */
public final class Tolerance {

    /** How an element's error is measured. */
    public enum Metric {
        /** Units in the last place (integer types: absolute difference). */
        ULP,
        /** Absolute difference of the values. */
        ATOL
    }

    /**
     * An accuracy budget.
     *
     * @param metric how the error is measured
     * @param value the largest allowed error
     */
    public record Budget(Metric metric, double value) {

        /** {@return a readable form, e.g. "2 ULP" or "ATOL 0.0009765625"} */
        @Override
        public String toString() {
            return metric == Metric.ULP ? (long) value + " ULP" : "ATOL " + new java.math.BigDecimal(value).toPlainString();
        }
    }

    /**
     * What a rule sees of one operator.
     *
     * @param operator the WPT operator
     * @param dataType the data type the budget is for
     * @param shapes the shape of each operand of the graph, by name
     */
    public record OperatorView(WptOperator operator, MLOperandDataType dataType, Function<String, long[]> shapes) {

        /**
         * The shape of an operand argument, positional or option.
         *
         * @param argumentName e.g. {@code "input"}, {@code "filter"}, {@code "a"}
         * @return its shape
         * @throws IllegalArgumentException if the operator has no such operand argument
         */
        public long[] shape(String argumentName) {
            Object name = operator.argument(argumentName);
            if (!(name instanceof String)) {
                name = operator.option(argumentName);
            }
            long[] shape = name instanceof String operand ? shapes.apply(operand) : null;
            if (shape == null) {
                throw new IllegalArgumentException("the tolerance of " + operator.name() + " needs the shape of its '"
                        + argumentName + "' operand");
            }
            return shape;
        }

        /**
         * A string option or its default.
         *
         * @param key the option
         * @param defaultValue the spec default
         * @return the value
         */
        public String option(String key, String defaultValue) {
            return operator.option(key) instanceof String s ? s : defaultValue;
        }

        /**
         * A numeric option or its default.
         *
         * @param key the option
         * @param defaultValue the spec default
         * @return the value
         */
        public double option(String key, double defaultValue) {
            Object value = operator.option(key);
            return value instanceof Number ? WptData.decimal(value).doubleValue() : defaultValue;
        }

        /**
         * Whether a boolean option is true.
         *
         * @param key the option
         * @return the value, false when absent
         */
        public boolean flag(String key) {
            return Boolean.TRUE.equals(operator.option(key));
        }

        /**
         * An operand-valued option is given.
         *
         * @param key the option, e.g. {@code "c"}
         * @return true when present
         */
        public boolean hasOperand(String key) {
            return operator.option(key) instanceof String;
        }

        /**
         * The axes an integer-list option or argument gives, normalised to {@code [0, rank)}.
         *
         * @param value the JSON list, or {@code null}
         * @param rank the input rank
         * @return the axes, every axis when {@code value} is {@code null}
         */
        public int[] axes(Object value, int rank) {
            if (!(value instanceof List<?> list)) {
                return java.util.stream.IntStream.range(0, rank).toArray();
            }
            return list.stream().mapToInt(a -> Math.floorMod(WptData.toInteger(a).intValueExact(), Math.max(rank, 1)))
                    .toArray();
        }
    }

    /** One entry of the table. */
    @FunctionalInterface
    private interface Rule {
        Budget budget(OperatorView view);
    }

    private static final Map<String, Rule> TABLE = table();

    private Tolerance() {
    }

    /**
     * The budget of a case's whole graph: the case's own {@link WptCase#tolerance()} when the
     * WPT file gives one, else the sum of the table's budgets of its operators.
     *
     * @param wptCase the case
     * @param shapes the shape of each operand of the graph by name (inputs, constants and
     *     operator results)
     * @return the summed budget
     * @throws IllegalArgumentException if an operation has no rule
     */
    public static Budget forGraph(WptCase wptCase, Function<String, long[]> shapes) {
        if (wptCase.tolerance() != null) {
            return wptCase.tolerance();
        }
        MLOperandDataType dataType = wptCase.outputDataType();
        Metric metric = Metric.ULP;
        double value = 0;
        for (WptOperator operator : wptCase.operators()) {
            Budget budget = forOperator(operator, dataType, shapes);
            metric = budget.metric();
            value += budget.value();
        }
        return new Budget(metric, value);
    }

    /**
     * The budget of one operator.
     *
     * @param operator the operator
     * @param dataType the data type of the output compared
     * @param shapes the shape of each operand by name
     * @return its budget
     * @throws IllegalArgumentException if the operation has no rule
     */
    public static Budget forOperator(WptOperator operator, MLOperandDataType dataType, Function<String, long[]> shapes) {
        Rule rule = TABLE.get(operator.name());
        if (rule == null) {
            throw new IllegalArgumentException("no tolerance rule for operation " + operator.name());
        }
        return rule.budget(new OperatorView(operator, dataType, shapes));
    }

    /**
     * Whether the table has a rule for an operation.
     *
     * @param operation the spec name
     * @return true if known
     */
    public static boolean hasRule(String operation) {
        return TABLE.containsKey(operation);
    }

    private static Map<String, Rule> table() {
        Map<String, Rule> table = new HashMap<>();
        put(table, ulp(0, 0), "concat", "expand", "gather", "gatherElements", "gatherND", "identity", "pad", "reshape",
                "reverse", "scatterElements", "scatterND", "slice", "split", "tile", "transpose",
                "equal", "notEqual", "greater", "greaterOrEqual", "lesser", "lesserOrEqual",
                "logicalAnd", "logicalOr", "logicalXor", "logicalNot",
                "relu", "clamp", "max", "min", "maxPool2d", "reduceMax", "reduceMin", "abs", "neg", "ceil", "floor",
                "argMin", "argMax", "where", "isNaN", "isInfinite", "roundEven", "sign", "triangular");
        put(table, ulp(1, 1), "add", "sub", "mul", "prelu", "sqrt", "quantizeLinear", "dequantizeLinear", "lstm",
                "lstmCell");
        put(table, ulp(1, 2), "leakyRelu");
        put(table, ulp(2, 2), "div", "reciprocal", "hardSigmoid", "linear");
        put(table, ulp(3, 3), "softsign", "gru", "gruCell");
        put(table, ulp(4, 4), "hardSwish");
        put(table, ulp(6, 6), "batchNormalization");
        put(table, ulp(16, 16), "tanh");
        put(table, ulp(18, 18), "elu", "gelu", "softplus");
        put(table, ulp(32, 1), "exp");
        put(table, ulp(32, 2), "pow");
        put(table, ulp(34, 10), "sigmoid");
        put(table, ulp(840, 8400), "instanceNormalization");
        put(table, atol(1.0 / 1024, 1.0 / 512), "cos", "sin", "tan", "erf", "log", "layerNormalization");
        put(table, v -> ulpBudget(v.dataType().isFloatingPoint() ? 1 : 0), "cast");
        table.put("conv2d", convolution("oihw"));
        table.put("convTranspose2d", convolution("iohw"));
        table.put("gemm", Tolerance::gemm);
        table.put("matmul", v -> {
            long[] a = v.shape("a");
            return ulpBudget(2 * a[a.length - 1]);
        });
        put(table, Tolerance::averagingPool, "averagePool2d", "l2Pool2d");
        table.put("softmax", v -> {
            long[] input = v.shape("input");
            Object axis = v.operator().argument("axis");
            int index = axis == null ? input.length - 1 : Math.floorMod(WptData.toInteger(axis).intValueExact(), input.length);
            return ulpBudget(3 * input[index] + 3);
        });
        table.put("reduceSum", reduction(1, 0));
        table.put("reduceL1", reduction(1, 0));
        table.put("reduceProduct", reduction(1, 0));
        table.put("reduceMean", reduction(1, 2));
        table.put("reduceL2", reduction(2, 2));
        table.put("reduceLogSum", reduction(1, 18));
        table.put("reduceLogSumExp", reduction(2, 18));
        table.put("reduceSumSquare", reduction(2, 0));
        table.put("cumulativeSum", v -> {
            long[] input = v.shape("input");
            int axis = WptData.toInteger(v.operator().argument("axis")).intValueExact();
            return ulpBudget(v.dataType().isFloatingPoint() ? input[axis] - 1 : 0);
        });
        table.put("resample2d", v -> "linear".equals(v.option("mode", "nearest-neighbor")) ? ulp(84, 10).budget(v)
                : ulpBudget(0));
        return Map.copyOf(table);
    }

    private static void put(Map<String, Rule> table, Rule rule, String... operations) {
        for (String operation : operations) {
            if (table.put(operation, rule) != null) {
                throw new IllegalStateException("two tolerance rules for " + operation);
            }
        }
    }

    /** A fixed ULP budget, with its float16 variant. */
    private static Rule ulp(long float32AndIntegers, long float16) {
        return v -> ulpBudget(v.dataType() == MLOperandDataType.FLOAT16 ? float16 : float32AndIntegers);
    }

    /** A fixed absolute tolerance, with its float16 variant. */
    private static Rule atol(double float32, double float16) {
        return v -> new Budget(Metric.ATOL, v.dataType() == MLOperandDataType.FLOAT16 ? float16 : float32);
    }

    private static Budget ulpBudget(long ulps) {
        return new Budget(Metric.ULP, ulps);
    }

    /** kH·kW·(inputChannels/groups)·2 ULP, from the filter layout's h and w and the input layout's c. */
    private static Rule convolution(String defaultFilterLayout) {
        return v -> {
            long[] input = v.shape("input");
            long[] filter = v.shape("filter");
            String inputLayout = v.option("inputLayout", "nchw");
            String filterLayout = v.option("filterLayout", defaultFilterLayout);
            long channels = input[inputLayout.indexOf('c')];
            long groups = (long) v.option("groups", 1);
            long kernel = filter[filterLayout.indexOf('h')] * filter[filterLayout.indexOf('w')];
            return ulpBudget(kernel * (channels / groups) * 2);
        };
    }

    /** 2·K ULP, +1 if alpha ≠ 1; +1 if C is given and beta ≠ 0, and +1 more then if beta ≠ 1. */
    private static Budget gemm(OperatorView v) {
        long[] a = v.shape("a");
        long k = v.flag("aTranspose") ? a[0] : a[1];
        long ulps = 2 * k;
        if (v.option("alpha", 1.0) != 1.0) {
            ulps++;
        }
        double beta = v.option("beta", 1.0);
        if (v.hasOperand("c") && beta != 0.0) {
            ulps += beta != 1.0 ? 2 : 1;
        }
        return ulpBudget(ulps);
    }

    /** windowH·windowW + 2 ULP; the window defaults to the input's spatial size. */
    private static Budget averagingPool(OperatorView v) {
        Object window = v.operator().option("windowDimensions");
        if (window instanceof List<?> dimensions) {
            return ulpBudget(WptData.toInteger(dimensions.get(0)).longValueExact()
                    * WptData.toInteger(dimensions.get(1)).longValueExact() + 2);
        }
        long[] input = v.shape("input");
        int height = "nhwc".equals(v.option("layout", "nchw")) ? 1 : 2;
        return ulpBudget(input[height] * input[height + 1] + 2);
    }

    /** perElement·N + constant ULP, N = the number of input elements reduced into one. */
    private static Rule reduction(long perElement, long constant) {
        return v -> {
            long[] input = v.shape("input");
            long reduced = 1;
            for (int axis : v.axes(v.operator().option("axes"), input.length)) {
                reduced *= input[axis];
            }
            return ulpBudget(perElement * reduced + constant);
        };
    }
}
