package dev.webnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.langchain4j.EncoderFiles;
import dev.webnn.langchain4j.SentenceEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebnnEmbeddings on a local Spark of two task threads (each task retried up to three times)
 * against a single-JVM SentenceEncoder on the same 2,000 generated sentences.
 */
class WebnnEmbeddingsTest {

    private static final int ROWS = 2_000;
    /** Required agreement with the single-JVM encoder. */
    private static final double MIN_COSINE = 0.9999;
    /** Partitions the corpus is spread over. */
    private static final int PARTITIONS = 4;
    /** Rows of the Parquet input test. */
    private static final int PARQUET_ROWS = 200;
    /** The row of partition 1's first attempt that fails. */
    private static final int FAILING_ROW = 300;
    /**
     * The spec of every test: ONNX Runtime runs MiniLM whole, twice as fast as the default mixed
     * context; batches of 8 (the reference's are 32) make chunks of 256 rows, so the injected
     * failure comes after a chunk of its partition was embedded.
     */
    private static final EmbeddingSpec SPEC = EmbeddingSpec.allMiniLmL6V2().withBackends("onnxruntime")
            .withBatchSize(8);
    /** Failures {@link FailFirstAttempt} injected. */
    static final AtomicInteger INJECTED = new AtomicInteger();

    @TempDir
    static Path folder;

    private static SparkSession spark;
    private static Path corpus;
    private static Map<String, float[]> reference;

