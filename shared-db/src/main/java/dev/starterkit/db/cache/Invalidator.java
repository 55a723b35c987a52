package dev.starterkit.db.cache;

import dev.starterkit.db.cache.catalog.SchemaCatalog;
import dev.starterkit.db.cache.sql.SqlAnalysis;
import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.cache.store.CacheUnavailableException;
import dev.starterkit.db.cache.store.CircuitBreaker;
import dev.starterkit.db.cache.store.KeyLayout;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns committed writes into new generations, before the write call returns: of every table they reach, and of the
 * rows they name by primary key. A table whose writes all named their rows keeps its token's row lineage; any other
 * write to it, and a foreign-key action reaching it, gives it a new lineage. Writes inside a transaction wait for its
 * end (commit or rollback, either way). An invalidation that could not reach the store is kept and retried (without
 * keeping any lineage) before this environment reads from the cache again; until it succeeds, its reads bypass the
 * cache, so it always reads its own writes.
 */
final class Invalidator {

    private static final Logger LOG = LoggerFactory.getLogger(Invalidator.class);
    /** Rows of one table a transaction may name before its write counts as reaching every row. */
    private static final int MAX_ROWS_PER_TABLE = 100;

    private final CacheStore store;
    private final CircuitBreaker breaker;
    private final KeyLayout layout;
    private final CacheCounters counters;
    private final InstantSource clock;
    private final long forgetFailedAfterMillis;
    private final Duration generationTtl;
    private final Supplier<Optional<SchemaCatalog>> catalog;
    private final Runnable catalogChanged;
    /** Tables written without naming their rows. */
    private final Set<String> pending = new TreeSet<>();
    /** Rows written by primary key, per table. */
    private final Map<String, Set<String>> pendingRows = new TreeMap<>();
    private final Set<String> failed = new TreeSet<>();
    private boolean pendingAll;
    private long failedSinceMillis;

    Invalidator(CacheStore store, CircuitBreaker breaker, KeyLayout layout, CacheCounters counters,
                InstantSource clock, long forgetFailedAfterMillis, Duration generationTtl,
                Supplier<Optional<SchemaCatalog>> catalog, Runnable catalogChanged) {
        this.store = store;
        this.breaker = breaker;
        this.layout = layout;
        this.counters = counters;
        this.clock = clock;
        this.forgetFailedAfterMillis = forgetFailedAfterMillis;
        this.generationTtl = generationTtl;
        this.catalog = catalog;
        this.catalogChanged = catalogChanged;
    }

    /** Records a write of {@code rowKeys} (null: of rows not named); invalidates now when it is committed. */
    synchronized void written(SqlAnalysis analysis, Set<String> rowKeys, boolean committed) {
        if (analysis.kind() == SqlAnalysis.Kind.WRITE_ALL) {
            pendingAll = true;
            catalogChanged.run();
        } else if (analysis.row() != null && rowKeys != null) {
            String table = analysis.row().table();
            Set<String> rows = pendingRows.computeIfAbsent(table, t -> new TreeSet<>());
            rows.addAll(rowKeys);
            if (rows.size() > MAX_ROWS_PER_TABLE) {
                pendingRows.remove(table);
                pending.add(table);
            }
        } else {
            pending.addAll(analysis.tables());
        }
        if (committed) {
            flush();
        }
    }

    /** Invalidates what the ended transaction wrote. */
    synchronized void transactionEnded() {
        if (pendingAll || !pending.isEmpty() || !pendingRows.isEmpty()) {
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
        if (bump(keys, Set.of())) {
            failed.clear();
            return true;
        }
        return false;
    }

    private void flush() {
        Set<String> keepingLineage = new TreeSet<>();
        List<String> keys = keysFor(pendingAll, pending, pendingRows, keepingLineage);
        pending.clear();
        pendingRows.clear();
        pendingAll = false;
        keys.addAll(failed);
        keepingLineage.removeAll(failed);
        if (bump(keys, keepingLineage)) {
            failed.clear();
            counters.invalidation();
        } else {
            if (failed.isEmpty()) {
                failedSinceMillis = clock.millis();
            }
            failed.addAll(keys);
        }
    }

    /** The generation keys to replace; adds to {@code keepingLineage} the tables written only by primary key. */
    private List<String> keysFor(boolean all, Set<String> tables, Map<String, Set<String>> rows,
                                 Set<String> keepingLineage) {
        Set<String> written = new TreeSet<>(tables);
        written.addAll(rows.keySet());
        Optional<SchemaCatalog> known = all ? Optional.empty() : catalog.get();
        Optional<Set<String>> reach = known.flatMap(c -> c.reachOfWrite(written));
        List<String> keys = new ArrayList<>();
        if (reach.isEmpty()) {
            keys.add(layout.generation(KeyLayout.ALL_TABLES));
            return keys;
        }
        // every row of these may have changed: what foreign-key actions reach, and what was written without keys
        Set<String> everyRow = new TreeSet<>(known.get().cascadeReach(written));
        tables.forEach(relation -> everyRow.addAll(known.get().tablesRead(relation)));
        reach.get().forEach(table -> keys.add(layout.generation(table)));
        rows.forEach((table, rowKeys) -> {
            if (!everyRow.contains(table)) {
                keepingLineage.add(layout.generation(table));
                rowKeys.forEach(rowKey -> keys.add(layout.row(table, rowKey)));
            }
        });
        return keys;
    }

    private boolean bump(List<String> keys, Set<String> keepingLineage) {
        if (keys.isEmpty()) {
            return true;
        }
        if (!breaker.allow()) {
            return false;
        }
        try {
            store.bump(keys, keepingLineage, generationTtl);
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
