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
 * (a write by old code during a deploy still invalidates the new code's entries).
 *
 * <p>A table's generation ({@code g:<table>}) is replaced by every write to it, and every read of it depends on its
 * whole token, except a point read by primary key: that depends on the all-tables generation, on the table token's
 * <em>row lineage</em> and on its row's generation ({@code r:}, a digest of table and key). A write that names its
 * rows by primary key replaces the table's token keeping its lineage, and replaces those rows' generations; every
 * other write gives the table a token of a new lineage, so every point read of it misses. Tokens without a lineage
 * (made before there were any, or by code that does not know them) are their own lineage.
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

    /** The generation of the row of {@code table} whose primary key's canonical text is {@code key}. */
    public String row(String table, String key) {
        MessageDigest sha = sha256();
        sha.update(table.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        return base() + "r:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    /** A fresh SHA-256, cloned rather than looked up among the security providers each time. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of this JVM cannot be cloned", e);
        }
    }

    /** The prototype every row digest is cloned from. */
    private static final class Sha256 {
        private static final MessageDigest PROTOTYPE = create();

        private static MessageDigest create() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from the JVM", e);
            }
        }
    }

    /** The generation keys a point read of one row depends on: all-tables, its table (by lineage), the row. */
    public List<String> rowGenerations(String table, String key) {
        return List.of(generation(ALL_TABLES), generation(table), row(table, key));
    }

    /** The row lineage of a table generation token: the part after its last dot, or the whole token. */
    public static String rowLineage(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    /** The generation keys an entry reading {@code tables} depends on: all-tables first, then the tables sorted. */
    public List<String> generations(Collection<String> tables) {
        List<String> keys = new ArrayList<>(tables.size() + 1);
        keys.add(generation(ALL_TABLES));
        tables.stream().sorted().forEach(table -> keys.add(generation(table)));
        return keys;
    }
}