    @BeforeAll
    static void start() throws Exception {
        corpus = TestCorpus.write(folder, ROWS);
        List<String> texts = TestCorpus.sentences(ROWS);
        try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend("onnxruntime"));
                SentenceEncoder encoder = new SentenceEncoder(context, EncoderFiles.allMiniLmL6V2(),
                        SentenceEncoder.DEFAULT_MAX_TOKENS)) {
            float[][] vectors = encoder.encodeAll(texts, EmbeddingSpec.DEFAULT_BATCH_SIZE, null);
            reference = new HashMap<>();
            for (int i = 0; i < ROWS; i++) {
                reference.put(texts.get(i), vectors[i]);
            }
        }
        spark = SparkSession.builder().master("local[2,3]").appName("webnn-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", PARTITIONS)
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        reference = null;
    }

    @Test
    void everyRowEqualsTheSingleJvmEmbedding() {
        int expectedOpens = ExecutorEncoders.opens() + (ExecutorEncoders.isOpen(SPEC) ? 0 : 1);
        Dataset<Row> embedded = WebnnEmbeddings.embed(corpusRows(), "text", SPEC);
        List<Row> rows = embedded.collectAsList();
        assertEquals(ROWS, rows.size());
        assertAllAgree(rows);
        assertEquals(expectedOpens, ExecutorEncoders.opens(), "one encoder for all tasks of the JVM");
    }

    @Test
    void theParquetOutputReadsBackWithItsSchemaAndRows() {
        String output = folder.resolve("out.parquet").toString();
        CorpusEmbedding.Summary summary = CorpusEmbedding.write(spark, corpus.toString(), output, "text",
                SPEC);
        assertEquals(ROWS, summary.rows());
        Dataset<Row> back = spark.read().parquet(output);
        assertEquals(new StructType().add("text", DataTypes.StringType)
                .add("embedding", DataTypes.createArrayType(DataTypes.FloatType)).simpleString(),
                back.schema().simpleString());
        assertEquals(ROWS, back.count());
        assertEquals(ROWS, back.select("text").distinct().count());
        assertTrue(back.rdd().getNumPartitions() >= 2, "written by two tasks or more");
        assertThrows(IllegalArgumentException.class, () -> CorpusEmbedding.write(spark, corpus.toString(), output,
                "text", SPEC), "an existing output is not overwritten");
    }

    @Test
    void parquetInputKeepsItsColumns() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("body", DataTypes.StringType);
        List<String> texts = TestCorpus.sentences(PARQUET_ROWS);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < PARQUET_ROWS; i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        String input = folder.resolve("in.parquet").toString();
        spark.createDataFrame(rows, schema).write().parquet(input);
        String output = folder.resolve("from-parquet.parquet").toString();
        assertEquals(PARQUET_ROWS, CorpusEmbedding.write(spark, input, output, "body", SPEC).rows());
        Dataset<Row> back = spark.read().parquet(output);
        assertEquals("struct<id:int,body:string,embedding:array<float>>", back.schema().simpleString());
        List<Row> sorted = back.orderBy("id").collectAsList();
        for (int i = 0; i < PARQUET_ROWS; i++) {
            assertEquals(i, sorted.get(i).getInt(0));
        }
        assertAllAgree(back.select("body", "embedding").collectAsList());
        assertEquals("no column text in struct<id:int,body:string>", assertThrows(IllegalArgumentException.class,
                () -> CorpusEmbedding.write(spark, input, folder.resolve("none.parquet").toString(), "text", SPEC))
                .getMessage());
        assertEquals("no such input: " + folder.resolve("absent.txt"), assertThrows(IllegalArgumentException.class,
                () -> CorpusEmbedding.write(spark, folder.resolve("absent.txt").toString(), output, "text", SPEC))
                .getMessage());
    }

    @Test
    void aTaskThatFailsMidPartitionIsRetriedWithoutLosingOrRepeatingRows() {
        INJECTED.set(0);
        Dataset<Row> rows = corpusRows();
        Dataset<Row> flaky = rows.mapPartitions(new FailFirstAttempt(), Encoders.row(rows.schema()));
        String output = folder.resolve("retried.parquet").toString();
        WebnnEmbeddings.embed(flaky, "text", SPEC).write().parquet(output);
        assertEquals(1, INJECTED.get(), "one task attempt failed");
        List<Row> back = spark.read().parquet(output).collectAsList();
        assertEquals(ROWS, back.size());
        HashSet<String> texts = new HashSet<>();
        back.forEach(row -> texts.add(row.getString(0)));
        assertEquals(reference.keySet(), texts, "every text exactly once");
        assertAllAgree(back);
    }

    @Test
    void aNullTextGetsANullEmbedding() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(1, "A cat sleeps."),
                RowFactory.create(2, null), RowFactory.create(3, "Interest rates rose in March.")), schema);
        List<Row> embedded = WebnnEmbeddings.embed(rows, "text", SPEC)
                .orderBy("id").collectAsList();
        assertEquals(List.of(1, 2, 3), embedded.stream().map(row -> row.getInt(0)).toList());
        assertEquals(384, embedded.get(0).getList(2).size());
        assertNull(embedded.get(1).get(2));
        assertNotNull(embedded.get(2).get(2));
    }

    @Test
    void aMissingOrNonStringColumnOrATakenNameIsRefused() {
        Dataset<Row> rows = corpusRows();
        assertEquals("no column body in struct<text:string>",
                assertThrows(IllegalArgumentException.class, () -> WebnnEmbeddings.embed(rows, "body", SPEC))
                        .getMessage());
        Dataset<Row> numbers = spark.range(3).toDF("n");
        assertEquals("column n is bigint, not string",
                assertThrows(IllegalArgumentException.class, () -> WebnnEmbeddings.embed(numbers, "n", SPEC))
                        .getMessage());
        Dataset<Row> taken = rows.withColumn("embedding", rows.col("text"));
        assertEquals("the rows already have a column embedding",
                assertThrows(IllegalArgumentException.class, () -> WebnnEmbeddings.embed(taken, "text", SPEC))
                        .getMessage());
    }

    private static Dataset<Row> corpusRows() {
        Dataset<Row> lines = spark.read().text(corpus.toString());
        return lines.select(lines.col("value").as("text")).repartition(PARTITIONS);
    }

    private static void assertAllAgree(List<Row> rows) {
        for (Row row : rows) {
            String text = row.getString(0);
            float[] expected = reference.get(text);
            List<Float> actual = row.getList(row.fieldIndex("embedding"));
            assertEquals(expected.length, actual.size(), text);
            double cosine = 0;
            for (int i = 0; i < expected.length; i++) {
                cosine += expected[i] * actual.get(i);
            }
            assertTrue(cosine >= MIN_COSINE, "cosine " + cosine + " for " + text);
        }
    }

    /** Fails the first attempt of partition 1 at row {@value #FAILING_ROW}, after earlier rows were embedded. */
    private static final class FailFirstAttempt implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            TaskContext task = TaskContext.get();
            if (task.partitionId() != 1 || task.attemptNumber() > 0) {
                return input;
            }
            return new Iterator<>() {
                private int read;

                @Override
                public boolean hasNext() {
                    return input.hasNext();
                }

                @Override
                public Row next() {
                    if (!input.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if (++read == FAILING_ROW) {
                        INJECTED.incrementAndGet();
                        throw new IllegalStateException("injected failure at row " + FAILING_ROW);
                    }
                    return input.next();
                }
            };
        }
    }
}
