package dev.starterkit.db.export.internal;

/**
 * Tracks where a script is lexically (plain code, a quoted string or identifier, a dollar-quoted body, a comment)
 * line by line, to find the semicolons that end statements.
 */
final class SqlLexer {

    private enum State { CODE, STRING, IDENTIFIER, DOLLAR, BLOCK_COMMENT }

    private static final int LINE_COMMENT = -2;
    private static final int SEMICOLON = -3;

    private State state = State.CODE;
    private boolean backslashEscapes;
    private String dollarTag;
    private int commentDepth;

    /** Whether the lexer is inside a string, identifier, dollar body or block comment. */
    boolean inside() {
        return state != State.CODE;
    }

    /** Scans one line (or the rest of one); returns the index of the semicolon that ends a statement, or -1. */
    int scan(String text) {
        return scan(text, null);
    }

    /** The text with its comments removed (strings and bodies kept as they are). */
    static String stripComments(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        SqlLexer lexer = new SqlLexer();
        for (String line : sql.split("\n", -1)) {
            int from = 0;
            while (from <= line.length()) {
                int end = lexer.scan(line.substring(from), code);
                if (end < 0) {
                    break;
                }
                from += end + 1;
            }
            code.append('\n');
        }
        return code.toString();
    }

    private int scan(String text, StringBuilder code) {
        int i = 0;
        while (i < text.length()) {
            State before = state;
            int next = switch (state) {
                case CODE -> code(text, i, text.charAt(i));
                case STRING -> string(text, i, text.charAt(i));
                case IDENTIFIER -> identifier(text, i, text.charAt(i));
                case DOLLAR -> dollar(text, i);
                case BLOCK_COMMENT -> blockComment(text, i, text.charAt(i));
            };
            if (next == LINE_COMMENT) {
                return -1;
            }
            if (next == SEMICOLON) {
                if (code != null) {
                    code.append(';');
                }
                return i;
            }
            if (code != null && before != State.BLOCK_COMMENT && state != State.BLOCK_COMMENT) {
                code.append(text, i, Math.min(next, text.length()));
            }
            i = next;
        }
        return -1;
    }

    /** Returns the index to continue at, or {@link #LINE_COMMENT} or {@link #SEMICOLON}. */
    private int code(String text, int i, char c) {
        if (c == ';') {
            return SEMICOLON;
        }
        if (c == '-' && text.startsWith("--", i)) {
            return LINE_COMMENT;
        }
        if (c == '/' && text.startsWith("/*", i)) {
            state = State.BLOCK_COMMENT;
            commentDepth = 1;
            return i + 2;
        }
        if (c == '\'') {
            backslashEscapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '_');
            state = State.STRING;
        } else if (c == '"') {
            state = State.IDENTIFIER;
        } else if (c == '$' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
            String tag = dollarTag(text, i);
            if (tag != null) {
                dollarTag = tag;
                state = State.DOLLAR;
                return i + tag.length();
            }
        }
        return i + 1;
    }

    private int string(String text, int i, char c) {
        if (backslashEscapes && c == '\\') {
            return i + 2;
        }
        if (c == '\'') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                return i + 2;
            }
            state = State.CODE;
        }
        return i + 1;
    }

    private int identifier(String text, int i, char c) {
        if (c == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                return i + 2;
            }
            state = State.CODE;
        }
        return i + 1;
    }

    private int dollar(String text, int i) {
        if (text.startsWith(dollarTag, i)) {
            state = State.CODE;
            return i + dollarTag.length();
        }
        return i + 1;
    }

    private int blockComment(String text, int i, char c) {
        if (c == '/' && text.startsWith("/*", i)) {
            commentDepth++;
            return i + 2;
        }
        if (c == '*' && text.startsWith("*/", i)) {
            commentDepth--;
            if (commentDepth == 0) {
                state = State.CODE;
            }
            return i + 2;
        }
        return i + 1;
    }

    private static String dollarTag(String text, int i) {
        int j = i + 1;
        while (j < text.length() && isWordChar(text.charAt(j))) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)))) {
            return text.substring(i, j + 1);
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
