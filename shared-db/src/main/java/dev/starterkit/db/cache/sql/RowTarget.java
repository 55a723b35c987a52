package dev.starterkit.db.cache.sql;

import dev.starterkit.db.cache.catalog.PrimaryKey;

/**
 * The one row of a table that a statement reads or writes, named by its primary key bound to a JDBC parameter.
 *
 * @param table the table
 * @param parameter the 1-based index of the JDBC parameter that holds the key
 * @param type the key's type, which says how its value is written canonically
 */
public record RowTarget(String table, int parameter, PrimaryKey.Type type) {
}
