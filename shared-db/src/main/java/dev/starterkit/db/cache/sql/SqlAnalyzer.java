package dev.starterkit.db.cache.sql;

import dev.starterkit.db.cache.catalog.SchemaCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides from tokens, never substrings, whether a statement may be answered from the cache, which tables it reads,
 * which relations it writes, and whether it reads or writes just one row named by its primary key. A function named
 * in a comment or a literal is no call, and neither is a quoted identifier unless a parenthesis follows it.
 */
public final class SqlAnalyzer {

    /** Words that a parenthesis may follow without being a function call. */
    private static final Set<String> NOT_CALLS = Set.of("select", "from", "where", "and", "or", "not", "in",
        "exists", "values", "as", "any", "all", "some", "on", "using", "join", "lateral", "over", "filter", "within",
        "group", "by", "order", "having", "union", "intersect", "except", "case", "when", "then", "else", "is",
        "between", "like", "ilike", "similar", "distinct", "array", "row", "partition", "window", "rows", "range",
        "with", "recursive", "materialized", "into", "table", "only", "limit", "offset", "returning", "set", "cast",
        "coalesce", "nullif", "greatest", "least", "escape", "inner", "outer", "full", "cross", "natural", "do",
        "conflict", "fetch", "ordinality");
    /** SQL-standard value functions written without parentheses; none is IMMUTABLE. */
    private static final Set<String> VALUE_FUNCTIONS = Set.of("current_date", "current_time", "current_timestamp",
        "localtime", "localtimestamp", "current_user", "session_user", "user", "current_role", "current_catalog",
        "current_schema", "system_user");
    private static final Set<String> TRANSACTION = Set.of("begin", "start", "commit", "end", "rollback", "abort",
        "savepoint", "release");
    private static final Set<String> SESSION = Set.of("set", "reset", "show", "discard", "listen", "unlisten",
        "notify", "deallocate", "load", "vacuum", "analyze", "analyse", "cluster", "reindex", "checkpoint", "lock",
        "fetch", "move", "close", "declare", "prepare");
    private static final Set<String> LOCK_STRENGTHS = Set.of("update", "share", "no", "key");

    private SqlAnalyzer() {
    }

    /** Analyzes {@code sql} against {@code catalog}. */
    public static SqlAnalysis analyze(String sql, SchemaCatalog catalog) {
        SqlLexer.Lexed lexed = SqlLexer.lex(sql);
        List<List<Token>> statements = split(lexed.tokens());
        if (statements.isEmpty()) {
            return SqlAnalysis.of(SqlAnalysis.Kind.SESSION);
        }
        if (!lexed.complete()) {
            SqlAnalysis first = one(statements.get(0), catalog);
            return first.writes() ? SqlAnalysis.writeAll("unterminated text") : SqlAnalysis.read("unterminated text");
        }
        if (statements.size() == 1) {
            return one(statements.get(0), catalog);
        }
        return combine(statements, catalog);
    }

