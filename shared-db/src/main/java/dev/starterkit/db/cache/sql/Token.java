package dev.starterkit.db.cache.sql;

/**
 * One lexical token of a SQL statement.
 *
 * @param type what kind of token
 * @param text a word lower-cased, a quoted identifier as written (without quotes), punctuation as written;
 *     {@code ?} for a JDBC parameter and {@code $} for a numbered one ({@code $1}); empty for literals
 */
public record Token(Type type, String text) {

    /** Token kinds; comments and whitespace produce none. */
    public enum Type {
        /** An unquoted identifier or keyword, lower-cased. */
        WORD,
        /** A double-quoted identifier, case kept. */
        QUOTED,
        /** A string literal: standard, escape ({@code E'...'}) or dollar-quoted. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** A bind parameter: {@code ?} or {@code $1}. */
        PARAM,
        /** Punctuation or an operator character; {@code ::} is one token. */
        PUNCT
    }

    /** Whether this is the unquoted word {@code word} (lower case). */
    public boolean isWord(String word) {
        return type == Type.WORD && text.equals(word);
    }

    /** Whether this is the punctuation {@code punct}. */
    public boolean isPunct(String punct) {
        return type == Type.PUNCT && text.equals(punct);
    }

    /** Whether this is a JDBC parameter {@code ?}. */
    public boolean isJdbcParameter() {
        return type == Type.PARAM && text.equals("?");
    }

    /** Whether this names something: an unquoted or quoted identifier. */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED;
    }
}
