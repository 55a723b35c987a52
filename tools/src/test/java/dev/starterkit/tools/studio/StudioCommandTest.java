package dev.starterkit.tools.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.tools.db.Confirmer;
import dev.starterkit.tools.db.DbCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioCommandTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_shouldExitWithUsage_whenThePortOrAnOptionIsWrong() {
        // WHEN
        int letters = cli().run(new String[] {"studio", "--port", "abc"}, Map.of(), project);
        int outOfRange = cli().run(new String[] {"studio", "--port=70000"}, Map.of(), project);
        int unknown = cli().run(new String[] {"studio", "--cors"}, Map.of(), project);

        // THEN
        assertThat(letters).isEqualTo(2);
        assertThat(outOfRange).isEqualTo(2);
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number from 0 to 65535")
            .contains("'studio' has no option --cors");
    }

    @Test
    void run_shouldAbortBeforeServing_whenWritingToProdIsNotConfirmed() {
        // GIVEN no terminal to confirm on
        int code = cli().run(new String[] {"studio:prod", "--write", "--port", "0"},
            Map.of("DATABASE_URL", "postgres://app@127.0.0.1:1/app"), project);

        // THEN
        assertThat(code).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("http://127.0.0.1");
    }

    @Test
    void help_shouldListStudio_whenAsked() {
        cli().run(new String[] {"help"}, Map.of(), project);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("studio").contains("--write");
    }

    private DbCli cli() {
        return new DbCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Confirmer.ask(null, System.out));
    }
}
