package dev.starterkit.tools.studio;

import java.util.List;
import java.util.Map;

/**
 * One page of rows, every value in PostgreSQL's text form (null for {@code NULL}).
 *
 * @param rows the rows, column name to value, in column order
 * @param total the rows that match the filters
 * @param page the page, from 0
 * @param size rows per page
 */
public record RowPage(List<Map<String, String>> rows, long total, int page, int size) {

    public RowPage {
        rows = List.copyOf(rows);
    }
}
