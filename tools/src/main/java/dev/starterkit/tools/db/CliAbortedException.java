package dev.starterkit.tools.db;

/** The user declined a confirmation, or none could be asked; nothing was changed. */
public class CliAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliAbortedException(String message) {
        super(message);
    }

    public CliAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
