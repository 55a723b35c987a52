package dev.starterkit.db.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptReaderTest {

    @Test
    void next_shouldSplitOnlyAtSemicolonsInCode_whenStringsBodiesAndCommentsHoldSemicolons() throws IOException {
        // GIVEN
        String script = """
            -- a comment; not a statement
            SELECT 'a;b', E'it\\'s; fine', "odd;name" FROM t; SELECT 2;
            CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
            /* block; /* nested; */ still; */ SELECT $$x;y$$;
            SELECT 'multi
            line;' AS v;
            """;

        // WHEN
        List<String> statements = statements(script);

        // THEN
        assertThat(statements).containsExactly(
            "SELECT 'a;b', E'it\\'s; fine', \"odd;name\" FROM t;",
            "SELECT 2;",
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
            "/* block; /* nested; */ still; */ SELECT $$x;y$$;",
            "SELECT 'multi\nline;' AS v;");
    }

    @Test
    void copyData_shouldPassTheLinesUpToTheTerminator_whenAStatementIsCopyFromStdin() throws IOException {
        // GIVEN data lines that look like SQL and like the terminator
        String script = "COPY public.t (a, b) FROM stdin;\n1\t;x\n2\t\\\\.\n\\.\nSELECT 1;\n";
        ScriptReader reader = reader(script);

        // WHEN
        ScriptReader.Statement copy = reader.next();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long lines = reader.copyData(data::write);
        ScriptReader.Statement after = reader.next();

        // THEN
        assertThat(copy.copy()).isTrue();
        assertThat(lines).isEqualTo(2);
        assertThat(data.toString(StandardCharsets.UTF_8)).isEqualTo("1\t;x\n2\t\\\\.\n");
        assertThat(after.sql()).isEqualTo("SELECT 1;");
        assertThat(after.copy()).isFalse();
        assertThat(reader.next()).isNull();
    }

    @Test
    void header_shouldReadTheKind_whenTheScriptStartsWithOurComments() throws IOException {
        ScriptReader reader = reader("--\n-- Kind: data\n--\n\nSET x = 1;\n");

        assertThat(reader.header("Kind")).contains("data");
        assertThat(reader.next().sql()).isEqualTo("SET x = 1;");
    }

    @Test
    void next_shouldSkipPgDumpsRestrictLines_andRejectOtherMetaCommands() throws IOException {
        assertThat(statements("\\restrict abc123\nSELECT 1;\n\\unrestrict abc123\n")).containsExactly("SELECT 1;");
        assertThatThrownBy(() -> statements("SELECT 1;\n\\connect other\n"))
            .hasMessageContaining("\\connect").hasMessageContaining("psql");
    }

    @Test
    void next_shouldFail_whenTheScriptEndsInsideAString() {
        assertThatThrownBy(() -> statements("SELECT 'never closed;\n"))
            .isInstanceOf(IOException.class).hasMessageContaining("ends inside");
    }

    private static List<String> statements(String script) throws IOException {
        ScriptReader reader = reader(script);
        List<String> result = new ArrayList<>();
        for (ScriptReader.Statement s = reader.next(); s != null; s = reader.next()) {
            result.add(s.sql());
        }
        return result;
    }

    private static ScriptReader reader(String script) {
        return new ScriptReader(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
    }
}
