package dev.starterkit.db.cache.store;

import java.time.Duration;
import java.util.List;

/**
 * Where entries, locks and table generations live: Redis (standalone or cluster) or the in-process store. Every
 * call that takes several keys is given keys of one hash slot. Implementations throw
 * {@link CacheUnavailableException} on failure or timeout.
 */
public interface CacheStore extends AutoCloseable {

    /** Reads an entry and the generation tokens of {@code generationKeys}; a missing generation reads as null. */
    Lookup lookup(String entryKey, List<String> generationKeys);

    /** Gives the missing ones of {@code generationKeys} a random token; returns every current token. */
    List<String> createGenerations(List<String> generationKeys);

    /** Takes the refresh lock of an entry if nobody holds it. */
    boolean tryLock(String lockKey, String token, Duration ttl);

    /**
     * Stores {@code value} (null: nothing to store) unless a generation changed since it was read or was missing,
     * gives missing generations a random token, and releases the lock if {@code lockToken} holds it. May return
     * before the store has happened.
     */
    void store(String entryKey, byte[] value, Duration ttl, List<String> generationKeys, List<String> generations,
               String lockKey, String lockToken);

    /** Gives every key in {@code generationKeys} a new random token, before returning. */
    void bump(List<String> generationKeys);

    /** Which kind of store this is, for logs. */
    String describe();

    @Override
    void close();
}
