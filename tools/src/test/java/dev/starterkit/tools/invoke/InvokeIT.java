package dev.starterkit.tools.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.testing.TestDatabase;
import dev.starterkit.db.testing.TestPostgres;
import dev.starterkit.tools.template.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/invoke: a fresh JVM runs the template's handler with a sample event and prints the response. */
class InvokeIT {

    private static String url;

    @TempDir
    Path temp;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabase.seeded(InvokeIT.class).url();
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void run_shouldPrintTheHandlersResponse_whenGivenASampleEvent() throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("PROJECT_ROOT", "..")).toAbsolutePath();
        Path output = temp.resolve("out.json");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DATABASE_URL", url);
        env.put("ENVIRONMENT", "test");

        int code = Invoke.run(root, Fixtures.template(), new String[] {"UsersFunction",
            root.resolve("events/UsersFunction/get-user.json").toString()}, env,
            java.lang.ProcessBuilder.Redirect.to(output.toFile()));

        assertThat(code).isZero();
        assertThat(Files.readString(output)).contains("\"statusCode\":200").contains("Bob Smith");
    }

    @Test
    void substitute_shouldNameTheVariable_whenAPlaceholderIsUnset() {
        assertThat(InvokeRunner.substitute("Bearer ${TOKEN}", Map.of("TOKEN", "abc"))).isEqualTo("Bearer abc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InvokeRunner.substitute("${TOKEN}", Map.of()))
            .hasMessageContaining("set TOKEN");
    }

    @Test
    void run_shouldRefuse_whenTheFunctionIsUnknown() throws Exception {
        assertThat(Invoke.run(Path.of(".."), Fixtures.template(), new String[] {"Nope", "x.json"}, Map.of(),
            java.lang.ProcessBuilder.Redirect.DISCARD)).isEqualTo(2);
    }
}
