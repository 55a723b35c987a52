package dev.starterkit.bench;

import dev.starterkit.db.DataLayer;
import dev.starterkit.db.RequestContext;
import dev.starterkit.db.cache.CacheConfig;
import dev.starterkit.db.cache.CacheStatus;
import dev.starterkit.db.schema.user.CachedUserRepository;
import dev.starterkit.db.schema.user.DirectUserRepository;
import dev.starterkit.db.schema.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A read-heavy mixed workload over two execution environments: 95 % reads of users chosen by a Zipf law (s = 1.1)
 * over 1,000 ids, 5 % writes (a rename is one {@code UPDATE}, a note one {@code INSERT}). It runs once with reads
 * through {@code cached} and once through {@code direct} alone, counting database statements, in two phases of
 * {@link #REQUESTS} requests each: cold (from an empty cache) and steady (the next ones, the cache warmed by the
 * first). In the cached run each write is also read back by its writer through {@code cached} to count stale reads;
 * those verification reads are counted apart.
 */
final class MixedWorkload {

    private static final int REQUESTS = 20_000;
    private static final String[] PHASES = {"cold", "steady"};
    private static final double ZIPF_S = 1.1;

    private final boolean writesToReadTable;
    private final boolean useCache;
    private final double[] cdf = zipf(CacheBench.USERS, ZIPF_S);
    private final Random random = new Random(42);
    private final long[] stale = new long[PHASES.length];
    private final long[] writes = new long[PHASES.length];
    private final long[] verificationStatements = new long[PHASES.length];
    private final long[] statements = new long[PHASES.length];
    private final List<Map<CacheStatus, Integer>> served = List.of(new EnumMap<>(CacheStatus.class),
        new EnumMap<>(CacheStatus.class));
    private final Set<String> readIds = new HashSet<>();
    private final long[] repeatMisses = new long[PHASES.length];
    private int phase;

    private MixedWorkload(boolean writesToReadTable, boolean useCache) {
        this.writesToReadTable = writesToReadTable;
        this.useCache = useCache;
    }

    static void run(String url, CacheConfig config) throws SQLException {
        System.out.println("\n[4] Mixed workload over two execution environments: 95 % reads (Zipf s=" + ZIPF_S
            + " over " + CacheBench.USERS + " users), 5 % writes of one statement, each write read back by its writer; "
            + REQUESTS + " requests cold (empty cache), then " + REQUESTS + " more (steady)");
        for (boolean toReadTable : List.of(false, true)) {
            String variant = toReadTable ? "writes rename users (the table the reads hit)"
                : "writes add notes (another table; a note's read-back goes through cached)";
            MixedWorkload directRun = new MixedWorkload(toReadTable, false);
            directRun.measure(url, config);
            MixedWorkload cachedRun = new MixedWorkload(toReadTable, true);
            cachedRun.measure(url, config.withKeyPrefix(config.keyPrefix() + toReadTable + ":"));
            System.out.println("    " + variant + ":");
            for (int p = 0; p < PHASES.length; p++) {
                cachedRun.report(p, directRun.statements[p] / (double) REQUESTS);
            }
        }
    }

    private void report(int p, double direct) {
        double cached = statements[p] / (double) REQUESTS;
        double withChecks = cached + verificationStatements[p] / (double) REQUESTS;
        Map<CacheStatus, Integer> counts = served.get(p);
        System.out.printf("      %-6s statements/request: direct %.3f (baseline), cached %.3f -> %.1fx fewer "
            + "(target >= 10x)%n", PHASES[p], direct, cached, direct / cached);
        System.out.printf("             own-write read-backs through cached: %d stale of %d (their statements, not "
            + "counted above: +%.3f/request -> %.1fx)%n", stale[p], writes[p], withChecks - cached,
            direct / withChecks);
        System.out.printf("             reads through cached: %d hits, %d stale, %d misses (%d of them not a user's "
            + "first read); the writes' own statements: %d%n", counts.getOrDefault(CacheStatus.HIT, 0),
            counts.getOrDefault(CacheStatus.STALE, 0), counts.getOrDefault(CacheStatus.MISS, 0), repeatMisses[p],
            writes[p]);
    }

    private void measure(String url, CacheConfig config) throws SQLException {
        CountingConnector alice = new CountingConnector();
        CountingConnector bob = new CountingConnector();
        try (DataLayer a = CacheBench.countingLayer(url, "alice", config, alice);
             DataLayer b = CacheBench.countingLayer(url, "bob", config, bob)) {
            List<DataLayer> layers = List.of(a, b);
            for (phase = 0; phase < PHASES.length; phase++) {
                long before = alice.executions() + bob.executions();
                for (int i = 0; i < REQUESTS; i++) {
                    int request = phase * REQUESTS + i;
                    DataLayer layer = layers.get(request % 2);
                    if (random.nextInt(100) < 5) {
                        write(layer, request, request % 2 == 0 ? alice : bob);
                    } else {
                        read(layer, pick());
                    }
                }
                statements[phase] = alice.executions() + bob.executions() - before - verificationStatements[phase];
            }
        }
    }

    private void read(DataLayer layer, String id) {
        boolean first = readIds.add(id);
        try (RequestContext ctx = layer.request(false)) {
            if (useCache) {
                ctx.repository(CachedUserRepository.class).findById(id);
            } else {
                ctx.repository(DirectUserRepository.class).findById(id);
            }
            ctx.cacheStatus().ifPresent(status -> served.get(phase).merge(status, 1, Integer::sum));
            repeatMisses[phase] += !first && ctx.cacheStatus().orElse(null) == CacheStatus.MISS ? 1 : 0;
        }
    }

    private void write(DataLayer layer, int request, CountingConnector counter) throws SQLException {
        String id = pick();
        String value = "w" + request;
        writes[phase]++;
        String seen;
        DataSource reads = useCache ? layer.cached() : layer.direct();
        if (writesToReadTable) {
            layer.repository(DirectUserRepository.class).update(id, value);
            long before = counter.executions();
            seen = useCache ? layer.repository(CachedUserRepository.class).findById(id).map(User::name).orElse("")
                : value;
            verificationStatements[phase] += counter.executions() - before;
        } else {
            try (Connection connection = layer.direct().getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO note VALUES (?, ?, ?)")) {
                insert.setString(1, "n" + request + (useCache ? "c" : "d"));
                insert.setString(2, id);
                insert.setString(3, value);
                insert.executeUpdate();
            }
            long before = counter.executions();
            seen = useCache ? lastNote(reads, id, value) : value;
            verificationStatements[phase] += counter.executions() - before;
        }
        stale[phase] += seen.equals(value) ? 0 : 1;
    }

    private static String lastNote(DataSource source, String userId, String expected) throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT body FROM note WHERE user_id = ? AND body = ?")) {
            select.setString(1, userId);
            select.setString(2, expected);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private String pick() {
        double u = random.nextDouble();
        int low = 0;
        int high = cdf.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cdf[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return "usr_" + (low + 1);
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1 / Math.pow(k, s);
            cdf[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }
}
