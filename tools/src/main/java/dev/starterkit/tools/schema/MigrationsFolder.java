package dev.starterkit.tools.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's {@code migrations/} folder as the schema tools see it: the versioned files
 * {@code V<n>__<verb>_<object>.sql}, what is wrong with their names (versions that collide, names Flyway would
 * reject), the next version, and writing the next file.
 */
public final class MigrationsFolder {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.+\\.sql");
    private static final int MAX_NAME = 60;

    private final Path dir;

    public MigrationsFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * One versioned migration file.
     *
     * @param fileName the file's name
     * @param version the version as Flyway compares it: numeric parts, trailing zeros dropped ({@code 1.0} is 1)
     */
    public record Migration(String fileName, List<BigInteger> version) {

        /** The version as written in file names, e.g. {@code 2} or {@code 2.1}. */
        public String versionText() {
            return String.join(".", version.stream().map(BigInteger::toString).toList());
        }
    }

    /** The {@code migrations/} folder of a project, where the command line finds it at run time. */
    public static MigrationsFolder inProject(Path projectDir) {
        return new MigrationsFolder(projectDir.resolve("migrations"));
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** The folder as a Flyway location. */
    public String location() {
        return "filesystem:" + dir;
    }

    /** The versioned migrations, by version then name; an absent folder has none. */
    public List<Migration> migrations() {
        List<Migration> migrations = new ArrayList<>();
        for (String name : sqlFiles()) {
            Matcher matcher = VERSIONED.matcher(name);
            if (matcher.matches()) {
                migrations.add(new Migration(name, version(matcher.group(1))));
            }
        }
        migrations.sort(Comparator.comparing(Migration::version, MigrationsFolder::compare)
            .thenComparing(Migration::fileName));
        return migrations;
    }

    /** What stops Flyway from reading the folder: versions used twice, SQL files it would not accept. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String name : sqlFiles()) {
            if (!VERSIONED.matcher(name).matches() && !REPEATABLE.matcher(name).matches()) {
                problems.add(name + ": not a migration name (V<n>__<verb>_<object>.sql)");
            }
        }
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        migrations().forEach(m -> byVersion.computeIfAbsent(m.versionText(), v -> new ArrayList<>())
            .add(m.fileName()));
        byVersion.forEach((version, files) -> {
            if (files.size() > 1) {
                problems.add("version " + version + " is used by " + files.size() + " files: "
                    + String.join(", ", files));
            }
        });
        return problems;
    }

    /** This folder, when Flyway can read it; otherwise fails listing {@link #problems()}. */
    public MigrationsFolder requireReadable() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new MigrationsFolderException(dir.getFileName() + "/ needs fixing first: "
                + String.join("; ", problems));
        }
        return this;
    }

    /** The next version: one more than the highest version's first part, or 1 for an empty folder. */
    public String nextVersion() {
        List<Migration> migrations = migrations();
        return migrations.isEmpty() ? "1"
            : migrations.get(migrations.size() - 1).version().get(0).add(BigInteger.ONE).toString();
    }

    /**
     * Writes {@code V<next>__<name>.sql}; never over an existing file.
     *
     * @param name the migration's name, slugged to snake_case
     * @param script the file's content
     * @return the file written
     */
    public Path writeNext(String name, String script) {
        Path file = dir.resolve("V" + nextVersion() + "__" + slug(name) + ".sql");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, script, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(file + " already exists; nothing was written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A migration name in snake_case: {@code "Add user nickname"} and {@code addUserNickname} become
     * {@code add_user_nickname}; anything but letters and digits separates words.
     */
    public static String slug(String name) {
        String words = name.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A migration name needs letters or digits; got '" + name + "'");
        }
        return words.length() <= MAX_NAME ? words : words.substring(0, MAX_NAME).replaceAll("_+$", "");
    }

    private List<String> sqlFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Listing " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static List<BigInteger> version(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger left = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger right = i < b.size() ? b.get(i) : BigInteger.ZERO;
            if (left.compareTo(right) != 0) {
                return left.compareTo(right);
            }
        }
        return 0;
    }
}
