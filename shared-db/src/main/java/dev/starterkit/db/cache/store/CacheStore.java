package dev.starterkit.db.cache.store;

import java.time.Duration;
import java.util.List;

/**
 * Where entries, locks and generations live: Redis (standalone or cluster) or the in-process store. Every call that
 * takes several keys is given keys of one hash slot. Generations expire: one that is missing (expired, evicted,
 * never made) is given a new random token, so no entry can be valid against it. Implementations throw
 * {@link CacheUnavailableException} on failure or timeout.
 */
public interface CacheStore extends AutoCloseable {

    /** Reads an entry and the generation tokens of {@code generationKeys}; a missing generation reads as null. */
    Lookup lookup(String entryKey, List<String> generationKeys);

    /**
     * Gives the missing ones of {@code generationKeys} a random token that lives {@code generationTtl}; returns every
     * current token.
     */
    List<String> createGenerations(List<String> generationKeys, Duration generationTtl);

    /** Takes the refresh lock of an entry if nobody holds it. */
    boolean tryLock(String lockKey, String token, Duration ttl);

    /**
     * Stores {@code value} (null: nothing to store) for {@code ttl} unless a generation changed since it was read or
     * was missing, and then keeps its generations for at least {@code generationTtl} more; gives missing generations
     * a random token, and releases the lock if {@code lockToken} holds it. May return before the store has happened.
     */
    void store(String entryKey, byte[] value, Duration ttl, List<String> generationKeys, List<String> generations,
               Duration generationTtl, String lockKey, String lockToken);

    /** Gives every key in {@code generationKeys} a new random token living {@code generationTtl}, before returning. */
    void bump(List<String> generationKeys, Duration generationTtl);

    /** Which kind of store this is, for logs. */
    String describe();

    @Override
    void close();
}
