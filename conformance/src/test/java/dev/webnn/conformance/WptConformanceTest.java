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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The WPT WebNN conformance cases of every suite ({@link WptCaseLoader#SUITES}) on every
 * backend on the class path, and on a context of all of them in priority order (the mixed
 * configuration, e.g. {@code xnnpack+onnxruntime}, whose graphs are split between the
 * backends): one dynamic test per (configuration, case), named
 * {@code "<configuration> / <operation> / <case name>"}.
 *
 * <p>Each test holds the case's outcome against the backend's committed
 * {@link ExpectedOutcomes} list: a case not listed must pass; a listed case must end exactly
 * as listed (still unsupported, still failing, still not runnable). So a case that newly
 * becomes unsupported or fails, and a listed case that now passes, both fail the build. One
 * more test per backend fails on listed names that no suite has. After all cases, the summary
 * table ({@link ConformanceSummary}) goes to the log and to
 * {@code target/conformance-summary.md}.
 *
 * <p>System properties: {@code webnn.shared} (the shared folder, set by the POM; without it,
 * or when its conformance folders are missing, one skipped test says so),
 * {@code webnn.conformance.filter} (run only the tests whose name contains this text) and
 * {@value #UPDATE_PROPERTY} ({@code true}: rewrite the lists in
 * {@code src/test/resources/expected} from this run instead of checking them; needs a run of
 * every case).
 */
class WptConformanceTest {

    /** System property: only tests whose name contains this substring run. */
    static final String FILTER_PROPERTY = "webnn.conformance.filter";
    /** System property: {@code true} rewrites the expected lists from the run. */
    static final String UPDATE_PROPERTY = "webnn.conformance.updateExpected";

    /** Joins the backends of the mixed configuration, e.g. {@code xnnpack+onnxruntime}. */
    static final String MIXED_SEPARATOR = "+";
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path SUMMARY_FILE = BASEDIR.resolve(Path.of("target", "conformance-summary.md"));
    private static final ConformanceSummary SUMMARY = new ConformanceSummary();
    /** One context per backend, opened on first use and closed after all tests. */
    private static final Map<String, MLContext> CONTEXTS = new LinkedHashMap<>();
    /** Every result per backend, by case name, for regenerating the lists. */
    private static final Map<String, Map<String, Result>> RESULTS = new TreeMap<>();
    private static final Map<String, ExpectedOutcomes> EXPECTED = new TreeMap<>();
    private static final boolean UPDATE = Boolean.getBoolean(UPDATE_PROPERTY);

    @TestFactory
    List<DynamicTest> wptCases() {
        List<WptCase> cases = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String suite : WptCaseLoader.SUITES) {
            Optional<Path> folder = WptCaseLoader.folder(suite).filter(Files::isDirectory);
            folder.ifPresentOrElse(f -> cases.addAll(WptCaseLoader.loadAll(f)), () -> missing.add(suite));
        }
        if (!missing.isEmpty()) {
            String why = "WPT cases not found (" + missing + " under " + WptCaseLoader.folder().map(Path::getParent)
                    .map(Path::toString).orElse("(no -D" + WptCaseLoader.SHARED_PROPERTY + ")") + "): set -D"
                    + WptCaseLoader.SHARED_PROPERTY + " to the shared folder";
            return List.of(dynamicTest("skipped: " + why, () -> Assumptions.abort(why)));
        }
        Set<String> names = cases.stream().map(WptCase::name).collect(Collectors.toSet());
        String filter = System.getProperty(FILTER_PROPERTY, "");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("case names are unique across the suites",
                () -> Assertions.assertEquals(cases.size(), names.size(), "case names repeat")));
        List<String> configurations = new ArrayList<>();
        for (MLBackend backend : ML.backends()) {
            BackendAvailability availability = backend.availability();
            if (!availability.available()) {
                String why = "backend " + backend.name() + " is unavailable: " + availability.reason();
                SUMMARY.note(why);
                tests.add(dynamicTest(backend.name() + " / unavailable", () -> Assumptions.abort(why)));
                continue;
            }
            configurations.add(backend.name());
        }
        if (configurations.size() > 1) {
            configurations.add(String.join(MIXED_SEPARATOR, configurations));
        }
        for (String configuration : configurations) {
            ExpectedOutcomes expected = expected(configuration);
            for (WptCase wptCase : cases) {
                String name = configuration + " / " + wptCase.operation() + " / " + wptCase.name();
                if (name.contains(filter)) {
                    tests.add(dynamicTest(name, () -> run(configuration, wptCase, expected)));
                }
            }
            if (filter.isEmpty()) {
                tests.add(dynamicTest(configuration + " / expected list names only existing cases",
                        () -> Assertions.assertTrue(UPDATE || expected.staleNames(names).isEmpty(),
                                () -> ExpectedOutcomes.FOLDER + "/" + ExpectedOutcomes.fileName(configuration)
                                        + " lists cases no suite has: " + expected.staleNames(names))));
            }
        }
        return tests;
    }

    private static void run(String backend, WptCase wptCase, ExpectedOutcomes expected) {
        Result result = CaseRunner.run(context(backend), wptCase);
        SUMMARY.record(backend, wptCase.operation(), wptCase.name(), result);
        synchronized (RESULTS) {
            RESULTS.computeIfAbsent(backend, b -> new LinkedHashMap<>()).put(wptCase.name(), result);
        }
        Optional<String> violation = expected.violation(wptCase.name(), result);
        if (violation.isPresent() && !UPDATE) {
            Assertions.fail(violation.get(), result.cause());
        }
    }

    private static synchronized ExpectedOutcomes expected(String backend) {
        return EXPECTED.computeIfAbsent(backend, ExpectedOutcomes::load);
    }

    private static synchronized MLContext context(String backend) {
        return CONTEXTS.computeIfAbsent(backend,
                b -> ML.createContext(MLContextOptions.defaults().withBackends(b.split(Pattern.quote(MIXED_SEPARATOR)))));
    }

    @AfterAll
    static void writeSummary() {
        synchronized (WptConformanceTest.class) {
            CONTEXTS.values().forEach(MLContext::close);
            CONTEXTS.clear();
        }
        if (UPDATE && System.getProperty(FILTER_PROPERTY, "").isEmpty()) {
            Path folder = BASEDIR.resolve(Path.of("src", "test", "resources", ExpectedOutcomes.FOLDER));
            RESULTS.forEach((backend, results) -> System.out.println("expected list written to "
                    + expected(backend).write(folder, results).toAbsolutePath()));
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
