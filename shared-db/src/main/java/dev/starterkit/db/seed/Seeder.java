package dev.starterkit.db.seed;

import dev.starterkit.db.env.Stage;
import dev.starterkit.db.resources.ResourceListing;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the seed SQL of a stage ({@code seeds/} on the class path as {@code db/seeds}): {@code common/} for every
 * stage, {@code sample/} for dev, test and staging, then the stage's own folder. All files run in one transaction
 * under an advisory lock, so concurrent runs queue and a failing file leaves nothing behind. Seed files are
 * idempotent ({@code ON CONFLICT DO NOTHING}): running twice changes nothing.
 */
public final class Seeder {

    /** Where seeds live on the class path. */
    public static final String CLASSPATH_FOLDER = "db/seeds";
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    /** Advisory lock key shared by every seed run ("seed" in ASCII). */
    private static final long LOCK_KEY = 0x73656564L;

    private final DataSource dataSource;
    private final String root;

    public Seeder(DataSource dataSource) {
        this(dataSource, CLASSPATH_FOLDER);
    }

    /** A seeder over another class-path folder laid out like {@code seeds/}, e.g. a test's own seeds. */
    public Seeder(DataSource dataSource, String classpathFolder) {
        this.dataSource = dataSource;
        this.root = classpathFolder;
    }

    /** The seed folders a stage loads, in order. */
    public static List<String> foldersFor(Stage stage) {
        List<String> folders = new ArrayList<>(List.of("common"));
        if (stage != Stage.PROD) {
            folders.add("sample");
        }
        folders.add(stage.id());
        return folders;
    }

    /** The seed files a stage loads, in order, as {@code folder/file.sql}. */
    public static List<String> filesFor(Stage stage) {
        return filesFor(CLASSPATH_FOLDER, stage);
    }

    private static List<String> filesFor(String root, Stage stage) {
        ClassLoader loader = Seeder.class.getClassLoader();
        List<String> files = new ArrayList<>();
        for (String folder : foldersFor(stage)) {
            ResourceListing.list(loader, root + "/" + folder).stream()
                .filter(name -> name.endsWith(".sql"))
                .forEach(name -> files.add(folder + "/" + name));
        }
        return files;
    }

    /** Runs the stage's seeds in one transaction. */
    public SeedResult seed(Stage stage) {
        List<String> files = filesFor(root, stage);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                for (String file : files) {
                    rows.put(file, run(statement, file));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new SeedException("Seeding " + stage + " failed: " + e.getMessage(), e);
        }
        LOG.info("Seeded {}: {} files, {} rows", stage, rows.size(), rows.values().stream().mapToLong(r -> r).sum());
        return new SeedResult(rows);
    }

    private long run(Statement statement, String file) throws SQLException {
        String sql = ResourceListing.read(Seeder.class.getClassLoader(), root + "/" + file);
        long total = 0;
        try {
            boolean isResult = statement.execute(sql);
            while (true) {
                int count = isResult ? 0 : statement.getUpdateCount();
                if (!isResult && count == -1) {
                    break;
                }
                total += Math.max(count, 0);
                isResult = statement.getMoreResults();
            }
        } catch (SQLException e) {
            throw new SQLException(file + ": " + e.getMessage(), e.getSQLState(), e);
        }
        return total;
    }
}
