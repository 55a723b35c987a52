package dev.starterkit.db.cache.codec;

/**
 * A value of a PostgreSQL type without a closer Java type (json, jsonb, interval, inet, ...), in its text form.
 *
 * @param type the PostgreSQL type name
 * @param value the text form
 */
public record PgText(String type, String value) {
}
