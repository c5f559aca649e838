package dev.webnn.samples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code webnn-samples} command line: one subcommand per sample. */
@Command(name = "webnn-samples", mixinStandardHelpOptions = true,
        description = "Runnable samples of WebNN for Java.",
        subcommands = {HelloCommand.class, BackendsCommand.class, OpsCommand.class})
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
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
