package dev.starterkit.tools.template;

import java.util.HashMap;
import java.util.Map;

/**
 * An HTTP API route: a method ({@code ANY} for all) and a path with {@code {name}} and greedy {@code {name+}}
 * parameters, or the {@code $default} route. Matching follows API Gateway: an exact path beats parameters, which
 * beat greedy parameters; a method beats {@code ANY}.
 *
 * @param method the HTTP method or ANY
 * @param path the route path, or {@code $default}
 */
public record RouteSpec(String method, String path) {

    /** The catch-all route. */
    public static RouteSpec defaultRoute() {
        return new RouteSpec("ANY", "$default");
    }

    /** The route key as API Gateway writes it, e.g. {@code "GET /users/{id}"}. */
    public String routeKey() {
        return path.equals("$default") ? "$default" : method + " " + path;
    }

    /** The path parameters when {@code requestPath} matches, else null; {@code $default} matches anything. */
    public Map<String, String> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equals(requestMethod)) {
            return null;
        }
        if (path.equals("$default")) {
            return Map.of();
        }
        String[] pattern = segments(path);
        String[] actual = segments(requestPath);
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= actual.length) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 2), String.join("/",
                    java.util.Arrays.copyOfRange(actual, i, actual.length)));
                return params;
            }
            if (i >= actual.length) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), actual[i]);
            } else if (!p.equals(actual[i])) {
                return null;
            }
        }
        return pattern.length == actual.length ? params : null;
    }

    /** Higher is more specific: literal segments count most, then parameters; ANY loses to a method. */
    public int specificity() {
        if (path.equals("$default")) {
            return -1;
        }
        int score = 0;
        for (String s : segments(path)) {
            score += s.endsWith("+}") ? 1 : s.startsWith("{") ? 10 : 100;
        }
        return score * 2 + (method.equals("ANY") ? 0 : 1);
    }

    private static String[] segments(String p) {
        String trimmed = p.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
