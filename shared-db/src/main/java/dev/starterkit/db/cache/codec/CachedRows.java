package dev.starterkit.db.cache.codec;

import java.util.List;

/**
 * A whole query result held in memory: its columns and its rows of canonical values ({@link Boolean},
 * {@link Integer}, {@link Long}, {@link Float}, {@link Double}, {@link java.math.BigDecimal}, {@link String},
 * {@code byte[]}, {@link java.time.LocalDate}, {@link java.time.LocalTime}, {@link java.time.LocalDateTime},
 * {@link java.time.Instant} for {@code timestamptz}, {@link java.util.UUID}, {@link PgText}, or null).
 *
 * @param columns the columns
 * @param rows the rows, each with one value per column
 */
public record CachedRows(List<Column> columns, List<Object[]> rows) {

    public CachedRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
