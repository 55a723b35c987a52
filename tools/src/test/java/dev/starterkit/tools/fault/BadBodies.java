package dev.starterkit.tools.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies with one thing wrong, made from a route's valid body. */
final class BadBodies {

    /** A body and which form of the defect it has. */
    record Payload(String variant, byte[] bytes) {
        static Payload of(String variant, String text) {
            return new Payload(variant, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Escapes everything outside ASCII, so that lone surrogates reach the server as JSON escapes. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final List<String> WRONG_TYPES = List.of("5", "-1", "1.5", "1e308", "true", "false", "[]",
        "[\"x\"]", "{}", "{\"$ne\":null}", "{\"value\":\"x\"}", "[null]", "0");
    private static final List<String> EXTRA_KEYS = List.of("role", "isAdmin", "__proto__", "constructor", "id",
        "emailVerified", "userId", "", "a".repeat(1000), "name\u0000", "$where", "organizationId", "password_hash",
        "Name", "EMAIL");
    private static final List<String> BROKEN = List.of("{'email': 'x'}", "{email: \"x\"}", "{\"name\":NaN}",
        "{\"name\":undefined}", "/* c */ {}", "{\"a\":1}{\"b\":2}", "{\"name\":\"x\"", "\"unterminated",
        "{\"name\":\"\\uZZZZ\"}", "{\"name\":\"\\x41\"}", "{\"name\":\"tab\there\"}", "\ufeff{,}", "[", "}", ",",
        "{\"name\":" + "1".repeat(101) + "}", "{\"a\" \"b\"}", "{\"a\":}", "{,}", "nul", "tru", "{\"\\ud800\":1,");

    private BadBodies() {
    }

    /** The route's valid body as JSON. */
    static String valid(Map<String, String> fields) {
        ObjectNode node = JSON.createObjectNode();
        fields.forEach(node::put);
        return JSON.writeValueAsString(node);
    }

    /** Not JSON: a strict prefix of the valid body, trailing tokens, or a known syntax error. */
    static Payload broken(ApiRoute.Body body, Random random) {
        String valid = valid(body.valid());
        return switch (random.nextInt(5)) {
            case 0 -> Payload.of("prefix", valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
            case 1 -> Payload.of("trailing", valid + List.of("x", "}", valid, "]", "\"").get(random.nextInt(5)));
            case 2 -> Payload.of("trailing comma", valid.substring(0, valid.length() - 1) + ",}");
            case 3 -> Payload.of("single quotes", valid.replace('"', '\''));
            default -> Payload.of("syntax", pick(BROKEN, random));
        };
    }

    /** JSON, but not an object. */
    static Payload notAnObject(ApiRoute.Body body, Random random) {
        List<String> values = List.of("[]", "[1,2]", "\"text\"", "42", "null", "true", "[" + valid(body.valid())
            + "]", "\"" + valid(body.valid()).replace("\"", "\\\"") + "\"");
        return Payload.of("not an object", pick(values, random));
    }

    /** Nested deeper than the API reads (32 levels), yet under its size limit. */
    static Payload deepNesting(ApiRoute.Body body, Random random) {
        int depth = 33 + random.nextInt(20_000);
        return switch (random.nextInt(4)) {
            case 0 -> Payload.of("arrays " + depth, "[".repeat(depth) + "]".repeat(depth));
            case 1 -> {
                int objects = 33 + random.nextInt(10_000);
                yield Payload.of("objects " + objects, "{\"a\":".repeat(objects) + "1" + "}".repeat(objects));
            }
            case 2 -> Payload.of("unclosed " + depth, "[".repeat(depth));
            default -> {
                String field = pick(new ArrayList<>(body.valid().keySet()), random);
                Map<String, String> raw = new LinkedHashMap<>(body.valid());
                raw.put(field, "[".repeat(40) + "\"x\"" + "]".repeat(40));
                yield Payload.of("field " + field, rawJson(raw));
            }
        };
    }

    /** A field of the wrong JSON type (never null: an optional null means "clear"). */
    static Payload wrongType(ApiRoute.Body body, Random random) {
        String field = pick(new ArrayList<>(body.valid().keySet()), random);
        Map<String, String> raw = quoted(body.valid());
        String value = pick(WRONG_TYPES, random);
        raw.put(field, value);
        return Payload.of(field + "=" + value, rawJson(raw));
    }

    /** A field the route does not know. */
    static Payload extraField(ApiRoute.Body body, Random random) {
        List<String> keys = EXTRA_KEYS.stream().filter(k -> !body.valid().containsKey(k)).toList();
        String key = pick(keys, random);
        ObjectNode node = JSON.createObjectNode();
        body.valid().forEach(node::put);
        node.put(key, random.nextBoolean() ? "admin" : "true");
        return Payload.of("extra " + shorten(key), JSON.writeValueAsString(node));
    }

    /** A required field left out, or all of them. */
    static Payload missingField(ApiRoute.Body body, Random random) {
        Map<String, String> fields = new LinkedHashMap<>(body.valid());
        if (random.nextInt(4) == 0) {
            return Payload.of("empty object", "{}");
        }
        String field = pick(new ArrayList<>(body.required()), random);
        fields.remove(field);
        if (random.nextBoolean()) {
            return Payload.of("without " + field, valid(fields));
        }
        Map<String, String> raw = quoted(fields);
        raw.put(field, "null");
        return Payload.of(field + "=null", rawJson(raw));
    }

    /** A field with a value the route refuses. */
    static Payload invalidValue(ApiRoute.Body body, Random random) {
        String field = pick(new ArrayList<>(body.invalid().keySet()), random);
        Map<String, String> fields = new LinkedHashMap<>(body.valid());
        String value = pick(body.invalid().get(field), random);
        fields.put(field, value);
        return Payload.of(field + "=" + shorten(value), valid(fields));
    }

    /** Over the API's 64 KiB limit, in one of several shapes. */
    static Payload oversized(Random random) {
        int size = 65 * 1024 + random.nextInt(256 * 1024);
        return switch (random.nextInt(5)) {
            case 0 -> Payload.of("long string", "{\"name\":\"" + "x".repeat(size) + "\"}");
            case 1 -> Payload.of("100k brackets", "[".repeat(100_000));
            case 2 -> Payload.of("multibyte", "{\"name\":\"" + "\u00e9".repeat(33_600) + "\"}");
            case 3 -> Payload.of("padding", " ".repeat(size) + "{}");
            default -> Payload.of("many fields", "{" + "\"k\":1,".repeat(size / 6) + "\"k\":1}");
        };
    }

    /** Bytes that are not UTF-8, placed inside an otherwise fine body. */
    static Payload invalidUtf8(String body, Random random) {
        List<byte[]> sequences = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xE2, (byte) 0x82});
        int which = random.nextInt(sequences.size());
        byte[] bad = sequences.get(which);
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(text.length + 1);
        byte[] out = new byte[text.length + bad.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(text, at, out, at + bad.length, text.length - at);
        return new Payload("sequence " + which + " at " + at, out);
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, String> quoted(Map<String, String> fields) {
        Map<String, String> raw = new LinkedHashMap<>();
        fields.forEach((k, v) -> raw.put(k, JSON.writeValueAsString(v)));
        return raw;
    }

    /** An object whose values are JSON text already. */
    private static String rawJson(Map<String, String> raw) {
        StringBuilder out = new StringBuilder("{");
        raw.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(JSON.writeValueAsString(k)).append(':')
            .append(v));
        return out.append('}').toString();
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
