package dev.starterkit.db.cache.codec;

import java.util.Map;
import java.util.TreeMap;

/**
 * One cached query result with what makes it valid: the digest of its key, when it was computed, and the
 * generation of every table it read at the time its query started.
 *
 * @param keyDigest the first bytes of the key's SHA-256, checked on read so that a value under a wrong key is a miss
 * @param createdAtMillis when the result was computed, by the cache's clock
 * @param generations table generation tokens (including the all-tables one), by generation key
 * @param rows the result
 */
public record CacheEntry(byte[] keyDigest, long createdAtMillis, Map<String, String> generations,
                         CachedRows rows) {

    public CacheEntry {
        keyDigest = keyDigest.clone();
        generations = new TreeMap<>(generations);
    }

    @Override
    public byte[] keyDigest() {
        return keyDigest.clone();
    }
}
