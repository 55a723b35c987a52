package dev.starterkit.tools.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The studio in a real browser: Debian's headless Chromium driven by {@code playwright-core} through
 * {@code src/test/browser/studio.spec.mjs}. Skipped only when {@code /usr/bin/chromium} or {@code node} is missing.
 */
class StudioBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCRIPTS = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target/studio-screenshot.png").toAbsolutePath();
    private static final long NODE_TIMEOUT_MINUTES = 3;

    @Test
    void studio_shouldBrowseFilterAndEditRows_whenDrivenByChromium() throws Exception {
        // GIVEN a browser, node, the script's packages, and a studio over a seeded database
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipped: " + CHROMIUM + " is missing (apt-get install -y chromium)");
        assumeTrue(run(List.of("node", "--version"), SCRIPTS).exit() == 0, "Skipped: node is not on the PATH");
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), SCRIPTS);
            assertThat(install.exit()).as("npm ci in %s failed:%n%s", SCRIPTS, install.output()).isZero();
        }
        Files.deleteIfExists(SCREENSHOT);
        try (StudioDatabase database = new StudioDatabase(StudioBrowserIT.class);
             StudioServer studio = database.studio(true)) {

            // WHEN the script browses, filters, edits a row and tries a refused edit
            Result spec = run(List.of("node", "studio.spec.mjs", studio.url(), SCREENSHOT.toString()), SCRIPTS);

            // THEN every step passed, the edit is in the database, the refused one is not
            assertThat(spec.exit()).as("studio.spec.mjs output:%n%s", spec.output()).isZero();
            assertThat(database.scalar("SELECT name FROM \"user\" WHERE id = ?", "usr_charlie000000000"))
                .isEqualTo("Charlie Studio");
            assertThat(database.scalar("SELECT email_verified::text FROM \"user\" WHERE id = ?",
                "usr_charlie000000000")).isEqualTo("false");
            assertThat(SCREENSHOT).isNotEmptyFile();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, command.get(0) + " could not start: " + e.getMessage());
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(NODE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(killed: still running after " + NODE_TIMEOUT_MINUTES + " minutes)");
        }
        return new Result(process.exitValue(), output);
    }
}
