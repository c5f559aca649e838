package dev.webnn.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.conformance.CaseRunner.Result;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.MLBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The WPT WebNN conformance cases on every backend on the class path: one dynamic test per
 * (backend, case), named {@code "<backend> / <operation> / <case name>"}.
 *
 * <p>A passed case passes; a failed one fails with the mismatches or the error; an
 * unsupported one (see {@link CaseRunner.Outcome#UNSUPPORTED}) and a case whose data cannot
 * be represented are aborted, so JUnit reports them as skipped with the reason. After all
 * cases, the summary table ({@link ConformanceSummary}) goes to the log and to
 * {@code target/conformance-summary.md}.
 *
 * <p>System properties: {@code webnn.shared} (the shared folder, set by the POM; without it,
 * or when its {@code conformance/wpt} folder is missing, one skipped test says so) and
 * {@code webnn.conformance.filter} (run only the tests whose name contains this text).
 */
class WptConformanceTest {

    /** System property: only tests whose name contains this substring run. */
    static final String FILTER_PROPERTY = "webnn.conformance.filter";

    private static final Path SUMMARY_FILE = Path.of(System.getProperty("basedir", "."), "target", "conformance-summary.md");
    private static final ConformanceSummary SUMMARY = new ConformanceSummary();
    /** One context per backend, opened on first use and closed after all tests. */
    private static final Map<String, MLContext> CONTEXTS = new LinkedHashMap<>();

    @TestFactory
    List<DynamicTest> wptCases() {
        Optional<Path> folder = WptCaseLoader.folder();
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            String why = "WPT cases not found at " + folder.map(Path::toString).orElse("(no -D" + WptCaseLoader.SHARED_PROPERTY
                    + ")") + ": set -D" + WptCaseLoader.SHARED_PROPERTY + " to the shared folder";
            return List.of(dynamicTest("skipped: " + why, () -> Assumptions.abort(why)));
        }
        List<WptCase> cases = WptCaseLoader.loadAll(folder.get());
        String filter = System.getProperty(FILTER_PROPERTY, "");
        List<DynamicTest> tests = new ArrayList<>();
        for (MLBackend backend : ML.backends()) {
            BackendAvailability availability = backend.availability();
            if (!availability.available()) {
                String why = "backend " + backend.name() + " is unavailable: " + availability.reason();
                SUMMARY.note(why);
                tests.add(dynamicTest(backend.name() + " / unavailable", () -> Assumptions.abort(why)));
                continue;
            }
            for (WptCase wptCase : cases) {
                String name = backend.name() + " / " + wptCase.operation() + " / " + wptCase.name();
                if (name.contains(filter)) {
                    tests.add(dynamicTest(name, () -> run(backend.name(), wptCase)));
                }
            }
        }
        return tests;
    }

    private static void run(String backend, WptCase wptCase) {
        Result result = CaseRunner.run(context(backend), wptCase);
        SUMMARY.record(backend, wptCase.operation(), wptCase.name(), result);
        switch (result.outcome()) {
            case PASSED -> {
            }
            case FAILED -> Assertions.fail(result.detail(), result.cause());
            case UNSUPPORTED -> Assumptions.abort("unsupported: " + result.detail());
            case NOT_RUNNABLE -> Assumptions.abort("case not runnable: " + result.detail());
        }
    }

    private static synchronized MLContext context(String backend) {
        return CONTEXTS.computeIfAbsent(backend, b -> ML.createContext(MLContextOptions.defaults().withBackend(b)));
    }

    @AfterAll
    static void writeSummary() {
        synchronized (WptConformanceTest.class) {
            CONTEXTS.values().forEach(MLContext::close);
            CONTEXTS.clear();
        }
        if (SUMMARY.isEmpty()) {
            return;
        }
        String markdown = SUMMARY.toMarkdown();
        System.out.println(markdown);
        SUMMARY.write(SUMMARY_FILE);
        System.out.println("WPT conformance summary written to " + SUMMARY_FILE.toAbsolutePath());
    }
}
