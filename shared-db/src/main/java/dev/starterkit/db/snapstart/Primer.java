package dev.starterkit.db.snapstart;

/**
 * One way of warming an execution environment before its SnapStart snapshot: load classes, fill JIT profiles, run
 * a representative request path. A primer runs with the database connection closed or about to be closed, so it
 * must not rely on a live connection, and it must leave no connection open behind it.
 */
@FunctionalInterface
public interface Primer {

    /** Warms one path; an exception is logged and does not stop the snapshot. */
    void prime() throws Exception;
}
