package dev.starterkit.db.cache;

import java.util.concurrent.atomic.AtomicLong;

/** The cache counters of one execution environment. */
public final class CacheCounters {

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong bypass = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong invalidations = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();

    void served(CacheStatus status) {
        switch (status) {
            case HIT -> hits.incrementAndGet();
            case STALE -> stale.incrementAndGet();
            case MISS -> misses.incrementAndGet();
            case BYPASS -> bypass.incrementAndGet();
            default -> throw new IllegalArgumentException(String.valueOf(status));
        }
    }

    void error() {
        errors.incrementAndGet();
    }

    void invalidation() {
        invalidations.incrementAndGet();
    }

    void oversized() {
        oversized.incrementAndGet();
    }

    void corrupt() {
        corrupt.incrementAndGet();
    }

    /** The counters now. */
    public CacheStats snapshot() {
        return new CacheStats(hits.get(), misses.get(), stale.get(), bypass.get(), errors.get(), invalidations.get(),
            oversized.get(), corrupt.get());
    }
}
