package dev.starterkit.tools.studio;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The studio's JSON API under {@code /api/}: the tables, a table's rows, one row, and the changes to rows, which
 * are refused when the studio is read-only.
 */
final class StudioApi {

    /** A response: its status and the object written as its JSON body. */
    record Reply(int status, Object body) {
    }

    /** The body of an insert or an edit: column name to new value in text form, null for {@code NULL}. */
    record ChangeBody(Map<String, String> values) {
    }

    private final TableStore store;
    private final StudioSettings settings;
    private final JsonMapper json;

    StudioApi(TableStore store, StudioSettings settings, JsonMapper json) {
        this.store = store;
        this.settings = settings;
        this.json = json;
    }

    Reply handle(String method, String rawPath, QueryString query, byte[] body) throws SQLException {
        List<String> segments = Arrays.stream(rawPath.substring("/api/".length()).split("/", -1))
            .map(QueryString::decode).toList();
        if (segments.size() == 1 && segments.get(0).equals("tables")) {
            requireMethod(method, "GET");
            return new Reply(200, Map.of("stage", settings.stage(), "database", settings.database(),
                "writable", settings.writable(), "tables", store.tables()));
        }
        if (segments.size() != 3 || !segments.get(0).equals("tables")) {
            throw StudioRequestException.notFound("No such API path");
        }
        String table = segments.get(1);
        return switch (segments.get(2)) {
            case "rows" -> rows(method, table, query, body);
            case "row" -> row(method, table, query.withPrefix("key."), body);
            default -> throw StudioRequestException.notFound("No such API path");
        };
    }

    private Reply rows(String method, String table, QueryString query, byte[] body) throws SQLException {
        if (method.equals("GET")) {
            RowQuery rows = new RowQuery(table, query.number("page", 0), query.number("size", 50),
                query.first("sort").filter(s -> !s.isEmpty()).orElse(null),
                query.first("dir").filter("desc"::equals).isPresent(), query.withPrefix("f."));
            return new Reply(200, store.rows(rows));
        }
        requireMethod(method, "POST");
        requireWritable();
        return new Reply(201, Map.of("row", store.insert(table, values(body))));
    }

    private Reply row(String method, String table, Map<String, String> key, byte[] body) throws SQLException {
        switch (method) {
            case "GET" -> {
                return new Reply(200, Map.of("row", store.row(table, key)));
            }
            case "PATCH" -> {
                requireWritable();
                return new Reply(200, Map.of("row", store.update(table, key, values(body))));
            }
            case "DELETE" -> {
                requireWritable();
                store.delete(table, key);
                return new Reply(200, Map.of("deleted", true));
            }
            default -> throw notAllowed(method);
        }
    }

    private Map<String, String> values(byte[] body) {
        ChangeBody change = json.readValue(body, ChangeBody.class);
        if (change == null || change.values() == null) {
            throw StudioRequestException.badRequest("The body must be {\"values\": {\"column\": \"value\"}}");
        }
        return new LinkedHashMap<>(change.values());
    }

    private void requireWritable() {
        if (!settings.writable()) {
            throw StudioRequestException.forbidden("The studio is read-only on " + settings.stage()
                + "; start it with --write to change rows");
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw notAllowed(method);
        }
    }

    private static StudioRequestException notAllowed(String method) {
        return new StudioRequestException(405, "method_not_allowed", method + " is not allowed here");
    }
}
