package dev.starterkit.db.cache.store;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Stops calling a failing cache for a while: after {@code threshold} failures in a row it opens for
 * {@code cooldown}, then lets one probe through per cool-down until one succeeds, which closes it.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration cooldown;
    private final InstantSource clock;
    private int failures;
    private long openUntilMillis;

    public CircuitBreaker(int threshold, Duration cooldown, InstantSource clock) {
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** Whether a call may be made now. */
    public synchronized boolean allow() {
        if (failures < threshold) {
            return true;
        }
        if (clock.millis() < openUntilMillis) {
            return false;
        }
        // one probe per cool-down: until it succeeds, the breaker stays open for another cool-down
        openUntilMillis = clock.millis() + cooldown.toMillis();
        return true;
    }

    /** Records a successful call. */
    public synchronized void success() {
        failures = 0;
    }

    /** Records a failed call. */
    public synchronized void failure() {
        failures++;
        if (failures >= threshold) {
            openUntilMillis = clock.millis() + cooldown.toMillis();
        }
    }

    /** Whether calls are being refused now. */
    public synchronized boolean isOpen() {
        return failures >= threshold && clock.millis() < openUntilMillis;
    }
}
