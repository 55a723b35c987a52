package dev.starterkit.db.cache.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store used locally without {@code REDIS_URL}: the same entries, locks and generations as in Redis, in a map
 * of this JVM, so that every execution environment of {@code bin/dev} shares it. Bounded in entries and generations.
 */
public final class InProcessCacheStore implements CacheStore {

    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_GENERATIONS = 100_000;
    /** The JVM-wide store: {@code bin/dev} runs several execution environments in one JVM that must share it. */
    private static final InProcessCacheStore SHARED = new InProcessCacheStore(InstantSource.system());

    private final InstantSource clock;
    private final Map<String, Expiring> values = new HashMap<>();
    private final Map<String, Expiring> generations = new HashMap<>();

    public InProcessCacheStore(InstantSource clock) {
        this.clock = clock;
    }

    /** The store every execution environment of this JVM shares. */
    public static InProcessCacheStore shared() {
        return SHARED;
    }

    @Override
    public synchronized Lookup lookup(String entryKey, List<String> generationKeys) {
        Expiring entry = live(entryKey);
        return new Lookup(entry == null ? null : entry.value().clone(), current(generationKeys));
    }

    @Override
    public synchronized List<String> createGenerations(List<String> generationKeys, Duration generationTtl) {
        for (String key : generationKeys) {
            if (generation(key) == null) {
                setGeneration(key, randomToken(), generationTtl);
            }
        }
        return current(generationKeys);
    }

    @Override
    public synchronized boolean tryLock(String lockKey, String token, Duration ttl) {
        if (live(lockKey) != null) {
            return false;
        }
        put(lockKey, token.getBytes(StandardCharsets.UTF_8), ttl);
        return true;
    }

    @Override
    public synchronized void store(String entryKey, byte[] value, Duration ttl, List<String> generationKeys,
                                   List<String> expected, Duration generationTtl, String lockKey, String lockToken) {
        boolean valid = value != null;
        for (int i = 0; i < generationKeys.size(); i++) {
            String token = generation(generationKeys.get(i));
            if (expected.get(i).startsWith(MISSING)) {
                valid &= token == null;
            } else if (token == null) {
                setGeneration(generationKeys.get(i), randomToken(), generationTtl);
                valid = false;
            } else {
                valid &= token.equals(expected.get(i));
            }
        }
        if (valid) {
            put(entryKey, value.clone(), ttl);
            for (int i = 0; i < generationKeys.size(); i++) {
                keep(generationKeys.get(i), expected.get(i), ttl, generationTtl);
            }
        }
        Expiring lock = lockKey == null ? null : live(lockKey);
        if (lock != null && new String(lock.value(), StandardCharsets.UTF_8).equals(lockToken)) {
            values.remove(lockKey);
        }
    }

    /**
     * Creates a generation that was {@code expected} missing, or, when it would expire within {@code entryTtl}, makes
     * it live {@code generationTtl} more.
     */
    private void keep(String key, String expected, Duration entryTtl, Duration generationTtl) {
        if (expected.startsWith(MISSING)) {
            setGeneration(key, expected.substring(MISSING.length()), generationTtl);
            return;
        }
        long now = clock.millis();
        generations.computeIfPresent(key, (k, g) -> g.expiresAtMillis() >= now + entryTtl.toMillis() ? g
            : new Expiring(g.value(), now + generationTtl.toMillis()));
    }

    @Override
    public synchronized void bump(List<String> generationKeys, Set<String> keepingLineage, Duration generationTtl) {
        for (String key : generationKeys) {
            String had = generation(key);
            String token = randomToken();
            if (had != null && keepingLineage.contains(key)) {
                token = token + "." + KeyLayout.rowLineage(had);
            }
            setGeneration(key, token, generationTtl);
        }
    }

    @Override
    public String describe() {
        return "in-process cache";
    }

    @Override
    public void close() {
        // Nothing to release: the map lives as long as the JVM or its owner.
    }

    /** The number of live entries and locks, for tests. */
    public synchronized int size() {
        values.entrySet().removeIf(e -> e.getValue().expiresAtMillis() <= clock.millis());
        return values.size();
    }

    /** The live tokens of {@code generationKeys}, null for a missing or expired one. */
    private List<String> current(List<String> generationKeys) {
        List<String> tokens = new ArrayList<>(generationKeys.size());
        for (String key : generationKeys) {
            tokens.add(generation(key));
        }
        return tokens;
    }

    private String generation(String key) {
        Expiring generation = generations.get(key);
        if (generation != null && generation.expiresAtMillis() <= clock.millis()) {
            generations.remove(key);
            return null;
        }
        return generation == null ? null : new String(generation.value(), StandardCharsets.UTF_8);
    }

    private void setGeneration(String key, String token, Duration ttl) {
        if (generations.size() >= MAX_GENERATIONS) {
            generations.values().removeIf(g -> g.expiresAtMillis() <= clock.millis());
            if (generations.size() >= MAX_GENERATIONS) {
                // forgetting generations is always safe: a missing one makes every entry read against it invalid
                generations.clear();
            }
        }
        generations.put(key, new Expiring(token.getBytes(StandardCharsets.UTF_8), clock.millis() + ttl.toMillis()));
    }

    private Expiring live(String key) {
        Expiring entry = values.get(key);
        if (entry != null && entry.expiresAtMillis() <= clock.millis()) {
            values.remove(key);
            return null;
        }
        return entry;
    }

    private void put(String key, byte[] value, Duration ttl) {
        if (values.size() >= MAX_ENTRIES) {
            evict();
        }
        values.put(key, new Expiring(value, clock.millis() + ttl.toMillis()));
    }

    private void evict() {
        values.entrySet().removeIf(e -> e.getValue().expiresAtMillis() <= clock.millis());
        Iterator<String> keys = values.keySet().iterator();
        while (values.size() >= MAX_ENTRIES && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    static String randomToken() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** A value and when it expires. */
    private record Expiring(byte[] value, long expiresAtMillis) {
    }
}
