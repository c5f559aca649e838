package dev.webnn.spark;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLNotSupportedError;
import dev.webnn.langchain4j.SentenceEncoder;
import dev.webnn.onnx.OnnxUnsupported;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sentence encoders of this JVM (a Spark executor, or the driver in local mode): one
 * context and encoder per distinct {@link EmbeddingSpec}, opened by the first task that needs
 * it, shared by every later task and task thread (an encoder runs one batch at a time, each on
 * the backend's threads), and closed when the JVM shuts down.
 */
final class ExecutorEncoders {

    private static final Map<EmbeddingSpec, Opened> OPENED = new HashMap<>();
    private static boolean closeOnExit;
    private static int opens;

    private ExecutorEncoders() {
    }

    /**
     * The encoder of a spec, opened on first use.
     *
     * @param spec the spec
     * @return the shared encoder; callers do not close it
     * @throws MLNotSupportedError if the spec's backends cannot run the encoder
     * @throws IllegalArgumentException if the model's files are missing or not a text encoder
     */
    static synchronized SentenceEncoder encoder(EmbeddingSpec spec) {
        Opened opened = OPENED.get(spec);
        if (opened == null) {
            opened = open(spec);
            OPENED.put(spec, opened);
            opens++;
            if (!closeOnExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExecutorEncoders::closeAll, "webnn-spark-close"));
                closeOnExit = true;
            }
        }
        return opened.encoder();
    }

    /**
     * Whether this JVM has the encoder of a spec open.
     *
     * @param spec the spec
     * @return true once a task opened it
     */
    static synchronized boolean isOpen(EmbeddingSpec spec) {
        return OPENED.containsKey(spec);
    }

    /**
     * How many encoders this JVM opened.
     *
     * @return the count since the JVM started
     */
    static synchronized int opens() {
        return opens;
    }

    private static Opened open(EmbeddingSpec spec) {
        MLContext context = ML.createContext(spec.contextOptions());
        try {
            SentenceEncoder encoder = new SentenceEncoder(context, spec.files(), spec.maxTokens());
            TreeSet<String> missing = new TreeSet<>();
            encoder.unsupported().forEach((OnnxUnsupported gap) -> missing.add(gap.opType()));
            if (!missing.isEmpty()) {
                encoder.close();
                throw new MLNotSupportedError("the " + context.backendName() + " context cannot run the encoder: "
                        + String.join(", ", missing));
            }
            return new Opened(context, encoder);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            context.close();
            if (olderProtobuf(e)) {
                throw new IllegalStateException("put the ONNX importer's protobuf-java before Spark's older one on"
                        + " the class path (on a cluster: spark.driver.extraClassPath and"
                        + " spark.executor.extraClassPath): " + rootMessage(e), e);
            }
            throw e;
        }
    }

    /** Whether a class failed to load because the protobuf runtime is older than the generated code. */
    private static boolean olderProtobuf(Throwable error) {
        return rootMessage(error).contains("Protobuf Gencode/Runtime");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Closes every encoder and its context (a running batch finishes first). */
    private static synchronized void closeAll() {
        for (Opened opened : OPENED.values()) {
            opened.encoder().close();
            opened.context().close();
        }
        OPENED.clear();
    }

    /** An encoder and the context it runs on. */
    private record Opened(MLContext context, SentenceEncoder encoder) {
    }
}
