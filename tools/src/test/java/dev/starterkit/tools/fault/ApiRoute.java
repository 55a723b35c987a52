package dev.starterkit.tools.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One route of the API as its functions' routers define it (the template's routes are the prefixes that send requests
 * to those functions), with what the bad-input corpus needs to know to break a request to it one way at a time.
 *
 * @param method the HTTP method
 * @param pattern the path with {@code {name}} parameters
 * @param auth whether it reads {@code Authorization}
 * @param paging whether it reads {@code limit} and {@code cursor}
 * @param params a harmless value per path parameter: one where Bob, the signed-in user, may act, and where the
 *               corpus's one defect is the only thing wrong with the request
 * @param body the JSON body it reads, or null
 */
record ApiRoute(String method, String pattern, Auth auth, boolean paging, Map<String, String> params, Body body) {

    /** How a route reads the caller's token. */
    enum Auth { NONE, OPTIONAL, REQUIRED }

    /**
     * A JSON body a route reads.
     *
     * @param valid a valid body's fields: with every other part of the request right, it would succeed
     * @param required the fields that must be present
     * @param invalid values the route refuses, by field (in a fixed order, so that a seed makes the same corpus)
     * @param invalidCodes the error codes the route may answer an invalid value with
     * @param conflict a valid body that collides with seeded data (409), or null
     */
    record Body(Map<String, String> valid, List<String> required, Map<String, List<String>> invalid,
                Set<String> invalidCodes, Map<String, String> conflict) {
    }

    /** Every route of the three API functions. */
    static final List<ApiRoute> ALL = List.of(
        new ApiRoute("POST", "/auth/sign-up", Auth.NONE, false, Map.of(), new Body(
            ordered("name", "Fault Tester", "email", "fault-new@example.test", "password", "password123"),
            List.of("name", "email", "password"),
            ordered("email", BadValues.EMAILS, "password", BadValues.PASSWORDS, "name", BadValues.NAMES),
            Set.of("validation_failed"),
            ordered("name", "Bob Again", "email", "bob@example.com", "password", "password123"))),
        new ApiRoute("POST", "/auth/sign-in", Auth.NONE, false, Map.of(), new Body(
            ordered("email", "bob@example.com", "password", "password123"), List.of("email", "password"),
            ordered("email", BadValues.SIGN_IN_EMAILS, "password", BadValues.SIGN_IN_PASSWORDS),
            Set.of("validation_failed", "unauthorized"), null)),
        new ApiRoute("POST", "/auth/sign-out", Auth.REQUIRED, false, Map.of(), null),
        new ApiRoute("GET", "/me", Auth.REQUIRED, false, Map.of(), null),
        new ApiRoute("PATCH", "/me", Auth.REQUIRED, false, Map.of(), new Body(
            ordered("name", "Bob Renamed", "image", "https://example.com/bob.png"), List.of(),
            ordered("name", BadValues.NAMES, "image", BadValues.URLS), Set.of("validation_failed"), null)),
        new ApiRoute("GET", "/users", Auth.REQUIRED, true, Map.of(), null),
        new ApiRoute("GET", "/users/{id}", Auth.OPTIONAL, false, Map.of("id", "usr_alice00000000000"), null),
        new ApiRoute("GET", "/health", Auth.NONE, false, Map.of(), null),
        new ApiRoute("GET", "/organizations", Auth.REQUIRED, false, Map.of(), null),
        new ApiRoute("POST", "/organizations", Auth.REQUIRED, false, Map.of(), new Body(
            ordered("name", "Fault Org", "slug", "fault-org"), List.of("name", "slug"),
            ordered("slug", BadValues.SLUGS, "name", BadValues.NAMES), Set.of("validation_failed"),
            ordered("name", "Acme Again", "slug", "acme"))),
        new ApiRoute("GET", "/organizations/{slug}", Auth.REQUIRED, false, Map.of("slug", "acme"), null),
        new ApiRoute("PATCH", "/organizations/{slug}", Auth.REQUIRED, false, Map.of("slug", "acme"), new Body(
            ordered("name", "Acme Renamed", "logo", "https://example.com/acme.png"), List.of(),
            ordered("name", BadValues.NAMES, "logo", BadValues.URLS), Set.of("validation_failed"), null)),
        new ApiRoute("DELETE", "/organizations/{slug}", Auth.REQUIRED, false, Map.of("slug", "acme"), null),
        new ApiRoute("GET", "/organizations/{slug}/members", Auth.REQUIRED, true, Map.of("slug", "acme"), null),
        new ApiRoute("DELETE", "/organizations/{slug}/members/{userId}", Auth.REQUIRED, false,
            ordered("slug", "acme", "userId", "usr_charlie000000000"), null),
        new ApiRoute("POST", "/organizations/{slug}/invitations", Auth.REQUIRED, false, Map.of("slug", "acme"),
            new Body(ordered("email", "fault-invitee@example.test", "role", "member"), List.of("email", "role"),
                ordered("email", BadValues.EMAILS, "role", BadValues.ROLES),
                Set.of("validation_failed", "forbidden"), ordered("email", "jack@example.com", "role", "member"))),
        new ApiRoute("POST", "/invitations/{id}/accept", Auth.REQUIRED, false, Map.of("id", "inv_acmejack00000000"),
            null),
        new ApiRoute("POST", "/invitations/{id}/reject", Auth.REQUIRED, false, Map.of("id", "inv_acmejack00000000"),
            null));

    /** The path with each parameter replaced by its value in {@code values}, else by the harmless one. */
    String path(Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> param : params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", values.getOrDefault(param.getKey(), param.getValue()));
        }
        return path;
    }

    /** The methods the routers accept on this route's path. */
    Set<String> allowedMethods() {
        Set<String> methods = new java.util.TreeSet<>();
        ALL.stream().filter(r -> r.pattern.equals(pattern)).forEach(r -> methods.add(r.method));
        return methods;
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }

    /** A map in the order given: the corpus picks from it by index. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return map;
    }
}
