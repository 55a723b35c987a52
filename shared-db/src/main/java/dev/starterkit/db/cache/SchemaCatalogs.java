package dev.starterkit.db.cache;

import dev.starterkit.db.cache.catalog.CatalogLoader;
import dev.starterkit.db.cache.catalog.SchemaCatalog;
import dev.starterkit.db.cache.sql.SqlAnalysis;
import dev.starterkit.db.cache.sql.SqlAnalyzer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environment's schema catalog, read once (again after DDL) over the shared connection when it is
 * outside a transaction, and the analyses of the statements seen, kept per SQL text.
 */
final class SchemaCatalogs {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaCatalogs.class);
    private static final int MAX_ANALYSES = 2_000;
    private static final long RETRY_AFTER_MILLIS = 5_000;

    private final CatalogSource source;
    private final InstantSource clock;
    private final Map<String, SqlAnalysis> analyses = new ConcurrentHashMap<>();
    private volatile SchemaCatalog catalog;
    private long failedAtMillis = Long.MIN_VALUE;

    SchemaCatalogs(CatalogSource source, InstantSource clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Opens a connection to read the catalog over: the shared one, outside the cache. */
    @FunctionalInterface
    interface CatalogSource {
        /** A connection; closing it releases it. */
        Connection open() throws SQLException;
    }

    SqlAnalysis analyze(String sql, boolean idle) {
        SqlAnalysis known = analyses.get(sql);
        if (known != null) {
            return known;
        }
        SchemaCatalog current = idle ? current().orElse(null) : catalog;
        if (current == null) {
            SqlAnalysis blind = SqlAnalyzer.analyze(sql, SchemaCatalog.unknown());
            return blind.kind() != SqlAnalysis.Kind.CACHEABLE ? blind
                : new SqlAnalysis(SqlAnalysis.Kind.READ, java.util.Set.of(), "the schema catalog is not known yet");
        }
        SqlAnalysis analysis = SqlAnalyzer.analyze(sql, current);
        if (analyses.size() >= MAX_ANALYSES) {
            analyses.clear();
        }
        analyses.put(sql, analysis);
        return analysis;
    }

    /** The catalog, reading it first if needed; empty when it cannot be read now. */
    synchronized Optional<SchemaCatalog> current() {
        boolean mayTry = failedAtMillis == Long.MIN_VALUE || clock.millis() - failedAtMillis >= RETRY_AFTER_MILLIS;
        if (catalog == null && mayTry) {
            try (Connection connection = source.open()) {
                catalog = CatalogLoader.load(connection);
                LOG.debug("Read the schema catalog: {} relations", catalog.relations().size());
            } catch (SQLException e) {
                failedAtMillis = clock.millis();
                LOG.warn("Reading the schema catalog failed ({}); the cache bypasses until it succeeds",
                    e.getMessage());
            }
        }
        return Optional.ofNullable(catalog);
    }

    /** Forgets the catalog after DDL; the next idle use reads it again. */
    void reset() {
        synchronized (this) {
            catalog = null;
            failedAtMillis = Long.MIN_VALUE;
        }
        analyses.clear();
    }
}
