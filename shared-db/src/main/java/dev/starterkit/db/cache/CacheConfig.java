package dev.starterkit.db.cache;

import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Variable;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The cache settings, read once from the environment and validated: {@code CACHE_DISABLED}, else
 * {@code REDIS_URL} (local), else for a deployed function ({@code STAGE} set) ElastiCache Serverless with IAM auth
 * ({@code CACHE_ENDPOINT}, {@code CACHE_NAME}, {@code CACHE_USER_ID}, {@code AWS_REGION}), else the in-process
 * cache. {@code CACHE_MAX_AGE_SECONDS} (60), {@code CACHE_SWR_SECONDS} (15) and {@code CACHE_MAX_ENTRY_BYTES}
 * (1 MiB) apply to all.
 *
 * @param mode where entries live
 * @param redisUrl the {@code redis://} or {@code rediss://} URL in {@link Mode#REDIS}, else null
 * @param endpoint {@code host[:port]} of the serverless cache in {@link Mode#ELASTICACHE}, else null
 * @param cacheName the ElastiCache cache name (IAM tokens are signed for it)
 * @param userId the ElastiCache user id (IAM tokens are signed for it)
 * @param region the AWS region for signing
 * @param maxAge how long an entry is fresh
 * @param swr how long after that a stale entry may be served while one caller refreshes it
 * @param maxEntryBytes results encoding larger than this are not stored
 * @param timeout bound on every awaited cache command
 * @param connectTimeout bound on connecting to the cache
 * @param breakerFailures failures in a row that open the circuit breaker
 * @param breakerCooldown how long the breaker stays open before a probe
 * @param keyPrefix a namespace before every key
 */
public record CacheConfig(Mode mode, String redisUrl, String endpoint, String cacheName, String userId,
                          String region, Duration maxAge, Duration swr, int maxEntryBytes, Duration timeout,
                          Duration connectTimeout, int breakerFailures, Duration breakerCooldown, String keyPrefix) {

    /** Where entries live. */
    public enum Mode { DISABLED, IN_PROCESS, REDIS, ELASTICACHE }

    /** Default size limit of one stored result: 1 MiB. */
    public static final int DEFAULT_MAX_ENTRY_BYTES = 1 << 20;

    /** Settings with the defaults for {@code mode}, without connection details. */
    public static CacheConfig defaults(Mode mode) {
        return new CacheConfig(mode, null, null, null, null, null, Duration.ofSeconds(60), Duration.ofSeconds(15),
            DEFAULT_MAX_ENTRY_BYTES, Duration.ofMillis(250), Duration.ofSeconds(2), 3, Duration.ofSeconds(5), "qc:");
    }

    /** Settings for a local Redis at {@code url}. */
    public static CacheConfig redis(String url) {
        return defaults(Mode.REDIS).withRedisUrl(url);
    }

    /** Reads and validates the settings; a bad or missing value stops with a message naming the variable. */
    public static CacheConfig fromEnvironment(ResolvedEnvironment env) {
        CacheConfig base = defaults(Mode.IN_PROCESS)
            .withMaxAge(Duration.ofSeconds(integer(env, "CACHE_MAX_AGE_SECONDS", 60, 1)))
            .withSwr(Duration.ofSeconds(integer(env, "CACHE_SWR_SECONDS", 15, 0)))
            .withMaxEntryBytes((int) integer(env, "CACHE_MAX_ENTRY_BYTES", DEFAULT_MAX_ENTRY_BYTES, 1));
        if (flag(env, "CACHE_DISABLED")) {
            return base.withMode(Mode.DISABLED);
        }
        Optional<Variable> url = env.find("REDIS_URL");
        if (url.isPresent()) {
            return base.withRedisUrl(validRedisUrl(url.get()));
        }
        if (env.find("STAGE").isPresent()) {
            return new CacheConfig(Mode.ELASTICACHE, null, endpoint(env), require(env, "CACHE_NAME"),
                require(env, "CACHE_USER_ID"), require(env, "AWS_REGION"), base.maxAge, base.swr, base.maxEntryBytes,
                base.timeout, base.connectTimeout, base.breakerFailures, base.breakerCooldown, base.keyPrefix);
        }
        return base;
    }

    private static String require(ResolvedEnvironment env, String name) {
        return env.find(name).map(Variable::value).orElseThrow(() -> new CacheConfigException(name
            + " is not set (looked in: " + env.lookedIn() + "); a deployed function needs it for the ElastiCache "
            + "query cache (set REDIS_URL instead to use another Redis, or CACHE_DISABLED=true to run without)"));
    }

    private static String endpoint(ResolvedEnvironment env) {
        String endpoint = require(env, "CACHE_ENDPOINT").strip();
        if (!endpoint.matches("[A-Za-z0-9.-]+(:\\d{1,5})?")) {
            throw new CacheConfigException(env.require("CACHE_ENDPOINT") + " must be host or host:port; got '"
                + endpoint + "'");
        }
        return endpoint;
    }

    private static String validRedisUrl(Variable url) {
        String value = url.value().strip();
        if (!value.startsWith("redis://") && !value.startsWith("rediss://")) {
            throw new CacheConfigException(url + " must be a redis:// or rediss:// URL");
        }
        try {
            io.lettuce.core.RedisURI.create(value);
        } catch (RuntimeException e) {
            throw new CacheConfigException(url + " is not a valid Redis URL (" + e.getClass().getSimpleName() + ")");
        }
        return value;
    }

    private static long integer(ResolvedEnvironment env, String name, long fallback, long min) {
        Optional<Variable> variable = env.find(name);
        if (variable.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(variable.get().value().strip());
            if (value >= min && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new CacheConfigException(variable.get() + " must be a whole number >= " + min + "; got '"
                + variable.get().value() + "'", e);
        }
        throw new CacheConfigException(variable.get() + " must be a whole number >= " + min + "; got '"
            + variable.get().value() + "'");
    }

    private static boolean flag(ResolvedEnvironment env, String name) {
        Optional<Variable> variable = env.find(name);
        if (variable.isEmpty()) {
            return false;
        }
        return switch (variable.get().value().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new CacheConfigException(variable.get() + " must be true or false; got '"
                + variable.get().value() + "'");
        };
    }

    /** A copy in another mode. */
    public CacheConfig withMode(Mode value) {
        return new CacheConfig(value, redisUrl, endpoint, cacheName, userId, region, maxAge, swr, maxEntryBytes,
            timeout, connectTimeout, breakerFailures, breakerCooldown, keyPrefix);
    }

    /** A copy using Redis at {@code url}. */
    public CacheConfig withRedisUrl(String url) {
        return new CacheConfig(Mode.REDIS, url, endpoint, cacheName, userId, region, maxAge, swr, maxEntryBytes,
            timeout, connectTimeout, breakerFailures, breakerCooldown, keyPrefix);
    }

    /** A copy with another max_age. */
    public CacheConfig withMaxAge(Duration value) {
        return new CacheConfig(mode, redisUrl, endpoint, cacheName, userId, region, value, swr, maxEntryBytes,
            timeout, connectTimeout, breakerFailures, breakerCooldown, keyPrefix);
    }

    /** A copy with another swr. */
    public CacheConfig withSwr(Duration value) {
        return new CacheConfig(mode, redisUrl, endpoint, cacheName, userId, region, maxAge, value, maxEntryBytes,
            timeout, connectTimeout, breakerFailures, breakerCooldown, keyPrefix);
    }

    /** A copy with another size limit. */
    public CacheConfig withMaxEntryBytes(int value) {
        return new CacheConfig(mode, redisUrl, endpoint, cacheName, userId, region, maxAge, swr, value,
            timeout, connectTimeout, breakerFailures, breakerCooldown, keyPrefix);
    }

    /** A copy with another key prefix (tests use one per class). */
    public CacheConfig withKeyPrefix(String value) {
        return new CacheConfig(mode, redisUrl, endpoint, cacheName, userId, region, maxAge, swr, maxEntryBytes,
            timeout, connectTimeout, breakerFailures, breakerCooldown, value);
    }

    /** A copy with other timeouts and breaker settings. */
    public CacheConfig withResilience(Duration commandTimeout, int failures, Duration cooldown) {
        return new CacheConfig(mode, redisUrl, endpoint, cacheName, userId, region, maxAge, swr, maxEntryBytes,
            commandTimeout, connectTimeout, failures, cooldown, keyPrefix);
    }

    @Override
    public String toString() {
        String target = switch (mode) {
            case REDIS -> redactedUrl();
            case ELASTICACHE -> endpoint + " (" + cacheName + ", IAM user " + userId + ")";
            default -> "";
        };
        return "CacheConfig[" + mode + (target.isEmpty() ? "" : " " + target) + ", maxAge=" + maxAge.toSeconds()
            + "s, swr=" + swr.toSeconds() + "s, maxEntryBytes=" + maxEntryBytes + "]";
    }

    private String redactedUrl() {
        int at = redisUrl.lastIndexOf('@');
        int scheme = redisUrl.indexOf("://") + 3;
        return at < 0 ? redisUrl : redisUrl.substring(0, scheme) + "***" + redisUrl.substring(at);
    }
}
