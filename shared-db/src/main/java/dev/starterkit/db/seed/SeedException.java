package dev.starterkit.db.seed;

/** A seed file that failed; nothing of the run was kept. */
public class SeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
