package dev.starterkit.db.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL client programs ({@code pg_dump}, {@code psql}) for tests that compare against them: found on
 * {@code PATH} or in {@code /usr/bin}; tests skip with a reason when they are absent.
 */
public final class PgClientTools {

    private PgClientTools() {
    }

    /** The program's path, if installed. */
    public static Optional<Path> find(String program) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, program));
            }
        }
        candidates.add(Path.of("/usr/bin", program));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Why a test needing {@code program} cannot run here, for {@code assumeTrue}. */
    public static String missing(String program) {
        return program + " is not installed (Debian: apt-get install postgresql-client); skipping the comparison";
    }

    /** Runs {@code pg_dump} with {@code options} against {@code url} and returns what it printed. */
    public static String pgDump(String url, String... options) {
        List<String> command = new ArrayList<>(List.of(find("pg_dump").orElseThrow().toString()));
        command.addAll(List.of(options));
        command.add("--dbname=" + url);
        return run(command, null);
    }

    /** Feeds {@code script} to {@code psql -X -1 -v ON_ERROR_STOP=1} on {@code url}; returns its output. */
    public static String psql(String url, InputStream script) {
        return run(List.of(find("psql").orElseThrow().toString(), "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1",
            "--dbname=" + url), script);
    }

    private static String run(List<String> command, InputStream stdin) {
        try {
            Path output = Files.createTempFile("pg-client", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
                try (OutputStream in = process.getOutputStream()) {
                    if (stdin != null) {
                        stdin.transferTo(in);
                    }
                }
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish in 5 minutes");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command.get(0) + " failed (" + process.exitValue() + "): " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }
}
