package dev.webnn;

/** Contexts for core tests, on the Java reference backend of the test class path. */
final class TestContexts {

    private TestContexts() {
    }

    /**
     * A new context on the {@code reference} test backend.
     *
     * @return an open context; close it after the test
     */
    static MLContext reference() {
        return ML.createContext(MLContextOptions.defaults().withBackend("reference"));
    }
}
