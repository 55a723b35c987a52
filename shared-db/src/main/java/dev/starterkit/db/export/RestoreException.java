package dev.starterkit.db.export;

/** A restore that failed or was refused; nothing was committed. The message names the statement's line. */
public class RestoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RestoreException(String message) {
        super(message);
    }

    public RestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
