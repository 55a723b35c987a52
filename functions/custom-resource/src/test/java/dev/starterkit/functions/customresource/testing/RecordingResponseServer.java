package dev.starterkit.functions.customresource.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for CloudFormation's pre-signed S3 {@code ResponseURL}: a JDK HTTP server on an ephemeral port that
 * records every PUT. It can drop the first connections without answering, or answer them with a status, to exercise
 * the retries.
 */
public final class RecordingResponseServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger toAnswerWithStatus = new AtomicInteger();
    private volatile int failureStatus = 503;

    public RecordingResponseServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to put in the event's {@code ResponseURL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cloudformation-response/stack/request?sig=x";
    }

    /** Drops the next {@code count} connections without an answer. */
    public void dropNext(int count) {
        toDrop.set(count);
    }

    /** Answers the next {@code count} requests with {@code status}, without recording them. */
    public void answerNext(int count, int status) {
        failureStatus = status;
        toAnswerWithStatus.set(count);
    }

    /** Requests received, including dropped ones. */
    public int attempts() {
        return attempts.get();
    }

    /** Bodies of the recorded PUTs, in order. */
    public List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    /** The one recorded response, parsed; fails unless exactly one was recorded. */
    public JsonNode onlyResponse() {
        if (bodies.size() != 1) {
            throw new AssertionError("Expected exactly one recorded response, got " + bodies.size());
        }
        try {
            return JSON.readTree(bodies.get(0));
        } catch (IOException e) {
            throw new AssertionError("The recorded response is not JSON: "
                + new String(bodies.get(0), StandardCharsets.UTF_8), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        attempts.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.close();
            return;
        }
        if (toAnswerWithStatus.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(failureStatus, -1);
            exchange.close();
            return;
        }
        if ("PUT".equals(exchange.getRequestMethod())) {
            bodies.add(body);
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
