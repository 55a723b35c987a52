package dev.starterkit.db.cache;

import dev.starterkit.db.cache.catalog.SchemaCatalog;
import dev.starterkit.db.cache.sql.SqlAnalysis;
import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.cache.store.CacheUnavailableException;
import dev.starterkit.db.cache.store.CircuitBreaker;
import dev.starterkit.db.cache.store.KeyLayout;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns committed writes into new generations of the tables they reach, before the write call returns. Writes
 * inside a transaction wait for its end (commit or rollback, either way). An invalidation that could not reach the
 * store is kept and retried before this environment reads from the cache again; until it succeeds, its reads
 * bypass the cache, so it always reads its own writes.
 */
final class Invalidator {

    private static final Logger LOG = LoggerFactory.getLogger(Invalidator.class);

    private final CacheStore store;
    private final CircuitBreaker breaker;
    private final KeyLayout layout;
    private final CacheCounters counters;
    private final InstantSource clock;
    private final long forgetFailedAfterMillis;
    private final Supplier<Optional<SchemaCatalog>> catalog;
    private final Runnable catalogChanged;
    private final Set<String> pending = new TreeSet<>();
    private final Set<String> failed = new TreeSet<>();
    private boolean pendingAll;
    private long failedSinceMillis;

    Invalidator(CacheStore store, CircuitBreaker breaker, KeyLayout layout, CacheCounters counters,
                InstantSource clock, long forgetFailedAfterMillis, Supplier<Optional<SchemaCatalog>> catalog,
                Runnable catalogChanged) {
        this.store = store;
        this.breaker = breaker;
        this.layout = layout;
        this.counters = counters;
        this.clock = clock;
        this.forgetFailedAfterMillis = forgetFailedAfterMillis;
        this.catalog = catalog;
        this.catalogChanged = catalogChanged;
    }

    /** Records a write; invalidates now when it is already committed. */
    synchronized void written(SqlAnalysis analysis, boolean committed) {
        if (analysis.kind() == SqlAnalysis.Kind.WRITE_ALL) {
            pendingAll = true;
            catalogChanged.run();
        } else {
            pending.addAll(analysis.tables());
        }
        if (committed) {
            flush();
        }
    }

    /** Invalidates what the ended transaction wrote. */
    synchronized void transactionEnded() {
        if (pendingAll || !pending.isEmpty()) {
            flush();
        }
    }

    /** Retries failed invalidations; false while some still could not be made. */
    synchronized boolean retryFailed() {
        if (failed.isEmpty()) {
            return true;
        }
        if (clock.millis() - failedSinceMillis > forgetFailedAfterMillis) {
            failed.clear();
            return true;
        }
        List<String> keys = new ArrayList<>(failed);
        if (bump(keys)) {
            failed.clear();
            return true;
        }
        return false;
    }

    private void flush() {
        List<String> keys = keysFor(pendingAll, pending);
        pending.clear();
        pendingAll = false;
        keys.addAll(failed);
        if (bump(keys)) {
            failed.clear();
            counters.invalidation();
        } else {
            if (failed.isEmpty()) {
                failedSinceMillis = clock.millis();
            }
            failed.addAll(keys);
        }
    }

    private List<String> keysFor(boolean all, Set<String> tables) {
        Optional<Set<String>> reach = all ? Optional.empty()
            : catalog.get().flatMap(c -> c.reachOfWrite(tables));
        List<String> keys = new ArrayList<>();
        if (reach.isEmpty()) {
            keys.add(layout.generation(KeyLayout.ALL_TABLES));
        } else {
            reach.get().forEach(table -> keys.add(layout.generation(table)));
        }
        return keys;
    }

    private boolean bump(List<String> keys) {
        if (!breaker.allow()) {
            return false;
        }
        try {
            store.bump(keys);
            breaker.success();
            return true;
        } catch (CacheUnavailableException e) {
            breaker.failure();
            counters.error();
            LOG.warn("Cache invalidation of {} keys failed ({}); this environment bypasses the cache until it "
                + "succeeds", keys.size(), e.getMessage());
            return false;
        }
    }
}
