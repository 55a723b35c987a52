package dev.starterkit.db.cache.catalog;

/**
 * A table's single-column primary key, when its values compare equal only when they are the same value: the row
 * a point read or a write names by it can be told apart from every other row.
 *
 * @param column the column name, as the catalog spells it
 * @param type how a bound value of the key is written canonically
 */
public record PrimaryKey(String column, Type type) {

    /** The key types whose bound values have one canonical text. */
    public enum Type {
        /** {@code text} or {@code varchar} with a deterministic collation: the string itself. */
        TEXT,
        /** {@code smallint}, {@code integer}, {@code bigint}: the decimal digits. */
        INTEGER,
        /** {@code uuid}: the lower-case hyphenated form. */
        UUID;

        /** The type of PostgreSQL type {@code typname}, or null when its values have no canonical text here. */
        static Type of(String typname) {
            return switch (typname) {
                case "text", "varchar" -> TEXT;
                case "int2", "int4", "int8" -> INTEGER;
                case "uuid" -> UUID;
                default -> null;
            };
        }
    }
}
