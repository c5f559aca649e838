package dev.webnn.conformance.reliability;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.GraphFromCase;
import dev.webnn.conformance.OutputComparator;
import dev.webnn.conformance.Tolerance;
import dev.webnn.conformance.Tolerance.Budget;
import dev.webnn.conformance.Tolerance.Metric;
import dev.webnn.conformance.WptCase;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import dev.webnn.conformance.WptData;
import dev.webnn.testing.Refusals;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one generated graph on several contexts with the same inputs and compares every
 * output of each context with the first context's.
 *
 * <p>Budget of an output: the WPT tolerances ({@link Tolerance#forOperator}) of the operators
 * it depends on, added up — ULPs, or the absolute tolerances when one of them has an ATOL
 * budget (the generator lets only error-preserving operators follow those) — and doubled,
 * because each of the two backends may be that far from the exact result.
 */
final class DifferentialRunner {

    /** How a graph ended. */
    enum Verdict {
        /** Every output of every context within its budget. */
        AGREE,
        /** A context computed an output outside its budget. */
        DISAGREE,
        /**
         * A backend refused the graph with an MLNotSupportedError of its own (not one a native
         * status caused: see {@link Refusals#isDeclared}).
         */
        UNSUPPORTED,
        /** A backend failed on a valid graph in another way: a bug. */
        ERROR
    }

    /**
     * The result of one graph.
     *
     * @param verdict how it ended
     * @param detail what disagreed or failed, or which backend refused and why
     */
    record Result(Verdict verdict, String detail) {
    }

    private DifferentialRunner() {
    }

    /**
     * Runs a graph on every context and compares.
     *
     * @param generated the graph
     * @param contexts two or more open contexts; the first is the reference
     * @return the verdict
     */
    static Result run(GraphGenerator.Generated generated, List<MLContext> contexts) {
        WptCase wptCase = generated.wptCase();
        try (Arena arena = Arena.ofConfined()) {
            List<Map<String, MemorySegment>> results = new ArrayList<>();
            for (MLContext context : contexts) {
                try {
                    results.add(execute(context, wptCase, arena));
                } catch (RuntimeException | Error e) {
                    if (Refusals.isDeclared(e)) {
                        return new Result(Verdict.UNSUPPORTED, context.backendName() + ": " + e.getMessage());
                    }
                    return new Result(Verdict.ERROR, context.backendName() + " failed: " + trace(e));
                }
            }
            List<String> problems = new ArrayList<>();
            for (WptTensor output : wptCase.expectedOutputs().values()) {
                Budget budget = budget(wptCase, generated.shapes(), output.name());
                WptTensor expected = expected(output, results.get(0).get(output.name()));
                for (int i = 1; i < contexts.size(); i++) {
                    int index = i;
                    OutputComparator.compare(expected, results.get(i).get(output.name()), budget)
                            .ifPresent(p -> problems.add(contexts.get(index).backendName() + " vs "
                                    + contexts.get(0).backendName() + ": " + p));
                }
            }
            return problems.isEmpty() ? new Result(Verdict.AGREE, "")
                    : new Result(Verdict.DISAGREE, String.join("\n", problems));
        }
    }

    /** The exception and its stack down to this runner. */
    private static String trace(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(DifferentialRunner.class.getName())) {
                break;
            }
            text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }

    /**
     * The part of a graph that one output depends on: its ancestor operators, the inputs they
     * read, and that output alone.
     *
     * @param generated the graph
     * @param output the output to keep
     * @return the smaller graph
     */
    static GraphGenerator.Generated cone(GraphGenerator.Generated generated, String output) {
        WptCase wptCase = generated.wptCase();
        Map<String, WptOperator> producers = new HashMap<>();
        for (WptOperator operator : wptCase.operators()) {
            operator.outputs().forEach(name -> producers.put(name, operator));
        }
        Set<WptOperator> kept = new java.util.HashSet<>();
        Set<String> referenced = new java.util.HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(output));
        while (!queue.isEmpty()) {
            String name = queue.pop();
            referenced.add(name);
            WptOperator producer = producers.get(name);
            if (producer != null && kept.add(producer)) {
                producer.arguments().forEach(argument -> names(argument.value(), queue));
            }
        }
        Map<String, WptTensor> inputs = new LinkedHashMap<>();
        wptCase.inputs().forEach((name, tensor) -> {
            if (referenced.contains(name)) {
                inputs.put(name, tensor);
            }
        });
        List<WptOperator> operators = wptCase.operators().stream().filter(kept::contains).toList();
        WptCase smaller = new WptCase(wptCase.file(), operators.get(0).name(), wptCase.name() + ", output " + output, inputs,
                operators, Map.of(output, wptCase.expectedOutputs().get(output)), null);
        return new GraphGenerator.Generated(generated.settings(), smaller, generated.shapes(),
                operators.stream().map(WptOperator::name).toList());
    }

    /** Builds, compiles and computes the case on one context; the outputs live in {@code arena}. */
    static Map<String, MemorySegment> execute(MLContext context, WptCase wptCase, Arena arena) {
        MLGraphBuilder builder = new MLGraphBuilder(context);
        GraphFromCase.Operands operands = GraphFromCase.addTo(builder, wptCase, arena);
        try (MLGraph graph = builder.build(operands.outputs())) {
            Map<String, MemorySegment> inputs = new LinkedHashMap<>();
            for (String name : graph.inputDescriptors().keySet()) {
                inputs.put(name, WptData.encode(wptCase.inputs().get(name), arena));
            }
            Map<String, MemorySegment> outputs = new LinkedHashMap<>();
            graph.outputDescriptors().forEach((name, descriptor) -> outputs.put(name,
                    arena.allocate(Math.max(1, descriptor.byteLength()), 16).asSlice(0, descriptor.byteLength())));
            context.compute(graph, inputs, outputs);
            return outputs;
        }
    }

    /**
     * The budget of one output: the doubled sum of the WPT budgets of the operators it depends on.
     *
     * @param wptCase the graph
     * @param shapes every operand's shape by name
     * @param output the output's name
     * @return the budget
     */
    static Budget budget(WptCase wptCase, Map<String, long[]> shapes, String output) {
        Map<String, WptOperator> producers = new HashMap<>();
        for (WptOperator operator : wptCase.operators()) {
            operator.outputs().forEach(name -> producers.put(name, operator));
        }
        Set<WptOperator> ancestors = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(output));
        while (!queue.isEmpty()) {
            WptOperator producer = producers.get(queue.pop());
            if (producer != null && ancestors.add(producer)) {
                producer.arguments().forEach(argument -> names(argument.value(), queue));
            }
        }
        double ulps = 0;
        double atol = 0;
        boolean absolute = false;
        for (WptOperator operator : ancestors) {
            MLOperandDataType type = wptCase.expectedOutputs().containsKey(output)
                    ? wptCase.expectedOutputs().get(output).dataType() : MLOperandDataType.FLOAT32;
            Budget budget = Tolerance.forOperator(operator, type, shapes::get);
            if (budget.metric() == Metric.ATOL) {
                absolute = true;
                atol += budget.value();
            } else {
                ulps += budget.value();
            }
        }
        return absolute ? new Budget(Metric.ATOL, 2 * atol) : new Budget(Metric.ULP, 2 * ulps);
    }

    private static void names(Object value, Deque<String> into) {
        if (value instanceof String name) {
            into.add(name);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> names(v, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> names(v, into));
        }
    }

    /** The reference context's output as an expected WPT tensor (floats exact as doubles, integers exact). */
    static WptTensor expected(WptTensor output, MemorySegment data) {
        long count = 1;
        for (long d : output.shape()) {
            count *= d;
        }
        List<Object> values = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            values.add(switch (output.dataType()) {
                case FLOAT32 -> (double) data.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                case FLOAT16 -> (double) Float.float16ToFloat(data.getAtIndex(ValueLayout.JAVA_SHORT, i));
                default -> WptData.readInteger(data, output.dataType(), i);
            });
        }
        return new WptTensor(output.name(), output.dataType(), output.shape(), values, false, false);
    }
}
