package dev.starterkit.db.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The names dumps are stored under: {@code dump-<env>-<kind>[-<table>]-<yyyy-MM-ddTHH-mm-ss>.sql.gz} in
 * {@code backups/}, and {@code <stage>/dump-<stage>-full-<timestamp>.sql.gz} in the export bucket (UTC times).
 */
public final class DumpNames {

    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneOffset.UTC);

    private DumpNames() {
    }

    /** The file name of a local dump. */
    public static String fileName(String env, DumpKind kind, Optional<String> table, Instant at) {
        String tablePart = table.map(t -> "-" + t.replaceAll("[^A-Za-z0-9_.]", "_")).orElse("");
        return "dump-" + env + "-" + kind.id() + tablePart + "-" + TIMESTAMP.format(at) + ".sql.gz";
    }

    /** The object key of a scheduled export. */
    public static String objectKey(String stage, Instant at) {
        return stage + "/" + fileName(stage, DumpKind.FULL, Optional.empty(), at);
    }
}
