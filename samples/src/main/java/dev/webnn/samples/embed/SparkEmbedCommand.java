package dev.webnn.samples.embed;

import dev.webnn.samples.SampleException;
import dev.webnn.spark.CorpusEmbedding;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples spark-embed --input FILE --output DIR.parquet [--master URL]}: a corpus
 * embedded on Apache Spark (one WebNN context per executor JVM) and written as Parquet. Runs a
 * local Spark by default; handed to {@code spark-submit}, it runs on the master that sets.
 * Prints the rows, the time and, in local mode (driver and executor in this JVM), the memory.
 */
@Command(name = "spark-embed", description = {"Embed a corpus on Apache Spark and write Parquet (text, embedding).",
    "Run through ./webnn-samples (Spark on the class path) or spark-submit."})
public final class SparkEmbedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EncoderOptions options;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "One text per non-blank line, or Parquet when the name ends in .parquet (any Hadoop path).")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "PATH",
            description = "The Parquet output folder; must not exist.")
    private String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
    private String master;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "text",
            description = "The text column of Parquet input (default: ${DEFAULT-VALUE}).")
    private String column;

    /** Created by picocli. */
    public SparkEmbedCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CorpusEmbedding.Summary summary;
        try {
            summary = CorpusEmbedding.run(master, input, output, column, options.spec());
        } catch (IllegalArgumentException e) {
            throw SampleException.badInput(e.getMessage(), e);
        }
        out.printf("%s: %d rows in %.1f s (%.0f rows/s) -> %s%n", summary.master(), summary.rows(), summary.seconds(),
                summary.rowsPerSecond(), output);
        if (summary.master().startsWith("local")) {
            out.printf("this JVM (driver and executor): heap used %d MB, peak RSS %s%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, peakRss());
        }
        return 0;
    }

    /** The process's peak resident set (Linux), else "unknown". */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kilobytes >> 10) + " MB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }
}
