package dev.webnn.samples;

import dev.webnn.samples.embed.EmbedCommand;
import dev.webnn.samples.embed.SearchCommand;
import dev.webnn.samples.embed.SparkEmbedCommand;
import dev.webnn.samples.ocr.OcrCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code webnn-samples} command line: one subcommand per sample. */
@Command(name = "webnn-samples", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        description = "Runnable samples of WebNN for Java.",
        subcommands = {HelloCommand.class, BackendsCommand.class, OpsCommand.class, ClassifyCommand.class,
            LeNetCommand.class, BenchCommand.class, InspectCommand.class, RunCommand.class,
            EmbedCommand.class, SearchCommand.class, SparkEmbedCommand.class, OcrCommand.class,
            StartupProbeCommand.class})
public final class Main {

    /** The top-level command; subcommands do the work. */
    Main() {
    }

    /**
     * Runs a sample.
     *
     * @param args the subcommand and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, with {@link SampleException}s reported as one line on standard error
     * ({@code webnn-samples <command>: <message>}) and their exit code instead of a stack trace.
     *
     * @return a new command line; tests redirect its output with {@code setOut}/{@code setErr}
     */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof SampleException failure) {
                command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
                command.getErr().flush();
                return failure.exitCode();
            }
            throw exception;
        });
        return line;
    }
}
