package dev.starterkit.db.migrate;

import java.util.List;

/**
 * The schema version of a database and what is left to apply.
 *
 * @param currentVersion the latest applied version, or null for an empty database
 * @param applied versions applied by the call that produced this status (empty for {@code info})
 * @param pending versions packaged but not applied, with their descriptions
 * @param future versions the database has applied that this code does not know (after a rollback of the code)
 */
public record MigrationStatus(String currentVersion, List<String> applied, List<String> pending,
                              List<String> future) {

    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        future = List.copyOf(future);
    }
}
