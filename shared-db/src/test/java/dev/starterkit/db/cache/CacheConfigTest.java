package dev.starterkit.db.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheConfigTest {

    private static ResolvedEnvironment env(Map<String, String> variables) {
        return EnvironmentLoader.load(Optional.empty(), variables, Path.of("/nonexistent-project-dir"));
    }

    @Test
    void fromEnvironment_shouldUseTheInProcessCacheWithDefaults_whenNothingIsSet() {
        // GIVEN / WHEN
        CacheConfig config = CacheConfig.fromEnvironment(env(Map.of()));
        // THEN
        assertThat(config.mode()).isEqualTo(CacheConfig.Mode.IN_PROCESS);
        assertThat(config.maxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.swr()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxEntryBytes()).isEqualTo(1 << 20);
    }

    @Test
    void fromEnvironment_shouldReadRedisAndLifetimes_whenSet() {
        // GIVEN
        Map<String, String> vars = Map.of("REDIS_URL", "rediss://user:s3cret@cache:6380", "CACHE_MAX_AGE_SECONDS",
            "30", "CACHE_SWR_SECONDS", "0", "CACHE_MAX_ENTRY_BYTES", "2048", "STAGE", "dev");
        // WHEN
        CacheConfig config = CacheConfig.fromEnvironment(env(vars));
        // THEN REDIS_URL wins over the deployed mode, and the password never shows
        assertThat(config.mode()).isEqualTo(CacheConfig.Mode.REDIS);
        assertThat(config.maxAge()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.swr()).isZero();
        assertThat(config.maxEntryBytes()).isEqualTo(2048);
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void fromEnvironment_shouldStopNamingCacheEndpoint_whenDeployedWithoutIt() {
        // GIVEN a deployed function (STAGE set, no REDIS_URL) without CACHE_ENDPOINT
        Map<String, String> vars = Map.of("STAGE", "prod", "CACHE_NAME", "c", "CACHE_USER_ID", "u");
        // WHEN / THEN
        assertThatThrownBy(() -> CacheConfig.fromEnvironment(env(vars)))
            .isInstanceOf(CacheConfigException.class).hasMessageContaining("CACHE_ENDPOINT");
    }

    @Test
    void fromEnvironment_shouldUseElastiCache_whenDeployedWithEverything() {
        // GIVEN
        Map<String, String> vars = Map.of("STAGE", "prod", "CACHE_ENDPOINT", "c.serverless.use1.cache.amazonaws.com",
            "CACHE_NAME", "c", "CACHE_USER_ID", "u", "AWS_REGION", "us-east-1");
        // WHEN
        CacheConfig config = CacheConfig.fromEnvironment(env(vars));
        // THEN
        assertThat(config.mode()).isEqualTo(CacheConfig.Mode.ELASTICACHE);
        assertThat(config.cacheName()).isEqualTo("c");
    }

    @Test
    void fromEnvironment_shouldBeDisabled_whenCacheDisabledEvenIfDeployed() {
        // GIVEN / WHEN
        CacheConfig config = CacheConfig.fromEnvironment(env(Map.of("CACHE_DISABLED", "true", "STAGE", "prod")));
        // THEN no cache endpoint is needed
        assertThat(config.mode()).isEqualTo(CacheConfig.Mode.DISABLED);
    }

    @Test
    void fromEnvironment_shouldNameTheVariable_whenAValueIsBad() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> CacheConfig.fromEnvironment(env(Map.of("CACHE_MAX_AGE_SECONDS", "soon"))))
            .isInstanceOf(CacheConfigException.class).hasMessageContaining("CACHE_MAX_AGE_SECONDS");
        assertThatThrownBy(() -> CacheConfig.fromEnvironment(env(Map.of("CACHE_SWR_SECONDS", "-1"))))
            .hasMessageContaining("CACHE_SWR_SECONDS");
        assertThatThrownBy(() -> CacheConfig.fromEnvironment(env(Map.of("CACHE_DISABLED", "maybe"))))
            .hasMessageContaining("CACHE_DISABLED");
        assertThatThrownBy(() -> CacheConfig.fromEnvironment(env(Map.of("REDIS_URL", "http://x:pw@h"))))
            .hasMessageContaining("REDIS_URL").hasMessageNotContaining("pw");
    }
}
