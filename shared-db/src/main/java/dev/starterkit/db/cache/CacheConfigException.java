package dev.starterkit.db.cache;

import dev.starterkit.db.env.EnvironmentConfigException;

/** A cache setting that is missing or malformed; the message names the variable and never carries a secret. */
public class CacheConfigException extends EnvironmentConfigException {

    private static final long serialVersionUID = 1L;

    public CacheConfigException(String message) {
        super(message);
    }

    public CacheConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
