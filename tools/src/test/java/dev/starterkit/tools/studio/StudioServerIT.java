package dev.starterkit.tools.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StudioServerIT {

    private static final String ALICE = "/api/tables/user/row?key.id=usr_alice00000000000";

    private static StudioDatabase database;
    private static StudioServer writable;
    private static StudioServer readOnly;
    private static StudioHttp http;

    @BeforeAll
    static void start() throws Exception {
        database = new StudioDatabase(StudioServerIT.class);
        writable = database.studio(true);
        readOnly = database.studio(false);
        http = new StudioHttp(writable);
    }

    @AfterAll
    static void stop() {
        writable.close();
        readOnly.close();
        database.close();
    }

    @Test
    void request_shouldBeRefused_whenTheTokenIsMissingOrWrong() throws Exception {
        // GIVEN / WHEN
        HttpResponse<String> none = http.send("GET", "/api/tables", null);
        HttpResponse<String> wrong = http.send("GET", "/api/tables", null, StudioGuard.HEADER, "A".repeat(43));
        HttpResponse<String> page = http.send("GET", "/", null);
        HttpResponse<String> otherRun = http.send("GET", "/api/tables", null, StudioGuard.HEADER, readOnly.token());

        // THEN
        assertThat(List.of(none.statusCode(), wrong.statusCode(), page.statusCode(), otherRun.statusCode()))
            .containsOnly(401);
        assertThat(none.body()).contains("unauthorized").doesNotContain("\"tables\"");
        assertThat(writable.token()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(readOnly.token());
    }

    @Test
    void firstPage_shouldTradeTheTokenForAStrictCookie_whenTheUrlCarriesIt() throws Exception {
        // WHEN the printed URL is opened, then the page it redirects to
        HttpResponse<String> first = http.send("GET", "/?token=" + writable.token(), null);
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> page = http.send("GET", "/", null, "Cookie", cookie.split(";")[0]);
        HttpResponse<String> script = http.send("GET", "/assets/studio.js", null, "Cookie", cookie.split(";")[0]);

        // THEN
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).contains("/");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains(writable.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/studio.js\">");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(page.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void request_shouldBeRefused_whenItComesFromAForeignOrigin() throws Exception {
        // WHEN a page elsewhere calls the API with the right token (say, guessed or leaked)
        HttpResponse<String> foreign = http.send("PATCH", ALICE, "{\"values\":{\"name\":\"Mallory\"}}",
            StudioGuard.HEADER, writable.token(), "Origin", "http://evil.example");
        HttpResponse<String> own = http.send("GET", "/api/tables", null, StudioGuard.HEADER, writable.token(),
            "Origin", "http://127.0.0.1:" + writable.port());

        // THEN
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(database.scalar("SELECT name FROM \"user\" WHERE id = ?", "usr_alice00000000000"))
            .isEqualTo("Alice Johnson");
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void request_shouldBeRefused_whenTheHostIsNotTheStudiosOwn() throws Exception {
        // GIVEN a DNS-rebound name pointing at loopback, sent with the right token
        try (Socket socket = new Socket("127.0.0.1", writable.port())) {
            socket.getOutputStream().write(("GET /api/tables HTTP/1.1\r\nHost: attacker.example:" + writable.port()
                + "\r\n" + StudioGuard.HEADER + ": " + writable.token() + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

            // WHEN
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // THEN
            assertThat(response).startsWith("HTTP/1.1 403").contains("loopback").doesNotContain("\"tables\"");
        }
    }

    @Test
    void tables_shouldListEveryTableWithItsRowCountAndForeignKeys_whenAsked() throws Exception {
        JsonNode body = StudioHttp.json(http.call("GET", "/api/tables", null));

        JsonNode user = table(body, "user");
        JsonNode member = table(body, "member");
        assertThat(body.get("writable").asBoolean()).isTrue();
        assertThat(user.get("rowCount").asLong()).isEqualTo(10);
        assertThat(user.get("primaryKey").toString()).isEqualTo("[\"id\"]");
        assertThat(member.get("foreignKeys").toString()).contains("\"table\":\"user\"");
    }

    @Test
    void rows_shouldFilterSortAndPage_whenAsked() throws Exception {
        // WHEN
        JsonNode page = StudioHttp.json(http.call("GET", "/api/tables/user/rows?sort=name&dir=desc&size=3&page=1",
            null));
        JsonNode unverified = StudioHttp.json(http.call("GET",
            "/api/tables/user/rows?f.email_verified=false&sort=email", null));

        // THEN names Z..A: Jack, Ivy, Henry | Grace, Frank, Eve | ...
        assertThat(page.get("total").asLong()).isEqualTo(10);
        assertThat(names(page)).containsExactly("Grace Lee", "Frank Miller", "Eve Davis");
        assertThat(unverified.get("total").asLong()).isEqualTo(3);
        assertThat(names(unverified)).containsExactly("Charlie Brown", "Frank Miller", "Ivy Chen");
    }

    @Test
    void rowChanges_shouldReachTheDatabase_whenTheStudioIsWritable() throws Exception {
        // WHEN a row is inserted (defaults filled in), edited, then deleted
        HttpResponse<String> inserted = http.call("POST", "/api/tables/user/rows",
            "{\"values\":{\"id\":\"usr_studio\",\"name\":\"Studio\",\"email\":\"studio@example.com\"}}");
        String insertedVerified = database.scalar("SELECT email_verified FROM \"user\" WHERE id = ?", "usr_studio");
        HttpResponse<String> edited = http.call("PATCH", "/api/tables/user/row?key.id=usr_studio",
            "{\"values\":{\"name\":\"Studio Two\",\"image\":null}}");
        String editedName = database.scalar("SELECT name FROM \"user\" WHERE id = ?", "usr_studio");
        HttpResponse<String> deleted = http.call("DELETE", "/api/tables/user/row?key.id=usr_studio", null);

        // THEN
        assertThat(inserted.statusCode()).isEqualTo(201);
        assertThat(StudioHttp.json(inserted).at("/row/email_verified").asString()).isEqualTo("f");
        assertThat(insertedVerified).isEqualTo("f");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(editedName).isEqualTo("Studio Two");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(database.scalar("SELECT count(*) FROM \"user\" WHERE id = ?", "usr_studio")).isEqualTo("0");
    }

    @Test
    void edit_shouldReportTheDatabasesError_whenAValueDoesNotFitItsColumn() throws Exception {
        // WHEN
        HttpResponse<String> badType = http.call("PATCH", ALICE, "{\"values\":{\"email_verified\":\"maybe\"}}");
        HttpResponse<String> duplicate = http.call("PATCH", ALICE, "{\"values\":{\"email\":\"bob@example.com\"}}");
        HttpResponse<String> missingRequired = http.call("POST", "/api/tables/user/rows",
            "{\"values\":{\"id\":\"usr_nameless\"}}");

        // THEN PostgreSQL's own words come back, without SQL text or a stack trace
        assertThat(badType.statusCode()).isEqualTo(422);
        assertThat(StudioHttp.json(badType).at("/error/message").asString())
            .isEqualTo("invalid input syntax for type boolean: \"maybe\"");
        assertThat(StudioHttp.json(duplicate).at("/error/message").asString())
            .contains("duplicate key value violates unique constraint \"user_email_unique\"");
        assertThat(StudioHttp.json(missingRequired).at("/error/message").asString())
            .contains("null value in column \"name\"");
        assertThat(badType.body() + duplicate.body() + missingRequired.body())
            .doesNotContain("UPDATE").doesNotContain("INSERT").doesNotContain("at org.");
        assertThat(database.scalar("SELECT email FROM \"user\" WHERE id = ?", "usr_alice00000000000"))
            .isEqualTo("alice@example.com");
    }

    @Test
    void changes_shouldBeRefused_whenTheStudioIsReadOnly() throws Exception {
        StudioHttp prod = new StudioHttp(readOnly);

        // WHEN
        HttpResponse<String> edit = prod.call("PATCH", ALICE, "{\"values\":{\"name\":\"Changed\"}}");
        HttpResponse<String> insert = prod.call("POST", "/api/tables/user/rows", "{\"values\":{\"id\":\"usr_x\"}}");
        HttpResponse<String> delete = prod.call("DELETE", "/api/tables/verification/row?key.id=x", null);
        HttpResponse<String> read = prod.call("GET", ALICE, null);

        // THEN
        assertThat(List.of(edit.statusCode(), insert.statusCode(), delete.statusCode())).containsOnly(403);
        assertThat(edit.body()).contains("read-only on prod").contains("--write");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(StudioHttp.json(read).at("/row/name").asString()).isEqualTo("Alice Johnson");
        assertThat(StudioHttp.json(prod.call("GET", "/api/tables", null)).get("writable").asBoolean()).isFalse();
    }

    @Test
    void names_shouldBeRefused_whenTheCatalogDoesNotKnowThem() throws Exception {
        // WHEN names try to break out of their quotes
        HttpResponse<String> table = http.call("GET", "/api/tables/user%22%3B%20DROP%20TABLE%20%22session/rows",
            null);
        HttpResponse<String> sort = http.call("GET", "/api/tables/user/rows?sort=name%3B%20DROP%20TABLE%20member",
            null);
        HttpResponse<String> filter = http.call("GET", "/api/tables/user/rows?f.name%22%20OR%201%3D1%20--=x", null);
        HttpResponse<String> column = http.call("PATCH", ALICE,
            "{\"values\":{\"name\\\" = 'x', \\\"email\":\"y\"}}");
        HttpResponse<String> key = http.call("GET", "/api/tables/user/row?key.id=x%27%20OR%20%271%27%3D%271", null);

        // THEN nothing ran and nothing changed
        assertThat(table.statusCode()).isEqualTo(404);
        assertThat(List.of(sort.statusCode(), filter.statusCode(), column.statusCode())).containsOnly(400);
        assertThat(sort.body()).contains("has no column named");
        assertThat(key.statusCode()).isEqualTo(404);
        assertThat(database.scalar("SELECT count(*)::text FROM pg_tables WHERE tablename = ?", "session"))
            .isEqualTo("1");
        assertThat(database.scalar("SELECT name FROM \"user\" WHERE id = ?", "usr_alice00000000000"))
            .isEqualTo("Alice Johnson");
    }

    private static JsonNode table(JsonNode body, String name) {
        for (JsonNode table : body.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + body);
    }

    private static List<String> names(JsonNode page) {
        return page.get("rows").valueStream().map(row -> row.get("name").asString()).toList();
    }
}
