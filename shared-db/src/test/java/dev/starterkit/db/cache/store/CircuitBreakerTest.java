package dev.starterkit.db.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(5), clock);

    @Test
    void allow_shouldRefuseThenProbeOncePerCooldown_whenCallsKeepFailing() {
        // GIVEN three failures in a row
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.allow()).isTrue();
            breaker.failure();
        }
        // WHEN / THEN calls are refused until the cool-down, then exactly one probe goes through
        assertThat(breaker.allow()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).isFalse();
        // WHEN the probe succeeds THEN calls flow again
        breaker.success();
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }
}
