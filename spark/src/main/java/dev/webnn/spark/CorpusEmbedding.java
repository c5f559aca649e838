package dev.webnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A whole job: a text corpus (one text per non-blank line) or a Parquet dataset read, embedded
 * with {@link WebnnEmbeddings} and written as Parquet. Paths are Hadoop paths: local files, or
 * any file system the cluster reads ({@code hdfs://}, {@code s3a://}, ...).
 */
public final class CorpusEmbedding {

    /** The text column of a text corpus. */
    public static final String TEXT = "text";

    private CorpusEmbedding() {
    }

    /**
     * What a job did.
     *
     * @param rows rows written
     * @param seconds wall time from reading to the written output
     * @param master the Spark master it ran on
     */
    public record Summary(long rows, double seconds, String master) {

        /**
         * Throughput.
         *
         * @return rows per second
         */
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Runs the job in a Spark session of its own, stopped at the end.
     *
     * @param master a Spark master URL such as {@code local[2]}, or null for the one
     *     {@code spark-submit} sets ({@code spark.master}), else {@code local[*]}
     * @param input a text file (or folder of them), or Parquet when its name ends in {@code .parquet}
     * @param output the Parquet output; must not exist
     * @param textColumn the text column of Parquet input
     * @param spec the encoder
     * @return what was done
     * @throws IllegalArgumentException if the input is missing, the output exists or the column is unusable
     */
    public static Summary run(String master, String input, String output, String textColumn, EmbeddingSpec spec) {
        SparkSession.Builder builder = SparkSession.builder().appName("webnn-spark-embed");
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            return write(spark, input, output, textColumn, spec);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the job in a given session. Input with fewer partitions than the session's default
     * parallelism (a small text file is one) is spread over that many first.
     *
     * @param spark the session
     * @param input a text file (or folder of them), or Parquet when its name ends in {@code .parquet}
     * @param output the Parquet output; must not exist
     * @param textColumn the text column of Parquet input
     * @param spec the encoder
     * @return what was done
     * @throws IllegalArgumentException if the input is missing, the output exists or the column is unusable
     */
    public static Summary write(SparkSession spark, String input, String output, String textColumn,
                                EmbeddingSpec spec) {
        Objects.requireNonNull(textColumn, "textColumn");
        if (!exists(spark, input)) {
            throw new IllegalArgumentException("no such input: " + input);
        }
        if (exists(spark, output)) {
            throw new IllegalArgumentException("the output exists: " + output);
        }
        long start = System.nanoTime();
        Dataset<Row> corpus = read(spark, input);
        int parallelism = spark.sparkContext().defaultParallelism();
        if (corpus.rdd().getNumPartitions() < parallelism) {
            corpus = corpus.repartition(parallelism);
        }
        WebnnEmbeddings.embed(corpus, isParquet(input) ? textColumn : TEXT, spec).write().parquet(output);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Summary(spark.read().parquet(output).count(), seconds, spark.sparkContext().master());
    }

    private static Dataset<Row> read(SparkSession spark, String input) {
        if (isParquet(input)) {
            return spark.read().parquet(input);
        }
        Dataset<Row> lines = spark.read().text(input);
        return lines.where(functions.trim(lines.col("value")).notEqual("")).select(lines.col("value").as(TEXT));
    }

    private static boolean isParquet(String input) {
        return input.endsWith(".parquet") || input.endsWith(".parquet/");
    }

    private static boolean exists(SparkSession spark, String location) {
        Path path = new Path(location);
        try {
            FileSystem files = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return files.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + location + ": " + e.getMessage(), e);
        }
    }
}
