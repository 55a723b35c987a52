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

    private final TokenScan scan;

    private RowTargets(TokenScan scan) {
        this.scan = scan;
    }

    /** The row a cacheable read of {@code tablesRead} depends on alone, or null. */
    static RowTarget ofRead(List<Token> tokens, SchemaCatalog catalog, Set<String> tablesRead) {
        TokenScan scan = TokenScan.of(tokens);
        if (scan == null || tablesRead.size() != 1 || !tokens.get(0).isWord("select")) {
            return null;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).type() == Token.Type.WORD && NOT_POINT.contains(tokens.get(i).text())) {
                return null;
            }
        }
        int from = scan.next(1, Set.of("from"));
        return from < 0 ? null : new RowTargets(scan).filtered(from + 1, "where", AFTER_WHERE, catalog, tablesRead);
    }

    /** The one row of its table a write to {@code tablesWritten} changes, or null. */
    static RowTarget ofWrite(List<Token> tokens, SchemaCatalog catalog, Set<String> tablesWritten) {
        TokenScan scan = TokenScan.of(tokens);
        if (scan == null || tablesWritten.size() != 1) {
            return null;
        }
        RowTargets targets = new RowTargets(scan);
        Token first = tokens.get(0);
        if (first.isWord("delete") && scan.isWord(1, "from")) {
            int at = scan.isWord(2, "only") ? 3 : 2;
            return targets.filtered(at, "where", Set.of("returning"), catalog, tablesWritten);
        }
        if (first.isWord("update")) {
            return targets.update(scan.isWord(1, "only") ? 2 : 1, catalog, tablesWritten);
        }
        if (first.isWord("insert") && scan.isWord(1, "into")) {
            return targets.insert(catalog, tablesWritten);
        }
        return null;
    }

    /** {@code <table> [[AS] alias] <keyword> <predicate>}, the predicate ending at one of {@code ends}. */
    private RowTarget filtered(int at, String keyword, Set<String> ends, SchemaCatalog catalog, Set<String> tables) {
        Naming naming = naming(at, keyword, catalog, tables);
        if (naming == null) {
            return null;
        }
        int end = scan.next(naming.next() + 1, ends);
        return keyTarget(naming, naming.next() + 1, end < 0 ? scan.size() : end);
    }

    private RowTarget update(int at, SchemaCatalog catalog, Set<String> tables) {
        Naming naming = naming(at, "set", catalog, tables);
        if (naming == null) {
            return null;
        }
        int stop = scan.next(naming.next() + 1, Set.of("from", "where", "returning"));
        if (stop < 0 || !scan.isWord(stop, "where") || !keepsKey(naming.next() + 1, stop, naming.key().column())) {
            return null;
        }
        int end = scan.next(stop + 1, Set.of("returning"));
        return keyTarget(naming, stop + 1, end < 0 ? scan.size() : end);
    }

    private RowTarget insert(SchemaCatalog catalog, Set<String> tables) {
        int end = scan.nameEnd(2);
        String table = end < 0 ? null : scan.token(end - 1).text();
        PrimaryKey key = table == null ? null : catalog.primaryKey(table);
        if (key == null || !tables.contains(table)) {
            return null;
        }
        int open = scan.isWord(end, "as") ? end + 2 : end;
        List<int[]> columns = scan.elements(open);
        int position = columns == null ? -1 : keyPosition(columns, key.column());
        int valuesAt = position < 0 ? -1 : scan.close(open) + 1;
        List<int[]> values = scan.isWord(valuesAt, "values") ? scan.elements(valuesAt + 1) : null;
        if (values == null || values.size() != columns.size()) {
            return null;
        }
        int[] value = values.get(position);
        int after = scan.close(valuesAt + 1) + 1;
        boolean oneRow = after == scan.size() || scan.isWord(after, "returning")
            || scan.isWord(after, "on") && scan.isWord(after + 1, "conflict")
            && conflictKeepsRow(after + 2, key.column());
        return oneRow && value[1] - value[0] == 1 && scan.token(value[0]).isJdbcParameter()
            ? new RowTarget(table, scan.parameterNumber(value[0]), key.type()) : null;
    }

    /** The index of {@code column} in an INSERT's column list, or -1 (also when an element is not one name). */
    private int keyPosition(List<int[]> columns, String column) {
        int position = -1;
        for (int i = 0; i < columns.size(); i++) {
            int[] c = columns.get(i);
            if (c[1] - c[0] != 1 || !scan.token(c[0]).isName()) {
                return -1;
            }
            position = scan.isName(c[0], column) ? i : position;
        }
        return position;
    }

    /** {@code ON CONFLICT [target] DO NOTHING}, or {@code ON CONFLICT (pk) DO UPDATE SET} not setting the key. */
    private boolean conflictKeepsRow(int at, String column) {
        int i = at;
        boolean onKey = false;
        if (scan.isPunct(i, "(")) {
            onKey = scan.isName(i + 1, column) && scan.isPunct(i + 2, ")");
            i = scan.close(i) + 1;
        }
        if (scan.isWord(i, "do") && scan.isWord(i + 1, "nothing")) {
            return true;
        }
        if (!onKey || !scan.isWord(i, "do") || !scan.isWord(i + 1, "update") || !scan.isWord(i + 2, "set")) {
            return false;
        }
        int stop = scan.next(i + 3, Set.of("where", "returning"));
        return keepsKey(i + 3, stop < 0 ? scan.size() : stop, column);
    }

    /** The table at {@code at} with its key, alias and the index of {@code keyword} after them; or null. */
    private Naming naming(int at, String keyword, SchemaCatalog catalog, Set<String> tables) {
        int end = scan.nameEnd(at);
        if (end < 0) {
            return null;
        }
        String table = scan.token(end - 1).text();
        PrimaryKey key = catalog.primaryKey(table);
        if (key == null || !tables.contains(table)) {
            return null;
        }
        String alias = null;
        int next = end;
        if (scan.isWord(next, "as") && next + 1 < scan.size() && scan.token(next + 1).isName()) {
            alias = scan.token(next + 1).text();
            next += 2;
        } else if (!scan.isWord(next, keyword) && next < scan.size() && scan.token(next).isName()) {
            alias = scan.token(next).text();
            next++;
        }
        return scan.isWord(next, keyword) && scan.depth(next) == 0 ? new Naming(table, alias, key, next) : null;
    }

    /** The row named by a conjunct {@code key = ?} of the predicate in {@code [from, to)}, or null. */
    private RowTarget keyTarget(Naming naming, int from, int to) {
        int parameter = keyParameter(from, to, naming);
        return parameter < 0 ? null
            : new RowTarget(naming.table(), scan.parameterNumber(parameter), naming.key().type());
    }

    /** The index of the parameter of a top-level conjunct {@code key = ?} in {@code [from, to)}, or -1. */
    private int keyParameter(int from, int to, Naming naming) {
        int start = from;
        int end = to;
        while (end - start > 2 && scan.isPunct(start, "(") && scan.close(start) == end - 1) {
            start++;
            end--;
        }
        int leaf = keyEquality(start, end, naming);
        if (leaf >= 0 || end <= start) {
            return leaf;
        }
        int base = scan.depth(start);
        List<Integer> ands = new ArrayList<>();
        for (int i = start; i < end; i++) {
            Token t = scan.token(i);
            if (scan.depth(i) == base && t.type() == Token.Type.WORD && NOT_CONJUNCTION.contains(t.text())) {
                return -1;
            }
            if (scan.depth(i) == base && t.isWord("and")) {
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
        if (scan.token(from).isJdbcParameter() && scan.isPunct(from + 1, "=") && isColumn(from + 2, to, naming)) {
            return from;
        }
        int equals = to - 2;
        return scan.token(to - 1).isJdbcParameter() && scan.isPunct(equals, "=") && isColumn(from, equals, naming)
            ? to - 1 : -1;
    }

    /** Whether {@code [from, to)} is the key column, bare or qualified by the alias (else the table name). */
    private boolean isColumn(int from, int to, Naming naming) {
        if (!scan.isName(to - 1, naming.key().column())) {
            return false;
        }
        String qualifier = naming.alias() != null ? naming.alias() : naming.table();
        return to - from == 1 || to - from == 3 && scan.isPunct(from + 1, ".") && scan.isName(from, qualifier);
    }

    /** Whether the SET list in {@code [from, to)} assigns every column but {@code column}, one at a time. */
    private boolean keepsKey(int from, int to, String column) {
        int base = scan.depth(from);
        for (int i = from; i < to; i++) {
            boolean target = i == from || scan.depth(i - 1) == base && scan.isPunct(i - 1, ",");
            if (target && (scan.isPunct(i, "(") || scan.isName(i, column))) {
                return false;
            }
        }
        return true;
    }

    /** A statement's table, its key and alias, and where the clause after them starts. */
    private record Naming(String table, String alias, PrimaryKey key, int next) {
    }
}
