package dev.starterkit.api.http;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * A request body read as a JSON object, with typed accessors that turn every kind of bad input into a 400 or 422
 * naming the field: not JSON, not an object, unknown fields, missing fields, wrong types, out-of-range lengths,
 * control characters, unpaired surrogates.
 */
public final class JsonBody {

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** Parses the request's body, which must be a JSON object with only the {@code allowed} fields. */
    public static JsonBody of(ApiRequest request, Set<String> allowed) {
        String text = request.body();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("A JSON body is required");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw ApiException.badRequest("The body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        Iterator<String> names = root.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.validation("Unknown field \"" + shorten(name) + "\"; allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new JsonBody(root);
    }

    /** A required string of {@code min}..{@code max} characters after trimming. */
    public String requiredString(String field, int min, int max) {
        return optionalString(field, min, max)
            .orElseThrow(() -> ApiException.validation("\"" + field + "\" is required"));
    }

    /** An optional string; present but null counts as absent. */
    public Optional<String> optionalString(String field, int min, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.getNodeType() != JsonNodeType.STRING) {
            throw ApiException.validation("\"" + field + "\" must be a string");
        }
        String value = node.asString().strip();
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw ApiException.validation("\"" + field + "\" must be " + min + " to " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw ApiException.validation("\"" + field + "\" must not contain control characters");
        }
        // JSON can escape half of a surrogate pair (U+D800 alone): such text has no UTF-8 form, so PostgreSQL would
        // store "?" in its place, and different inputs (emails included) would become the same value
        if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw ApiException.validation("\"" + field + "\" must be valid Unicode text");
        }
        return Optional.of(value);
    }

    /** Whether the field is present with an explicit {@code null}. */
    public boolean isExplicitNull(String field) {
        JsonNode node = root.get(field);
        return node != null && node.isNull();
    }

    /** Whether the field is present at all. */
    public boolean has(String field) {
        return root.has(field);
    }

    private static String shorten(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
