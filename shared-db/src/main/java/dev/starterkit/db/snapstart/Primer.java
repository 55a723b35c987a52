package dev.starterkit.db.snapstart;

/**
 * One way of warming an execution environment before its SnapStart snapshot, without relying on a live connection
 * and without leaving one open.
 */
@FunctionalInterface
public interface Primer {

    /** Warms one path; an exception is logged and does not stop the snapshot. */
    void prime() throws Exception;
}
