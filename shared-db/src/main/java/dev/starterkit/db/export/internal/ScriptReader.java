package dev.starterkit.db.export.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Splits a plain SQL script the way psql does: statements end at a semicolon outside quotes, dollar-quoted bodies
 * and comments; after {@code COPY ... FROM stdin;} the lines up to {@code \.} are data. The psql meta-commands
 * {@code pg_dump} writes (restrict and unrestrict) are skipped; any other one is an error.
 */
public final class ScriptReader {

    private static final Pattern COPY_FROM_STDIN =
        Pattern.compile("(?is)^COPY\\s.+\\sFROM\\s+stdin(\\s.*)?$");
    private static final Pattern SKIPPED_META = Pattern.compile("^\\\\(restrict|unrestrict)(\\s.*)?$");

    private final LineInput input;
    private final SqlLexer lexer = new SqlLexer();
    private String pending = "";
    private int statementLine;

    public ScriptReader(InputStream in) {
        this.input = new LineInput(in);
    }

    /** A statement and the line it starts on; {@code copy} when data lines follow it. */
    public record Statement(String sql, int line, boolean copy) {
    }

    /** Receives data lines of a COPY block, each with its line feed. */
    @FunctionalInterface
    public interface DataSink {
        void write(byte[] buffer, int offset, int length) throws IOException;
    }

    /**
     * Reads the comment lines at the top of the script and returns the value of {@code -- name: value}, if there;
     * call before {@link #next()}.
     */
    public java.util.Optional<String> header(String name) throws IOException {
        String prefix = "-- " + name + ":";
        String value = null;
        String line = readLine();
        while (line != null && line.startsWith("--")) {
            if (line.startsWith(prefix)) {
                value = line.substring(prefix.length()).strip();
            }
            line = readLine();
        }
        pending = line == null ? "" : line;
        return java.util.Optional.ofNullable(value);
    }

    /** The next statement, or null at the end of the script. */
    public Statement next() throws IOException {
        StringBuilder sql = new StringBuilder();
        while (true) {
            String text = pending.isEmpty() ? readLine() : pending;
            pending = "";
            if (text == null) {
                return finish(sql);
            }
            if (sql.toString().isBlank() && !lexer.inside()) {
                String stripped = text.strip();
                if (stripped.startsWith("\\")) {
                    meta(stripped);
                    continue;
                }
                if (stripped.isEmpty() || stripped.startsWith("--")) {
                    continue;
                }
            }
            if (sql.toString().isBlank()) {
                statementLine = input.lineNumber();
            }
            int end = lexer.scan(text);
            if (end < 0) {
                sql.append(text).append('\n');
                continue;
            }
            sql.append(text, 0, end + 1);
            pending = text.substring(end + 1);
            String statement = sql.toString().strip();
            if (!SqlLexer.stripComments(statement).isBlank()) {
                return statement(statement);
            }
            sql.setLength(0);
        }
    }

    /** Passes the data lines after a COPY statement to {@code sink}, up to and without the {@code \.} line. */
    public long copyData(DataSink sink) throws IOException {
        if (!pending.isBlank()) {
            throw new IOException("Line " + input.lineNumber() + ": data on the same line as COPY ... FROM stdin");
        }
        pending = "";
        return input.copyUntilTerminator(sink);
    }

    /** The line the reader is on, for error messages. */
    public int lineNumber() {
        return input.lineNumber();
    }

    private Statement statement(String sql) {
        String code = SqlLexer.stripComments(sql).strip();
        return new Statement(sql, statementLine, COPY_FROM_STDIN.matcher(code.substring(0, code.length() - 1))
            .matches());
    }

    private Statement finish(StringBuilder sql) throws IOException {
        if (lexer.inside()) {
            throw new IOException("The script ends inside a quoted string, identifier or comment that starts"
                + " near line " + statementLine);
        }
        String rest = SqlLexer.stripComments(sql.toString()).strip();
        if (!rest.isEmpty()) {
            return new Statement(sql.toString().strip(), statementLine, false);
        }
        return null;
    }

    private void meta(String command) throws IOException {
        if (!SKIPPED_META.matcher(command).matches()) {
            String name = command.split("\\s", 2)[0];
            throw new IOException("Line " + input.lineNumber() + ": the psql meta-command " + name
                + " is not supported; restore this file with psql");
        }
    }

    private String readLine() throws IOException {
        byte[] line = input.readLine();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }
}
