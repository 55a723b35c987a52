package dev.starterkit.db.export;

import java.util.Objects;
import java.util.Optional;

/**
 * What to dump: the kind, and optionally one table ({@code name} in {@code public}, or {@code schema.name}).
 *
 * @param kind schema, full or data
 * @param table the one table to dump, or empty for every table
 */
public record DumpOptions(DumpKind kind, Optional<String> table) {

    public DumpOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
    }

    /** Every table, as {@code kind} says. */
    public static DumpOptions of(DumpKind kind) {
        return new DumpOptions(kind, Optional.empty());
    }
}
