package dev.starterkit.bench.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generates the benchmark's database: organisations, users and events with foreign keys, unique and secondary
 * indexes, jsonb, numerics and timestamps, {@code rows} rows in all (1 % organisations, 29 % users, 70 % events).
 */
final class BenchData {

    private BenchData() {
    }

    static void generate(String jdbcUrl, long rows) throws SQLException {
        long orgs = Math.max(1, rows / 100);
        long users = rows * 29 / 100;
        long events = rows - orgs - users;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_org (id text PRIMARY KEY, name text NOT NULL, slug text NOT NULL UNIQUE,"
                + " created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE bench_user (id text PRIMARY KEY, org_id text NOT NULL REFERENCES bench_org (id)"
                + " ON DELETE CASCADE, email text NOT NULL UNIQUE, name text NOT NULL, profile jsonb,"
                + " active boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE bench_event (id bigserial PRIMARY KEY, user_id text NOT NULL REFERENCES"
                + " bench_user (id) ON DELETE CASCADE, kind text NOT NULL CHECK (kind <> ''), payload jsonb,"
                + " amount numeric(12, 2), at timestamptz NOT NULL)");
            s.execute("CREATE INDEX bench_event_user_at_idx ON bench_event (user_id, at)");
            s.execute("INSERT INTO bench_org SELECT 'org_' || g, 'Organisation ' || g, 'org-' || g,"
                + " timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, " + orgs + ") g");
            s.execute("INSERT INTO bench_user SELECT 'usr_' || g, 'org_' || (1 + g % " + orgs + "),"
                + " 'user' || g || '@example.com', 'User ' || md5(g::text), jsonb_build_object('locale', 'en',"
                + " 'n', g, 'tags', jsonb_build_array('a', g % 7)), g % 11 <> 0, timestamptz '2024-01-01'"
                + " + g * interval '1 second' FROM generate_series(1, " + users + ") g");
            s.execute("INSERT INTO bench_event (user_id, kind, payload, amount, at) SELECT 'usr_' || (1 + g % "
                + users + "), (ARRAY['view', 'click', 'purchase', 'signup'])[1 + g % 4], jsonb_build_object('page',"
                + " '/p/' || (g % 1000), 'ref', md5(g::text)), (g % 100000) / 100.0, timestamptz '2024-01-01'"
                + " + g * interval '100 milliseconds' FROM generate_series(1, " + events + ") g");
            s.execute("VACUUM ANALYZE");
        }
    }
}
