package dev.starterkit.db.cache.sql;

import dev.starterkit.db.cache.catalog.PrimaryKey;
import dev.starterkit.db.cache.catalog.SchemaCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the one row a statement reads or writes when it names it by primary key, bound to a JDBC parameter: the
 * point read {@code SELECT ... FROM t [alias] WHERE pk = ? [AND ...]}, and the writes {@code UPDATE t SET ... WHERE
 * pk = ? [AND ...]} (not setting the key), {@code DELETE FROM t WHERE pk = ? [AND ...]} and the one-row
 * {@code INSERT INTO t (..., pk, ...) VALUES (..., ?, ...)}, also with {@code ON CONFLICT ... DO NOTHING} or
 * {@code ON CONFLICT (pk) DO UPDATE}. Anything else (joins, subqueries, set operations, {@code OR},
 * {@code IN (...)}, casts of the key, several rows, {@code FROM}/{@code USING}) names no row.
 */
final class RowTargets {

    /** Words that bring more rows than one table's into a read. */
    private static final Set<String> NOT_POINT = Set.of("select", "with", "union", "intersect", "except", "values",
        "table", "lateral", "join");
    /** Clauses that end a SELECT's WHERE. */
    private static final Set<String> AFTER_WHERE = Set.of("group", "having", "window", "order", "limit", "offset",
        "fetch", "for");
    /** Words that, at the top of a predicate, rank below AND or use AND for something else than a conjunction. */
    private static final Set<String> NOT_CONJUNCTION = Set.of("or", "between", "case");

    private final List<Token> tokens;
    private final int[] depth;

    private RowTargets(List<Token> tokens, int[] depth) {
        this.tokens = tokens;
        this.depth = depth;
    }

