package dev.starterkit.db.cache;

/**
 * The cache counters of one execution environment at one moment.
 *
 * @param hits reads served from a fresh entry
 * @param misses reads that went to PostgreSQL and stored (or tried to store) the result
 * @param stale reads served from a stale entry
 * @param bypass cacheable reads that went to PostgreSQL without the cache
 * @param errors failed or timed-out cache operations
 * @param invalidations invalidations made (one per committed write or transaction)
 * @param oversized results not stored because they exceeded the size limit
 * @param corrupt values found that could not be decoded or belonged to another key
 */
public record CacheStats(long hits, long misses, long stale, long bypass, long errors, long invalidations,
                         long oversized, long corrupt) {
}
