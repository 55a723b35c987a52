package dev.starterkit.db.cache.codec;

/**
 * A result column as the driver described it.
 *
 * @param label the column label ({@code AS} name)
 * @param jdbcType the {@link java.sql.Types} code
 * @param typeName the PostgreSQL type name, e.g. {@code timestamptz}
 */
public record Column(String label, int jdbcType, String typeName) {
}
