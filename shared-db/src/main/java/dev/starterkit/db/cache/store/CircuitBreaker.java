package dev.starterkit.db.cache.store;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Stops calling a failing cache for a while: after {@code threshold} failures in a row it opens for
 * {@code cooldown}, then lets one probe through; a success closes it, a failure opens it again.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration cooldown;
    private final InstantSource clock;
    private int failures;
    private long openUntilMillis;
    private boolean probing;

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
        if (clock.millis() < openUntilMillis || probing) {
            return false;
        }
        probing = true;
        return true;
    }

    /** Records a successful call. */
    public synchronized void success() {
        failures = 0;
        probing = false;
    }

    /** Records a failed call. */
    public synchronized void failure() {
        failures++;
        probing = false;
        if (failures >= threshold) {
            openUntilMillis = clock.millis() + cooldown.toMillis();
        }
    }

    /** Whether calls are being refused now. */
    public synchronized boolean isOpen() {
        return failures >= threshold && clock.millis() < openUntilMillis;
    }
}
