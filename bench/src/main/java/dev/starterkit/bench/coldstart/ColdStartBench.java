package dev.starterkit.bench.coldstart;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.migrate.Migrator;
import dev.starterkit.db.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cold start of the API functions (issue #4), in fresh JVMs with Lambda's flags, interleaved round by round:
 * a bare JVM printing {@code hello}, {@code UsersHandler} answering its first {@code GET /users/{id}}, and a naive
 * Micronaut Data JDBC + HikariCP app running the same query. Also the artifact's size and the handler's warm
 * per-request overhead against Jackson alone. Expects the artifacts laid out as the Makefile does (see README).
 */
public final class ColdStartBench {

    static final String USER_ID = "usr_bob0000000000000";

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("coldstart.rounds", 15);
        Path root = Files.isDirectory(Path.of("functions")) ? Path.of("") : Path.of("..");
        Path api = root.resolve("functions/api/target");
        Path naive = root.resolve("bench/naive-app/target");
        String benchClasses = root.resolve("bench/target/classes").toAbsolutePath().toString();
        String apiPath = classPath(api) + File.pathSeparator + benchClasses;
        String naivePath = classPath(naive);
        String url = TestPostgres.get().createDatabase(ColdStartBench.class);
        try {
            prepare(url);
            List<String> naiveProps = naiveProperties(url);
            Map.Entry<String, String> cds = AppCds.train(apiPath, FirstRequest.class.getName(), Map.of("DATABASE_URL",
                url), List.of(USER_ID));
            Map<String, String> env = Map.of("DATABASE_URL", url);
            System.out.printf("artifact functions/api: %.1f MB (classes + %d jars); naive app: %.1f MB%n",
                size(api) / 1e6, jars(api).size(), size(naive) / 1e6);
            double[] bare = new double[rounds];
            double[] ours = new double[rounds];
            double[] oursMain = new double[rounds];
            double[] oursReady = new double[rounds];
            double[] theirs = new double[rounds];
            double[] theirsReady = new double[rounds];
            double[] withCds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                bare[r] = Launch.run(benchClasses, Hello.class.getName(), Map.of(), List.of(), List.of())
                    .at("hello");
                Launch handler = Launch.run(apiPath, FirstRequest.class.getName(), env, List.of(), List.of(USER_ID));
                ours[r] = handler.at("response");
                oursMain[r] = handler.at("main");
                oursReady[r] = handler.at("ready");
                Launch app = Launch.run(naivePath, "dev.starterkit.bench.naive.NaiveApp", Map.of(), naiveProps,
                    List.of(USER_ID));
                theirs[r] = app.at("response");
                theirsReady[r] = app.at("ready");
                withCds[r] = Launch.run(cds.getKey(), FirstRequest.class.getName(), env, List.of(cds.getValue()),
                    List.of(USER_ID)).at("response");
                System.out.printf("round %2d: bare %5.0f ms, ours %5.0f ms (main %3.0f, constructor %4.0f, request "
                    + "%4.0f), naive %5.0f ms (ready %4.0f), ours+AppCDS %5.0f ms  %s | %s%n", r + 1, bare[r], ours[r],
                    oursMain[r], oursReady[r] - oursMain[r], ours[r] - oursReady[r], theirs[r], theirsReady[r],
                    withCds[r], handler.lines().get(2), app.lines().get(2));
            }
            report(bare, ours, oursMain, oursReady, theirs);
            reportCds(withCds, bare, theirs);
            warm(apiPath, env);
        } finally {
            TestPostgres.get().dropDatabase(url);
        }
    }

    private static List<String> naiveProperties(String url) {
        ConnectionSettings settings = TestPostgres.settings(url, "naive");
        return List.of("-Ddatasources.default.url=" + settings.jdbcUrl(),
            "-Ddatasources.default.username=" + settings.driverProperties().getProperty("user", "postgres"),
            "-Ddatasources.default.password=" + settings.driverProperties().getProperty("password", ""),
            "-Ddatasources.default.driver-class-name=org.postgresql.Driver");
    }

    private static void reportCds(double[] withCds, double[] bare, double[] theirs) {
        System.out.println("  experiment, not deployed: UsersHandler + AppCDS archive: " + stats(withCds)
            + String.format("; / bare = %.2fx, / naive = %.2fx", median(withCds) / median(bare),
            median(withCds) / median(theirs)));
    }

    private static void report(double[] bare, double[] ours, double[] oursMain, double[] oursReady,
                               double[] theirs) {
        double[] constructor = minus(oursReady, oursMain);
        double[] request = minus(ours, oursReady);
        System.out.println("median (range) over " + bare.length + " rounds, ms:");
        System.out.println("  bare JVM -> hello:            " + stats(bare));
        System.out.println("  UsersHandler -> 1st response: " + stats(ours) + "  [JVM to main " + stats(oursMain)
            + ", constructor " + stats(constructor) + ", first request " + stats(request) + "]");
        System.out.println("  naive Micronaut Data + Hikari: " + stats(theirs));
        double vsBare = median(ours) / median(bare);
        double vsNaive = median(ours) / median(theirs);
        System.out.printf("ours / bare  = %.2fx (target <= 5.5x: %s); per-round range %s%n", vsBare,
            vsBare <= 5.5 ? "met" : "NOT met", ratioRange(ours, bare));
        System.out.printf("ours / naive = %.2fx (target <= 0.4x: %s); per-round range %s%n", vsNaive,
            vsNaive <= 0.4 ? "met" : "NOT met", ratioRange(ours, theirs));
    }

    private static void warm(String apiPath, Map<String, String> env) throws Exception {
        Launch launch = Launch.run(apiPath, FirstRequest.class.getName(), env, List.of(), List.of(USER_ID, "warm"));
        List<Double> ratios = new ArrayList<>();
        for (String line : launch.lines()) {
            if (line.startsWith("warm ")) {
                String[] parts = line.split(" ");
                double handler = Double.parseDouble(parts[1]);
                double jackson = Double.parseDouble(parts[2]);
                ratios.add(handler / jackson);
                System.out.printf("warm round: handler p50 %.1f us, Jackson read event + write response p50 %.1f us,"
                    + " ratio %.2fx%n", handler / 1e3, jackson / 1e3, handler / jackson);
            }
        }
        double[] values = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(values);
        System.out.printf("warm overhead (cache hit, no query) / Jackson alone = %.2fx (range %.2fx - %.2fx; "
            + "target <= 2x: %s)%n", median, min(values), max(values), median <= 2 ? "met" : "NOT met");
    }

    private static void prepare(String url) throws Exception {
        new Migrator(new UnpooledDataSource(TestPostgres.settings(url, "bench-migrate"), Connector.jdbc())).migrate();
        try (Connection connection = TestPostgres.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"user\" (id, name, email) VALUES ('" + USER_ID
                + "', 'Bob', 'bob@example.com')");
        }
    }

    private static String classPath(Path target) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(target.resolve("classes").toAbsolutePath().toString());
        jars(target).forEach(jar -> entries.add(jar.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static List<Path> jars(Path target) throws IOException {
        Path dependencies = target.resolve("dependency");
        if (!Files.isDirectory(dependencies)) {
            throw new IllegalStateException(dependencies + " is missing: build with dependency:copy-dependencies "
                + "-DincludeScope=runtime (see bench/README.md)");
        }
        try (Stream<Path> files = Files.list(dependencies)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Bytes of the class path as the Makefile lays it out: target/classes plus every dependency jar. */
    private static long size(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(target.resolve("classes"))) {
            long classes = files.filter(Files::isRegularFile).mapToLong(ColdStartBench::bytes).sum();
            return classes + jars(target).stream().mapToLong(ColdStartBench::bytes).sum();
        }
    }

    private static long bytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static String ratioRange(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return String.format("%.2fx - %.2fx", min(ratios), max(ratios));
    }

    private static String stats(double[] values) {
        return String.format("%.0f (%.0f - %.0f)", median(values), min(values), max(values));
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
