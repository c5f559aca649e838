package dev.webnn.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds the native libraries of a backend: an explicit override, or files packaged as
 * resources that are extracted once into a per-user cache.
 *
 * <p>The cache folder is {@code webnn.cache} (system property), else
 * {@code $WEBNN_CACHE}, else {@code $XDG_CACHE_HOME/webnn}, else {@code ~/.cache/webnn}.
 * Each extraction lives in a folder named by library, version and a hash of the packaged
 * files; it is written under a temporary name and renamed atomically, so JVMs that start
 * together never see a half-written library.
 */
public final class NativeLibraries {

    private NativeLibraries() {
    }

    /**
     * The platform folder name used for packaged natives, such as {@code linux-x86_64}.
     *
     * @return the folder name for this JVM's OS and architecture
     */
    public static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos"
                : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osName + "-" + archName;
    }

    /**
     * The library path a user configured, if any.
     *
     * @param property system property holding a path, e.g. {@code webnn.xnnpack.library}
     * @param environmentVariable environment variable consulted when the property is unset
     * @return the configured path
     * @throws IllegalStateException if a path is configured but is not a readable file
     */
    public static Optional<Path> override(String property, String environmentVariable) {
        String value = System.getProperty(property);
        String source = "system property " + property;
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
            source = "environment variable " + environmentVariable;
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalStateException(source + " names " + path + ", which is not a readable file");
        }
        return Optional.of(path);
    }

    /**
     * The per-user cache folder of WebNN for Java.
     *
     * @return the folder (not created by this call)
     */
    public static Path cacheRoot() {
        String configured = System.getProperty("webnn.cache");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("WEBNN_CACHE");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("webnn");
    }

    /**
     * Extracts packaged files into the cache, unless an identical extraction is there.
     *
     * @param loader class loader that sees the resources
     * @param resourceFolder resource folder without leading slash, e.g. {@code natives/linux-x86_64}
     * @param fileNames files of that folder to extract together
     * @param name library name for the cache folder, e.g. {@code xnnpack}
     * @param version library version for the cache folder
     * @return the folder that holds all the files
     * @throws IllegalStateException if a resource is missing
     * @throws UncheckedIOException if the cache cannot be written
     */
    public static Path extract(ClassLoader loader, String resourceFolder, List<String> fileNames,
                               String name, String version) {
        List<URL> urls = new ArrayList<>();
        for (String file : fileNames) {
            URL url = loader.getResource(resourceFolder + "/" + file);
            if (url == null) {
                throw new IllegalStateException("resource " + resourceFolder + "/" + file + " is not on the class or module path");
            }
            urls.add(url);
        }
        try {
            Path target = cacheRoot().resolve("natives").resolve(name + "-" + version + "-" + fingerprint(urls));
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
            try {
                for (int i = 0; i < urls.size(); i++) {
                    try (InputStream in = urls.get(i).openStream()) {
                        Files.copy(in, staging.resolve(fileNames.get(i)));
                    }
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Another JVM may have renamed its identical copy into place first.
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                }
                return target;
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract native libraries of " + name + " into " + cacheRoot(), e);
        }
    }

    /**
     * Reads one property of a properties file packaged in the module of a class, such as
     * the library version a backend was built with. The file must lie outside any package
     * (for example under {@code /META-INF/webnn/}) so that module encapsulation lets this
     * module read it.
     *
     * @param anchor class of the module that holds the file
     * @param resource absolute resource name, e.g. {@code /META-INF/webnn/xnnpack.properties}
     * @param key the property
     * @return the value
     * @throws IllegalStateException if the resource or the property is missing
     */
    public static String resourceProperty(Class<?> anchor, String resource, String key) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " of " + anchor.getModule() + " is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalStateException("property " + key + " is missing from " + resource);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hash of the packaged files: the zip CRCs and sizes when in a jar, else the content. */
    private static String fingerprint(List<URL> urls) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (URL url : urls) {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar && jar.getJarEntry().getCrc() != -1) {
                digest.update((jar.getJarEntry().getCrc() + ":" + jar.getJarEntry().getSize() + ";").getBytes(StandardCharsets.US_ASCII));
            } else {
                try (InputStream in = connection.getInputStream()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
