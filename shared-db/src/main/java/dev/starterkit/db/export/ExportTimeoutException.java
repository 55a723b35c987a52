package dev.starterkit.db.export;

/** An export stopped before its deadline (the Lambda's remaining time) so that its upload could still be aborted. */
public class ExportTimeoutException extends ExportException {

    private static final long serialVersionUID = 1L;

    public ExportTimeoutException(String message) {
        super(message);
    }

    public ExportTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
