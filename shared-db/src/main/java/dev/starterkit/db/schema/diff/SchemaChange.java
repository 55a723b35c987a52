package dev.starterkit.db.schema.diff;

import java.util.Optional;

/**
 * One step of a {@link SchemaDiff}: the statement that takes it, a line that tells people what it does, and whether
 * it can lose data. Its {@link Phase} orders the steps so that PostgreSQL accepts them.
 */
public interface SchemaChange {

    /** When a step runs: what depends on an object is dropped before it and created after it. */
    enum Phase {
        DROP_FOREIGN_KEY,
        DROP_INDEX,
        DROP_CONSTRAINT,
        DROP_COLUMN,
        DROP_TABLE,
        RENAME_COLUMN,
        CREATE_TABLE,
        ADD_COLUMN,
        ALTER_COLUMN,
        ADD_CONSTRAINT,
        CREATE_INDEX,
        ADD_FOREIGN_KEY
    }

    /** The phase the step runs in. */
    Phase phase();

    /** The table the step changes. */
    String table();

    /** Orders the steps of one phase and table: an object name, or a column position. */
    String sortKey();

    /** The SQL statement, without a trailing semicolon. */
    String sql();

    /** One line for people, e.g. {@code + column note.pinned boolean NOT NULL DEFAULT false}. */
    String description();

    /** A migration name for this step alone, in {@code <verb>_<object>} form, e.g. {@code add_note_pinned}. */
    String name();

    /** Whether the step can lose data: dropped tables and columns, converted column types. */
    default boolean destructive() {
        return false;
    }

    /** Why the statement may fail on a table that has rows, when it may. */
    default Optional<String> caution() {
        return Optional.empty();
    }
}
