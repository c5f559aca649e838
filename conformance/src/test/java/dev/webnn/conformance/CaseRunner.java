package dev.webnn.conformance;

import dev.webnn.MLContext;
import dev.webnn.MLGraph;
import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.spi.NativeStatusException;
import dev.webnn.testing.Refusals;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDescriptor;
import dev.webnn.conformance.GraphFromCase.Operands;
import dev.webnn.conformance.Tolerance.Budget;
import dev.webnn.conformance.WptCase.WptTensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one WPT case on one context: support check against {@code opSupportLimits()}, graph
 * building ({@link GraphFromCase}), {@code compute} on off-heap memory, and comparison of
 * every expected output ({@link OutputComparator}) within the case's {@link Tolerance}.
 */
public final class CaseRunner {

    /** How a case ended on a backend. */
    public enum Outcome {
        /** Every output within its tolerance. */
        PASSED,
        /**
         * Wrong results, a wrong output shape or type, or any error other than the backend's
         * declared refusal (JDK runtime exceptions and {@link UnsupportedOperationException}s
         * that are not {@link MLNotSupportedError} included).
         */
        FAILED,
        /**
         * The backend declared it does not run the case: its {@code opSupportLimits()} rule it
         * out, or {@code build} refused it with an {@link MLNotSupportedError} of its own (not
         * one caused by a native library's status, a {@link NativeStatusException}).
         */
        UNSUPPORTED,
        /**
         * The case data cannot be represented (a NaN lost as null in the JSON, a data type the
         * spec snapshot lacks).
         */
        NOT_RUNNABLE
    }

    /**
     * The result of a case.
     *
     * @param outcome how it ended
     * @param detail why (the reason, the mismatches, the error); empty when passed
     * @param cause the exception behind a failure, or {@code null}
     */
    public record Result(Outcome outcome, String detail, Throwable cause) {

        static Result of(Outcome outcome, String detail) {
            return new Result(outcome, detail, null);
        }
    }

    private CaseRunner() {
    }

    /**
     * Runs a case.
     *
     * @param context an open context
     * @param wptCase the case
     * @return its result; never throws for a failing case
     */
    public static Result run(MLContext context, WptCase wptCase) {
        if (wptCase.problem() != null) {
            return Result.of(Outcome.NOT_RUNNABLE, wptCase.problem());
        }
        Optional<String> unsupported = SupportCheck.unsupportedReason(wptCase, context.opSupportLimits());
        if (unsupported.isPresent()) {
            return Result.of(Outcome.UNSUPPORTED, unsupported.get());
        }
        try (Arena arena = Arena.ofConfined()) {
            Operands operands;
            MLGraph graph;
            try {
                MLGraphBuilder builder = new MLGraphBuilder(context);
                operands = GraphFromCase.addTo(builder, wptCase, arena);
                graph = builder.build(operands.outputs());
            } catch (RuntimeException e) {
                if (Refusals.isDeclared(e)) {
                    return Result.of(Outcome.UNSUPPORTED, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                return new Result(Outcome.FAILED, "building the graph failed: " + e, e);
            }
            try (graph) {
                return computeAndCompare(context, graph, wptCase, operands, arena);
            } catch (RuntimeException e) {
                return new Result(Outcome.FAILED, "computing failed: " + e, e);
            }
        }
    }

    private static Result computeAndCompare(MLContext context, MLGraph graph, WptCase wptCase, Operands operands,
                                            Arena arena) {
        Budget budget = Tolerance.forGraph(wptCase, name -> {
            MLOperand operand = operands.operands().get(name);
            return operand == null ? null : operand.shape();
        });
        Map<String, MemorySegment> inputs = new LinkedHashMap<>();
        for (String name : graph.inputDescriptors().keySet()) {
            inputs.put(name, WptData.encode(wptCase.inputs().get(name), arena));
        }
        Map<String, MemorySegment> outputs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        graph.outputDescriptors().forEach((name, descriptor) -> {
            WptTensor expected = wptCase.expectedOutputs().get(name);
            MLOperandDescriptor wanted = MLOperandDescriptor.of(expected.dataType(), expected.shape());
            if (!wanted.equals(descriptor)) {
                problems.add("'" + name + "' is " + descriptor + ", expected " + wanted);
            }
            outputs.put(name, arena.allocate(Math.max(1, descriptor.byteLength()), 8).asSlice(0, descriptor.byteLength()));
        });
        if (!problems.isEmpty()) {
            return Result.of(Outcome.FAILED, "wrong output descriptor: " + String.join("; ", problems));
        }
        context.compute(graph, inputs, outputs);
        outputs.forEach((name, actual) -> OutputComparator.compare(wptCase.expectedOutputs().get(name), actual, budget)
                .ifPresent(problems::add));
        return problems.isEmpty() ? Result.of(Outcome.PASSED, "")
                : Result.of(Outcome.FAILED, "outside the tolerance: " + String.join("\n", problems));
    }
}
