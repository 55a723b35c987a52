package dev.starterkit.tools.fault;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * One request of the bad-input corpus: exactly one thing is wrong with it, so the API must refuse it.
 *
 * @param index its place in the corpus (with the seed, enough to make it again)
 * @param route the API route it aims at, or null for a path no route serves
 * @param defect what is wrong with it
 * @param variant which form of the defect, for failure messages
 * @param method the HTTP method
 * @param target the raw path and query
 * @param headers header names and values, in order; a name may repeat
 * @param body the body bytes, or null
 * @param raw whether it must go over a raw socket (header values no HTTP client sends)
 */
record BadRequest(int index, ApiRoute route, Defect defect, String variant, String method, String target,
                  List<String[]> headers, byte[] body, boolean raw) {

    /** What is wrong with a request, and the error codes that may answer it. */
    enum Defect {
        OVERSIZED_BODY("payload_too_large"),
        GATEWAY_OVERSIZED_BODY(),
        INVALID_UTF8("bad_request"),
        WRONG_CONTENT_TYPE("unsupported_media_type"),
        WRONG_METHOD("method_not_allowed"),
        UNKNOWN_PATH("not_found"),
        BROKEN_JSON("bad_request"),
        NOT_AN_OBJECT("bad_request"),
        DEEP_NESTING("bad_request"),
        WRONG_TYPE("validation_failed"),
        EXTRA_FIELD("validation_failed"),
        MISSING_FIELD("validation_failed"),
        INVALID_VALUE("validation_failed", "unauthorized", "forbidden"),
        CONFLICT("conflict"),
        FORGED_AUTH("unauthorized"),
        BAD_PATH_PARAM("bad_request", "not_found"),
        BAD_QUERY("bad_request"),
        FOREIGN_RESOURCE("forbidden", "not_found");

        private final Set<String> codes;

        Defect(String... codes) {
            this.codes = Set.of(codes);
        }

        /** The API error codes that may answer it (none: bin/dev itself answers). */
        Set<String> codes() {
            return codes;
        }
    }

    /** The path without the query. */
    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** For failure messages: what was sent, shortened. */
    String describe() {
        String shownBody = body == null ? "" : new String(body, 0, Math.min(body.length, 120),
            StandardCharsets.ISO_8859_1);
        String shownTarget = target.length() > 120 ? target.substring(0, 120) + "..." : target;
        return "#" + index + " " + defect + " (" + variant + ") on " + route + ": " + method + " " + shownTarget
            + (raw ? " [raw]" : "") + (body == null ? "" : " body[" + body.length + "]=" + shownBody)
            .replaceAll("[\\r\\n]", "\\\\n");
    }
}
