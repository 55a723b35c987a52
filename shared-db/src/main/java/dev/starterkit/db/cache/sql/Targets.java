package dev.starterkit.db.cache.sql;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The relations a statement writes: {@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM}, {@code MERGE INTO}
 * anywhere (data-modifying CTEs included), and {@code SELECT ... INTO}.
 *
 * @param written relation names written (the last part of a qualified name)
 * @param unknown whether a write was seen whose target could not be read
 * @param selectInto whether the statement is a {@code SELECT ... INTO}
 */
record Targets(Set<String> written, boolean unknown, boolean selectInto) {

    /** Words before {@code UPDATE}/{@code DELETE}/{@code INSERT} that make them no statement of their own. */
    private static final Set<String> NOT_A_WRITE_AFTER = Set.of("do", "for", "key", "on", "then", "no");

    static Targets find(List<Token> tokens) {
        Set<String> written = new TreeSet<>();
        boolean unknown = false;
        boolean selectInto = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != Token.Type.WORD) {
                continue;
            }
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            boolean statementWord = prev == null || !(prev.type() == Token.Type.WORD
                && NOT_A_WRITE_AFTER.contains(prev.text())) && !prev.isPunct(".");
            int at = switch (t.text()) {
                case "insert", "merge" -> statementWord && isWord(tokens, i + 1, "into") ? i + 2 : -1;
                case "delete" -> statementWord && isWord(tokens, i + 1, "from") ? i + 2 : -1;
                case "update" -> statementWord ? i + 1 : -1;
                default -> -1;
            };
            if (t.isWord("into") && !(prev != null && (prev.isWord("insert") || prev.isWord("merge")))) {
                selectInto = true;
            }
            if (at >= 0) {
                String name = nameAt(tokens, isWord(tokens, at, "only") ? at + 1 : at);
                unknown |= name == null;
                if (name != null) {
                    written.add(name);
                }
            }
        }
        return new Targets(written, unknown, selectInto);
    }

    static SqlAnalysis truncate(List<Token> tokens) {
        Set<String> written = new TreeSet<>();
        int i = isWord(tokens, 1, "table") ? 2 : 1;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.isWord("cascade")) {
                return SqlAnalysis.writeAll("TRUNCATE ... CASCADE");
            }
            if (t.isWord("restart") || t.isWord("continue")) {
                break;
            }
            if (t.isName() && !t.isWord("only") && !(i + 1 < tokens.size() && tokens.get(i + 1).isPunct("."))) {
                written.add(t.text());
            }
            i++;
        }
        return written.isEmpty() ? SqlAnalysis.writeAll("TRUNCATE without a table") : SqlAnalysis.write(written);
    }

    static SqlAnalysis copy(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isWord("to")) {
                return SqlAnalysis.read("COPY ... TO");
            }
            if (t.isWord("from")) {
                String name = nameAt(tokens, 1);
                return name == null ? SqlAnalysis.writeAll("COPY FROM") : SqlAnalysis.write(Set.of(name));
            }
        }
        return SqlAnalysis.writeAll("COPY");
    }

    static SqlAnalysis refresh(List<Token> tokens) {
        int i = 3;
        if (isWord(tokens, i, "concurrently")) {
            i++;
        }
        String name = nameAt(tokens, i);
        return name == null ? SqlAnalysis.writeAll("REFRESH") : SqlAnalysis.write(Set.of(name));
    }

    /** The last part of the (possibly qualified) name starting at {@code i}, or null. */
    static String nameAt(List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return null;
        }
        int at = i;
        while (at + 2 < tokens.size() && tokens.get(at + 1).isPunct(".") && tokens.get(at + 2).isName()) {
            at += 2;
        }
        return tokens.get(at).text();
    }

    private static boolean isWord(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }
}
