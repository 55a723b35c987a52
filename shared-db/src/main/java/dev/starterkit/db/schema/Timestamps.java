package dev.starterkit.db.schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The clock of new rows: now, truncated to the microseconds PostgreSQL keeps. PostgreSQL rounds finer instants, so
 * an entity holding one would not read back equal to what was saved; derive instants from {@link #now()}.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The current instant in microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code instant} truncated to microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
