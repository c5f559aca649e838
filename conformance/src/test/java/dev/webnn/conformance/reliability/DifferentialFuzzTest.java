package dev.webnn.conformance.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.conformance.reliability.DifferentialRunner.Result;
import dev.webnn.conformance.reliability.DifferentialRunner.Verdict;
import dev.webnn.conformance.reliability.GraphGenerator.Generated;
import dev.webnn.conformance.reliability.GraphGenerator.Settings;
import dev.webnn.spi.MLBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential testing: random valid graphs ({@link GraphGenerator}) from the operators every
 * available backend supports run on each backend with the same inputs, and their outputs
 * must agree within the WPT tolerances ({@link DifferentialRunner}).
 *
 * <p>A disagreement, or a backend failing on a valid graph, is minimised (fewer nodes, then
 * smaller dimensions, keeping the seed) and reported with the system properties that
 * reproduce it and the graph as WPT JSON. CI runs a fixed series of seeds for about 20
 * seconds, and at least {@value #CI_MIN_GRAPHS} graphs however long they take, of which at
 * least half must run on every backend (a slow machine or a backend that stops supporting
 * operators cannot shrink the run to nothing); {@code -Dwebnn.soak=true} runs random seeds
 * for 20 minutes and at least {@value #SOAK_MIN_GRAPHS} graphs.
 * {@code -Dwebnn.fuzz.seed=S -Dwebnn.fuzz.ops=N -Dwebnn.fuzz.maxDim=D} runs one graph and
 * prints it; {@code webnn.fuzz.graphs}, {@code webnn.fuzz.minGraphs} and
 * {@code webnn.fuzz.seconds} set the amount. The mixed mode does the same on a context of
 * both backends against ONNX Runtime alone, with graphs that XNNPACK runs only in part.
 */
class DifferentialFuzzTest {

    private static final int MAX_OPS = 6;
    private static final int MAX_FAILURES = 8;
    /** Graphs a CI run must have generated and run, whatever its time budget. */
    static final long CI_MIN_GRAPHS = 1_000;
    /** Graphs a soak run must have generated and run. */
    static final long SOAK_MIN_GRAPHS = 50_000;

    private static final List<MLContext> CONTEXTS = new ArrayList<>();

    @BeforeAll
    static void openContexts() {
        for (MLBackend backend : ML.backends()) {
            if (backend.availability().available()) {
                CONTEXTS.add(ML.createContext(MLContextOptions.defaults().withBackend(backend.name())));
            }
        }
    }

    @AfterAll
    static void closeContexts() {
        CONTEXTS.forEach(MLContext::close);
        CONTEXTS.clear();
    }

    private static GraphGenerator generator() {
        assumeTrue(CONTEXTS.size() >= 2, "differential testing needs two available backends");
        List<MLOpSupportLimits> limits = CONTEXTS.stream().map(MLContext::opSupportLimits).toList();
        GraphGenerator generator = new GraphGenerator(CONTEXTS.get(0), limits);
        assumeTrue(!generator.operators().isEmpty(), "the backends share no operator of the generator's catalogue");
        return generator;
    }

    @Test
    void backendsAgreeOnRandomGraphs() {
        GraphGenerator generator = generator();
        String single = System.getProperty("webnn.fuzz.seed");
        if (single != null && System.getProperty("webnn.fuzz.ops") != null) {
            Settings settings = new Settings(Long.decode(single), Integer.getInteger("webnn.fuzz.ops"),
                    Integer.getInteger("webnn.fuzz.maxDim", 4));
            Generated generated = generator.generate(settings).orElseThrow();
            Result result = DifferentialRunner.run(generated, CONTEXTS);
            System.out.println(CaseJson.render(generated.wptCase()) + "\n" + result);
            assertTrue(result.verdict() == Verdict.AGREE || result.verdict() == Verdict.UNSUPPORTED, result.detail());
            return;
        }
        fuzz(generator, CONTEXTS);
    }

    /**
     * The mixed mode: random graphs from every operator ONNX Runtime runs, so that XNNPACK runs
     * some of their operations and not others, on a context of both (whose plan splits each
     * graph at random places) against ONNX Runtime alone.
     */
    @Test
    void mixedContextAgreesWithOnnxRuntimeOnRandomPartitions() {
        assumeTrue(CONTEXTS.size() >= 2, "the mixed mode needs two available backends");
        try (MLContext onnxRuntime = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
             MLContext xnnpack = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"));
             MLContext mixed = ML.createContext(MLContextOptions.defaults().withBackends("xnnpack", "onnxruntime"))) {
            GraphGenerator generator = new GraphGenerator(onnxRuntime, List.of(onnxRuntime.opSupportLimits()));
            List<String> splitting = generator.operators().stream()
                    .filter(op -> xnnpack.opSupportLimits().operator(op).isEmpty()).toList();
            assertTrue(!splitting.isEmpty() && splitting.size() < generator.operators().size(),
                    "the generator must mix operators XNNPACK runs and ones it does not: " + splitting);
            fuzz(generator, List.of(onnxRuntime, mixed));
        }
    }

    private static void fuzz(GraphGenerator generator, List<MLContext> contexts) {
        String single = System.getProperty("webnn.fuzz.seed");
        long base = single != null ? Long.decode(single)
                : Soak.enabled() ? new SplittableRandom().nextLong() : 0x5EED_0001L;
        long graphs = Soak.value("webnn.fuzz.graphs", 5_000, Long.MAX_VALUE);
        long minGraphs = Math.min(graphs, Soak.value("webnn.fuzz.minGraphs", CI_MIN_GRAPHS, SOAK_MIN_GRAPHS));
        long deadline = System.nanoTime() + Soak.value("webnn.fuzz.seconds", 20, 1_200) * 1_000_000_000L;
        Map<Verdict, Integer> verdicts = new TreeMap<>();
        Map<String, Integer> operators = new TreeMap<>();
        Map<String, Integer> unsupported = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long run = 0;
        for (long i = 0; i < graphs && (run < minGraphs || System.nanoTime() < deadline) && failures.size() < MAX_FAILURES;
             i++) {
            long seed = base + i;
            SplittableRandom sizes = new SplittableRandom(seed);
            Settings settings = new Settings(seed, 1 + sizes.nextInt(MAX_OPS), 2 + sizes.nextInt(5));
            Optional<Generated> generated = generator.generate(settings);
            if (generated.isEmpty()) {
                continue;
            }
            run++;
            Result result = DifferentialRunner.run(generated.get(), contexts);
            verdicts.merge(result.verdict(), 1, Integer::sum);
            switch (result.verdict()) {
                case AGREE -> generated.get().operators().forEach(op -> operators.merge(op, 1, Integer::sum));
                case UNSUPPORTED -> unsupported.merge(result.detail().replaceAll("[\\[(].*", "").strip(), 1, Integer::sum);
                default -> failures.add(minimise(generator, settings, result, contexts));
            }
        }
        System.out.printf("[fuzz] base seed 0x%x: %d graphs on %s: %s%n[fuzz] operators in agreeing graphs: %s%n"
                        + "[fuzz] refused by a backend (MLNotSupportedError): %s%n", base, run,
                contexts.stream().map(MLContext::backendName).toList(), verdicts, operators, unsupported);
        failures.forEach(f -> System.out.println("[fuzz] FAILURE " + f));
        assertTrue(!failures.isEmpty() || run >= minGraphs, "only " + run + " graphs were generated, at least "
                + minGraphs + " must run");
        int agreeing = verdicts.getOrDefault(Verdict.AGREE, 0);
        assertTrue(!failures.isEmpty() || agreeing >= minGraphs / 2, "only " + agreeing + " of " + run
                + " graphs ran on every backend (at least " + minGraphs / 2 + " must): " + unsupported);
        assertTrue(failures.isEmpty(), failures.size() + " disagreement(s); first:\n" + (failures.isEmpty() ? ""
                : failures.get(0)));
    }

    /** Fewer nodes first (the shortest failing prefix), then the smallest failing dimension bound. */
    private static String minimise(GraphGenerator generator, Settings failing, Result failure,
                                   List<MLContext> contexts) {
        Settings best = failing;
        Result bestResult = failure;
        for (int ops = 1; ops < failing.ops(); ops++) {
            Settings candidate = new Settings(failing.seed(), ops, failing.maxDim());
            Optional<Result> result = failure(generator, candidate, failure.verdict(), contexts);
            if (result.isPresent()) {
                best = candidate;
                bestResult = result.get();
                break;
            }
        }
        for (int maxDim = 1; maxDim < best.maxDim(); maxDim++) {
            Settings candidate = new Settings(best.seed(), best.ops(), maxDim);
            Optional<Result> result = failure(generator, candidate, failure.verdict(), contexts);
            if (result.isPresent()) {
                best = candidate;
                bestResult = result.get();
                break;
            }
        }
        Generated minimal = generator.generate(best).orElseThrow();
        for (String output : minimal.wptCase().expectedOutputs().keySet()) {
            Generated cone = DifferentialRunner.cone(minimal, output);
            Result result = DifferentialRunner.run(cone, contexts);
            if (result.verdict() == failure.verdict()) {
                minimal = cone;
                bestResult = result;
                break;
            }
        }
        return bestResult.verdict() + " with " + best.reproduce() + " (found with " + failing.reproduce() + ")\n"
                + bestResult.detail() + "\n" + CaseJson.render(minimal.wptCase());
    }

    private static Optional<Result> failure(GraphGenerator generator, Settings settings, Verdict verdict,
                                            List<MLContext> contexts) {
        return generator.generate(settings).map(g -> DifferentialRunner.run(g, contexts))
                .filter(r -> r.verdict() == verdict);
    }
}
