package dev.webnn.backend.xnnpack;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the test classes that share one one-thread {@code xnnpack} context, {@link #context}. */
abstract class OneThreadXnnpackTest {

    /** The shared context, open while the class's tests run. */
    static MLContext context;

    @BeforeAll
    static void openContext() {
        context = ML.createContext(MLContextOptions.defaults().withBackend("xnnpack").withNumThreads(1));
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }
}
