package dev.starterkit.db.export;

/** Hears about each table as its data is written, so a command line or a log can say how far a dump got. */
@FunctionalInterface
public interface DumpListener {

    /** Called after a table's rows have been written. */
    void tableDumped(TableProgress progress);

    /** A listener that ignores everything. */
    static DumpListener none() {
        return progress -> { };
    }
}
