package dev.starterkit.db.cache.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How cache keys are named. Everything of one database shares the hash tag {@code {<database id>}}, so every
 * multi-key operation stays in one Redis Cluster slot; entries carry the migration version, generations do not
 * (a write by old code during a deploy still invalidates the new code's entries).
 *
 * @param prefix a namespace before the hash tag (one per test class in tests)
 * @param databaseId a short digest of the database identity (server, database, user, search path)
 * @param migrationVersion the latest packaged migration version
 */
public record KeyLayout(String prefix, String databaseId, String migrationVersion) {

    /** The generation that every entry depends on: bumped by DDL and writes of unknown reach. */
    public static final String ALL_TABLES = "*";

    private String base() {
        return prefix + "{" + databaseId + "}:";
    }

    /** The key of an entry with this key digest (Base64url). */
    public String entry(String digest) {
        return base() + "v" + migrationVersion + ":q:" + digest;
    }

    /** The refresh lock of an entry. */
    public String lock(String digest) {
        return base() + "v" + migrationVersion + ":l:" + digest;
    }

    /** The generation key of a table, or of {@link #ALL_TABLES}. */
    public String generation(String table) {
        return base() + "g:" + table;
    }

    /** The generation keys an entry reading {@code tables} depends on: all-tables first, then the tables sorted. */
    public List<String> generations(Collection<String> tables) {
        List<String> keys = new ArrayList<>(tables.size() + 1);
        keys.add(generation(ALL_TABLES));
        tables.stream().sorted().forEach(table -> keys.add(generation(table)));
        return keys;
    }
}
