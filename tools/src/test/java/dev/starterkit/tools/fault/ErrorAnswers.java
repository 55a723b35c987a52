package dev.starterkit.tools.fault;

import dev.starterkit.tools.fault.BadRequest.Defect;
import dev.starterkit.tools.fault.RawHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a refusal must look like: a 4xx; from the API, ARCHITECTURE.md's {@code {"error": {"code", "message"}}} with a
 * known code that fits the status and the defect; from bin/dev itself (a body over its 10 MB limit), exactly API
 * Gateway's {@code 413 {"message":"Request Entity Too Large"}}. No answer echoes an injected header or leaks internals.
 */
final class ErrorAnswers {

    /** bin/dev's own answer to a body over 10 MB, as API Gateway words it. */
    static final String GATEWAY_TOO_LARGE = "{\"message\":\"Request Entity Too Large\"}";

    /** The API's error codes and the statuses each may come with. */
    static final Map<String, Set<Integer>> CODES = Map.of("bad_request", Set.of(400), "validation_failed",
        Set.of(400, 422), "unauthorized", Set.of(401), "forbidden", Set.of(403), "not_found", Set.of(404),
        "method_not_allowed", Set.of(405), "conflict", Set.of(409), "payload_too_large", Set.of(413),
        "unsupported_media_type", Set.of(415));

    private static final List<String> LEAKS = List.of("exception", "sqlstate", "postgres", "select ", "java.",
        "dev.starterkit", "stack", "password123");

    private ErrorAnswers() {
    }

    /** What is wrong with {@code answer} to {@code request}; empty when it is a proper refusal. */
    static List<String> problems(BadRequest request, Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.status() < 400 || answer.status() > 499) {
            problems.add("status " + answer.status() + " is not 4xx");
        }
        if (answer.headers().containsKey("x-injected") || answer.headers().containsKey("set-cookie")) {
            problems.add("an injected header came back");
        }
        if (request.defect() == Defect.GATEWAY_OVERSIZED_BODY) {
            if (answer.status() != 413 || !GATEWAY_TOO_LARGE.equals(answer.body())) {
                problems.add("not API Gateway's 413");
            }
            return problems;
        }
        if (request.method().equals("HEAD")) {
            if (answer.status() != 405 || !answer.body().isEmpty()) {
                problems.add("HEAD must be a 405 without a body");
            }
            return problems;
        }
        problems.addAll(errorJson(request, answer));
        return problems;
    }

    private static List<String> errorJson(BadRequest request, Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.header("content-type") == null || !answer.header("content-type").startsWith("application/json")) {
            problems.add("content-type " + answer.header("content-type"));
        }
        if (answer.header("x-request-id") == null) {
            problems.add("no x-request-id");
        }
        JsonNode root;
        try {
            root = Http.json(answer.body());
        } catch (RuntimeException e) {
            problems.add("body is not JSON");
            return problems;
        }
        JsonNode error = root.get("error");
        if (!root.isObject() || root.size() != 1 || error == null || !error.isObject() || error.size() != 2
            || !error.path("code").isString() || !error.path("message").isString()
            || error.get("message").asString().isBlank()) {
            problems.add("not {\"error\":{\"code\",\"message\"}}");
            return problems;
        }
        String code = error.get("code").asString();
        if (!CODES.containsKey(code) || !CODES.get(code).contains(answer.status())) {
            problems.add("code " + code + " with status " + answer.status());
        }
        Set<String> expected = request.defect() == Defect.INVALID_VALUE ? request.route().body().invalidCodes()
            : request.defect().codes();
        if (!expected.contains(code)) {
            problems.add("code " + code + ", expected one of " + expected);
        }
        String message = error.get("message").asString().toLowerCase(Locale.ROOT);
        LEAKS.stream().filter(message::contains).forEach(leak -> problems.add("message mentions " + leak));
        return problems;
    }
}
