package dev.starterkit.db.cache;

/**
 * The cache's view of one request on one thread: the worst way its cacheable reads were served, and whether reads
 * bypass the cache (for the whole request, or for the duration of one call).
 */
public final class CacheRequest implements AutoCloseable {

    private final ThreadLocal<CacheRequest> owner;
    private final CacheRequest previous;
    private final boolean bypassAll;
    private int bypassDepth;
    private CacheStatus worst;

    CacheRequest(ThreadLocal<CacheRequest> owner, boolean bypassAll) {
        this.owner = owner;
        this.previous = owner.get();
        this.bypassAll = bypassAll;
        owner.set(this);
    }

    /** The worst status of this request's cacheable reads, or null when it made none. */
    public synchronized CacheStatus status() {
        return worst;
    }

    /** Runs {@code call} with the cache bypassed: its reads go to PostgreSQL and count as {@code BYPASS}. */
    public <T, E extends Exception> T bypassing(ThrowingSupplier<T, E> call) throws E {
        synchronized (this) {
            bypassDepth++;
        }
        try {
            return call.get();
        } finally {
            synchronized (this) {
                bypassDepth--;
            }
        }
    }

    synchronized boolean isBypassing() {
        return bypassAll || bypassDepth > 0;
    }

    synchronized void served(CacheStatus status) {
        worst = status.worst(worst);
    }

    /** Ends the request on this thread. */
    @Override
    public void close() {
        if (previous == null) {
            owner.remove();
        } else {
            owner.set(previous);
        }
    }

    /** A supplier that may throw. */
    @FunctionalInterface
    public interface ThrowingSupplier<T, E extends Exception> {
        /** Computes the value. */
        T get() throws E;
    }
}
