package dev.starterkit.db.connect;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a statement only reads, so that it may be sent again on a new connection when the old one was
 * found dead. Comments, string literals and quoted identifiers are skipped; a statement is a read when it starts
 * with {@code SELECT}, {@code WITH}, {@code VALUES}, {@code TABLE} or {@code SHOW} and contains no word that
 * writes or locks.
 */
final class ReadOnlySql {

    private static final Set<String> READ_STARTS = Set.of("select", "with", "values", "table", "show");
    private static final Set<String> WRITE_WORDS = Set.of("insert", "update", "delete", "merge", "into", "for",
        "nextval", "setval", "lock", "call", "do", "copy", "create", "alter", "drop", "truncate", "grant",
        "revoke", "set", "pg_advisory_lock", "pg_try_advisory_lock");

    private ReadOnlySql() {
    }

    static boolean isRead(String sql) {
        if (sql == null) {
            return false;
        }
        boolean first = true;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == ';') {
                return false;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i).toLowerCase(Locale.ROOT);
                if (first ? !READ_STARTS.contains(word) : WRITE_WORDS.contains(word)) {
                    return false;
                }
                first = false;
            } else {
                i++;
            }
        }
        return !first;
    }
}
