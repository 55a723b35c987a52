package dev.starterkit.db.schema.diff;

import java.util.List;

/**
 * Columns are gone from tables that also have new columns, and nobody said whether they were renamed or dropped;
 * the diff stops rather than drop data.
 */
public class SchemaDiffRenameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> undecided;

    public SchemaDiffRenameException(List<String> undecided) {
        super("Renamed or dropped? " + String.join("; ", undecided));
        this.undecided = List.copyOf(undecided);
    }

    public SchemaDiffRenameException(String message, Throwable cause) {
        super(message, cause);
        this.undecided = List.of();
    }

    /** One entry per gone column, e.g. {@code person.nick (new in person: nickname)}. */
    public List<String> undecided() {
        return undecided;
    }
}
