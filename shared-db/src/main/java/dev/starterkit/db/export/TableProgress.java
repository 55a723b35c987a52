package dev.starterkit.db.export;

/**
 * How far a dump got: one table's data has been written.
 *
 * @param table the qualified table name, e.g. {@code public."user"}
 * @param rows rows written for this table
 * @param bytes bytes of SQL written for this table's data (before compression)
 * @param index 1-based position of the table in the dump
 * @param tables how many tables the dump carries data for
 */
public record TableProgress(String table, long rows, long bytes, int index, int tables) {
}
