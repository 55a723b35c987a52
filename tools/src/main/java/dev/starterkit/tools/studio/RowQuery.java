package dev.starterkit.tools.studio;

import java.util.Map;

/**
 * One page of a table's rows as the UI asks for it. Names are as the request gave them: {@link TableStore} checks
 * each against the catalog before it reaches SQL.
 *
 * @param table the table name
 * @param page the page, from 0
 * @param size rows per page, 1 to {@link #MAX_SIZE}
 * @param sort the column to sort by, or null for the primary key
 * @param descending whether {@code sort} runs high to low
 * @param filters column name to the value the column must equal (cast to the column's type by PostgreSQL)
 */
public record RowQuery(String table, int page, int size, String sort, boolean descending,
                       Map<String, String> filters) {

    /** The largest page the studio serves. */
    public static final int MAX_SIZE = 500;

    public RowQuery {
        if (page < 0) {
            throw StudioRequestException.badRequest("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw StudioRequestException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        filters = Map.copyOf(filters);
    }
}
