package dev.starterkit.db.cache;

/**
 * How a cacheable read was served; a request reports its worst ({@code BYPASS} > {@code MISS} > {@code STALE} >
 * {@code HIT}) as the {@code x-cache} header.
 */
public enum CacheStatus {
    /** Served from a fresh entry. */
    HIT,
    /** Served from an entry past max_age but within swr, while another caller refreshes it. */
    STALE,
    /** Read from PostgreSQL and stored. */
    MISS,
    /** Read from PostgreSQL without the cache: disabled, bypassed, or the cache failed. */
    BYPASS;

    /** The worse of this and {@code other}; null counts as better than anything. */
    public CacheStatus worst(CacheStatus other) {
        return other == null || other.ordinal() < ordinal() ? this : other;
    }
}
