package dev.starterkit.db.cache.codec;

/** A cached value that is corrupt, truncated or of another format; the cache treats it as a miss. */
public class CacheFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CacheFormatException(String message) {
        super(message);
    }

    public CacheFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
