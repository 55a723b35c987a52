package dev.starterkit.db.cache.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * How cache keys are named. Everything of one database shares the hash tag {@code {<database id>}}, so every
 * multi-key operation stays in one Redis Cluster slot; entries carry the migration version, generations do not
 * (a write by old code during a deploy still invalidates the new code's entries). Generations come in three kinds:
 * a table's ({@code g:}), which every write to it replaces and every read of it but a point read depends on; a
 * table's row epoch ({@code e:}), which writes to rows not named by primary key replace; and one row's
 * ({@code r:}, a digest of table and key), which writes naming that row replace. A point read depends on the
 * all-tables generation, its table's row epoch and its row's generation only.
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

    /** The row epoch of a table: replaced by every write to it that does not name its rows by primary key. */
    public String rowEpoch(String table) {
        return base() + "e:" + table;
    }

    /** The generation of the row of {@code table} whose primary key's canonical text is {@code key}. */
    public String row(String table, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(table.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            return base() + "r:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** The generation keys a point read of one row depends on: all-tables, the table's row epoch, the row. */
    public List<String> rowGenerations(String table, String key) {
        return List.of(generation(ALL_TABLES), rowEpoch(table), row(table, key));
    }

    /** The generation keys an entry reading {@code tables} depends on: all-tables first, then the tables sorted. */
    public List<String> generations(Collection<String> tables) {
        List<String> keys = new ArrayList<>(tables.size() + 1);
        keys.add(generation(ALL_TABLES));
        tables.stream().sorted().forEach(table -> keys.add(generation(table)));
        return keys;
    }
}
