package dev.starterkit.db.migrate;

import dev.starterkit.db.resources.ResourceListing;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migrations packaged with this code ({@code migrations/} on the class path as {@code db/migration}). Their
 * latest version identifies the schema the code expects, without a query.
 */
public final class MigrationCatalog {

    /** Where migrations live on the class path. */
    public static final String CLASSPATH_FOLDER = "db/migration";
    /** The same, as a Flyway location. */
    public static final String LOCATION = "classpath:" + CLASSPATH_FOLDER;

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static volatile String latest;

    private MigrationCatalog() {
    }

    /** The file names of the packaged versioned migrations, sorted by name. */
    public static List<String> files() {
        return ResourceListing.list(MigrationCatalog.class.getClassLoader(), CLASSPATH_FOLDER).stream()
            .filter(name -> VERSIONED.matcher(name).matches())
            .toList();
    }

    /** The highest packaged migration version, e.g. {@code "1"}; computed once. */
    public static String latestVersion() {
        String cached = latest;
        if (cached == null) {
            cached = files().stream()
                .map(MigrationCatalog::version)
                .max(MigrationCatalog::compareVersions)
                .orElseThrow(() -> new IllegalStateException("No migrations packaged under " + CLASSPATH_FOLDER));
            latest = cached;
        }
        return cached;
    }

    static String version(String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a versioned migration: " + fileName);
        }
        return matcher.group(1).replace('_', '.');
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }
}
