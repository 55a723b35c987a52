package dev.starterkit.db.export.s3;

import dev.starterkit.db.export.DumpResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user metadata of an exported object ({@code x-amz-meta-*}): schema version, row counts per table and the
 * SHA-256 of the SQL. S3 allows 2 KB of metadata, so a long list of tables is cut and {@code total-rows} stays.
 */
public final class ExportMetadata {

    /** The latest applied migration, or {@code none}. */
    public static final String SCHEMA_VERSION = "schema-version";
    /** {@code table=rows} pairs, comma-separated, in dump order (names percent-encoded where needed). */
    public static final String TABLE_ROWS = "table-rows";
    /** Rows across every table. */
    public static final String TOTAL_ROWS = "total-rows";
    /** Hex SHA-256 of the uncompressed SQL: {@code gunzip -c dump.sql.gz | sha256sum}. */
    public static final String SQL_SHA256 = "sql-sha256";
    /** Bytes of uncompressed SQL. */
    public static final String SQL_BYTES = "sql-bytes";
    /** The dump's kind ({@code full}). */
    public static final String KIND = "dump-kind";

    private static final int TABLE_ROWS_BUDGET = 1500;

    private ExportMetadata() {
    }

    /** The metadata of a dump, plus {@code extra} entries (the stage, the snapshot's time). */
    public static Map<String, String> of(DumpResult dump, Map<String, String> extra) {
        Map<String, String> metadata = new LinkedHashMap<>(extra);
        metadata.put(KIND, dump.kind().id());
        metadata.put(SCHEMA_VERSION, dump.schemaVersion() == null ? "none" : dump.schemaVersion());
        metadata.put(SQL_SHA256, dump.sha256());
        metadata.put(SQL_BYTES, Long.toString(dump.bytes()));
        metadata.put(TOTAL_ROWS, Long.toString(dump.totalRows()));
        metadata.put(TABLE_ROWS, tableRows(dump.tableRows()));
        return metadata;
    }

    static String tableRows(Map<String, Long> rows) {
        StringBuilder text = new StringBuilder();
        int left = rows.size();
        for (Map.Entry<String, Long> entry : rows.entrySet()) {
            String pair = encode(entry.getKey()) + "=" + entry.getValue();
            if (text.length() + pair.length() + 1 > TABLE_ROWS_BUDGET) {
                return text.append(",...=").append(left).append(" more tables").toString();
            }
            text.append(text.length() == 0 ? "" : ",").append(pair);
            left--;
        }
        return text.toString();
    }

    /** Keeps printable ASCII (header-safe) and percent-encodes the rest and the separators. */
    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != ',' && c != '=' && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
