package dev.webnn.onnx.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.onnxruntime.OrtException;
import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.OnnxModel;
import dev.webnn.onnx.OnnxUnsupported;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check every real-model test makes: on a backend that runs the whole model (by
 * {@link OnnxModel#check}), WebNN's outputs match ONNX Runtime's Java API on the same file and
 * inputs ({@link Outputs#RELATIVE_BOUND}); on one that does not, the operators it cannot run are
 * exactly the expected ones.
 */
final class RealModels {

    private RealModels() {
    }

    /**
     * Runs a model on a backend and checks it.
     *
     * @param backend the backend's name, or several separated by commas (a mixed context)
     * @param file the model
     * @param options its fixed dimensions
     * @param inputs one per graph input, by name
     * @param expectedGaps the ONNX operator types the backend is expected not to run; empty
     *     when it must run the whole model
     * @throws OrtException if ONNX Runtime's Java API fails on the model
     */
    static void assertMatchesOnnxRuntime(String backend, Path file, OnnxImportOptions options, Map<String, ModelInput> inputs,
            Set<String> expectedGaps) throws OrtException {
        OnnxModel model = OnnxModel.read(file);
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackends(backend.split(",")))) {
            List<OnnxUnsupported> gaps = model.check(context, options);
            Set<String> gapOperators = new TreeSet<>();
            gaps.forEach(gap -> gapOperators.add(gap.opType()));
            String where = file.getFileName() + " on " + backend + " with " + inputs;
            if (!gaps.isEmpty()) {
                System.out.println(where + ": " + gaps.size() + " nodes cannot run: " + gaps);
                assertEquals(new TreeSet<>(expectedGaps), gapOperators, where + ": operators it cannot run");
                return;
            }
            assertEquals(Set.of(), expectedGaps, where + " runs the whole model now: remove the expected gaps");
            Outputs actual = Outputs.webnn(context, model, options, inputs);
            List<String> comparison = actual.compareWith(Outputs.onnxRuntime(file, inputs));
            System.out.println(where + ": " + String.join("; ", comparison));
            assertFalse(comparison.stream().anyMatch(line -> line.startsWith("FAIL")), where + ": " + comparison);
        }
    }
}
