package dev.starterkit.db.cache.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement's tokens with the bracket depth of each ({@code (} and {@code [} open, the bracket itself at the outer
 * depth), for reading its clauses: names, bracketed lists, words at the top level, JDBC parameter numbers.
 */
final class TokenScan {

    private final List<Token> tokens;
    private final int[] depth;

    private TokenScan(List<Token> tokens, int[] depth) {
        this.tokens = tokens;
        this.depth = depth;
    }

    /** A scan of {@code tokens}, or null when their parameters cannot be counted or brackets do not balance. */
    static TokenScan of(List<Token> tokens) {
        int[] depth = new int[tokens.size()];
        int d = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean param = t.type() == Token.Type.PARAM;
            if (param && (!t.isJdbcParameter() || i > 0 && tokens.get(i - 1).type() == Token.Type.PARAM)) {
                return null; // $1, or ?? (pgjdbc's escaped ? operator)
            }
            d -= t.isPunct(")") || t.isPunct("]") ? 1 : 0;
            if (d < 0) {
                return null;
            }
            depth[i] = d;
            d += t.isPunct("(") || t.isPunct("[") ? 1 : 0;
        }
        return d == 0 && !tokens.isEmpty() ? new TokenScan(tokens, depth) : null;
    }

    /** The token at {@code i}. */
    Token token(int i) {
        return tokens.get(i);
    }

    /** The number of tokens. */
    int size() {
        return tokens.size();
    }

    /** The bracket depth of the token at {@code i}. */
    int depth(int i) {
        return depth[i];
    }

    /** Whether the token at {@code i} is a name whose text is {@code name}. */
    boolean isName(int i, String name) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isName() && tokens.get(i).text().equals(name);
    }

    /** The elements {@code [start, end)} of the parenthesized list opening at {@code open}, or null. */
    List<int[]> elements(int open) {
        if (!isPunct(open, "(")) {
            return null;
        }
        int close = close(open);
        List<int[]> elements = new ArrayList<>();
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            if (i == close || depth[i] == depth[open] + 1 && isPunct(i, ",")) {
                if (i == start) {
                    return null;
                }
                elements.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return elements;
    }

    /** The index after the (possibly qualified) name at {@code i}, or -1. */
    int nameEnd(int i) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return -1;
        }
        int at = i;
        while (at + 2 < tokens.size() && isPunct(at + 1, ".") && tokens.get(at + 2).isName()) {
            at += 2;
        }
        return at + 1;
    }

    /** The first index from {@code i} at depth 0 holding one of {@code words}, or -1. */
    int next(int i, Set<String> words) {
        for (int at = i; at < tokens.size(); at++) {
            Token t = tokens.get(at);
            if (depth[at] == 0 && t.type() == Token.Type.WORD && words.contains(t.text())) {
                return at;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open}. */
    int close(int open) {
        for (int i = open + 1; i < tokens.size(); i++) {
            if (depth[i] == depth[open] && (isPunct(i, ")") || isPunct(i, "]"))) {
                return i;
            }
        }
        return tokens.size();
    }

    /** The JDBC parameter number of the parameter token at {@code index}. */
    int parameterNumber(int index) {
        int number = 0;
        for (int i = 0; i <= index; i++) {
            number += tokens.get(i).type() == Token.Type.PARAM ? 1 : 0;
        }
        return number;
    }

    boolean isWord(int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(word);
    }

    boolean isPunct(int i, String punct) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isPunct(punct);
    }
}
