package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperationError;
import dev.webnn.conformance.CaseRunner.Outcome;
import dev.webnn.conformance.CaseRunner.Result;
import dev.webnn.spi.NativeStatusException;
import dev.webnn.testing.Refusals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole case on the ONNX Runtime backend: build, compute, compare, classify. */
class CaseRunnerTest {

    private MLContext context;

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(ML.backends().stream().anyMatch(b -> b.name().equals("onnxruntime")
                && b.availability().available()), "the onnxruntime backend is unavailable");
        context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    /** An add case: a float16 graph input plus a broadcast float16 constant. */
    private static WptCase add(String expected) {
        String json = """
                {"tests": [{"name": "add", "graph": {
                  "inputs": {"a": {"data": [0.1, 1, -2, 65504], "descriptor": {"shape": [2, 2], "dataType": "float16"}},
                             "b": {"data": 0.5, "descriptor": {"shape": [2], "dataType": "float16"}, "constant": true}},
                  "operators": [{"name": "add", "arguments": [{"a": "a"}, {"b": "b"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": EXPECTED, "descriptor": {"shape": [2, 2], "dataType": "float16"}}}}}]}
                """.replace("EXPECTED", expected);
        return WptCaseLoader.cases("add.json", json).get(0);
    }

    @Test
    void aCorrectResultPasses() {
        Result result = CaseRunner.run(context, add("[0.6, 1.5, -1.5, 65504]"));
        assertEquals(Outcome.PASSED, result.outcome(), result.detail());
    }

    @Test
    void aWrongResultFailsWithTheMismatches() {
        Result result = CaseRunner.run(context, add("[0.6, 1.5, -1.5, 3]"));
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.detail().startsWith("outside the tolerance: 'y' (float16): 1 of 4 elements exceed 1 ULP"),
                result.detail());
    }

    @Test
    void aWrongOutputShapeFails() {
        WptCase wrong = WptCaseLoader.cases("add.json", """
                {"tests": [{"name": "add", "graph": {
                  "inputs": {"a": {"data": 1, "descriptor": {"shape": [2], "dataType": "float32"}}},
                  "operators": [{"name": "add", "arguments": [{"a": "a"}, {"b": "a"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": 2, "descriptor": {"shape": [3], "dataType": "float32"}}}}}]}
                """).get(0);
        Result result = CaseRunner.run(context, wrong);
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("wrong output descriptor: 'y' is float32[2], expected float32[3]", result.detail());
    }

    @Test
    void anOperatorOutsideTheLimitsIsUnsupported() {
        WptCase gru = WptCaseLoader.cases("gru.json", """
                {"tests": [{"name": "gru", "graph": {
                  "inputs": {"a": {"data": 1, "descriptor": {"shape": [1, 1, 1], "dataType": "float32"}}},
                  "operators": [{"name": "gru", "arguments": [{"input": "a"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": 1, "descriptor": {"shape": [1], "dataType": "float32"}}}}}]}
                """).get(0);
        try (MLContext xnnpack = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack"))) {
            Result result = CaseRunner.run(xnnpack, gru);
            assertEquals(Outcome.UNSUPPORTED, result.outcome());
            assertEquals("operator gru is not in the backend's opSupportLimits()", result.detail());
        }
    }

    @Test
    void anErrorThatIsNotTheBackendsRefusalFails() {
        WptCase mismatched = WptCaseLoader.cases("add.json", """
                {"tests": [{"name": "add", "graph": {
                  "inputs": {"a": {"data": 1, "descriptor": {"shape": [2], "dataType": "float32"}},
                             "b": {"data": 1, "descriptor": {"shape": [3], "dataType": "float32"}}},
                  "operators": [{"name": "add", "arguments": [{"a": "a"}, {"b": "b"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": 2, "descriptor": {"shape": [3], "dataType": "float32"}}}}}]}
                """).get(0);
        Result result = CaseRunner.run(context, mismatched);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.detail().startsWith("building the graph failed: dev.webnn.MLTypeError: "), result.detail());
    }

    @Test
    void onlyTheBackendsOwnNotSupportedErrorIsARefusal() {
        assertTrue(Refusals.isDeclared(new MLNotSupportedError("pad: the xnnpack backend pads with a constant only")));
        assertFalse(Refusals.isDeclared(new MLNotSupportedError("XNNPACK could not reshape the runtime",
                new NativeStatusException("XNNPACK", "xnn_status_unsupported_parameter"))));
        assertFalse(Refusals.isDeclared(new UnsupportedOperationException("List.add")));
        assertFalse(Refusals.isDeclared(new MLOperationError("ONNX Runtime could not run")));
    }

    /** int4 (beyond the spec snapshot) runs where an operator takes it; identity does not. */
    @Test
    void aFourBitTypeAnOperatorDoesNotTakeIsUnsupported() {
        Result result = CaseRunner.run(context, WptCaseLoader.cases("q.json", identityOf("int4")).get(0));
        assertEquals(Outcome.UNSUPPORTED, result.outcome());
    }

    @Test
    void anUnknownDataTypeIsNotRunnable() {
        Result result = CaseRunner.run(context, WptCaseLoader.cases("q.json", identityOf("float8")).get(0));
        assertEquals(Outcome.NOT_RUNNABLE, result.outcome());
        assertEquals("data type float8 is not an MLOperandDataType", result.detail());
    }

    private static String identityOf(String dataType) {
        return """
                {"tests": [{"name": "q", "graph": {
                  "inputs": {"a": {"data": [1, 2], "descriptor": {"shape": [2], "dataType": "%1$s"}}},
                  "operators": [{"name": "identity", "arguments": [{"input": "a"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": [1, 2], "descriptor": {"shape": [2], "dataType": "%1$s"}}}}}]}
                """.formatted(dataType);
    }

    @Test
    void lostDataMakesACaseNotRunnable() {
        Result result = CaseRunner.run(context, add("[null, 1.5, -1.5, 3]"));
        assertEquals(Outcome.NOT_RUNNABLE, result.outcome());
    }
}
