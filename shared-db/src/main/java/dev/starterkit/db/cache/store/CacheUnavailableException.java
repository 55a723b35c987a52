package dev.starterkit.db.cache.store;

/** The cache store failed or did not answer in time; the read goes to PostgreSQL instead. */
public class CacheUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CacheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
