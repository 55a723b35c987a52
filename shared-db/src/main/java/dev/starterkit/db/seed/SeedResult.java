package dev.starterkit.db.seed;

import java.util.Map;

/**
 * What a seed run did.
 *
 * @param rowsByFile rows inserted or changed by each file, in the order run ({@code sample/01-users.sql})
 */
public record SeedResult(Map<String, Long> rowsByFile) {

    public SeedResult {
        rowsByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsByFile));
    }

    /** Rows inserted or changed in all. */
    public long totalRows() {
        return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
