package dev.webnn.spark;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.langchain4j.SentenceEncoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A hand-run measurement, not a test: rows per second of the test sentences embedded by one
 * SentenceEncoder in this JVM ({@code encodeAll}, batches of 32), then by WebnnEmbeddings on a
 * local Spark of one and of two task threads (the input spread over as many partitions; the
 * output discarded with Spark's {@code noop} writer). Each path is warmed up once (the graphs
 * compiled), then timed over {@value #ROUNDS} rounds, the median printed with the JVM's heap in use
 * after a GC and its resident set. Argument: the backend, {@code onnxruntime} by default, or
 * {@code default} for the default context. Run it with
 * {@code ./mvnw -B -pl spark -am -Pspark-throughput verify -DskipTests [-Dthroughput.backend=default]
 * [-Dthroughput.rows=2048]}.
 */
public final class SparkThroughput {

    private static final int DEFAULT_ROWS = 2_000;
    private static final int ROUNDS = 3;

    private SparkThroughput() {
    }

    /**
     * Prints a Markdown table.
     *
     * @param args the backend name, or {@code default}, and the number of sentences (2,000 by default)
     * @throws IOException if /proc cannot be read
     */
    public static void main(String[] args) throws IOException {
        String backend = args.length > 0 ? args[0] : "onnxruntime";
        EmbeddingSpec spec = backend.equals("default") ? EmbeddingSpec.allMiniLmL6V2()
                : EmbeddingSpec.allMiniLmL6V2().withBackends(backend);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROWS;
        List<String> texts = TestCorpus.sentences(count);
        System.out.println("| path (" + backend + ", " + count + " sentences) | rows/s (median of " + ROUNDS
                + ") | heap used | RSS |");
        System.out.println("|---|---|---|---|");
        try (MLContext context = ML.createContext(spec.contextOptions());
                SentenceEncoder encoder = new SentenceEncoder(context, spec.files(), spec.maxTokens())) {
            encoder.encodeAll(texts.subList(0, 4 * spec.batchSize()), spec.batchSize(), null);
            double[] rates = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                encoder.encodeAll(texts, spec.batchSize(), null);
                rates[round] = count / ((System.nanoTime() - start) / 1e9);
            }
            print("single JVM, SentenceEncoder.encodeAll", rates);
        }
        for (int threads : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("throughput")
                    .config("spark.ui.enabled", "false").getOrCreate();
            try {
                Dataset<Row> rows = spark.createDataset(texts, Encoders.STRING()).toDF("text").repartition(threads)
                        .cache();
                rows.count();
                embed(rows.limit(4 * spec.batchSize()), spec);
                double[] rates = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    embed(rows, spec);
                    rates[round] = count / ((System.nanoTime() - start) / 1e9);
                }
                print("Spark local[" + threads + "], WebnnEmbeddings.embed", rates);
            } finally {
                spark.stop();
            }
        }
    }

    private static void embed(Dataset<Row> rows, EmbeddingSpec spec) {
        WebnnEmbeddings.embed(rows, "text", spec).write().format("noop").mode("overwrite").save();
    }

    private static void print(String path, double[] rates) throws IOException {
        Arrays.sort(rates);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB").findFirst().orElse("?");
        System.out.printf("| %s | %.0f | %d MB | %s |%n", path, rates[ROUNDS / 2], heap, rss);
    }
}
