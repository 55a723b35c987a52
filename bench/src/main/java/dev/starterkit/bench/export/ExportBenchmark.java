package dev.starterkit.bench.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Our export to a local gzip file against {@code pg_dump --format=plain | gzip} (and data-only against
 * {@code pg_dump --data-only | gzip}) on the same generated database, in one run: wall-time and peak-RSS ratios,
 * then the same at ten times the rows. Arguments: {@code [rows=1000000] [repeats=3] [server=postgres://...]}.
 * Needs {@code pg_dump}, {@code gzip} and {@code /usr/bin/time} (Debian: postgresql-client, gzip, time).
 */
public final class ExportBenchmark {

    private static final String JVM_OPTIONS = "-Xmx64m -XX:+UseSerialGC";
    private static final String PG_DUMP = "pg_dump --format=plain | gzip";
    private static final String OURS_1 = "export full (1 pass, bin/db)";
    private static final String OURS_2 = "export full (2 passes, Lambda)";
    private static final String PG_DUMP_DATA = "pg_dump --data-only | gzip";
    private static final String OURS_DATA = "export data-only (1 pass)";

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String server = args.length > 2 ? args[2] : "postgres://postgres@127.0.0.1:5432";
        String classpath = "bench/target/classes:" + Files.readString(Path.of("bench/target/classpath.txt")).strip();
        Path work = Files.createTempDirectory("export-bench");
        Map<Long, Map<String, Measurement>> all = new LinkedHashMap<>();
        try {
            for (long scale : List.of(rows, rows * 10)) {
                String database = "bench_export_" + scale;
                admin(server, "DROP DATABASE IF EXISTS " + database);
                admin(server, "CREATE DATABASE " + database);
                try {
                    String url = server + "/" + database;
                    long start = System.nanoTime();
                    BenchData.generate(jdbc(server) + "/" + database + "?user=" + user(server), scale);
                    System.out.printf(Locale.ROOT, "%n%,d rows generated in %.0f s; database size %s%n", scale,
                        (System.nanoTime() - start) / 1e9, size(server, database));
                    all.put(scale, measure(url, work, classpath, scale == rows ? repeats : 1));
                } finally {
                    admin(server, "DROP DATABASE IF EXISTS " + database);
                }
            }
        } finally {
            deleteAll(work);
        }
        report(all, rows);
    }

    /** The dumps of a run (about 1.8 GB at 10 M rows) go with it. */
    private static void deleteAll(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }

    private static Map<String, Measurement> measure(String url, Path work, String classpath, int repeats)
        throws Exception {
        String ours = "TIME java " + JVM_OPTIONS + " -cp " + classpath + " dev.starterkit.bench.export.ExportToFile "
            + url + " ";
        Map<String, String[]> commands = new LinkedHashMap<>();
        commands.put(PG_DUMP, pipeline("TIME pg_dump --format=plain --dbname=" + url + " | TIME gzip > ",
            work.resolve("pg_dump.sql.gz"), ""));
        commands.put(OURS_1, pipeline(ours, work.resolve("ours.sql.gz"), " full 1"));
        commands.put(OURS_2, pipeline(ours, work.resolve("ours2.sql.gz"), " full 2"));
        commands.put(PG_DUMP_DATA, pipeline("TIME pg_dump --data-only --dbname=" + url + " | TIME gzip > ",
            work.resolve("pg_dump_data.sql.gz"), ""));
        commands.put(OURS_DATA, pipeline(ours, work.resolve("ours_data.sql.gz"), " data 1"));
        Map<String, List<Measurement>> runs = new LinkedHashMap<>();
        for (int i = 0; i < repeats; i++) {
            for (Map.Entry<String, String[]> command : commands.entrySet()) {
                runs.computeIfAbsent(command.getKey(), k -> new ArrayList<>())
                    .add(Measurement.run(command.getValue()[0], Path.of(command.getValue()[1])));
            }
        }
        Map<String, Measurement> medians = new LinkedHashMap<>();
        runs.forEach((name, list) -> medians.put(name, list.stream()
            .sorted(Comparator.comparingDouble(Measurement::seconds)).toList().get(list.size() / 2)));
        return medians;
    }

    private static String[] pipeline(String before, Path output, String after) {
        return new String[] {before + output + after, output.toString()};
    }

    private static void report(Map<Long, Map<String, Measurement>> all, long rows) {
        for (Map.Entry<Long, Map<String, Measurement>> scale : all.entrySet()) {
            Map<String, Measurement> m = scale.getValue();
            System.out.printf(Locale.ROOT, "%n== %,d rows ==%n%-32s %9s %11s %12s%n", scale.getKey(), "command",
                "wall s", "peak RSS", "output");
            m.forEach((name, r) -> System.out.printf(Locale.ROOT, "%-32s %9.2f %8.1f MB %9.1f MB%n", name,
                r.seconds(), r.peakRssKb() / 1024.0, r.outputBytes() / 1048576.0));
            ratio("export full (1 pass) / pg_dump | gzip", m, OURS_1, PG_DUMP);
            ratio("export full (2 passes) / pg_dump | gzip", m, OURS_2, PG_DUMP);
            ratio("export data-only / pg_dump --data-only | gzip", m, OURS_DATA, PG_DUMP_DATA);
        }
        Map<String, Measurement> small = all.get(rows);
        Map<String, Measurement> large = all.get(rows * 10);
        System.out.printf(Locale.ROOT, "%nMemory as rows grow x10 (peak RSS at %,d / at %,d rows):%n", rows * 10, rows);
        small.keySet().forEach(name -> System.out.printf(Locale.ROOT, "  %-32s x%.2f%n", name,
            (double) large.get(name).peakRssKb() / small.get(name).peakRssKb()));
    }

    private static void ratio(String label, Map<String, Measurement> m, String ours, String baseline) {
        System.out.printf(Locale.ROOT, "  %-48s time x%.2f   peak RSS x%.1f   size x%.2f%n", label,
            m.get(ours).seconds() / m.get(baseline).seconds(),
            (double) m.get(ours).peakRssKb() / m.get(baseline).peakRssKb(),
            (double) m.get(ours).outputBytes() / m.get(baseline).outputBytes());
    }

    private static void admin(String server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(server) + "/postgres", user(server), null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String size(String server, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(server) + "/postgres", user(server), null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size('" + database + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String jdbc(String server) {
        return "jdbc:postgresql://" + server.substring(server.indexOf('@') + 1);
    }

    private static String user(String server) {
        return server.substring("postgres://".length(), server.indexOf('@'));
    }
}
