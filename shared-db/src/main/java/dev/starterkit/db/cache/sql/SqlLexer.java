package dev.starterkit.db.cache.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL text into {@link Token}s the way the server does: line and nested block comments are dropped;
 * standard ({@code ''} doubled), escape ({@code E'\''}) and dollar-quoted ({@code $tag$...$tag$}) strings become
 * one literal each; double-quoted identifiers keep their case.
 */
public final class SqlLexer {

    private final String sql;
    private final int length;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean complete = true;

    private SqlLexer(String sql) {
        this.sql = sql;
        this.length = sql.length();
    }

    /** The tokens of {@code sql}. */
    public static Lexed lex(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return new Lexed(List.copyOf(lexer.tokens), lexer.complete);
    }

    /**
     * The result of lexing.
     *
     * @param tokens the tokens in order
     * @param complete false when a literal, identifier or comment was left unterminated
     */
    public record Lexed(List<Token> tokens, boolean complete) {
    }

    private void run() {
        while (pos < length) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                quoted('\'', false);
                add(Token.Type.STRING, "");
            } else if (c == '"') {
                add(Token.Type.QUOTED, quoted('"', false));
            } else if (c == '$') {
                dollar();
            } else if (c == '?') {
                pos++;
                add(Token.Type.PARAM, "?");
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else if (c == ':' && peek(1) == ':') {
                pos += 2;
                add(Token.Type.PUNCT, "::");
            } else {
                pos++;
                add(Token.Type.PUNCT, String.valueOf(c));
            }
        }
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < length ? sql.charAt(at) : '\0';
    }

    private void add(Token.Type type, String text) {
        tokens.add(new Token(type, text));
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', pos);
        pos = end < 0 ? length : end + 1;
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < length) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        complete = false;
    }

    /** Reads a quoted run starting at {@code pos} (on the opening quote) and returns its content. */
    private String quoted(char quote, boolean backslashEscapes) {
        StringBuilder content = new StringBuilder();
        pos++;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < length) {
                content.append(sql.charAt(pos + 1));
                pos += 2;
            } else if (c == quote && peek(1) == quote) {
                content.append(quote);
                pos += 2;
            } else if (c == quote) {
                pos++;
                return content.toString();
            } else {
                content.append(c);
                pos++;
            }
        }
        complete = false;
        return content.toString();
    }

    private void dollar() {
        if (Character.isDigit(peek(1))) {
            pos++;
            while (pos < length && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            add(Token.Type.PARAM, "$");
            return;
        }
        int tagEnd = pos + 1;
        while (tagEnd < length && isTagChar(sql.charAt(tagEnd), tagEnd == pos + 1)) {
            tagEnd++;
        }
        if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
            pos++;
            add(Token.Type.PUNCT, "$");
            return;
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        pos = close < 0 ? length : close + tag.length();
        complete &= close >= 0;
        add(Token.Type.STRING, "");
    }

    private static boolean isTagChar(char c, boolean first) {
        return Character.isLetter(c) || c == '_' || !first && Character.isDigit(c);
    }

    private void number() {
        while (pos < length) {
            char c = sql.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E');
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                break;
            }
            pos++;
        }
        add(Token.Type.NUMBER, "");
    }

    private void word() {
        int start = pos;
        while (pos < length) {
            char c = sql.charAt(pos);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                break;
            }
            pos++;
        }
        String word = sql.substring(start, pos).toLowerCase(Locale.ROOT);
        if (pos < length && sql.charAt(pos) == '\'' && isStringPrefix(word)) {
            quoted('\'', word.equals("e"));
            add(Token.Type.STRING, "");
            return;
        }
        add(Token.Type.WORD, word);
    }

    /** {@code E'...'} escape strings, {@code B'...'}/{@code X'...'} bit strings, {@code N'...'} national. */
    private static boolean isStringPrefix(String word) {
        return word.equals("e") || word.equals("b") || word.equals("x") || word.equals("n");
    }
}
