package dev.starterkit.db.schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The clock of new rows: now, truncated to the microseconds PostgreSQL keeps, so a saved row reads back equal. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The current instant in microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
