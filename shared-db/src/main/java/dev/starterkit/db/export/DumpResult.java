package dev.starterkit.db.export;

import java.util.Map;

/**
 * What a dump wrote.
 *
 * @param kind the kind of dump
 * @param schemaVersion the latest successful Flyway version in the snapshot, or null when there is no history
 * @param tableRows rows written per table, in dump order (qualified names)
 * @param bytes bytes of SQL written (before any compression)
 * @param sha256 hex SHA-256 of the SQL written (before any compression)
 */
public record DumpResult(DumpKind kind, String schemaVersion, Map<String, Long> tableRows, long bytes,
                         String sha256) {

    public DumpResult {
        tableRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tableRows));
    }

    /** Rows written across every table. */
    public long totalRows() {
        return tableRows.values().stream().mapToLong(Long::longValue).sum();
    }
}
