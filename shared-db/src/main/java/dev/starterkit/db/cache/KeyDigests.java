package dev.starterkit.db.cache;

import dev.starterkit.db.cache.codec.EntryCodec;
import dev.starterkit.db.cache.store.KeyLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of a cache key: database id, migration version, entry format version, then the key material (the SQL
 * text as {@code ValueCodec.writeString} writes it, then the parameters). The digest state after the SQL text is
 * kept per statement, so a read hashes only its parameters; the digests are the same as hashing the whole material.
 */
final class KeyDigests {

    /** Statements whose digest state is kept; SQL beyond them (ad-hoc text) is hashed in full each time. */
    private static final int MAX_STATEMENTS = 512;

    private final MessageDigest base;
    private final Map<String, MessageDigest> statements = new ConcurrentHashMap<>();

    KeyDigests(KeyLayout layout) {
        try {
            base = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
        // the format version too: code that writes another entry format never reads these entries, nor they its
        base.update((layout.databaseId() + "\0" + layout.migrationVersion() + "\0" + EntryCodec.VERSION + "\0")
            .getBytes(StandardCharsets.UTF_8));
    }

    /** The key's digest for {@code sql} and its encoded {@code parameters}. */
    byte[] digest(String sql, byte[] parameters) {
        MessageDigest afterSql = statements.get(sql);
        if (afterSql == null) {
            afterSql = copy(base);
            byte[] text = sql.getBytes(StandardCharsets.UTF_8);
            int length = text.length;
            afterSql.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length});
            afterSql.update(text);
            if (statements.size() < MAX_STATEMENTS) {
                statements.putIfAbsent(sql, afterSql);
            }
        }
        // the kept states are never updated, only copied
        return copy(afterSql).digest(parameters);
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JVM's SHA-256 cannot be cloned", e);
        }
    }
}