    private static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.isPunct(";")) {
                if (!current.isEmpty()) {
                    statements.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    private static SqlAnalysis combine(List<List<Token>> statements, SchemaCatalog catalog) {
        Set<String> written = new TreeSet<>();
        boolean writes = false;
        for (List<Token> statement : statements) {
            SqlAnalysis analysis = one(statement, catalog);
            if (analysis.kind() == SqlAnalysis.Kind.WRITE_ALL) {
                return analysis;
            }
            if (analysis.kind() == SqlAnalysis.Kind.WRITE) {
                writes = true;
                written.addAll(analysis.tables());
            }
        }
        return writes ? SqlAnalysis.write(written) : SqlAnalysis.read("several statements");
    }

    private static SqlAnalysis one(List<Token> tokens, SchemaCatalog catalog) {
        int start = 0;
        while (start < tokens.size() - 1 && tokens.get(start).isPunct("(")) {
            start++;
        }
        Token first = tokens.get(start);
        String word = first.type() == Token.Type.WORD ? first.text() : "";
        switch (word) {
            case "select", "with", "values", "table": {
                SqlAnalysis read = new ReadScan(tokens, catalog).analyze(word.equals("select") || word.equals("with"));
                return read.kind() != SqlAnalysis.Kind.CACHEABLE ? read
                    : read.withRow(RowTargets.ofRead(tokens, catalog, read.tables()));
            }
            case "insert", "update", "delete", "merge": {
                SqlAnalysis write = new ReadScan(tokens, catalog).analyze(false);
                return write.kind() != SqlAnalysis.Kind.WRITE ? write
                    : write.withRow(RowTargets.ofWrite(tokens, catalog, write.tables()));
            }
            case "truncate":
                return Targets.truncate(tokens);
            case "copy":
                return Targets.copy(tokens);
            case "refresh":
                return Targets.refresh(tokens);
            case "explain":
                return explain(tokens, catalog);
            default:
                break;
        }
        if (TRANSACTION.contains(word)) {
            return SqlAnalysis.of(SqlAnalysis.Kind.TRANSACTION);
        }
        if (SESSION.contains(word)) {
            return SqlAnalysis.of(SqlAnalysis.Kind.SESSION);
        }
        return SqlAnalysis.writeAll("'" + (word.isEmpty() ? first.text() : word) + "' may change anything");
    }

    private static SqlAnalysis explain(List<Token> tokens, SchemaCatalog catalog) {
        boolean analyze = tokens.stream().anyMatch(t -> t.isWord("analyze") || t.isWord("analyse"));
        if (!analyze) {
            return SqlAnalysis.read("EXPLAIN");
        }
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == Token.Type.WORD && Set.of("select", "with", "insert", "update", "delete", "merge",
                "values", "table").contains(t.text())) {
                SqlAnalysis inner = one(tokens.subList(i, tokens.size()), catalog);
                return inner.writes() ? inner : SqlAnalysis.read("EXPLAIN ANALYZE");
            }
        }
        return SqlAnalysis.writeAll("EXPLAIN ANALYZE of an unknown statement");
    }

    /** One pass over a SELECT/WITH/DML statement: calls, locking, value functions, relations read and written. */
    private static final class ReadScan {
        private final List<Token> tokens;
        private final SchemaCatalog catalog;
        private final Set<String> read = new TreeSet<>();
        private String reason = "";

        ReadScan(List<Token> tokens, SchemaCatalog catalog) {
            this.tokens = tokens;
            this.catalog = catalog;
        }

        SqlAnalysis analyze(boolean cacheableStart) {
            Targets targets = Targets.find(tokens);
            int depth = 0;
            boolean withClause = tokens.get(0).isWord("with");
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                depth += t.isPunct("(") ? 1 : t.isPunct(")") ? -1 : 0;
                if (withClause && depth == 0 && t.type() == Token.Type.WORD && i > 0
                    && Set.of("select", "values", "insert", "update", "delete", "merge", "table").contains(t.text())) {
                    withClause = false;
                }
                String writer = inspect(i, withClause && depth == 0);
                if (writer != null) {
                    return SqlAnalysis.writeAll("calls " + writer + ", which may write");
                }
            }
            if (targets.unknown()) {
                return SqlAnalysis.writeAll("a write whose target could not be read");
            }
            if (!targets.written().isEmpty()) {
                return SqlAnalysis.write(targets.written());
            }
            if (targets.selectInto()) {
                return SqlAnalysis.writeAll("SELECT INTO creates a table");
            }
            if (!cacheableStart) {
                return SqlAnalysis.read("only SELECT and WITH are cached");
            }
            return reason.isEmpty() ? SqlAnalysis.cacheable(read) : SqlAnalysis.read(reason);
        }

        /** Looks at token {@code i}; returns a function that may write, if it is a call of one. */
        private String inspect(int i, boolean cteHeader) {
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (!t.isName()) {
                return null;
            }
            boolean afterDotOrAs = prev != null && (prev.isPunct(".") || prev.isWord("as"));
            if (next != null && next.isPunct("(")) {
                boolean call = !cteHeader && !(prev != null && prev.isWord("as"))
                    && !(t.type() == Token.Type.WORD && NOT_CALLS.contains(t.text()));
                if (call && catalog.mayWrite(t.text())) {
                    return t.text();
                }
                if (call && !catalog.isImmutable(t.text())) {
                    because("calls " + t.text() + "(), which is not IMMUTABLE");
                }
                return null;
            }
            if (t.type() == Token.Type.WORD && !afterDotOrAs) {
                checkWord(t.text(), next);
            }
            if (catalog.isRelation(t.text())) {
                read.addAll(catalog.tablesRead(t.text()));
                if (catalog.unpredictable().contains(t.text())) {
                    because("reads " + t.text() + ", whose rows depend on more than the data");
                }
            }
            return null;
        }

        private void checkWord(String word, Token next) {
            if (VALUE_FUNCTIONS.contains(word)) {
                because(word + " is not IMMUTABLE");
            } else if (word.equals("for") && next != null && next.type() == Token.Type.WORD
                && LOCK_STRENGTHS.contains(next.text())) {
                because("locks rows (FOR " + next.text().toUpperCase(java.util.Locale.ROOT) + ")");
            } else if (word.equals("tablesample")) {
                because("TABLESAMPLE is random");
            }
        }

        private void because(String why) {
            if (reason.isEmpty()) {
                reason = why;
            }
        }
    }
}
