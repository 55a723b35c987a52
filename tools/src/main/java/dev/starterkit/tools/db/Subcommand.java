package dev.starterkit.tools.db;

/** One {@code bin/db} command. */
public interface Subcommand {

    /** The name typed on the command line. */
    String name();

    /** One line for the usage text. */
    String summary();

    /** Runs the command and returns the process exit code. */
    int run(CliContext context) throws Exception;
}
