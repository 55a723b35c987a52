package dev.starterkit.db.cache.codec;

import java.util.List;

/**
 * One cached query result with what makes it valid: the digest of its key, when it was computed, and the
 * generation tokens of what it read at the time its query started.
 *
 * @param keyDigest the first bytes of the key's SHA-256, checked on read so that a value under a wrong key is a miss
 * @param createdAtMillis when the result was computed, by the cache's clock
 * @param generations the generation tokens it was read against, in the order of its generation keys (all-tables
 *                    first); the key digest determines those keys
 * @param rows the result
 */
public record CacheEntry(byte[] keyDigest, long createdAtMillis, List<String> generations, CachedRows rows) {

    public CacheEntry {
        keyDigest = keyDigest.clone();
        generations = List.copyOf(generations);
    }

    @Override
    public byte[] keyDigest() {
        return keyDigest.clone();
    }
}
