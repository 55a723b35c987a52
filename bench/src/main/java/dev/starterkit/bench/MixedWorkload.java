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
 * over 1,000 ids, 5 % writes. It runs once with reads through {@code cached} and once through {@code direct} alone,
 * counting database statements. In the cached run each write is also read back by its writer through
 * {@code cached} to count stale reads; those verification reads are counted apart.
 */
final class MixedWorkload {

    private static final int REQUESTS = 20_000;
    private static final double ZIPF_S = 1.1;

    private final boolean writesToReadTable;
    private final boolean useCache;
    private final double[] cdf = zipf(CacheBench.USERS, ZIPF_S);
    private final Random random = new Random(42);
    private long stale;
    private long writes;
    private long verificationStatements;
    private final Map<CacheStatus, Integer> served = new EnumMap<>(CacheStatus.class);
    private final Set<String> readIds = new HashSet<>();
    private long repeatMisses;

    private MixedWorkload(boolean writesToReadTable, boolean useCache) {
        this.writesToReadTable = writesToReadTable;
        this.useCache = useCache;
    }

    static void run(String url, CacheConfig config) throws SQLException {
        System.out.println("\n[4] Mixed workload, " + REQUESTS + " requests over two execution environments: "
            + "95 % reads (Zipf s=" + ZIPF_S + " over " + CacheBench.USERS + " users), 5 % writes, each write read "
            + "back by its writer");
        for (boolean toReadTable : List.of(false, true)) {
            String variant = toReadTable ? "writes rename users (the table the reads hit)"
                : "writes add notes (another table; a note's read-back goes through cached)";
            double direct = new MixedWorkload(toReadTable, false).measure(url, config);
            MixedWorkload cachedRun = new MixedWorkload(toReadTable, true);
            double cached = cachedRun.measure(url, config.withKeyPrefix(config.keyPrefix() + toReadTable + ":"));
            double withChecks = cached + cachedRun.verificationStatements / (double) REQUESTS;
            System.out.println("    " + variant + ":");
            System.out.printf("      statements/request: direct %.3f (baseline), cached %.3f -> %.1fx fewer "
                + "(target >= 10x)%n", direct, cached, direct / cached);
            System.out.printf("      own-write read-backs through cached: %d stale of %d (their statements, not "
                + "counted above: +%.3f/request -> %.1fx)%n", cachedRun.stale, cachedRun.writes,
                withChecks - cached, direct / withChecks);
            System.out.printf("      workload reads through cached: %d hits, %d stale, %d misses (%d of them not a "
                + "user's first read; %d distinct users read); the writes' own statements: %d%n",
                cachedRun.served.getOrDefault(CacheStatus.HIT, 0), cachedRun.served.getOrDefault(CacheStatus.STALE, 0),
                cachedRun.served.getOrDefault(CacheStatus.MISS, 0), cachedRun.repeatMisses, cachedRun.readIds.size(),
                cachedRun.writes * (toReadTable ? 2 : 1));
        }
    }

    private double measure(String url, CacheConfig config) throws SQLException {
        CountingConnector alice = new CountingConnector();
        CountingConnector bob = new CountingConnector();
        try (DataLayer a = CacheBench.countingLayer(url, "alice", config, alice);
             DataLayer b = CacheBench.countingLayer(url, "bob", config, bob)) {
            List<DataLayer> layers = List.of(a, b);
            for (int i = 0; i < REQUESTS; i++) {
                DataLayer layer = layers.get(i % 2);
                if (random.nextInt(100) < 5) {
                    write(layer, i, i % 2 == 0 ? alice : bob);
                } else {
                    read(layer, pick());
                }
            }
        }
        return (alice.executions() + bob.executions() - verificationStatements) / (double) REQUESTS;
    }

    private void read(DataLayer layer, String id) {
        boolean first = readIds.add(id);
        try (RequestContext ctx = layer.request(false)) {
            if (useCache) {
                ctx.repository(CachedUserRepository.class).findById(id);
            } else {
                ctx.repository(DirectUserRepository.class).findById(id);
            }
            ctx.cacheStatus().ifPresent(status -> served.merge(status, 1, Integer::sum));
            repeatMisses += !first && ctx.cacheStatus().orElse(null) == CacheStatus.MISS ? 1 : 0;
        }
    }

    private void write(DataLayer layer, int request, CountingConnector counter) throws SQLException {
        String id = pick();
        String value = "w" + request;
        writes++;
        String seen;
        DataSource reads = useCache ? layer.cached() : layer.direct();
        if (writesToReadTable) {
            User user = layer.repository(DirectUserRepository.class).findById(id).orElseThrow();
            layer.repository(DirectUserRepository.class).update(new User(id, value, user.email(),
                user.emailVerified(), user.image(), user.isAnonymous(), user.stripeCustomerId(), user.createdAt(),
                user.updatedAt()));
            long before = counter.executions();
            seen = useCache ? layer.repository(CachedUserRepository.class).findById(id).map(User::name).orElse("")
                : value;
            verificationStatements += counter.executions() - before;
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
            verificationStatements += counter.executions() - before;
        }
        stale += seen.equals(value) ? 0 : 1;
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
