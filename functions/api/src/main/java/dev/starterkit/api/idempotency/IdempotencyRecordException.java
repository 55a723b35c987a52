package dev.starterkit.api.idempotency;

/** A recorded response that cannot be replayed: altered, sealed for another key, or of an unknown format. */
public class IdempotencyRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
