package dev.starterkit.db.cache;

import dev.starterkit.db.cache.codec.CacheEntry;
import dev.starterkit.db.cache.codec.CacheFormatException;
import dev.starterkit.db.cache.codec.EntryCodec;
import dev.starterkit.db.cache.sql.SqlAnalysis;
import dev.starterkit.db.cache.store.CacheStore;
import dev.starterkit.db.cache.store.CacheUnavailableException;
import dev.starterkit.db.cache.store.CircuitBreaker;
import dev.starterkit.db.cache.store.KeyLayout;
import dev.starterkit.db.cache.store.Lookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query cache of one execution environment: serves cacheable reads from fresh entries, serves stale ones while
 * the single lock winner refreshes, stores misses without waiting, and sends reads to PostgreSQL (as
 * {@code BYPASS}) whenever the cache is off, bypassed, broken or behind on an invalidation.
 */
public final class QueryCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryCache.class);

    private final CacheConfig config;
    private final CacheStore store;
    private final KeyLayout layout;
    private final InstantSource clock;
    private final CircuitBreaker breaker;
    private final CacheCounters counters;
    private final SchemaCatalogs catalogs;
    private final Invalidator invalidator;
    private final Duration generationTtl;
    private final ThreadLocal<CacheRequest> requests = new ThreadLocal<>();
    /** SHA-256 fed with what every key of this environment starts with; each key digest starts from a clone. */
    private final MessageDigest keyPrefix;

    QueryCache(CacheConfig config, CacheStore store, KeyLayout layout, InstantSource clock, CircuitBreaker breaker,
               CacheCounters counters, SchemaCatalogs catalogs) {
        this.config = config;
        this.store = store;
        this.layout = layout;
        this.clock = clock;
        this.breaker = breaker;
        this.counters = counters;
        this.catalogs = catalogs;
        this.keyPrefix = keyPrefix(layout);
        long forgetAfter = config.maxAge().plus(config.swr()).plusSeconds(1).toMillis();
        // generations outlive the entries read against them; one that expires only costs those entries a miss
        this.generationTtl = config.maxAge().plus(config.swr()).multipliedBy(2);
        this.invalidator = new Invalidator(store, breaker, layout, counters, clock, forgetAfter, generationTtl,
            catalogs::current, catalogs::reset);
    }

    /** Starts a request on this thread; close it when the request ends. */
    public CacheRequest begin(boolean bypass) {
        return new CacheRequest(requests, bypass);
    }

    /** The request running on this thread, or null. */
    public CacheRequest current() {
        return requests.get();
    }

    /** What {@code sql} does; {@code idle} says whether the connection is outside a transaction. */
    public SqlAnalysis analyze(String sql, boolean idle) {
        return catalogs.analyze(sql, idle);
    }

    /**
     * Reads through the cache. {@code keyMaterial} is the SQL and its bound parameters, encoded; {@code rowKey} is
     * the canonical primary key of the one row a point read depends on ({@link SqlAnalysis#row()}), or null to
     * depend on the tables read.
     */
    public Fetched read(SqlAnalysis analysis, String rowKey, byte[] keyMaterial, Fetched.Fetcher fetcher)
        throws SQLException {
        CacheRequest request = requests.get();
        if (config.mode() == CacheConfig.Mode.DISABLED || request != null && request.isBypassing()
            || !invalidator.retryFailed() || !breaker.allow()) {
            return bypass(fetcher);
        }
        byte[] rawDigest = keyDigest(keyMaterial);
        String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(rawDigest);
        boolean point = analysis.row() != null && rowKey != null;
        List<String> keys = point ? layout.rowGenerations(analysis.row().table(), rowKey)
            : layout.generations(analysis.tables());
        byte[] value;
        List<String> tokens;
        try {
            Lookup lookup = store.lookup(layout.entry(digest), keys);
            value = lookup.value();
            tokens = lookup.generations();
            if (tokens.contains(null)) {
                // never written yet, expired or evicted: no entry can be valid against it. A row's generation is
                // created by the store, which also checks that its table was not written meanwhile.
                value = null;
                tokens = Dependencies.onlyRowMissing(point, tokens) ? Dependencies.withNewRow(tokens)
                    : store.createGenerations(keys, generationTtl);
            }
            breaker.success();
        } catch (CacheUnavailableException e) {
            failed(e);
            return bypass(fetcher);
        }
        Dependencies dependencies = Dependencies.of(keys, tokens, point);
        CacheEntry entry = decode(value, rawDigest);
        if (entry != null && entry.generations().equals(dependencies.recorded())) {
            Fetched served = serveValid(entry, rawDigest, digest, dependencies, fetcher);
            if (served != null) {
                return served;
            }
        }
        return refresh(rawDigest, digest, dependencies, fetcher, null);
    }

    /** Serves a valid entry: fresh, stale while another refreshes, or refreshed by us; null when expired. */
    private Fetched serveValid(CacheEntry entry, byte[] rawDigest, String digest, Dependencies dependencies,
                               Fetched.Fetcher fetcher) throws SQLException {
        long age = clock.millis() - entry.createdAtMillis();
        if (age < config.maxAge().toMillis()) {
            return served(CacheStatus.HIT, new Fetched(entry.rows(), null));
        }
        if (age >= config.maxAge().plus(config.swr()).toMillis()) {
            return null;
        }
        String token = tryLock(digest);
        if (token == null) {
            return served(CacheStatus.STALE, new Fetched(entry.rows(), null));
        }
        return refresh(rawDigest, digest, dependencies, fetcher, token);
    }

    /** Records a cacheable read that could not use the cache (e.g. a parameter type without a key encoding). */
    public void bypassed() {
        record(CacheStatus.BYPASS);
    }

    /**
     * Records a write; {@code committed} when it is already durable (auto-commit outside a transaction).
     * {@code rowKeys} are the canonical primary keys of the rows it wrote when {@link SqlAnalysis#row()} names its
     * rows and every one was bound in a canonical form; null otherwise (the write then reaches every row).
     */
    public void written(SqlAnalysis analysis, Set<String> rowKeys, boolean committed) {
        if (config.mode() != CacheConfig.Mode.DISABLED) {
            invalidator.written(analysis, rowKeys, committed);
        }
    }

    /** The connection's transaction ended (commit or rollback): invalidates what it wrote. */
    public void transactionEnded() {
        if (config.mode() != CacheConfig.Mode.DISABLED) {
            invalidator.transactionEnded();
        }
    }

    /** This environment's counters. */
    public CacheStats stats() {
        return counters.snapshot();
    }

    /**
     * Whether the cache answers, for health checks: {@code "ok"}, {@code "disabled"} when caching is off, or
     * {@code "unreachable"}. Probes the store directly, past the circuit breaker.
     */
    public String health() {
        if (config.mode() == CacheConfig.Mode.DISABLED) {
            return "disabled";
        }
        try {
            store.lookup(layout.entry("health-probe"), List.of());
            return "ok";
        } catch (RuntimeException e) {
            return "unreachable";
        }
    }

    /** The settings. */
    public CacheConfig config() {
        return config;
    }

    /** The key layout (database identity, migration version, prefix). */
    public KeyLayout layout() {
        return layout;
    }

    /**
     * Closes the cache's connections (before a SnapStart snapshot, at shutdown); the next use connects again, with
     * a fresh IAM token when the old one is 10 minutes old.
     */
    @Override
    public void close() {
        store.close();
    }

    private Fetched refresh(byte[] rawDigest, String digest, Dependencies dependencies, Fetched.Fetcher fetcher,
                            String lock) throws SQLException {
        long startedAt = clock.millis();
        Fetched fetched = fetcher.fetch();
        if (fetched.rows() == null) {
            return served(CacheStatus.BYPASS, fetched);
        }
        byte[] value = EntryCodec.encode(new CacheEntry(rawDigest, startedAt, dependencies.recorded(),
            fetched.rows()), config.maxEntryBytes());
        if (value == null) {
            counters.oversized();
        }
        // Sent even without a value: it creates missing generations and releases the lock.
        store.store(layout.entry(digest), value, config.maxAge().plus(config.swr()), dependencies.keys(),
            dependencies.expected(), generationTtl, layout.lock(digest), lock);
        return served(CacheStatus.MISS, fetched);
    }

    private String tryLock(String digest) {
        String token = Long.toHexString(ThreadLocalRandom.current().nextLong());
        Duration ttl = config.swr().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : config.swr();
        try {
            return store.tryLock(layout.lock(digest), token, ttl) ? token : null;
        } catch (CacheUnavailableException e) {
            failed(e);
            return null;
        }
    }

    private CacheEntry decode(byte[] value, byte[] rawDigest) {
        if (value == null) {
            return null;
        }
        try {
            return EntryCodec.decode(value, rawDigest);
        } catch (CacheFormatException e) {
            counters.corrupt();
            LOG.warn("Ignoring an unreadable cache value ({}); reading from the database", e.getMessage());
            return null;
        }
    }

    private Fetched bypass(Fetched.Fetcher fetcher) throws SQLException {
        return served(CacheStatus.BYPASS, fetcher.fetch());
    }

    private Fetched served(CacheStatus status, Fetched fetched) {
        record(status);
        return fetched;
    }

    private void record(CacheStatus status) {
        counters.served(status);
        CacheRequest request = requests.get();
        if (request != null) {
            request.served(status);
        }
    }

    private void failed(CacheUnavailableException e) {
        breaker.failure();
        counters.error();
        LOG.warn("Cache unavailable ({}); reading from the database", e.getMessage());
    }

    /** The SHA-256 of the key: database identity, migration version and value format, then {@code keyMaterial}. */
    private byte[] keyDigest(byte[] keyMaterial) {
        try {
            MessageDigest sha = (MessageDigest) keyPrefix.clone();
            return sha.digest(keyMaterial);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of this JVM cannot be cloned", e);
        }
    }

    private static MessageDigest keyPrefix(KeyLayout layout) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((layout.databaseId() + "\0" + layout.migrationVersion() + "\0" + EntryCodec.VERSION + "\0")
                .getBytes(StandardCharsets.UTF_8));
            return sha;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
