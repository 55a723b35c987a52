package dev.starterkit.db.cache.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Redis store: a lookup is one {@code MGET} (the entry and its generations in one round trip); a store is one
 * script call, sent on a second connection so that lookups never queue behind it, and not awaited (it also creates
 * missing generations, so that an expired or evicted generation can never make an old entry valid again, and keeps
 * the generations of what it stores alive at least as long as the entry, extending only those that would expire
 * sooner, so that most stores write nothing but the entry); an invalidation is one script call that sets new tokens
 * (keeping the row lineage of the tables whose rows it names) with their time to live. Every call is bounded by a
 * short timeout and every key of a call shares one hash slot.
 */
public final class RedisCacheStore implements CacheStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisCacheStore.class);

    private static final Script CREATE_GENERATIONS = new Script("""
        local out = {}
        for i = 1, #KEYS do
          local g = redis.call('GET', KEYS[i])
          if not g then
            g = ARGV[1] .. i
            redis.call('SET', KEYS[i], g, 'PX', ARGV[2])
          end
          out[i] = g
        end
        return out""");
    private static final Script STORE = new Script("""
        local ok = 1
        if ARGV[1] == '' then ok = 0 end
        local create = {}
        for i = 3, #KEYS do
          local have = redis.call('GET', KEYS[i])
          local want = ARGV[i + 3]
          if string.sub(want, 1, 1) == '+' then
            if have then ok = 0 else create[#create + 1] = i end
          elseif not have then
            redis.call('SET', KEYS[i], ARGV[4] .. i, 'PX', ARGV[5])
            ok = 0
          elseif have ~= want then
            ok = 0
          end
        end
        if ok == 1 then
          for _, i in ipairs(create) do redis.call('SET', KEYS[i], string.sub(ARGV[i + 3], 2), 'PX', ARGV[5]) end
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          for i = 3, #KEYS do
            if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
          end
        end
        if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
        return ok""");
    private static final Script BUMP = new Script("""
        for i = 1, #KEYS do
          local token = ARGV[1] .. i
          if ARGV[i + 2] == 'k' then
            local had = redis.call('GET', KEYS[i])
            if had then token = token .. '.' .. (string.match(had, '%.([^.]*)$') or had) end
          end
          redis.call('SET', KEYS[i], token, 'PX', ARGV[2])
        end
        return {}""");

    private final RedisConnection connection;
    private final Duration timeout;
    private final Consumer<Throwable> asyncFailures;
    private final Map<String, CompletableFuture<?>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A store over {@code uri}.
     *
     * @param cluster true for cluster mode, false for standalone, null to ask the server
     * @param timeout bound on every command awaited
     * @param asyncFailures told about failures of commands that were not awaited
     */
    public RedisCacheStore(RedisURI uri, Boolean cluster, Duration timeout, Consumer<Throwable> asyncFailures) {
        this.connection = new RedisConnection(uri, cluster, timeout);
        this.timeout = timeout;
        this.asyncFailures = asyncFailures;
    }

    @Override
    public Lookup lookup(String entryKey, List<String> generationKeys) {
        awaitStoreOf(entryKey);
        String[] keys = new String[generationKeys.size() + 1];
        keys[0] = entryKey;
        for (int i = 0; i < generationKeys.size(); i++) {
            keys[i + 1] = generationKeys.get(i);
        }
        List<KeyValue<String, byte[]>> reply = await(commands().mget(keys));
        List<String> generations = new ArrayList<>(generationKeys.size());
        for (int i = 1; i < reply.size(); i++) {
            generations.add(reply.get(i).hasValue() ? new String(reply.get(i).getValue(), StandardCharsets.UTF_8)
                : null);
        }
        return new Lookup(reply.get(0).hasValue() ? reply.get(0).getValue() : null, generations);
    }

    /** Lets this environment's own store of the same entry, if still in flight, land first: it reads its store. */
    private void awaitStoreOf(String entryKey) {
        CompletableFuture<?> pending = inFlight.get(entryKey);
        if (pending != null) {
            try {
                pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("An earlier store of the same entry failed or is late: {}", e.getMessage());
            }
        }
    }

    @Override
    public List<String> createGenerations(List<String> generationKeys, Duration generationTtl) {
        byte[] seed = bytes(InProcessCacheStore.randomToken() + ":");
        List<Object> reply = await(run(CREATE_GENERATIONS, generationKeys, List.of(seed, millis(generationTtl))));
        return reply.stream().map(token -> new String((byte[]) token, StandardCharsets.UTF_8)).toList();
    }

    @Override
    public boolean tryLock(String lockKey, String token, Duration ttl) {
        return "OK".equals(await(commands().set(lockKey, bytes(token), SetArgs.Builder.nx().px(ttl.toMillis()))));
    }

    @Override
    public void store(String entryKey, byte[] value, Duration ttl, List<String> generationKeys,
                      List<String> generations, Duration generationTtl, String lockKey, String lockToken) {
        List<String> keys = new ArrayList<>(generationKeys.size() + 2);
        keys.add(entryKey);
        keys.add(lockKey);
        keys.addAll(generationKeys);
        List<byte[]> args = new ArrayList<>(generations.size() + 5);
        args.add(value == null ? new byte[0] : value);
        args.add(millis(ttl));
        args.add(bytes(lockToken == null ? "" : lockToken));
        args.add(bytes(InProcessCacheStore.randomToken() + ":"));
        args.add(millis(generationTtl));
        generations.forEach(g -> args.add(bytes(g == null ? "" : g)));
        try {
            CompletableFuture<List<Object>> stored = run(STORE, keys, args, RedisConnection.Lane.BACKGROUND)
                .toCompletableFuture();
            inFlight.put(entryKey, stored);
            stored.whenComplete((ok, failure) -> {
                inFlight.remove(entryKey, stored);
                if (failure != null) {
                    asyncFailures.accept(failure);
                }
            });
        } catch (RuntimeException e) {
            asyncFailures.accept(e);
        }
    }

    @Override
    public void bump(List<String> generationKeys, Set<String> keepingLineage, Duration generationTtl) {
        List<byte[]> args = new ArrayList<>(generationKeys.size() + 2);
        args.add(bytes(InProcessCacheStore.randomToken() + ":"));
        args.add(millis(generationTtl));
        generationKeys.forEach(key -> args.add(bytes(keepingLineage.contains(key) ? "k" : "")));
        await(run(BUMP, generationKeys, args));
    }

    @Override
    public String describe() {
        return "Redis" + (connection.isCluster() ? " cluster" : "");
    }

    @Override
    public void close() {
        connection.close();
    }

    private RedisClusterAsyncCommands<String, byte[]> commands() {
        return commands(RedisConnection.Lane.AWAITED);
    }

    private RedisClusterAsyncCommands<String, byte[]> commands(RedisConnection.Lane lane) {
        try {
            return connection.commands(lane);
        } catch (RuntimeException e) {
            throw new CacheUnavailableException("Cannot connect to Redis: " + e.getMessage(), e);
        }
    }

    /** Runs a script by digest, loading it on first use (NOSCRIPT) on whichever node owns the slot. */
    private CompletionStage<List<Object>> run(Script script, List<String> keys, List<byte[]> args) {
        return run(script, keys, args, RedisConnection.Lane.AWAITED);
    }

    private CompletionStage<List<Object>> run(Script script, List<String> keys, List<byte[]> args,
                                              RedisConnection.Lane lane) {
        RedisClusterAsyncCommands<String, byte[]> redis = commands(lane);
        String[] keyArray = keys.toArray(String[]::new);
        byte[][] argArray = args.toArray(byte[][]::new);
        Function<Throwable, CompletionStage<List<Object>>> reload = failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
            return cause instanceof RedisNoScriptException
                ? redis.<List<Object>>eval(script.source(), ScriptOutputType.MULTI, keyArray, argArray)
                : CompletableFuture.failedFuture(cause);
        };
        return redis.<List<Object>>evalsha(script.sha(), ScriptOutputType.MULTI, keyArray, argArray)
            .handle((ok, failure) -> failure == null ? CompletableFuture.completedFuture(ok) : reload.apply(failure))
            .thenCompose(Function.identity());
    }

    private <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheUnavailableException("Interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            throw new CacheUnavailableException("Redis command failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stage.toCompletableFuture().cancel(false);
            throw new CacheUnavailableException("Redis did not answer within " + timeout.toMillis() + " ms", e);
        }
    }

    private static byte[] millis(Duration duration) {
        return bytes(Long.toString(Math.max(1, duration.toMillis())));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A Lua script and its SHA-1. */
    private record Script(String source, String sha) {
        Script(String source) {
            this(source, sha1(source));
        }

        private static String sha1(String source) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes(source)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is missing from the JVM", e);
            }
        }
    }
}
