package dev.starterkit.tools.fault;

import dev.starterkit.tools.fault.BadRequest.Defect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generated corpus of malformed requests: request {@code i} is made from {@code Random(seed, i)} alone, so any one
 * can be made again from the seed and its index. Each picks a route of {@link ApiRoute#ALL} (or a path no route
 * serves), then one defect that route can have; every 10th goes over a raw socket with a header value carrying
 * CR/LF or odd bytes; three carry bodies over bin/dev's 10 MB limit.
 */
final class BadInputCorpus {

    /** Where the bodies over bin/dev's limit go, and their sizes: just over, and well over, 10 MiB. */
    static final Map<Integer, Integer> GATEWAY_SIZES = Map.of(100, 10 * 1024 * 1024 + 1, 1000, 16 * 1024 * 1024,
        1900, 48 * 1024 * 1024);
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final List<String> INJECTED_HEADERS = List.of("User-Agent", "X-Request-Id", "Cache-Control",
        "Cookie", "X-Forwarded-For", "Referer", "Accept", "Origin");

    private final long seed;
    private final String token;
    private final String expiredToken;

    /**
     * @param token a live session token of Bob's, sent wherever the defect is not the token itself
     * @param expiredToken the token of an expired session
     */
    BadInputCorpus(long seed, String token, String expiredToken) {
        this.seed = seed;
        this.token = token;
        this.expiredToken = expiredToken;
    }

