package dev.starterkit.tools.db;

/** The command line is wrong; the message says how. */
public class CliUsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliUsageException(String message) {
        super(message);
    }

    public CliUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
