package dev.starterkit.api.http;

import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP errors. Database constraint violations become 409/422 with the
 * constraint's meaning, never its SQL; anything unexpected becomes a bare 500 and is logged with the request id.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** Messages for unique constraints the API can violate, by constraint name. */
    private final Map<String, String> conflicts;

    public ErrorMapper(Map<String, String> conflicts) {
        this.conflicts = Map.copyOf(conflicts);
    }

    /** The error response for {@code error}. */
    public ApiException toApiException(Throwable error, String requestId) {
        if (error instanceof ApiException api) {
            return api;
        }
        SQLException sql = findSqlException(error);
        if (sql != null && sql.getSQLState() != null) {
            ApiException mapped = fromSqlState(sql);
            if (mapped != null) {
                return mapped;
            }
        }
        LOG.error("Request {} failed: {}", requestId, error.toString(), error);
        return new ApiException(500, "internal", "Something went wrong; quote request id " + requestId);
    }

    private ApiException fromSqlState(SQLException sql) {
        String state = sql.getSQLState();
        String constraint = constraintName(sql);
        return switch (state) {
            case "23505" -> ApiException.conflict(constraint == null ? "That already exists"
                : conflicts.getOrDefault(constraint, "That already exists"));
            case "23503" -> ApiException.conflict("A referenced record does not exist or is still referenced");
            case "23502", "23514", "22001" -> ApiException.validation("A value is missing or out of range");
            case "22P02", "22007", "22008" -> ApiException.badRequest("A value has the wrong format");
            case "40001", "40P01" -> new ApiException(409, "conflict", "Concurrent change; retry the request");
            default -> null;
        };
    }

    private static String constraintName(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return null;
    }

    private static SQLException findSqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
