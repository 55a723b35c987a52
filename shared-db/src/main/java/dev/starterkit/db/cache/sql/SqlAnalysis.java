package dev.starterkit.db.cache.sql;

import java.util.Set;

/**
 * What a statement does, as far as the cache is concerned.
 *
 * @param kind the statement's kind
 * @param tables for {@link Kind#CACHEABLE} the base tables read; for {@link Kind#WRITE} the relations written
 * @param reason why a read is not cacheable, or why a write reaches everything; empty otherwise
 * @param row for {@link Kind#CACHEABLE} the one row the result depends on (a point read by primary key); for
 *     {@link Kind#WRITE} the one row of its table that it writes (foreign-key actions may reach further); else null
 */
public record SqlAnalysis(Kind kind, Set<String> tables, String reason, RowTarget row) {

    public SqlAnalysis {
        tables = Set.copyOf(tables);
    }

    /** An analysis that names no row. */
    public SqlAnalysis(Kind kind, Set<String> tables, String reason) {
        this(kind, tables, reason, null);
    }

    /** Statement kinds. */
    public enum Kind {
        /** A read-only SELECT or WITH ... SELECT whose result depends only on the tables it reads. */
        CACHEABLE,
        /** A read that must not be cached (locking, non-IMMUTABLE function, several statements, ...). */
        READ,
        /** A write to known relations. */
        WRITE,
        /** A write whose reach is unknown: DDL, a procedure, a VOLATILE user function, SELECT INTO. */
        WRITE_ALL,
        /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and the like. */
        TRANSACTION,
        /** Session commands that change no data: SET, SHOW, LISTEN, VACUUM, ... */
        SESSION
    }

    static SqlAnalysis cacheable(Set<String> tables) {
        return new SqlAnalysis(Kind.CACHEABLE, tables, "");
    }

    static SqlAnalysis read(String reason) {
        return new SqlAnalysis(Kind.READ, Set.of(), reason);
    }

    static SqlAnalysis write(Set<String> tables) {
        return new SqlAnalysis(Kind.WRITE, tables, "");
    }

    static SqlAnalysis writeAll(String reason) {
        return new SqlAnalysis(Kind.WRITE_ALL, Set.of(), reason);
    }

    static SqlAnalysis of(Kind kind) {
        return new SqlAnalysis(kind, Set.of(), "");
    }

    /** This analysis naming {@code target} as its row (null: none). */
    SqlAnalysis withRow(RowTarget target) {
        return target == null ? this : new SqlAnalysis(kind, tables, reason, target);
    }

    /** Whether the statement may change data. */
    public boolean writes() {
        return kind == Kind.WRITE || kind == Kind.WRITE_ALL;
    }
}
