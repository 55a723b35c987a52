package dev.starterkit.db.cache;

import dev.starterkit.db.cache.codec.CachedRows;
import java.sql.ResultSet;

/**
 * A read's result: rows in memory (cacheable), or the driver's own result set when a column type cannot be cached.
 *
 * @param rows the rows, or null
 * @param passthrough the driver's result set, or null
 */
public record Fetched(CachedRows rows, ResultSet passthrough) {

    /** Runs the query against PostgreSQL. */
    @FunctionalInterface
    public interface Fetcher {
        /** Executes and reads the result. */
        Fetched fetch() throws java.sql.SQLException;
    }
}
