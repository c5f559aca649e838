package dev.webnn.onnx;

import dev.webnn.MLContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the import tests: one ONNX Runtime context for the test class, and a fresh folder
 * per test for the models it writes.
 */
abstract class ImportTestBase {

    /** The context every test of the class compiles on. */
    static MLContext context;

    /** The folder a test writes its models into. */
    @TempDir
    Path folder;

    @BeforeAll
    static void openContext() {
        context = Runs.context();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }
}
