package dev.starterkit.db.export.internal;

/** Quoting for the few names and literals the dump writer builds itself (the server quotes the rest). */
final class SqlText {

    private SqlText() {
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