    /** Request {@code index} of the corpus. */
    BadRequest request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        if (GATEWAY_SIZES.containsKey(index)) {
            return gatewayOversized(index, random);
        }
        boolean raw = index % 10 == 7;
        int choice = random.nextInt(ApiRoute.ALL.size() + 1);
        ApiRoute route = choice == ApiRoute.ALL.size() ? null : ApiRoute.ALL.get(choice);
        Defect defect = raw && route != null && route.auth() != ApiRoute.Auth.NONE ? Defect.FORGED_AUTH
            : raw || route == null ? Defect.UNKNOWN_PATH : BadBodies.pick(defects(route), random);
        Draft draft = defect == Defect.UNKNOWN_PATH ? unknownPath(random) : new Draft(route, token, random);
        apply(draft, defect, random);
        if (raw) {
            String name = defect == Defect.FORGED_AUTH && random.nextBoolean() ? "Authorization"
                : BadBodies.pick(INJECTED_HEADERS, random);
            String injection = BadBodies.pick(BadValues.HEADER_INJECTIONS, random);
            String base = name.equals("Authorization") ? "Bearer " + randomToken(random) : "x";
            draft.headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            draft.headers.add(new String[] {name, base + injection});
            draft.variant += " + " + name + " injection";
        }
        return new BadRequest(index, defect == Defect.UNKNOWN_PATH ? null : route, defect, draft.variant,
            draft.method, draft.path + draft.query, List.copyOf(draft.headers), draft.body, raw);
    }

    /** The defects {@code route} can have. */
    static List<Defect> defects(ApiRoute route) {
        List<Defect> defects = new ArrayList<>(List.of(Defect.OVERSIZED_BODY, Defect.INVALID_UTF8,
            Defect.WRONG_CONTENT_TYPE, Defect.WRONG_METHOD));
        if (route.body() != null) {
            // twice as likely as the others: bodies are where write routes read most
            for (int i = 0; i < 2; i++) {
                defects.addAll(List.of(Defect.BROKEN_JSON, Defect.NOT_AN_OBJECT, Defect.DEEP_NESTING,
                    Defect.WRONG_TYPE, Defect.EXTRA_FIELD, Defect.INVALID_VALUE, Defect.INVALID_VALUE));
                if (!route.body().required().isEmpty()) {
                    defects.add(Defect.MISSING_FIELD);
                }
                if (route.body().conflict() != null) {
                    defects.add(Defect.CONFLICT);
                }
            }
        }
        if (route.auth() != ApiRoute.Auth.NONE) {
            defects.add(Defect.FORGED_AUTH);
        }
        if (!route.params().isEmpty()) {
            defects.add(Defect.BAD_PATH_PARAM);
        }
        if (route.paging()) {
            defects.addAll(List.of(Defect.BAD_QUERY, Defect.BAD_QUERY, Defect.BAD_QUERY));
        }
        if (route.params().containsKey("slug") || route.pattern().startsWith("/invitations/")) {
            defects.add(Defect.FOREIGN_RESOURCE);
        }
        return defects;
    }

    private void apply(Draft draft, Defect defect, Random random) {
        ApiRoute.Body body = draft.route == null ? null : draft.route.body();
        switch (defect) {
            case OVERSIZED_BODY -> draft.json(BadBodies.oversized(random));
            case INVALID_UTF8 -> draft.json(BadBodies.invalidUtf8(body == null ? "{\"x\":1}"
                : BadBodies.valid(body.valid()), random));
            case WRONG_CONTENT_TYPE -> wrongContentType(draft, random);
            case WRONG_METHOD -> wrongMethod(draft, random);
            case UNKNOWN_PATH -> draft.variant = "unknown path";
            case BROKEN_JSON -> draft.json(BadBodies.broken(body, random));
            case NOT_AN_OBJECT -> draft.json(BadBodies.notAnObject(body, random));
            case DEEP_NESTING -> draft.json(BadBodies.deepNesting(body, random));
            case WRONG_TYPE -> draft.json(BadBodies.wrongType(body, random));
            case EXTRA_FIELD -> draft.json(BadBodies.extraField(body, random));
            case MISSING_FIELD -> draft.json(BadBodies.missingField(body, random));
            case INVALID_VALUE -> draft.json(BadBodies.invalidValue(body, random));
            case CONFLICT -> draft.json(BadBodies.Payload.of("conflict", BadBodies.valid(body.conflict())));
            case FORGED_AUTH -> forgedAuth(draft, random);
            case BAD_PATH_PARAM -> {
                String param = BadBodies.pick(new ArrayList<>(draft.route.params().keySet()), random);
                String value = BadBodies.pick(BadValues.PATH_SEGMENTS, random);
                draft.path = draft.route.path(Map.of(param, value));
                draft.variant = param + "=" + (value.length() > 30 ? value.substring(0, 30) + "..." : value);
            }
            case BAD_QUERY -> badQuery(draft, random);
            case FOREIGN_RESOURCE -> foreign(draft, random);
            default -> throw new IllegalArgumentException(defect.toString());
        }
    }

    private static void wrongContentType(Draft draft, Random random) {
        if (draft.body == null) {
            draft.json(BadBodies.Payload.of("", "{\"x\":1}"));
        }
        draft.headers.removeIf(h -> h[0].equals("content-type"));
        int choice = random.nextInt(BadValues.CONTENT_TYPES.size() + 2);
        if (choice == BadValues.CONTENT_TYPES.size()) {
            draft.variant = "no content-type";
        } else if (choice == BadValues.CONTENT_TYPES.size() + 1) {
            draft.headers.add(new String[] {"content-type", "text/plain"});
            draft.headers.add(new String[] {"content-type", "application/json"});
            draft.variant = "two content-types";
        } else {
            draft.headers.add(new String[] {"content-type", BadValues.CONTENT_TYPES.get(choice)});
            draft.variant = BadValues.CONTENT_TYPES.get(choice);
        }
    }

    private static void wrongMethod(Draft draft, Random random) {
        List<String> methods = new ArrayList<>(BadValues.ODD_METHODS);
        methods.addAll(List.of("GET", "POST", "PATCH", "DELETE"));
        methods.removeAll(draft.route.allowedMethods());
        draft.method = BadBodies.pick(methods, random);
        draft.body = null;
        draft.headers.removeIf(h -> h[0].equals("content-type"));
        draft.variant = draft.method;
    }

    private void forgedAuth(Draft draft, Random random) {
        draft.headers.removeIf(h -> h[0].equals("authorization"));
        int choice = random.nextInt(BadValues.FORGED_AUTH.size() + 6);
        int list = BadValues.FORGED_AUTH.size();
        String value;
        if (choice < list) {
            value = BadValues.FORGED_AUTH.get(choice);
        } else if (choice == list) {
            value = "Bearer " + randomToken(random);
        } else if (choice == list + 1) {
            char[] chars = token.toCharArray();
            int at = random.nextInt(chars.length);
            chars[at] = chars[at] == 'A' ? 'B' : 'A';
            value = "Bearer " + new String(chars);
        } else if (choice == list + 2) {
            value = "Bearer " + HexFormat.of().formatHex(sha256(token));
        } else if (choice == list + 3) {
            value = "Bearer " + expiredToken;
        } else if (choice == list + 4) {
            draft.headers.add(new String[] {"authorization", "Bearer " + token});
            value = "Bearer " + randomToken(random);
        } else {
            value = null;
        }
        if (value == null && draft.route.auth() == ApiRoute.Auth.OPTIONAL) {
            value = "Bearer";
        }
        if (value != null) {
            draft.headers.add(new String[] {"authorization", value});
        }
        draft.variant = "auth #" + choice;
    }

    private static void badQuery(Draft draft, Random random) {
        String limit = BadBodies.pick(BadValues.LIMITS, random);
        String cursor = BadBodies.pick(BadValues.CURSORS, random);
        draft.query = switch (random.nextInt(3)) {
            case 0 -> "?limit=" + limit;
            case 1 -> "?cursor=" + cursor;
            default -> "?limit=5&cursor=" + cursor;
        };
        draft.variant = draft.query.length() > 40 ? draft.query.substring(0, 40) + "..." : draft.query;
    }

    private static void foreign(Draft draft, Random random) {
        ApiRoute route = draft.route;
        if (route.pattern().startsWith("/invitations/")) {
            draft.variant = "Jack's invitation";
        } else if (route.params().containsKey("userId") && random.nextBoolean()) {
            draft.path = route.path(Map.of("userId", "usr_alice00000000000"));
            draft.variant = "an admin removing the owner";
        } else {
            String slug = random.nextBoolean() ? "globex" : "initech";
            draft.path = route.path(Map.of("slug", slug));
            draft.variant = slug;
        }
    }

    private Draft unknownPath(Random random) {
        Draft draft = new Draft(null, null, random);
        draft.method = BadBodies.pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH"), random);
        draft.path = random.nextInt(3) == 0 ? "/unknown-" + randomToken(random).substring(0, 1 + random.nextInt(20))
            : BadBodies.pick(BadValues.UNKNOWN_PATHS, random);
        if (random.nextBoolean()) {
            draft.headers.add(new String[] {"authorization", "Bearer " + token});
        }
        if (!draft.method.equals("GET") && random.nextBoolean()) {
            draft.json(BadBodies.Payload.of("", "{\"name\":\"x\"}"));
        }
        return draft;
    }

    private BadRequest gatewayOversized(int index, Random random) {
        ApiRoute route = BadBodies.pick(ApiRoute.ALL, random);
        Draft draft = new Draft(route, token, random);
        byte[] body = new byte[GATEWAY_SIZES.get(index)];
        Arrays.fill(body, (byte) ' ');
        draft.json(new BadBodies.Payload(body.length + " bytes", body));
        return new BadRequest(index, route, Defect.GATEWAY_OVERSIZED_BODY, draft.variant, draft.method, draft.path,
            List.copyOf(draft.headers), draft.body, false);
    }

    private static String randomToken(Random random) {
        StringBuilder out = new StringBuilder(43);
        for (int i = 0; i < 43; i++) {
            out.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request being made: the route's harmless request, then one defect applied. */
    private static final class Draft {
        private final ApiRoute route;
        private final List<String[]> headers = new ArrayList<>();
        private String method;
        private String path;
        private String query = "";
        private byte[] body;
        private String variant = "";

        Draft(ApiRoute route, String token, Random random) {
            this.route = route;
            this.method = route == null ? "GET" : route.method();
            this.path = route == null ? "/" : route.path(Map.of());
            if (route != null && route.body() != null) {
                json(BadBodies.Payload.of("", BadBodies.valid(route.body().valid())));
            }
            boolean signedIn = route != null && (route.auth() == ApiRoute.Auth.REQUIRED
                || route.auth() == ApiRoute.Auth.OPTIONAL && random.nextBoolean());
            if (signedIn) {
                headers.add(new String[] {"authorization", "Bearer " + token});
            }
        }

        void json(BadBodies.Payload payload) {
            body = payload.bytes();
            variant = payload.variant();
            headers.removeIf(h -> h[0].equals("content-type"));
            headers.add(new String[] {"content-type", "application/json"});
        }
    }
}
