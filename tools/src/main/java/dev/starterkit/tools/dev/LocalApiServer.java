package dev.starterkit.tools.dev;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.starterkit.tools.internal.LoopbackHttp;
import dev.starterkit.tools.template.FunctionSpec;
import dev.starterkit.tools.template.RouteSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Serves the template's HTTP API routes on loopback: each request is matched like API Gateway does, turned into
 * a payload 2.0 event, and run by the owning function in one of its execution environments.
 */
public final class LocalApiServer implements AutoCloseable {

    /** Largest body accepted; API Gateway's own limit is 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** How much of a body over the limit is read and dropped before the 413, so that the client gets to read it. */
    private static final long MAX_DRAINED_BYTES = 1024L * 1024 * 1024;

    private record Binding(RouteSpec route, String functionName, ExecutionEnvironments environments) {
    }

    private final List<Binding> bindings = new ArrayList<>();
    private final List<ExecutionEnvironments> pools = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param functions the template's functions that have HTTP routes
     * @param environmentsPerFunction execution environments per function
     * @param factory creates a handler instance for a function
     */
    public LocalApiServer(List<FunctionSpec> functions, int environmentsPerFunction,
                          Function<FunctionSpec, Object> factory, int port) throws IOException {
        for (FunctionSpec function : functions) {
            if (function.routes().isEmpty()) {
                continue;
            }
            ExecutionEnvironments pool = new ExecutionEnvironments(function.logicalId(), environmentsPerFunction,
                () -> factory.apply(function), function.handlerMethod());
            pools.add(pool);
            function.routes().forEach(r -> bindings.add(new Binding(r, function.logicalId(), pool)));
        }
        bindings.sort(Comparator.comparingInt((Binding b) -> b.route().specificity()).reversed());
        executor = Executors.newFixedThreadPool(Math.max(4, pools.size() * environmentsPerFunction * 2));
        server = LoopbackHttp.create(port, 128);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Environments created so far, by function. */
    public Map<String, Integer> environmentsCreated() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        bindings.forEach(b -> counts.put(b.functionName(), b.environments().created()));
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] body = readBody(exchange);
            if (body == null) {
                sendPlain(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            for (Binding binding : bindings) {
                Map<String, String> params = binding.route().match(method, path);
                if (params != null) {
                    respond(exchange, binding, params, body, requestId);
                    return;
                }
            }
            sendPlain(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static void respond(HttpExchange exchange, Binding binding, Map<String, String> params, byte[] body,
                                String requestId) {
        APIGatewayV2HTTPResponse response;
        try {
            response = binding.environments().invoke(
                EventTranslator.toEvent(exchange, body, binding.route().routeKey(), params, requestId), requestId);
        } catch (Exception e) {
            System.err.println("Request " + requestId + " failed in the handler: " + e);
            sendPlain(exchange, 502, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        try {
            EventTranslator.writeResponse(exchange, response);
        } catch (IOException e) {
            // the handler ran to the end; the client closed the connection before reading its answer
            System.err.println("Request " + requestId + " answered " + response.getStatusCode()
                + ", but the client had gone: " + e.getMessage());
        }
    }

    /** The body, or null when it is over the limit. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length <= MAX_BODY_BYTES) {
                return bytes;
            }
            // Read the rest before answering: closing a connection with unread bytes resets it, and the client,
            // still sending, would lose the 413.
            byte[] discard = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < MAX_DRAINED_BYTES && (n = in.read(discard)) >= 0) {
                drained += n;
            }
            return null;
        }
    }

    private static void sendPlain(HttpExchange exchange, int status, String json) {
        try {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            if (EventTranslator.isHead(exchange)) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            System.err.println("Writing a response failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pools.forEach(ExecutionEnvironments::close);
    }
}
