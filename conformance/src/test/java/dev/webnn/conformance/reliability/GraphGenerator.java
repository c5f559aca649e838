package dev.webnn.conformance.reliability;

import dev.webnn.MLContext;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.MLTensorLimits;
import dev.webnn.conformance.ArgumentConverter;
import dev.webnn.conformance.BuilderInvoker;
import dev.webnn.conformance.SupportCheck;
import dev.webnn.conformance.WptCase;
import dev.webnn.conformance.WptCase.Argument;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Seeded generator of random valid WebNN graphs, written as {@link WptCase}s so that the
 * conformance machinery ({@code GraphFromCase}, {@code SupportCheck}, {@code Tolerance})
 * builds, checks and judges them.
 *
 * <p>A graph is {@link Settings#ops()} operator nodes. Node {@code i} draws from its own
 * random stream derived from the seed and {@code i}, so the first {@code k} nodes of a seed
 * are the same whatever the node count: a failing graph shrinks by keeping a prefix and by
 * lowering {@link Settings#maxDim()}. Each node picks an operator that every given backend
 * lists in {@code opSupportLimits()}, a data type they all allow, and operands: an earlier
 * result (the graph becomes a chain or a DAG) or a new graph input or constant with a random
 * shape, including broadcastable ones. Shapes come from the library's own shape inference
 * (the operator is added to a scratch builder); a draw the builder rejects, or that a
 * backend's limits exclude, is discarded and drawn again.
 *
 * <p>Numerical care, so that two correct backends agree within the WPT tolerances: inputs
 * are dyadic numbers (multiples of 1/8 in [-2, 2], small integers for integer types), on
 * which sums and products are exact in any order while they stay within the mantissa; each
 * operand carries {@link Facts} that track whether it is still exact. An operand that may
 * carry rounding error is only consumed by operators that do not amplify relative error
 * (shape operators, relu, max, mul, ...); operators that can amplify it (sums, exp,
 * normalisations, comparisons) only take exact operands; operators with a restricted domain
 * (log, sqrt, pow, reciprocal, a divisor) only take fresh inputs drawn from their domain.
 */
final class GraphGenerator {

    /**
     * What to generate.
     *
     * @param seed the seed
     * @param ops the number of operator nodes to draw
     * @param maxDim the largest dimension of a fresh tensor
     */
    record Settings(long seed, int ops, int maxDim) {

        /** {@return the system properties that reproduce this graph} */
        String reproduce() {
            return String.format("-Dwebnn.fuzz.seed=0x%x -Dwebnn.fuzz.ops=%d -Dwebnn.fuzz.maxDim=%d", seed, ops, maxDim);
        }
    }

    /**
     * What is known about an operand's values.
     *
     * @param type the data type
     * @param shape the shape
     * @param exact the values are computed without rounding by any correct backend
     * @param fracBits exact values are multiples of 2<sup>-fracBits</sup>
     * @param maxAbs a bound on the magnitude of the values
     * @param absolute the values carry an absolute (ATOL) error: only operators that keep
     *     absolute errors may consume them
     * @param fresh a graph input or constant
     */
    record Facts(MLOperandDataType type, long[] shape, boolean exact, int fracBits, double maxAbs, boolean absolute,
                 boolean fresh) {
    }

    /**
     * A generated graph.
     *
     * @param settings how it was generated
     * @param wptCase the graph, its inputs with values, and its outputs (values empty)
     * @param shapes the shape of every operand by name
     * @param operators the operator names used, in node order
     */
    record Generated(Settings settings, WptCase wptCase, Map<String, long[]> shapes, List<String> operators) {
    }

    /** Which operands an operator may consume. */
    private enum Accepts {
        /** Anything: the operator keeps absolute and relative errors (shape ops, relu, max...). */
        ANY,
        /** Exact operands or operands with relative (ULP) errors. */
        RELATIVE,
        /** Exact operands only. */
        EXACT,
        /** Fresh inputs drawn from the operator's domain only. */
        FRESH
    }

    /** The value range of a fresh tensor. */
    private enum Domain {
        DYADIC, POSITIVE, NONZERO
    }

    private static final List<String> BINARY = List.of("add", "sub", "mul", "div", "max", "min", "pow");
    private static final List<String> COMPARISONS = List.of("equal", "notEqual", "greater", "greaterOrEqual", "lesser",
            "lesserOrEqual");
    private static final List<String> UNARY = List.of("abs", "neg", "relu", "identity", "ceil", "floor", "exp", "log", "sqrt",
            "reciprocal", "sin", "cos", "tan", "erf", "sigmoid", "tanh", "softplus", "softsign", "gelu", "hardSwish", "elu",
            "hardSigmoid", "leakyRelu", "linear", "clamp");
    private static final List<String> REDUCTIONS = List.of("reduceSum", "reduceMean", "reduceMax", "reduceMin",
            "reduceProduct", "reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceSumSquare");
    private static final List<String> OTHERS = List.of("softmax", "prelu", "conv2d", "convTranspose2d", "averagePool2d",
            "l2Pool2d", "maxPool2d", "resample2d", "gemm", "matmul", "concat", "pad", "reshape", "slice", "split",
            "transpose", "expand", "tile", "reverse", "batchNormalization", "instanceNormalization", "layerNormalization",
            "where", "argMin", "argMax", "gather");

    /** Every operator this generator can draw. */
    static final List<String> CATALOGUE = catalogue();

    private final MLContext scratchContext;
    private final List<MLOpSupportLimits> limits;
    private final List<String> available;

    /**
     * Creates a generator for graphs that every one of {@code limits} supports.
     *
     * @param scratchContext an open context whose builders infer shapes (nothing is compiled)
     * @param limits the limits of the backends that will run the graphs
     */
    GraphGenerator(MLContext scratchContext, List<MLOpSupportLimits> limits) {
        this.scratchContext = scratchContext;
        this.limits = List.copyOf(limits);
        this.available = CATALOGUE.stream().filter(op -> this.limits.stream().allMatch(l -> l.operator(op).isPresent()))
                .toList();
    }

    /** {@return the operators of the catalogue that every backend supports} */
    List<String> operators() {
        return available;
    }

    /**
     * Generates a graph.
     *
     * @param settings seed, size and dimension bound
     * @return the graph, or empty when no operator could be drawn
     */
    Optional<Generated> generate(Settings settings) {
        if (available.isEmpty()) {
            return Optional.empty();
        }
        Draft draft = new Draft(new MLGraphBuilder(scratchContext), settings.maxDim());
        List<String> used = new ArrayList<>();
        for (int node = 0; node < settings.ops(); node++) {
            draft.random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + node * 0xBF58476D1CE4E5B9L + node);
            for (int attempt = 0; attempt < 24; attempt++) {
                String op = available.get(draft.random.nextInt(available.size()));
                if (draft.tryNode(op)) {
                    used.add(op);
                    break;
                }
            }
        }
        if (draft.operators.isEmpty()) {
            return Optional.empty();
        }
        Map<String, WptTensor> outputs = new LinkedHashMap<>();
        for (WptOperator operator : draft.operators) {
            for (String output : operator.outputs()) {
                if (!draft.consumed.contains(output)) {
                    Facts facts = draft.facts.get(output);
                    outputs.put(output, new WptTensor(output, facts.type(), facts.shape(), List.of(), false, false));
                }
            }
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        draft.facts.forEach((name, facts) -> shapes.put(name, facts.shape()));
        WptCase wptCase = new WptCase("fuzz", draft.operators.get(0).name(),
                String.format("seed 0x%x, %d ops, maxDim %d", settings.seed(), settings.ops(), settings.maxDim()),
                draft.inputs, draft.operators, outputs, null);
        return Optional.of(new Generated(settings, wptCase, shapes, used));
    }

    private static List<String> catalogue() {
        List<String> all = new ArrayList<>();
        all.addAll(BINARY);
        all.addAll(COMPARISONS);
        all.addAll(UNARY);
        all.addAll(REDUCTIONS);
        all.addAll(OTHERS);
        return List.copyOf(all);
    }

    /** One graph under construction. */
    private final class Draft {
        final MLGraphBuilder builder;
        final int maxDim;
        final Map<String, MLOperand> operands = new LinkedHashMap<>();
        final Map<String, WptTensor> inputs = new LinkedHashMap<>();
        final List<WptOperator> operators = new ArrayList<>();
        final Map<String, Facts> facts = new LinkedHashMap<>();
        final Set<String> consumed = new HashSet<>();
        /** Names added by the node being drawn, removed again if the draw fails. */
        final List<String> pending = new ArrayList<>();
        SplittableRandom random;
        MLOperandDataType type;
        int counter;

        Draft(MLGraphBuilder builder, int maxDim) {
            this.builder = builder;
            this.maxDim = Math.max(1, maxDim);
        }

        /** Draws one node of operator {@code op}; false (and nothing kept) when the draw is invalid. */
        boolean tryNode(String op) {
            pending.clear();
            Optional<MLOperandDataType> chosen = dataType(op);
            if (chosen.isEmpty()) {
                return false;
            }
            type = chosen.get();
            Step step;
            try {
                step = draw(op);
            } catch (IllegalArgumentException e) {
                step = null;
            }
            if (step == null) {
                rollback();
                return false;
            }
            List<String> outputNames = new ArrayList<>();
            for (int i = 0; i < step.outputs(); i++) {
                outputNames.add("t" + counter++);
            }
            WptOperator operator = new WptOperator(op, step.arguments(), outputNames);
            List<MLOperand> results;
            try {
                results = BuilderInvoker.invoke(builder, operator, new ArgumentConverter(operands::get));
            } catch (IllegalArgumentException e) {
                rollback();
                return false;
            }
            List<Facts> resultFacts = new ArrayList<>();
            for (MLOperand result : results) {
                resultFacts.add(step.transfer().facts(result.dataType(), result.shape()));
            }
            if (!supported(operator, results)) {
                rollback();
                return false;
            }
            for (int i = 0; i < results.size(); i++) {
                operands.put(outputNames.get(i), results.get(i));
                facts.put(outputNames.get(i), resultFacts.get(i));
            }
            operators.add(operator);
            for (Argument argument : step.arguments()) {
                markConsumed(argument.value());
            }
            return true;
        }

        private void markConsumed(Object value) {
            if (value instanceof String name) {
                consumed.add(name);
            } else if (value instanceof List<?> list) {
                list.forEach(this::markConsumed);
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(this::markConsumed);
            }
        }

        private void rollback() {
            for (String name : pending) {
                inputs.remove(name);
                facts.remove(name);
                operands.remove(name);
            }
            pending.clear();
        }

        /** Whether every backend's limits allow the operator with these operands and results. */
        private boolean supported(WptOperator operator, List<MLOperand> results) {
            Map<String, WptTensor> operandTensors = new LinkedHashMap<>();
            collectOperands(operator.arguments(), operandTensors);
            Map<String, WptTensor> outputs = new LinkedHashMap<>();
            for (int i = 0; i < results.size(); i++) {
                String name = operator.outputs().get(i);
                outputs.put(name, new WptTensor(name, results.get(i).dataType(), results.get(i).shape(), List.of(), false,
                        false));
            }
            WptCase single = new WptCase("fuzz", operator.name(), "node", operandTensors, List.of(operator), outputs, null);
            for (WptTensor output : outputs.values()) {
                MLOperandDescriptor descriptor = MLOperandDescriptor.of(output.dataType(), output.shape());
                if (limits.stream().anyMatch(l -> descriptor.byteLength() > l.maxTensorByteLength())) {
                    return false;
                }
            }
            return limits.stream().allMatch(l -> SupportCheck.unsupportedReason(single, l).isEmpty());
        }

        private void collectOperands(Object value, Map<String, WptTensor> into) {
            if (value instanceof Argument argument) {
                collectOperands(argument.value(), into);
            } else if (value instanceof String name && facts.containsKey(name)) {
                WptTensor known = inputs.get(name);
                Facts f = facts.get(name);
                into.put(name, known != null ? known : new WptTensor(name, f.type(), f.shape(), List.of(), false, false));
            } else if (value instanceof List<?> list) {
                list.forEach(v -> collectOperands(v, into));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> collectOperands(v, into));
            }
        }

        /** A data type every backend allows for the operator's first operand role, as input, constant and output. */
        private Optional<MLOperandDataType> dataType(String op) {
            Set<MLOperandDataType> types = EnumSet.allOf(MLOperandDataType.class);
            for (MLOpSupportLimits l : limits) {
                Map<String, MLTensorLimits> roles = l.operator(op).orElseThrow();
                String first = roles.containsKey("input") ? "input" : roles.containsKey("a") ? "a"
                        : roles.containsKey("inputs") ? "inputs" : roles.containsKey("trueValue") ? "trueValue" : null;
                if (first != null) {
                    types.retainAll(roles.get(first).dataTypes());
                }
                types.retainAll(l.input().dataTypes());
                types.retainAll(l.constant().dataTypes());
            }
            if (types.isEmpty()) {
                return Optional.empty();
            }
            if (types.contains(MLOperandDataType.FLOAT32) && random.nextInt(3) > 0) {
                return Optional.of(MLOperandDataType.FLOAT32);
            }
            List<MLOperandDataType> list = new ArrayList<>(new TreeSet<>(types));
            return Optional.of(list.get(random.nextInt(list.size())));
        }

        // ---- operands ---------------------------------------------------------------------

        /** An earlier result of the current type and a rank in range that the operator accepts, or a fresh input. */
        String operand(int minRank, int maxRank, Accepts accepts, Domain domain) {
            if (accepts != Accepts.FRESH && domain == Domain.DYADIC && random.nextInt(10) < 7) {
                List<String> candidates = new ArrayList<>();
                for (Map.Entry<String, Facts> entry : facts.entrySet()) {
                    Facts f = entry.getValue();
                    if (f.fresh() || f.type() != type || f.shape().length < minRank || f.shape().length > maxRank) {
                        continue;
                    }
                    boolean ok = switch (accepts) {
                        case ANY -> true;
                        case RELATIVE -> f.exact() || !f.absolute();
                        case EXACT -> f.exact();
                        case FRESH -> false;
                    };
                    if (ok) {
                        candidates.add(entry.getKey());
                    }
                }
                if (!candidates.isEmpty()) {
                    List<String> unconsumed = candidates.stream().filter(c -> !consumed.contains(c)).toList();
                    List<String> from = !unconsumed.isEmpty() && random.nextInt(4) > 0 ? unconsumed : candidates;
                    return from.get(from.size() - 1 - random.nextInt(Math.min(from.size(), 2)));
                }
            }
            int rank = minRank + random.nextInt(Math.max(1, Math.min(maxRank, 4) - minRank + 1));
            return fresh(type, shape(rank), domain, random.nextInt(4) == 0);
        }

        long[] shape(int rank) {
            long[] shape = new long[rank];
            for (int i = 0; i < rank; i++) {
                shape[i] = 1 + random.nextInt(maxDim);
            }
            return shape;
        }

        /** A new graph input or constant with values of the domain. */
        String fresh(MLOperandDataType dataType, long[] shape, Domain domain, boolean constant) {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            List<Object> values = new ArrayList<>();
            boolean floating = dataType.isFloatingPoint();
            boolean signed = floating || dataType.isSigned();
            for (long i = 0; i < count; i++) {
                values.add(floating ? dyadic(domain) : BigInteger.valueOf(integer(domain, signed)));
            }
            return leaf(dataType, shape, values, constant, floating ? 3 : 0, floating ? 2 : (signed ? 8 : 15));
        }

        /**
         * Adds a graph input or constant with the given values, known exactly: at most
         * {@code fracBits} fractional bits and magnitude {@code maxAbs}.
         *
         * @return its name
         */
        private String leaf(MLOperandDataType dataType, long[] shape, List<Object> values, boolean constant, int fracBits,
                            double maxAbs) {
            String name = "x" + counter++;
            WptTensor tensor = new WptTensor(name, dataType, shape, values, false, constant);
            MLOperandDescriptor descriptor = MLOperandDescriptor.of(dataType, shape);
            MLOperand operand;
            if (constant) {
                try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
                    operand = builder.constant(descriptor, dev.webnn.conformance.WptData.encode(tensor, arena));
                }
            } else {
                operand = builder.input(name, descriptor);
            }
            inputs.put(name, tensor);
            operands.put(name, operand);
            facts.put(name, new Facts(dataType, shape, true, fracBits, maxAbs, false, true));
            pending.add(name);
            return name;
        }

        private Object dyadic(Domain domain) {
            int eighths = switch (domain) {
                case DYADIC -> random.nextInt(33) - 16;
                case POSITIVE -> 2 + random.nextInt(15);
                case NONZERO -> (2 + random.nextInt(15)) * (random.nextBoolean() ? 1 : -1);
            };
            return BigDecimal.valueOf(eighths).divide(BigDecimal.valueOf(8));
        }

        private long integer(Domain domain, boolean signed) {
            return switch (domain) {
                case DYADIC -> signed ? random.nextInt(17) - 8 : random.nextInt(16);
                case POSITIVE -> 1 + random.nextInt(8);
                case NONZERO -> (1 + random.nextInt(8)) * (signed && random.nextBoolean() ? -1 : 1);
            };
        }

        Facts facts(String name) {
            return facts.get(name);
        }

        long[] shapeOf(String name) {
            return facts.get(name).shape();
        }

        /** A shape that broadcasts with {@code shape}: leading dimensions dropped, some set to 1. */
        long[] broadcastPartner(long[] shape) {
            int drop = random.nextInt(3) == 0 ? random.nextInt(shape.length + 1) : 0;
            long[] partner = Arrays.copyOfRange(shape, drop, shape.length);
            for (int i = 0; i < partner.length; i++) {
                if (random.nextInt(4) == 0) {
                    partner[i] = 1;
                }
            }
            return partner;
        }

        // ---- operators --------------------------------------------------------------------

        /** Arguments for one node of {@code op}, or null when this draw cannot make one. */
        Step draw(String op) {
            if (BINARY.contains(op)) {
                return binary(op);
            }
            if (COMPARISONS.contains(op)) {
                String a = operand(0, 4, Accepts.EXACT, Domain.DYADIC);
                String b = fresh(type, broadcastPartner(shapeOf(a)), Domain.DYADIC, random.nextBoolean());
                return Step.of(args("a", a, "b", b), exactLike(a, b));
            }
            if (UNARY.contains(op)) {
                return unary(op);
            }
            if (REDUCTIONS.contains(op)) {
                return reduction(op);
            }
            return switch (op) {
                case "softmax" -> {
                    String input = operand(1, 4, Accepts.EXACT, Domain.DYADIC);
                    yield Step.of(args("input", input, "axis", big(random.nextInt(shapeOf(input).length))), inexact(false));
                }
                case "prelu" -> {
                    String input = operand(0, 4, Accepts.RELATIVE, Domain.DYADIC);
                    String slope = fresh(type, broadcastPartner(shapeOf(input)), Domain.DYADIC, random.nextBoolean());
                    yield Step.of(args("input", input, "slope", slope), product(input, slope, 1));
                }
                case "conv2d", "convTranspose2d" -> convolution(op);
                case "averagePool2d", "l2Pool2d", "maxPool2d" -> pool(op);
                case "resample2d" -> resample();
                case "gemm" -> gemm();
                case "matmul" -> matmul();
                case "concat" -> concat();
                case "pad" -> pad();
                case "reshape" -> {
                    String input = operand(0, 4, Accepts.ANY, Domain.DYADIC);
                    yield Step.of(args("input", input, "newShape", list(factorise(count(shapeOf(input))))), same(input));
                }
                case "slice" -> slice();
                case "split" -> split();
                case "transpose" -> {
                    String input = operand(0, 5, Accepts.ANY, Domain.DYADIC);
                    Map<String, Object> options = new LinkedHashMap<>();
                    if (random.nextInt(4) > 0) {
                        options.put("permutation", list(permutation(shapeOf(input).length)));
                    }
                    yield Step.of(args("input", input, "options", options), same(input));
                }
                case "expand" -> {
                    String input = operand(0, 3, Accepts.ANY, Domain.DYADIC);
                    long[] shape = shapeOf(input);
                    int extra = random.nextInt(2);
                    long[] target = new long[shape.length + extra];
                    for (int i = 0; i < target.length; i++) {
                        long dim = i < extra ? 1 : shape[i - extra];
                        target[i] = dim == 1 ? 1 + random.nextInt(maxDim) : dim;
                    }
                    yield Step.of(args("input", input, "newShape", list(target)), same(input));
                }
                case "tile" -> {
                    String input = operand(0, 4, Accepts.ANY, Domain.DYADIC);
                    long[] repetitions = new long[shapeOf(input).length];
                    for (int i = 0; i < repetitions.length; i++) {
                        repetitions[i] = 1 + random.nextInt(3);
                    }
                    yield Step.of(args("input", input, "repetitions", list(repetitions)), same(input));
                }
                case "reverse" -> {
                    String input = operand(0, 4, Accepts.ANY, Domain.DYADIC);
                    Map<String, Object> options = new LinkedHashMap<>();
                    if (random.nextBoolean()) {
                        options.put("axes", list(subset(shapeOf(input).length)));
                    }
                    yield Step.of(args("input", input, "options", options), same(input));
                }
                case "batchNormalization" -> batchNormalization();
                case "instanceNormalization", "layerNormalization" -> normalization(op);
                case "where" -> where();
                case "argMin", "argMax" -> {
                    String input = operand(1, 4, Accepts.EXACT, Domain.DYADIC);
                    Map<String, Object> options = new LinkedHashMap<>();
                    if (random.nextBoolean()) {
                        options.put("keepDimensions", random.nextBoolean());
                    }
                    if (random.nextBoolean()) {
                        options.put("outputDataType", random.nextBoolean() ? "int32" : "int64");
                    }
                    yield Step.of(args("input", input, "axis", big(random.nextInt(shapeOf(input).length)), "options", options),
                            integers());
                }
                case "gather" -> gather();
                default -> null;
            };
        }

        private Step binary(String op) {
            boolean domainRestricted = op.equals("pow") || op.equals("div");
            String a = op.equals("pow") ? operand(0, 4, Accepts.FRESH, Domain.POSITIVE)
                    : operand(0, 4, switch (op) {
                        case "max", "min" -> Accepts.ANY;
                        case "mul", "div" -> Accepts.RELATIVE;
                        default -> Accepts.EXACT;
                    }, Domain.DYADIC);
            Domain domainB = op.equals("div") ? Domain.NONZERO : Domain.DYADIC;
            String b;
            if (!domainRestricted && random.nextInt(3) == 0) {
                b = operand(0, 4, op.equals("max") || op.equals("min") ? Accepts.ANY
                        : op.equals("mul") ? Accepts.RELATIVE : Accepts.EXACT, Domain.DYADIC);
            } else {
                b = fresh(type, broadcastPartner(shapeOf(a)), domainB, random.nextBoolean());
            }
            if (random.nextInt(4) == 0 && !domainRestricted) {
                String swap = a;
                a = b;
                b = swap;
            }
            Transfer transfer = switch (op) {
                case "add", "sub" -> sum(a, b);
                case "mul" -> product(a, b, 1);
                case "max", "min" -> exactLike(a, b);
                default -> inexact(false);
            };
            return Step.of(args("a", a, "b", b), transfer);
        }

        private Step unary(String op) {
            Accepts accepts = switch (op) {
                case "abs", "neg", "relu", "identity", "clamp" -> Accepts.ANY;
                case "leakyRelu" -> Accepts.RELATIVE;
                case "log", "sqrt", "reciprocal" -> Accepts.FRESH;
                default -> Accepts.EXACT;
            };
            Domain domain = switch (op) {
                case "log", "sqrt" -> Domain.POSITIVE;
                case "reciprocal" -> Domain.NONZERO;
                default -> Domain.DYADIC;
            };
            String input = operand(0, 4, accepts, domain);
            Map<String, Object> options = new LinkedHashMap<>();
            Transfer transfer = switch (op) {
                case "abs", "neg", "relu", "identity", "ceil", "floor" -> same(input);
                case "sin", "cos", "tan", "erf", "log" -> inexact(true);
                case "clamp" -> {
                    double low = eighths(-12, 4);
                    double high = low + eighths(0, 12);
                    if (random.nextBoolean()) {
                        options.put("minValue", BigDecimal.valueOf(low));
                    }
                    if (random.nextBoolean()) {
                        options.put("maxValue", BigDecimal.valueOf(high));
                    }
                    yield same(input);
                }
                case "leakyRelu" -> {
                    if (random.nextBoolean()) {
                        options.put("alpha", BigDecimal.valueOf(eighths(0, 8)));
                        yield product(input, null, 3);
                    }
                    Facts f = facts(input);
                    yield (t, s) -> new Facts(t, s, false, 0, f.maxAbs(), f.absolute(), false);
                }
                case "elu", "linear", "hardSigmoid" -> {
                    if (random.nextBoolean()) {
                        options.put("alpha", BigDecimal.valueOf(eighths(1, 16)));
                    }
                    if (!op.equals("elu") && random.nextBoolean()) {
                        options.put("beta", BigDecimal.valueOf(eighths(-8, 8)));
                    }
                    yield inexact(false);
                }
                default -> inexact(false);
            };
            if (op.equals("clamp") || op.equals("leakyRelu") || op.equals("elu") || op.equals("linear")
                    || op.equals("hardSigmoid")) {
                return Step.of(args("input", input, "options", options), transfer);
            }
            return Step.of(args("input", input), transfer);
        }

        private Step reduction(String op) {
            Accepts accepts = switch (op) {
                case "reduceMax", "reduceMin" -> Accepts.ANY;
                case "reduceLogSum" -> Accepts.FRESH;
                default -> Accepts.EXACT;
            };
            String input = operand(0, 4, accepts, op.equals("reduceLogSum") ? Domain.POSITIVE : Domain.DYADIC);
            long[] shape = shapeOf(input);
            Map<String, Object> options = new LinkedHashMap<>();
            long[] axes = null;
            if (random.nextInt(3) > 0) {
                axes = subset(shape.length);
                options.put("axes", list(axes));
            }
            if (random.nextBoolean()) {
                options.put("keepDimensions", random.nextBoolean());
            }
            long reduced = 1;
            if (axes == null) {
                reduced = count(shape);
            } else {
                for (long axis : axes) {
                    reduced *= shape[(int) axis];
                }
            }
            Facts f = facts(input);
            Transfer transfer = switch (op) {
                case "reduceMax", "reduceMin" -> same(input);
                case "reduceSum", "reduceL1" -> exactIf(f.exact(), f.fracBits(), f.maxAbs() * reduced);
                case "reduceSumSquare" -> exactIf(f.exact(), 2 * f.fracBits(), f.maxAbs() * f.maxAbs() * reduced);
                case "reduceProduct" -> exactIf(f.exact() && reduced <= 8, (int) (f.fracBits() * reduced),
                        Math.pow(f.maxAbs(), reduced));
                default -> inexact(false);
            };
            return Step.of(args("input", input, "options", options), transfer);
        }

        private Step convolution(String op) {
            boolean transposed = op.equals("convTranspose2d");
            boolean nhwc = random.nextBoolean();
            String input = operand(4, 4, Accepts.EXACT, Domain.DYADIC);
            long[] in = shapeOf(input);
            long channels = nhwc ? in[3] : in[1];
            long height = nhwc ? in[1] : in[2];
            long width = nhwc ? in[2] : in[3];
            long groups = 1;
            if (!transposed && random.nextInt(3) == 0) {
                groups = random.nextBoolean() ? channels : divisor(channels);
            } else if (transposed && random.nextInt(5) == 0) {
                groups = divisor(channels);
            }
            long outPerGroup = 1 + random.nextInt(Math.max(1, Math.min(maxDim, 4)));
            long outChannels = transposed ? outPerGroup * groups : (groups == channels && random.nextBoolean() ? channels
                    : outPerGroup * groups);
            long kh = 1 + random.nextInt((int) Math.min(3, transposed ? 3 : height + 2));
            long kw = 1 + random.nextInt((int) Math.min(3, transposed ? 3 : width + 2));
            long inPerGroup = channels / groups;
            String layout;
            long[] filter;
            if (transposed) {
                layout = List.of("iohw", "hwoi", "ohwi").get(random.nextInt(3));
                filter = dims(layout, Map.of('i', channels, 'o', outChannels / groups, 'h', kh, 'w', kw));
            } else {
                layout = List.of("oihw", "hwio", "ohwi", "ihwo").get(random.nextInt(4));
                filter = dims(layout, Map.of('o', outChannels, 'i', inPerGroup, 'h', kh, 'w', kw));
            }
            String filterName = fresh(type, filter, Domain.DYADIC, random.nextInt(6) > 0);
            Map<String, Object> options = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                options.put("padding", list(new long[] {random.nextInt(2), random.nextInt(2), random.nextInt(2),
                        random.nextInt(2)}));
            }
            long[] strides = {1 + random.nextInt(2), 1 + random.nextInt(2)};
            if (random.nextBoolean()) {
                options.put("strides", list(strides));
            } else {
                strides = new long[] {1, 1};
            }
            if (random.nextInt(4) == 0) {
                options.put("dilations", list(new long[] {1 + random.nextInt(2), 1 + random.nextInt(2)}));
            }
            if (groups != 1 || random.nextInt(4) == 0) {
                options.put("groups", big(groups));
            }
            if (nhwc || random.nextBoolean()) {
                options.put("inputLayout", nhwc ? "nhwc" : "nchw");
            }
            if (!layout.equals(transposed ? "iohw" : "oihw") || random.nextBoolean()) {
                options.put("filterLayout", layout);
            }
            if (transposed && random.nextInt(4) == 0) {
                options.put("outputPadding", list(new long[] {random.nextInt((int) strides[0]),
                        random.nextInt((int) strides[1])}));
            }
            double biasMax = 0;
            int biasFrac = 0;
            if (random.nextBoolean()) {
                options.put("bias", fresh(type, new long[] {outChannels}, Domain.DYADIC, random.nextInt(6) > 0));
                biasMax = 2;
                biasFrac = 3;
            }
            Facts fi = facts(input);
            long terms = kh * kw * inPerGroup;
            return Step.of(args("input", input, "filter", filterName, "options", options),
                    exactIf(fi.exact(), Math.max(fi.fracBits() + 3, biasFrac), terms * fi.maxAbs() * 2 + biasMax));
        }

        private Step pool(String op) {
            boolean nhwc = random.nextBoolean();
            Accepts accepts = op.equals("maxPool2d") ? Accepts.ANY : Accepts.EXACT;
            String input = operand(4, 4, accepts, Domain.DYADIC);
            long[] in = shapeOf(input);
            long height = nhwc ? in[1] : in[2];
            long width = nhwc ? in[2] : in[3];
            Map<String, Object> options = new LinkedHashMap<>();
            long[] window = {height, width};
            if (random.nextInt(4) > 0) {
                window = new long[] {1 + random.nextInt((int) Math.min(3, height)), 1 + random.nextInt((int) Math.min(3, width))};
                options.put("windowDimensions", list(window));
            }
            if (random.nextInt(3) == 0) {
                // Padding smaller than the window: a window wholly in the padding has no value the spec defines.
                options.put("padding", list(new long[] {random.nextInt((int) window[0]), random.nextInt((int) window[0]),
                        random.nextInt((int) window[1]), random.nextInt((int) window[1])}));
            }
            if (random.nextBoolean()) {
                options.put("strides", list(new long[] {1 + random.nextInt(2), 1 + random.nextInt(2)}));
            }
            if (random.nextInt(5) == 0) {
                options.put("dilations", list(new long[] {1 + random.nextInt(2), 1 + random.nextInt(2)}));
            }
            if (nhwc || random.nextBoolean()) {
                options.put("layout", nhwc ? "nhwc" : "nchw");
            }
            if (random.nextInt(3) == 0) {
                options.put("roundingType", random.nextBoolean() ? "ceil" : "floor");
            }
            return Step.of(args("input", input, "options", options), op.equals("maxPool2d") ? same(input) : inexact(false));
        }

        private Step resample() {
            boolean linear = random.nextBoolean();
            // Linear interpolation of mixed signs cancels to near zero, where ULPs mean nothing: positive inputs.
            String input = linear ? operand(4, 4, Accepts.FRESH, Domain.POSITIVE) : operand(4, 4, Accepts.ANY, Domain.DYADIC);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("mode", linear ? "linear" : "nearest-neighbor");
            long[] axes = random.nextBoolean() ? new long[] {2, 3} : new long[] {1, 2};
            if (axes[0] != 2 || random.nextBoolean()) {
                options.put("axes", list(axes));
            }
            if (random.nextBoolean()) {
                options.put("sizes", list(new long[] {1 + random.nextInt(2 * maxDim), 1 + random.nextInt(2 * maxDim)}));
            } else if (random.nextInt(4) > 0) {
                options.put("scales", List.of(BigDecimal.valueOf(eighths(4, 24)), BigDecimal.valueOf(eighths(4, 24))));
            }
            return Step.of(args("input", input, "options", options), linear ? inexact(false) : same(input));
        }

        private Step gemm() {
            long m = 1 + random.nextInt(maxDim + 2);
            long k = 1 + random.nextInt(maxDim + 2);
            long n = 1 + random.nextInt(maxDim + 2);
            boolean aTranspose = random.nextInt(3) == 0;
            boolean bTranspose = random.nextInt(3) == 0;
            String a = operandOfShape(aTranspose ? new long[] {k, m} : new long[] {m, k}, Accepts.EXACT);
            long[] aShape = shapeOf(a);
            m = aTranspose ? aShape[1] : aShape[0];
            k = aTranspose ? aShape[0] : aShape[1];
            String b = fresh(type, bTranspose ? new long[] {n, k} : new long[] {k, n}, Domain.DYADIC, random.nextInt(5) > 0);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("aTranspose", aTranspose);
            options.put("bTranspose", bTranspose);
            double cMax = 0;
            if (random.nextBoolean()) {
                long[] cShape = random.nextBoolean() ? new long[] {m, n} : broadcastPartner(new long[] {m, n});
                options.put("c", fresh(type, cShape, Domain.DYADIC, random.nextInt(5) > 0));
                cMax = 2;
                if (random.nextInt(3) == 0) {
                    options.put("beta", BigDecimal.valueOf(eighths(-8, 16)));
                    cMax = 4;
                }
            }
            double alpha = 1;
            if (random.nextInt(3) == 0) {
                alpha = eighths(-8, 16);
                options.put("alpha", BigDecimal.valueOf(alpha));
            }
            Facts fa = facts(a);
            return Step.of(args("a", a, "b", b, "options", options),
                    exactIf(fa.exact(), fa.fracBits() + 6, Math.abs(alpha) * k * fa.maxAbs() * 2 + cMax * 2));
        }

        private Step matmul() {
            String a = operand(2, 4, Accepts.EXACT, Domain.DYADIC);
            long[] aShape = shapeOf(a);
            long k = aShape[aShape.length - 1];
            long[] bShape = aShape.clone();
            bShape[bShape.length - 2] = k;
            bShape[bShape.length - 1] = 1 + random.nextInt(maxDim + 1);
            if (random.nextInt(3) == 0 && bShape.length > 2) {
                bShape = Arrays.copyOfRange(bShape, random.nextInt(bShape.length - 1), bShape.length);
            }
            String b = fresh(type, bShape, Domain.DYADIC, random.nextBoolean());
            if (random.nextInt(5) == 0) {
                String swap = a;
                a = b;
                b = swap;
            }
            Facts fa = facts(a);
            Facts fb = facts(b);
            return Step.of(args("a", a, "b", b), exactIf(fa.exact() && fb.exact(), fa.fracBits() + fb.fracBits(),
                    k * fa.maxAbs() * fb.maxAbs()));
        }

        private String operandOfShape(long[] shape, Accepts accepts) {
            for (Map.Entry<String, Facts> entry : facts.entrySet()) {
                Facts f = entry.getValue();
                if (!f.fresh() && f.type() == type && f.shape().length == shape.length && f.exact()
                        && random.nextBoolean()) {
                    return entry.getKey();
                }
            }
            return fresh(type, shape, Domain.DYADIC, false);
        }

        private Step concat() {
            String first = operand(1, 4, Accepts.ANY, Domain.DYADIC);
            long[] shape = shapeOf(first);
            int axis = random.nextInt(shape.length);
            List<Object> inputs = new ArrayList<>();
            inputs.add(first);
            int more = random.nextInt(3);
            for (int i = 0; i < more; i++) {
                long[] other = shape.clone();
                other[axis] = 1 + random.nextInt(maxDim);
                inputs.add(fresh(type, other, Domain.DYADIC, random.nextBoolean()));
            }
            if (random.nextBoolean()) {
                java.util.Collections.rotate(inputs, random.nextInt(inputs.size()));
            }
            return Step.of(args("inputs", inputs, "axis", big(axis)), sameAll(inputs));
        }

        private Step pad() {
            String input = operand(1, 4, Accepts.ANY, Domain.DYADIC);
            long[] shape = shapeOf(input);
            String mode = List.of("constant", "edge", "reflection").get(random.nextInt(3));
            long[] begin = new long[shape.length];
            long[] end = new long[shape.length];
            for (int i = 0; i < shape.length; i++) {
                long bound = mode.equals("reflection") ? shape[i] - 1 : 2;
                begin[i] = bound <= 0 ? 0 : random.nextInt((int) Math.min(bound, 2) + 1);
                end[i] = bound <= 0 ? 0 : random.nextInt((int) Math.min(bound, 2) + 1);
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (!mode.equals("constant") || random.nextBoolean()) {
                options.put("mode", mode);
            }
            if (mode.equals("constant") && random.nextBoolean()) {
                options.put("value", type.isFloatingPoint() ? BigDecimal.valueOf(eighths(-16, 16))
                        : BigInteger.valueOf(type.isSigned() ? random.nextInt(9) - 4 : random.nextInt(5)));
            }
            return Step.of(args("input", input, "beginningPadding", list(begin), "endingPadding", list(end), "options",
                    options), same(input));
        }

        private Step slice() {
            String input = operand(1, 4, Accepts.ANY, Domain.DYADIC);
            long[] shape = shapeOf(input);
            long[] starts = new long[shape.length];
            long[] sizes = new long[shape.length];
            long[] strides = new long[shape.length];
            for (int i = 0; i < shape.length; i++) {
                starts[i] = random.nextInt((int) shape[i]);
                sizes[i] = 1 + random.nextInt((int) (shape[i] - starts[i]));
                strides[i] = 1 + random.nextInt(2);
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (random.nextInt(4) == 0) {
                options.put("strides", list(strides));
            }
            return Step.of(args("input", input, "starts", list(starts), "sizes", list(sizes), "options", options),
                    same(input));
        }

        private Step split() {
            String input = operand(1, 4, Accepts.ANY, Domain.DYADIC);
            long[] shape = shapeOf(input);
            int axis = random.nextInt(shape.length);
            Map<String, Object> options = new LinkedHashMap<>();
            if (axis != 0 || random.nextBoolean()) {
                options.put("axis", big(axis));
            }
            Object splits;
            int outputs;
            if (random.nextBoolean()) {
                long count = divisor(shape[axis]);
                splits = big(count);
                outputs = (int) count;
            } else {
                List<Object> parts = new ArrayList<>();
                long left = shape[axis];
                while (left > 0) {
                    long part = 1 + random.nextInt((int) left);
                    parts.add(big(part));
                    left -= part;
                }
                splits = parts;
                outputs = parts.size();
            }
            return new Step(args("input", input, "splits", splits, "options", options), same(input), outputs);
        }

        private Step batchNormalization() {
            String input = operand(2, 4, Accepts.EXACT, Domain.DYADIC);
            long[] shape = shapeOf(input);
            int axis = random.nextBoolean() ? 1 : random.nextInt(shape.length);
            long c = shape[axis];
            String mean = fresh(type, new long[] {c}, Domain.DYADIC, random.nextBoolean());
            String variance = fresh(type, new long[] {c}, Domain.POSITIVE, random.nextBoolean());
            Map<String, Object> options = new LinkedHashMap<>();
            if (axis != 1) {
                options.put("axis", big(axis));
            }
            if (random.nextBoolean()) {
                options.put("scale", fresh(type, new long[] {c}, Domain.DYADIC, random.nextBoolean()));
            }
            if (random.nextBoolean()) {
                options.put("bias", fresh(type, new long[] {c}, Domain.DYADIC, random.nextBoolean()));
            }
            if (random.nextBoolean()) {
                options.put("epsilon", BigDecimal.valueOf(0.001));
            }
            return Step.of(args("input", input, "mean", mean, "variance", variance, "options", options), inexact(false));
        }

        private Step normalization(String op) {
            boolean instance = op.equals("instanceNormalization");
            String input = operand(instance ? 4 : 0, 4, Accepts.EXACT, Domain.DYADIC);
            long[] shape = shapeOf(input);
            Map<String, Object> options = new LinkedHashMap<>();
            long[] paramShape;
            if (instance) {
                boolean nhwc = random.nextBoolean();
                if (nhwc || random.nextBoolean()) {
                    options.put("layout", nhwc ? "nhwc" : "nchw");
                }
                paramShape = new long[] {nhwc ? shape[3] : shape[1]};
            } else {
                long[] axes = random.nextBoolean() || shape.length == 0 ? null : subsetSorted(shape.length);
                if (axes != null) {
                    options.put("axes", list(axes));
                } else {
                    axes = new long[Math.max(0, shape.length - 1)];
                    for (int i = 0; i < axes.length; i++) {
                        axes[i] = i + 1;
                    }
                }
                paramShape = new long[axes.length];
                for (int i = 0; i < axes.length; i++) {
                    paramShape[i] = shape[(int) axes[i]];
                }
            }
            if (random.nextBoolean()) {
                options.put("scale", fresh(type, paramShape, Domain.DYADIC, random.nextBoolean()));
            }
            if (random.nextBoolean()) {
                options.put("bias", fresh(type, paramShape, Domain.DYADIC, random.nextBoolean()));
            }
            if (random.nextBoolean()) {
                options.put("epsilon", BigDecimal.valueOf(0.001));
            }
            return Step.of(args("input", input, "options", options), inexact(false));
        }

        private Step where() {
            MLOperandDataType valueType = type;
            String trueValue = operand(0, 4, Accepts.ANY, Domain.DYADIC);
            long[] shape = shapeOf(trueValue);
            String falseValue = fresh(valueType, broadcastPartner(shape), Domain.DYADIC, random.nextBoolean());
            long[] conditionShape = broadcastPartner(shape);
            long count = count(conditionShape);
            List<Object> values = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                values.add(BigInteger.valueOf(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3)));
            }
            String condition = leaf(MLOperandDataType.UINT8, conditionShape, values, random.nextBoolean(), 0, 3);
            return Step.of(args("condition", condition, "trueValue", trueValue, "falseValue", falseValue),
                    exactLike(trueValue, falseValue));
        }

        private Step gather() {
            String input = operand(1, 4, Accepts.ANY, Domain.DYADIC);
            long[] shape = shapeOf(input);
            int axis = random.nextInt(shape.length);
            long[] indexShape = shape(random.nextInt(3));
            long count = count(indexShape);
            List<Object> values = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                values.add(BigInteger.valueOf(random.nextInt((int) shape[axis])));
            }
            MLOperandDataType indexType = random.nextBoolean() ? MLOperandDataType.INT32 : MLOperandDataType.INT64;
            String indices = leaf(indexType, indexShape, values, true, 0, shape[axis]);
            Map<String, Object> options = new LinkedHashMap<>();
            if (axis != 0 || random.nextBoolean()) {
                options.put("axis", big(axis));
            }
            return Step.of(args("input", input, "indices", indices, "options", options), same(input));
        }

        // ---- value facts --------------------------------------------------------------------

        /** The result has the input's values (rearranged, selected or clamped). */
        Transfer same(String input) {
            Facts f = facts(input);
            return (t, s) -> new Facts(t, s, f.exact(), f.fracBits(), f.maxAbs(), f.absolute(), false);
        }

        Transfer sameAll(List<Object> inputs) {
            return exactLike(inputs.stream().map(String.class::cast).toArray(String[]::new));
        }

        Transfer exactLike(String... inputs) {
            boolean exact = true;
            boolean absolute = false;
            int frac = 0;
            double max = 0;
            for (String input : inputs) {
                Facts f = facts(input);
                exact &= f.exact();
                absolute |= f.absolute();
                frac = Math.max(frac, f.fracBits());
                max = Math.max(max, f.maxAbs());
            }
            boolean e = exact;
            boolean a = absolute;
            int fr = frac;
            double m = max;
            return (t, s) -> new Facts(t, s, e, fr, m, a, false);
        }

        Transfer sum(String a, String b) {
            Facts fa = facts(a);
            Facts fb = facts(b);
            return exactIf(fa.exact() && fb.exact(), Math.max(fa.fracBits(), fb.fracBits()), fa.maxAbs() + fb.maxAbs());
        }

        /** A product of two operands ({@code b} null: of an option with {@code optionBits} fraction bits, |x| <= 1). */
        Transfer product(String a, String b, int optionBits) {
            Facts fa = facts(a);
            Facts fb = b == null ? new Facts(type, new long[0], true, optionBits, 1, false, true) : facts(b);
            return exactIf(fa.exact() && fb.exact(), fa.fracBits() + fb.fracBits(), fa.maxAbs() * fb.maxAbs());
        }

        /** Exact when the inputs are and the result fits the data type's mantissa (or integer range). */
        Transfer exactIf(boolean inputsExact, int fracBits, double maxAbs) {
            return (t, s) -> {
                boolean fits;
                if (t.isFloatingPoint()) {
                    int mantissa = t == MLOperandDataType.FLOAT16 ? 11 : 24;
                    double bits = fracBits + Math.ceil(Math.log(maxAbs + 1) / Math.log(2));
                    fits = bits <= mantissa && maxAbs < (t == MLOperandDataType.FLOAT16 ? 60000 : 1e30);
                } else {
                    fits = maxAbs < Math.pow(2, t.byteSize() * 8 - 1) - 1;
                }
                boolean exact = inputsExact && fits;
                return new Facts(t, s, exact, fracBits, maxAbs, false, false);
            };
        }

        Transfer inexact(boolean absolute) {
            return (t, s) -> new Facts(t, s, false, 0, Double.MAX_VALUE, absolute, false);
        }

        Transfer integers() {
            return (t, s) -> new Facts(t, s, true, 0, 0, false, false);
        }

        // ---- small helpers --------------------------------------------------------------------

        double eighths(int fromInclusive, int toInclusive) {
            return (fromInclusive + random.nextInt(toInclusive - fromInclusive + 1)) / 8.0;
        }

        long divisor(long n) {
            List<Long> divisors = new ArrayList<>();
            for (long d = 1; d <= n; d++) {
                if (n % d == 0) {
                    divisors.add(d);
                }
            }
            return divisors.get(random.nextInt(divisors.size()));
        }

        long[] factorise(long count) {
            List<Long> dims = new ArrayList<>();
            long left = count;
            while (left > 1 && dims.size() < 4) {
                long d = divisor(left);
                if (d > 1 || random.nextInt(4) == 0) {
                    dims.add(d);
                    left /= d;
                }
            }
            if (left > 1) {
                dims.add(left);
            }
            if (random.nextInt(4) == 0) {
                dims.add(random.nextInt(dims.size() + 1), 1L);
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        long[] permutation(int rank) {
            List<Long> axes = new ArrayList<>();
            for (long i = 0; i < rank; i++) {
                axes.add(i);
            }
            for (int i = axes.size() - 1; i > 0; i--) {
                java.util.Collections.swap(axes, i, random.nextInt(i + 1));
            }
            return axes.stream().mapToLong(Long::longValue).toArray();
        }

        /** A random subset of {@code [0, rank)} in random order, possibly empty. */
        long[] subset(int rank) {
            long[] permutation = permutation(rank);
            return Arrays.copyOf(permutation, random.nextInt(rank + 1));
        }

        long[] subsetSorted(int rank) {
            long[] axes = subset(rank);
            Arrays.sort(axes);
            return axes;
        }

        long count(long[] shape) {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            return count;
        }

        long[] dims(String layout, Map<Character, Long> sizes) {
            long[] shape = new long[layout.length()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = sizes.get(layout.charAt(i));
            }
            return shape;
        }
    }

    /** Computes the facts of an operator's result from its data type and shape. */
    @FunctionalInterface
    private interface Transfer {
        Facts facts(MLOperandDataType type, long[] shape);
    }

    /** The arguments of one node, how its values relate to its operands', and its result count. */
    private record Step(List<Argument> arguments, Transfer transfer, int outputs) {
        static Step of(List<Argument> arguments, Transfer transfer) {
            return new Step(arguments, transfer, 1);
        }
    }

    /** Alternating names and values; an empty options map is left out. */
    private static List<Argument> args(Object... namesAndValues) {
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value instanceof Map<?, ?> map && map.isEmpty()) {
                continue;
            }
            arguments.add(new Argument((String) namesAndValues[i], value));
        }
        return arguments;
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static List<Object> list(long[] values) {
        List<Object> list = new ArrayList<>();
        for (long v : values) {
            list.add(BigInteger.valueOf(v));
        }
        return list;
    }
}
