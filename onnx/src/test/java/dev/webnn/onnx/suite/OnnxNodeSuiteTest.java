package dev.webnn.onnx.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.onnx.testdata.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ONNX's own operator test suite (Debian's libonnx-testdata 1.12.0: the {@code node},
 * {@code pytorch-converted}, {@code pytorch-operator} and {@code simple} folders) on both
 * backends, one dynamic test per case, compared with ONNX's tolerance ({@link OnnxTolerance}).
 *
 * <p>A case must pass unless the committed list {@code expected/<folder>-<backend>.txt} names
 * it with the category of its outcome ({@link ExpectedList}); a listed case that passes fails
 * until it is taken off the list. {@code -Dwebnn.onnx.updateExpected=true} rewrites the lists
 * from this run instead of checking them (review the diff). The counts per folder and per
 * operator go to {@link SuiteSummary#REPORT} and the log.
 */
class OnnxNodeSuiteTest {

    /** The suite folders run, in this order. */
    static final List<String> FOLDERS = List.of("node", "pytorch-converted", "pytorch-operator", "simple");
    /** The backends run, in this order. */
    static final List<String> BACKENDS = List.of("onnxruntime", "xnnpack");

    private static final boolean UPDATE = Boolean.getBoolean("webnn.onnx.updateExpected");
    private static final SuiteSummary SUMMARY = new SuiteSummary();
    private static final Map<String, MLContext> CONTEXTS = new TreeMap<>();

    @TestFactory
    Stream<DynamicNode> everyCaseOnEveryBackend() {
        Path suites = TestData.onnxSuites();
        return BACKENDS.stream().map(backend -> DynamicContainer.dynamicContainer(backend,
                FOLDERS.stream().map(folder -> folder(suites, folder, backend))));
    }

    @AfterAll
    static void report() {
        CONTEXTS.values().forEach(MLContext::close);
        CONTEXTS.clear();
        Path file = SUMMARY.write();
        System.out.print(SUMMARY.report());
        System.out.println("ONNX node-suite summary written to " + file.toAbsolutePath());
    }

    private static DynamicContainer folder(Path suites, String folder, String backend) {
        List<SuiteCase> cases = SuiteCase.list(suites.resolve(folder));
        ExpectedList expected = ExpectedList.read(folder, backend);
        List<Outcome> outcomes = new ArrayList<>();
        Stream<DynamicNode> tests = cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome outcome = runner(backend).run(c);
            outcomes.add(outcome);
            SUMMARY.add(folder, backend, outcome);
            String disagreement = expected.disagreement(outcome);
            if (!UPDATE && disagreement != null) {
                fail(disagreement);
            }
        }));
        DynamicNode listCheck = DynamicTest.dynamicTest("expected list " + expected.file().getFileName(), () -> {
            assertEquals(cases.size(), outcomes.size(), "every case of " + folder + " ran");
            if (UPDATE) {
                expected.write(outcomes);
                System.out.println("rewrote " + expected.file().toAbsolutePath() + ": review the diff before committing");
                return;
            }
            List<String> stale = expected.reasons().keySet().stream()
                    .filter(name -> cases.stream().noneMatch(c -> c.name().equals(name))).toList();
            assertTrue(stale.isEmpty(), expected.file() + " lists cases that do not exist: " + stale);
            long passed = outcomes.stream().filter(o -> o.status() == Outcome.Status.PASSED).count();
            System.out.printf("%s on %s: %d of %d cases passed, %d expected not to%n", folder, backend, passed, cases.size(),
                    expected.reasons().size());
        });
        return DynamicContainer.dynamicContainer(folder, Stream.concat(tests, Stream.of(listCheck)));
    }

    private static CaseRunner runner(String backend) {
        return new CaseRunner(CONTEXTS.computeIfAbsent(backend,
                b -> ML.createContext(MLContextOptions.defaults().withBackend(b).withNumThreads(1))));
    }
}
