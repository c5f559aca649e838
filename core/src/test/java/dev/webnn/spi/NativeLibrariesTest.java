package dev.webnn.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    @TempDir
    Path temp;
    private URLClassLoader loader;

    @BeforeEach
    void packageTwoFakeLibraries() throws IOException {
        Path natives = Files.createDirectories(temp.resolve("classes/natives/test-platform"));
        Files.writeString(natives.resolve("libdep.so.0"), "dependency");
        Files.writeString(natives.resolve("libmain.so"), "main library");
        loader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, null);
        System.setProperty("webnn.cache", temp.resolve("cache").toString());
    }

    @AfterEach
    void restore() throws IOException {
        System.clearProperty("webnn.cache");
        loader.close();
    }

    @Test
    void extractsAllFilesIntoOneVersionedFolderOfTheCache() throws IOException {
        Path folder = NativeLibraries.extract(loader, "natives/test-platform", List.of("libdep.so.0", "libmain.so"), "fake", "1.2");
        assertTrue(folder.startsWith(temp.resolve("cache/natives")), folder.toString());
        assertTrue(folder.getFileName().toString().matches("fake-1\\.2-[0-9a-f]{12}"), folder.toString());
        assertEquals("dependency", Files.readString(folder.resolve("libdep.so.0")));
        assertEquals("main library", Files.readString(folder.resolve("libmain.so")));
    }

    @Test
    void reusesAnEarlierExtractionAndKeysByContent() throws IOException {
        Path first = NativeLibraries.extract(loader, "natives/test-platform", List.of("libmain.so"), "fake", "1");
        Files.writeString(first.resolve("marker"), "kept");
        assertEquals(first, NativeLibraries.extract(loader, "natives/test-platform", List.of("libmain.so"), "fake", "1"));
        assertTrue(Files.exists(first.resolve("marker")));

        Files.writeString(temp.resolve("classes/natives/test-platform/libmain.so"), "a different build");
        Path second = NativeLibraries.extract(loader, "natives/test-platform", List.of("libmain.so"), "fake", "1");
        assertEquals("a different build", Files.readString(second.resolve("libmain.so")));
        assertTrue(!second.equals(first), "a changed library gets its own folder");
    }

    @Test
    void concurrentExtractionsAgreeAndLeaveNoTemporaryFolders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> NativeLibraries.extract(loader, "natives/test-platform",
                        List.of("libdep.so.0", "libmain.so"), "race", "1")));
            }
            Path expected = results.get(0).get();
            for (Future<Path> result : results) {
                assertEquals(expected, result.get());
            }
            assertArrayEquals("main library".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(expected.resolve("libmain.so")));
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(temp.resolve("cache/natives"))) {
            assertEquals(1, entries.count(), "only the final folder remains");
        }
    }

    @Test
    void missingResourceIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraries.extract(loader, "natives/test-platform", List.of("libabsent.so"), "fake", "1"));
        assertEquals("resource natives/test-platform/libabsent.so is not on the class or module path", e.getMessage());
    }

    @Test
    void overrideMustNameAReadableFile() throws IOException {
        assertTrue(NativeLibraries.override("webnn.test.library", "WEBNN_TEST_LIBRARY_UNSET").isEmpty());
        Path library = Files.writeString(temp.resolve("libx.so"), "x");
        System.setProperty("webnn.test.library", library.toString());
        try {
            assertEquals(library, NativeLibraries.override("webnn.test.library", "WEBNN_TEST_LIBRARY_UNSET").orElseThrow());
            System.setProperty("webnn.test.library", temp.resolve("absent.so").toString());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> NativeLibraries.override("webnn.test.library", "WEBNN_TEST_LIBRARY_UNSET"));
            assertEquals("system property webnn.test.library names " + temp.resolve("absent.so")
                    + ", which is not a readable file", e.getMessage());
        } finally {
            System.clearProperty("webnn.test.library");
        }
    }

    @Test
    void platformNamesThisMachine() {
        String expectedArch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        assertTrue(NativeLibraries.platform().endsWith("-" + expectedArch), NativeLibraries.platform());
    }

    @Test
    void readsAPropertyPackagedBesideAClassAndRejectsMissingOnes() {
        assertEquals("1", NativeLibraries.resourceProperty(NativeLibrariesTest.class, "/META-INF/webnn/test.properties", "version"));
        assertThrows(IllegalStateException.class,
                () -> NativeLibraries.resourceProperty(NativeLibrariesTest.class, "/META-INF/webnn/test.properties", "absent"));
        assertThrows(IllegalStateException.class,
                () -> NativeLibraries.resourceProperty(NativeLibrariesTest.class, "/META-INF/webnn/absent.properties", "version"));
    }
}
