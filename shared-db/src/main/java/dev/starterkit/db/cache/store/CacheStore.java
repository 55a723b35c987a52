package dev.starterkit.db.cache.store;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Where entries, locks and generations live: Redis (standalone or cluster) or the in-process store. Every call that
 * takes several keys is given keys of one hash slot. Generations expire: one that is missing (expired, evicted,
 * never made) is given a new random token, so no entry can be valid against it. Implementations throw
 * {@link CacheUnavailableException} on failure or timeout.
 */
public interface CacheStore extends AutoCloseable {

    /** Marks an expected token as one to create: no token starts with it. */
    String MISSING = "+";

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
     * was missing, and then keeps its generations alive at least as long as the entry (extending one that would expire
     * sooner to {@code generationTtl}); gives missing generations a random token, and releases the lock if
     * {@code lockToken} holds it. An expected token made by {@link #missing(String)} says the generation was missing
     * when read: it must still be missing, and is then created with that token. May return before the store has
     * happened.
     */
    void store(String entryKey, byte[] value, Duration ttl, List<String> generationKeys, List<String> generations,
               Duration generationTtl, String lockKey, String lockToken);

    /**
     * Gives every key in {@code generationKeys} a new random token living {@code generationTtl}, before returning;
     * those also in {@code keepingLineage} keep the row lineage of their token, if they have one.
     */
    void bump(List<String> generationKeys, Set<String> keepingLineage, Duration generationTtl);

    /** The expected token of a generation that was missing when read, to be created as {@code token} by a store. */
    static String missing(String token) {
        return MISSING + token;
    }

    /** Which kind of store this is, for logs. */
    String describe();

    @Override
    void close();
}
