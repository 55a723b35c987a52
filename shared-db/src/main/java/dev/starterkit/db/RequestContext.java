package dev.starterkit.db;

import dev.starterkit.db.cache.CacheRequest;
import dev.starterkit.db.cache.CacheStatus;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a handler uses during one request: {@link #db()} (cached reads), {@link #dbDirect()} (always PostgreSQL),
 * the repositories, a per-call cache bypass, and the request's cache summary for the {@code x-cache} header.
 * Close it when the request ends; it is bound to the thread that opened it.
 */
public final class RequestContext implements AutoCloseable {

    private final DataLayer layer;
    private final CacheRequest request;

    RequestContext(DataLayer layer, CacheRequest request) {
        this.layer = layer;
        this.request = request;
    }

    /** The {@code cached} data source. */
    public DataSource db() {
        return layer.cached();
    }

    /** The {@code direct} data source. */
    public DataSource dbDirect() {
        return layer.direct();
    }

    /** A repository bean, e.g. {@code repository(CachedUserRepository.class)}. */
    public <T> T repository(Class<T> type) {
        return layer.repository(type);
    }

    /** Runs {@code call} with fresh reads: its cacheable reads go to PostgreSQL and count as {@code BYPASS}. */
    public <T, E extends Exception> T bypassingCache(CacheRequest.ThrowingSupplier<T, E> call) throws E {
        return request.bypassing(call);
    }

    /** How this request's cacheable reads were served, the worst winning; empty when it made none. */
    public Optional<CacheStatus> cacheStatus() {
        return Optional.ofNullable(request.status());
    }

    @Override
    public void close() {
        request.close();
    }
}
