package dev.starterkit.api.health;

import dev.starterkit.api.http.ApiResponse;
import dev.starterkit.api.internal.ApiData;
import dev.starterkit.db.connect.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: whether the database answers (200 or 503); never cached. The body says only "unreachable";
 * the log line says why (SQLState and the driver's message, URLs redacted).
 */
public final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final ApiData data;

    public HealthCheck(ApiData data) {
        this.data = data;
    }

    public ApiResponse check() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("database", database());
        status.put("cache", data.cacheStatus());
        boolean ok = status.get("database").equals("ok");
        status.put("status", ok ? "ok" : "degraded");
        return new ApiResponse(ok ? 200 : 503, status, Map.of("cache-control", "no-store"));
    }

    private String database() {
        try (Connection c = data.layer().direct().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return "ok";
        } catch (SQLException e) {
            LOG.warn("Health check: the database is unreachable (SQLState {}): {}", e.getSQLState(),
                DatabaseUrl.redactUrls(e.getMessage()));
            return "unreachable";
        }
    }
}
