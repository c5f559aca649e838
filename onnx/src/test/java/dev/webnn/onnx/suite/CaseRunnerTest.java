package dev.webnn.onnx.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.onnx.testdata.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner and the expected lists catch what they must: a wrong expected output is a
 * "wrong result", a file that is not ONNX is an error, and a list's category must match.
 */
class CaseRunnerTest {

    @TempDir
    Path temp;

    @Test
    void passesReluAndCatchesAWrongExpectedOutput() throws IOException {
        SuiteCase relu = copy("test_relu");
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"))) {
            CaseRunner runner = new CaseRunner(context);
            assertEquals(Outcome.Status.PASSED, runner.run(relu).status());
            // relu(x) is not x: x has negative elements
            Files.copy(relu.inputs().get(0), relu.outputs().get(0), StandardCopyOption.REPLACE_EXISTING);
            Outcome wrong = runner.run(relu);
            assertEquals(Outcome.Status.WRONG_RESULT, wrong.status());
            assertTrue(wrong.detail().startsWith("y: ") && wrong.detail().contains(" elements differ, first element"), wrong.detail());
            assertEquals(List.of("Relu"), wrong.operators());
            Files.writeString(relu.model(), "not an ONNX model");
            Outcome error = runner.run(relu);
            assertEquals(Outcome.Status.ERROR, error.status());
            assertTrue(error.reason().startsWith("error: OnnxFormatError: "), error.reason());
            assertTrue(!error.reason().contains(temp.toString()), "no machine paths in reasons: " + error.reason());
        }
    }

    @Test
    void aListedCaseMustFailWithTheListedCategory() {
        ExpectedList list = new ExpectedList(Path.of("x.txt"), Map.of("test_a", "not convertible: Foo (no WebNN op)"));
        Outcome notConvertible = new Outcome("test_a", Outcome.Status.NOT_CONVERTIBLE, "Foo (other words)", List.of("Foo"));
        assertNull(list.disagreement(notConvertible));
        assertTrue(list.disagreement(new Outcome("test_a", Outcome.Status.PASSED, "", List.of())).startsWith("passes now"));
        assertTrue(list.disagreement(new Outcome("test_a", Outcome.Status.ERROR, "boom", List.of())).contains("listed in"));
        assertTrue(list.disagreement(new Outcome("test_b", Outcome.Status.UNSUPPORTED, "bar", List.of())).contains("not on"));
        assertNull(list.disagreement(new Outcome("test_b", Outcome.Status.PASSED, "", List.of())));
    }

    private SuiteCase copy(String name) throws IOException {
        Path source = TestData.onnxSuites().resolve("node").resolve(name);
        Path target = Files.createDirectories(temp.resolve(name).resolve("test_data_set_0"));
        for (String file : List.of("input_0.pb", "output_0.pb")) {
            Files.copy(source.resolve("test_data_set_0").resolve(file), target.resolve(file));
        }
        Files.copy(source.resolve("model.onnx"), temp.resolve(name).resolve("model.onnx"));
        return new SuiteCase(name, temp.resolve(name));
    }
}