    /** The row a cacheable read of {@code tablesRead} depends on alone, or null. */
    static RowTarget ofRead(List<Token> tokens, SchemaCatalog catalog, Set<String> tablesRead) {
        RowTargets scan = of(tokens);
        if (scan == null || tablesRead.size() != 1 || !tokens.get(0).isWord("select")) {
            return null;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).type() == Token.Type.WORD && NOT_POINT.contains(tokens.get(i).text())) {
                return null;
            }
        }
        int from = scan.next(1, Set.of("from"));
        return from < 0 ? null : scan.filtered(from + 1, "where", AFTER_WHERE, catalog, tablesRead);
    }

    /** The one row of its table a write to {@code tablesWritten} changes, or null. */
    static RowTarget ofWrite(List<Token> tokens, SchemaCatalog catalog, Set<String> tablesWritten) {
        RowTargets scan = of(tokens);
        if (scan == null || tablesWritten.size() != 1) {
            return null;
        }
        Token first = tokens.get(0);
        if (first.isWord("delete") && scan.isWord(1, "from")) {
            int at = scan.isWord(2, "only") ? 3 : 2;
            return scan.filtered(at, "where", Set.of("returning"), catalog, tablesWritten);
        }
        if (first.isWord("update")) {
            return scan.update(scan.isWord(1, "only") ? 2 : 1, catalog, tablesWritten);
        }
        if (first.isWord("insert") && scan.isWord(1, "into")) {
            return scan.insert(catalog, tablesWritten);
        }
        return null;
    }

    /** A scan of {@code tokens}, or null when their parameters cannot be counted or brackets do not balance. */
    private static RowTargets of(List<Token> tokens) {
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
        return d == 0 && !tokens.isEmpty() ? new RowTargets(tokens, depth) : null;
    }

    /** {@code <table> [[AS] alias] <keyword> <predicate>}, the predicate ending at one of {@code ends}. */
    private RowTarget filtered(int at, String keyword, Set<String> ends, SchemaCatalog catalog, Set<String> tables) {
        Naming naming = naming(at, keyword, catalog, tables);
        if (naming == null) {
            return null;
        }
        int end = next(naming.next() + 1, ends);
        return keyTarget(naming, naming.next() + 1, end < 0 ? tokens.size() : end);
    }

    private RowTarget update(int at, SchemaCatalog catalog, Set<String> tables) {
        Naming naming = naming(at, "set", catalog, tables);
        if (naming == null) {
            return null;
        }
        int stop = next(naming.next() + 1, Set.of("from", "where", "returning"));
        if (stop < 0 || !isWord(stop, "where") || !keepsKey(naming.next() + 1, stop, naming.key().column())) {
            return null;
        }
        int end = next(stop + 1, Set.of("returning"));
        return keyTarget(naming, stop + 1, end < 0 ? tokens.size() : end);
    }

    private RowTarget insert(SchemaCatalog catalog, Set<String> tables) {
        int end = nameEnd(2);
        PrimaryKey key = end < 0 ? null : catalog.primaryKey(tokens.get(end - 1).text());
        if (key == null || !tables.contains(tokens.get(end - 1).text())) {
            return null;
        }
        int open = isWord(end, "as") ? end + 2 : end;
        List<int[]> columns = elements(open);
        int position = -1;
        for (int i = 0; columns != null && i < columns.size(); i++) {
            int[] c = columns.get(i);
            if (c[1] - c[0] != 1 || !tokens.get(c[0]).isName()) {
                return null;
            }
            position = tokens.get(c[0]).text().equals(key.column()) ? i : position;
        }
        int valuesAt = columns == null ? -1 : close(open) + 1;
        List<int[]> values = position < 0 || !isWord(valuesAt, "values") ? null : elements(valuesAt + 1);
        if (values == null || values.size() != columns.size()) {
            return null;
        }
        int[] value = values.get(position);
        int after = close(valuesAt + 1) + 1;
        boolean oneRow = after == tokens.size() || isWord(after, "returning")
            || isWord(after, "on") && isWord(after + 1, "conflict") && conflictKeepsRow(after + 2, key.column());
        return oneRow && value[1] - value[0] == 1 && tokens.get(value[0]).isJdbcParameter()
            ? new RowTarget(tokens.get(end - 1).text(), parameterNumber(value[0]), key.type()) : null;
    }

    /** {@code ON CONFLICT [target] DO NOTHING}, or {@code ON CONFLICT (pk) DO UPDATE SET} not setting the key. */
    private boolean conflictKeepsRow(int at, String column) {
        int i = at;
        boolean onKey = false;
        if (isPunct(i, "(")) {
            onKey = isPunct(i + 2, ")") && tokens.get(i + 1).isName() && tokens.get(i + 1).text().equals(column);
            i = close(i) + 1;
        }
        if (isWord(i, "do") && isWord(i + 1, "nothing")) {
            return true;
        }
        if (!onKey || !isWord(i, "do") || !isWord(i + 1, "update") || !isWord(i + 2, "set")) {
            return false;
        }
        int stop = next(i + 3, Set.of("where", "returning"));
        return keepsKey(i + 3, stop < 0 ? tokens.size() : stop, column);
    }

    /** The table at {@code at} with its key, alias and the index of {@code keyword} after them; or null. */
    private Naming naming(int at, String keyword, SchemaCatalog catalog, Set<String> tables) {
        int end = nameEnd(at);
        if (end < 0) {
            return null;
        }
        String table = tokens.get(end - 1).text();
        PrimaryKey key = catalog.primaryKey(table);
        if (key == null || !tables.contains(table)) {
            return null;
        }
        String alias = null;
        int next = end;
        if (isWord(next, "as") && next + 1 < tokens.size() && tokens.get(next + 1).isName()) {
            alias = tokens.get(next + 1).text();
            next += 2;
        } else if (!isWord(next, keyword) && next < tokens.size() && tokens.get(next).isName()) {
            alias = tokens.get(next).text();
            next++;
        }
        return isWord(next, keyword) && depth[next] == 0 ? new Naming(table, alias, key, next) : null;
    }

    /** The row named by a conjunct {@code key = ?} of the predicate in {@code [from, to)}, or null. */
    private RowTarget keyTarget(Naming naming, int from, int to) {
        int parameter = keyParameter(from, to, naming);
        return parameter < 0 ? null : new RowTarget(naming.table(), parameterNumber(parameter), naming.key().type());
    }

    /** The index of the parameter of a top-level conjunct {@code key = ?} in {@code [from, to)}, or -1. */
    private int keyParameter(int from, int to, Naming naming) {
        int start = from;
        int end = to;
        while (end - start > 2 && isPunct(start, "(") && close(start) == end - 1) {
            start++;
            end--;
        }
        int leaf = keyEquality(start, end, naming);
        if (leaf >= 0 || end <= start) {
            return leaf;
        }
        int base = depth[start];
        List<Integer> ands = new ArrayList<>();
        for (int i = start; i < end; i++) {
            Token t = tokens.get(i);
            if (depth[i] == base && t.type() == Token.Type.WORD && NOT_CONJUNCTION.contains(t.text())) {
                return -1;
            }
            if (depth[i] == base && t.isWord("and")) {
                ands.add(i);
            }
        }
        int pieceStart = start;
        ands.add(end);
        for (int and : ands) {
            int found = ands.size() > 1 ? keyParameter(pieceStart, and, naming) : -1;
            if (found >= 0) {
                return found;
            }
            pieceStart = and + 1;
        }
        return -1;
    }

    /** The index of {@code ?} when {@code [from, to)} is exactly {@code [q.]key = ?} or {@code ? = [q.]key}. */
    private int keyEquality(int from, int to, Naming naming) {
        int length = to - from;
        if (length != 3 && length != 5) {
            return -1;
        }
        if (tokens.get(from).isJdbcParameter() && isPunct(from + 1, "=") && isColumn(from + 2, to, naming)) {
            return from;
        }
        int equals = to - 2;
        return tokens.get(to - 1).isJdbcParameter() && isPunct(equals, "=") && isColumn(from, equals, naming)
            ? to - 1 : -1;
    }

    /** Whether {@code [from, to)} is the key column, bare or qualified by the alias (else the table name). */
    private boolean isColumn(int from, int to, Naming naming) {
        Token last = tokens.get(to - 1);
        if (!last.isName() || !last.text().equals(naming.key().column())) {
            return false;
        }
        if (to - from == 1) {
            return true;
        }
        String qualifier = naming.alias() != null ? naming.alias() : naming.table();
        return to - from == 3 && isPunct(from + 1, ".") && tokens.get(from).isName()
            && tokens.get(from).text().equals(qualifier);
    }

    /** Whether the SET list in {@code [from, to)} assigns every column but {@code column}, one at a time. */
    private boolean keepsKey(int from, int to, String column) {
        int base = depth[from];
        for (int i = from; i < to; i++) {
            boolean target = i == from || depth[i - 1] == base && isPunct(i - 1, ",");
            if (target && (isPunct(i, "(") || tokens.get(i).isName() && tokens.get(i).text().equals(column))) {
                return false;
            }
        }
        return true;
    }

    /** The elements {@code [start, end)} of the parenthesized list opening at {@code open}, or null. */
    private List<int[]> elements(int open) {
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
    private int nameEnd(int i) {
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
    private int next(int i, Set<String> words) {
        for (int at = i; at < tokens.size(); at++) {
            Token t = tokens.get(at);
            if (depth[at] == 0 && t.type() == Token.Type.WORD && words.contains(t.text())) {
                return at;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open}. */
    private int close(int open) {
        for (int i = open + 1; i < tokens.size(); i++) {
            if (depth[i] == depth[open] && (isPunct(i, ")") || isPunct(i, "]"))) {
                return i;
            }
        }
        return tokens.size();
    }

    /** The JDBC parameter number of the parameter token at {@code index}. */
    private int parameterNumber(int index) {
        int number = 0;
        for (int i = 0; i <= index; i++) {
            number += tokens.get(i).type() == Token.Type.PARAM ? 1 : 0;
        }
        return number;
    }

    private boolean isWord(int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(word);
    }

    private boolean isPunct(int i, String punct) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isPunct(punct);
    }

    /** A statement's table, its key and alias, and where the clause after them starts. */
    private record Naming(String table, String alias, PrimaryKey key, int next) {
    }
}
