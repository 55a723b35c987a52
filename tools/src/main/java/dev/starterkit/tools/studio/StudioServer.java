package dev.starterkit.tools.studio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.starterkit.tools.internal.LoopbackHttp;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The studio's web server on loopback: the page and its assets from the class path, and the JSON API. Requests
 * are served one at a time, as they share the direct data source's single connection.
 */
public final class StudioServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StudioServer.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Map<String, String> ASSETS = Map.of(
        "index.html", "text/html; charset=utf-8",
        "studio.js", "text/javascript; charset=utf-8",
        "studio.css", "text/css; charset=utf-8");
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
        "Cache-Control", "no-store",
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY",
        "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final StudioGuard guard;
    private final StudioApi api;
    private final JsonMapper json = JsonMapper.builder().build();

    private StudioServer(DataSource dataSource, StudioSettings settings, String token) throws IOException {
        server = LoopbackHttp.create(settings.port(), 0);
        guard = new StudioGuard(token, port());
        api = new StudioApi(new TableStore(dataSource), settings, json);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts a studio over {@code dataSource} with a new random token. */
    public static StudioServer start(DataSource dataSource, StudioSettings settings) throws IOException {
        StudioServer studio = new StudioServer(dataSource, settings, StudioGuard.newToken());
        studio.server.start();
        return studio;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open, with this run's token. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + guard.token();
    }

    /** This run's token. */
    public String token() {
        return guard.token();
    }

    /** Blocks until {@link #close()} runs (Ctrl-C runs it from a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        stopped.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (StudioRequestException e) {
                sendError(exchange, e.status(), e.code(), e.getMessage());
            } catch (JacksonException e) {
                sendError(exchange, 400, "bad_request", "The body is not the JSON expected");
            } catch (SQLException e) {
                refused(exchange, e);
            } catch (RuntimeException e) {
                LOG.error("Studio request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI()
                    .getPath(), e);
                sendError(exchange, 500, "internal", "The studio failed; its terminal shows why");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException, SQLException {
        QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        guard.check(exchange.getRequestHeaders(), query.first("token"));
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/api/")) {
            byte[] body = readBody(exchange, method);
            StudioApi.Reply reply = api.handle(method, path, query, body);
            send(exchange, reply.status(), "application/json", json.writeValueAsBytes(reply.body()));
        } else if (!method.equals("GET")) {
            throw new StudioRequestException(405, "method_not_allowed", method + " is not allowed here");
        } else if (path.equals("/") && query.first("token").isPresent()) {
            // trade the token in the URL for a cookie, so it leaves the address bar and the history
            exchange.getResponseHeaders().add("Set-Cookie", guard.cookie());
            exchange.getResponseHeaders().add("Location", "/");
            send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
        } else {
            asset(exchange, path.equals("/") ? "index.html" : path.substring(path.lastIndexOf('/') + 1), path);
        }
    }

    private void asset(HttpExchange exchange, String name, String path) throws IOException {
        String type = ASSETS.get(name);
        if (type == null || !(path.equals("/") || path.equals("/assets/" + name))) {
            throw StudioRequestException.notFound("No such page");
        }
        try (InputStream in = StudioServer.class.getResourceAsStream("/studio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The studio asset " + name + " is missing from the class path");
            }
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static byte[] readBody(HttpExchange exchange, String method) throws IOException {
        if (method.equals("POST") || method.equals("PATCH")) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new StudioRequestException(415, "unsupported_media_type", "Send the body as application/json");
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new StudioRequestException(413, "payload_too_large", "The body is larger than 1 MB");
        }
        return body;
    }

    /** The database refused: its own message (and detail) goes back, never the SQL or a stack trace. */
    private void refused(HttpExchange exchange, SQLException e) throws IOException {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            LOG.warn("Studio database call failed: {}", e.getMessage());
            sendError(exchange, 503, "unavailable", "The database could not be reached: " + e.getMessage());
            return;
        }
        String detail = server.getDetail() == null ? "" : " (" + server.getDetail() + ")";
        sendError(exchange, 422, "validation_failed", server.getMessage() + detail);
    }

    private void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = Map.of("error", Map.of("code", code, "message", message));
        send(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
