package dev.webnn.spark;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Sentence embeddings of a Spark dataset's text column, computed on the executors with WebNN.
 *
 * <p>Each executor JVM opens one WebNN context and sentence encoder per {@link EmbeddingSpec}
 * when its first task starts, compiles the encoder's graphs once (a few shapes, see
 * {@link dev.webnn.langchain4j.SentenceEncoder}) and keeps them for every later task; they are
 * closed when the executor shuts down. Each partition is tokenised and dispatched in batches of
 * {@link EmbeddingSpec#batchSize()} texts of similar lengths. The vectors equal those of a
 * single-JVM {@code SentenceEncoder} on the same texts.
 *
 * <p>JVM options: Spark's launcher ({@code spark-submit}) passes the {@code --add-opens} Spark
 * needs on JDK 17 and later and {@code --enable-native-access=ALL-UNNAMED}, which the WebNN
 * backends (FFM) need, to the driver and every executor, so a cluster needs nothing extra. A
 * JVM that starts Spark in local mode itself (a test, {@code java -cp ... Main}) must pass them:
 * {@code --enable-native-access=ALL-UNNAMED}, {@code --sun-misc-unsafe-memory-access=allow},
 * {@code -Dio.netty.tryReflectionSetAccessible=true} and {@code --add-opens=java.base/P=ALL-UNNAMED}
 * for P in {@code java.lang}, {@code java.lang.invoke}, {@code java.lang.reflect}, {@code java.io},
 * {@code java.net}, {@code java.nio}, {@code java.util}, {@code java.util.concurrent},
 * {@code java.util.concurrent.atomic}, {@code jdk.internal.ref}, {@code sun.nio.ch},
 * {@code sun.nio.cs}, {@code sun.util.calendar}. A cluster whose
 * launcher lacks native access can add it with {@code spark.driver.extraJavaOptions} and
 * {@code spark.executor.extraJavaOptions}.
 *
 * <p>Class path: Spark ships protobuf-java 4.33, older than the runtime the ONNX importer's
 * generated code requires (see this module's POM); on a cluster put the newer protobuf-java
 * first with {@code spark.driver.extraClassPath} and {@code spark.executor.extraClassPath}.
 */
public final class WebnnEmbeddings {

    /** The name of the column {@link #embed} appends. */
    public static final String EMBEDDING = "embedding";

    private WebnnEmbeddings() {
    }

    /**
     * Appends the embedding of each row's text as column {@value #EMBEDDING}
     * ({@code array<float>}, null for a null text). Lazy, like every Spark transformation: the
     * embeddings are computed when an action runs.
     *
     * @param df the rows
     * @param textColumn the name of a string column of {@code df}
     * @param spec the encoder, batch size and backends
     * @return the rows with the embedding column last, partitioned like {@code df}
     * @throws IllegalArgumentException if the column is missing or not a string, or
     *     {@code df} already has a column named {@value #EMBEDDING}
     */
    public static Dataset<Row> embed(Dataset<Row> df, String textColumn, EmbeddingSpec spec) {
        Objects.requireNonNull(spec, "spec");
        StructType schema = df.schema();
        int index = Arrays.asList(schema.fieldNames()).indexOf(Objects.requireNonNull(textColumn, "textColumn"));
        if (index < 0) {
            throw new IllegalArgumentException("no column " + textColumn + " in " + schema.simpleString());
        }
        if (!schema.fields()[index].dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("column " + textColumn + " is "
                    + schema.fields()[index].dataType().simpleString() + ", not string");
        }
        if (Arrays.asList(schema.fieldNames()).contains(EMBEDDING)) {
            throw new IllegalArgumentException("the rows already have a column " + EMBEDDING);
        }
        StructType embedded = schema.add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), true);
        return df.mapPartitions(new EmbedPartition(spec, index), Encoders.row(embedded));
    }
}
