package dev.starterkit.db.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLoaderTest {

    @TempDir
    Path dir;

    @Test
    void load_shouldPreferStageLocalThenLocalThenDotEnv_whenAllFilesSetTheSameVariable() throws IOException {
        // GIVEN three files that all set A, and B and C set further down
        write(".env.dev.local", "A=from-dev-local\n");
        write(".env.local", "A=from-local\nB=from-local\n");
        write(".env", "A=from-env\nB=from-env\nC=from-env\n");

        // WHEN
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), Map.of(), dir);

        // THEN the highest-priority file wins for each variable, and sources are recorded
        assertThat(env.stage()).isEqualTo(Stage.DEV);
        assertThat(env.require("A")).isEqualTo(new Variable("A", "from-dev-local", ".env.dev.local"));
        assertThat(env.require("B").source()).isEqualTo(".env.local");
        assertThat(env.require("C").value()).isEqualTo("from-env");
        assertThat(env.loadedFiles()).extracting(p -> p.getFileName().toString())
            .containsExactly(".env.dev.local", ".env.local", ".env");
    }

    @Test
    void load_shouldLetTheProcessEnvironmentWin_whenAFileSetsTheSameVariable() throws IOException {
        write(".env", "DATABASE_URL=postgres://file@h/db\n");

        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(),
            Map.of("DATABASE_URL", "postgres://process@h/db"), dir);

        assertThat(env.require("DATABASE_URL").value()).isEqualTo("postgres://process@h/db");
        assertThat(env.require("DATABASE_URL").source()).isEqualTo("process environment");
    }

    @Test
    void load_shouldReadTheFilesOfTheChosenStage_whenEnvIsGiven() throws IOException {
        write(".env.staging.local", "X=staging\n");
        write(".env.dev.local", "X=dev\n");

        ResolvedEnvironment env = EnvironmentLoader.load(Optional.of("staging"), Map.of(), dir);

        assertThat(env.stage()).isEqualTo(Stage.STAGING);
        assertThat(env.stageSource()).isEqualTo("--env");
        assertThat(env.require("X").value()).isEqualTo("staging");
    }

    @Test
    void load_shouldChooseTheStageInOrder_whenSeveralSourcesNameOne() {
        Map<String, String> all = Map.of("ENVIRONMENT", "test", "STAGE", "prod", "NODE_ENV", "production");

        assertThat(EnvironmentLoader.load(Optional.of("staging"), all, dir).stage()).isEqualTo(Stage.STAGING);
        assertThat(EnvironmentLoader.load(Optional.empty(), all, dir).stage()).isEqualTo(Stage.TEST);
        assertThat(EnvironmentLoader.load(Optional.empty(), Map.of("STAGE", "prod", "NODE_ENV", "test"), dir)
            .stage()).isEqualTo(Stage.PROD);
        assertThat(EnvironmentLoader.load(Optional.empty(), Map.of("NODE_ENV", "production"), dir).stage())
            .isEqualTo(Stage.PROD);
        assertThat(EnvironmentLoader.load(Optional.empty(), Map.of("NODE_ENV", "staging"), dir).stage())
            .isEqualTo(Stage.STAGING);
        assertThat(EnvironmentLoader.load(Optional.empty(), Map.of("NODE_ENV", "test"), dir).stage())
            .isEqualTo(Stage.TEST);
        assertThat(EnvironmentLoader.load(Optional.empty(), Map.of("NODE_ENV", "whatever"), dir).stage())
            .isEqualTo(Stage.DEV);
        assertThat(EnvironmentLoader.load(Optional.empty(), Map.of(), dir).stageSource()).isEqualTo("default");
    }

    @Test
    void load_shouldNameTheSource_whenTheStageIsUnknown() {
        assertThatThrownBy(() -> EnvironmentLoader.load(Optional.empty(), Map.of("STAGE", "production"), dir))
            .isInstanceOf(EnvironmentConfigException.class)
            .hasMessageContaining("STAGE")
            .hasMessageContaining("dev, test, staging, prod")
            .hasMessageContaining("'production'");
        assertThatThrownBy(() -> EnvironmentLoader.load(Optional.of("qa"), Map.of(), dir))
            .hasMessageContaining("--env");
    }

    @Test
    void parse_shouldHandleQuotesExportsAndComments_whenReadingAFile() throws IOException {
        write(".env", String.join("\n",
            "# comment",
            "export PLAIN=value # trailing comment",
            "SINGLE='a # not a comment \\n'",
            "DOUBLE=\"line\\nbreak \\\"quoted\\\"\"",
            "EMPTY=",
            "HASH=pa#ss",
            ""));

        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), Map.of(), dir);

        assertThat(env.value("PLAIN")).contains("value");
        assertThat(env.value("SINGLE")).contains("a # not a comment \\n");
        assertThat(env.value("DOUBLE")).contains("line\nbreak \"quoted\"");
        assertThat(env.value("EMPTY")).isEmpty();
        assertThat(env.value("HASH")).contains("pa#ss");
    }

    @Test
    void parse_shouldNameFileAndLine_whenALineIsMalformed() throws IOException {
        write(".env.local", "GOOD=1\nthis is not an assignment\n");

        assertThatThrownBy(() -> EnvironmentLoader.load(Optional.empty(), Map.of(), dir))
            .isInstanceOf(EnvironmentConfigException.class)
            .hasMessageContaining(".env.local line 2");
    }

    @Test
    void require_shouldListWhereItLooked_whenAVariableIsMissing() throws IOException {
        write(".env", "OTHER=1\n");

        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), Map.of(), dir);

        assertThatThrownBy(() -> env.require("DATABASE_URL"))
            .hasMessage("DATABASE_URL is not set (looked in: process environment, .env)");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
