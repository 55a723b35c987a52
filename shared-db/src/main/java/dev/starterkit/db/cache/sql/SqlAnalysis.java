package dev.starterkit.db.cache.sql;

import java.util.Set;

/**
 * What a statement does, as far as the cache is concerned.
 *
 * @param kind the statement's kind
 * @param tables for {@link Kind#CACHEABLE} the base tables read; for {@link Kind#WRITE} the relations written
 * @param reason why a read is not cacheable, or why a write reaches everything; empty otherwise
 */
public record SqlAnalysis(Kind kind, Set<String> tables, String reason) {

    public SqlAnalysis {
        tables = Set.copyOf(tables);
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

    /** Whether the statement may change data. */
    public boolean writes() {
        return kind == Kind.WRITE || kind == Kind.WRITE_ALL;
    }
}
