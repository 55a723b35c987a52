package dev.starterkit.db.schema.diff;

import java.util.List;
import java.util.Optional;

/** Asks someone whether a column that is gone was renamed to one of its table's new columns. */
public interface RenameQuestion {

    /** Whether there is anyone to ask (a terminal); without one, undecided columns fail the diff. */
    boolean canAsk();

    /**
     * Asks about one gone column.
     *
     * @param table the table
     * @param column the column that is gone
     * @param candidates the table's new columns not yet taken by another rename
     * @return the new name, one of {@code candidates}, or empty when the column was dropped
     */
    Optional<String> ask(String table, String column, List<String> candidates);
}
