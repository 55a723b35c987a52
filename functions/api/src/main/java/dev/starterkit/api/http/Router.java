package dev.starterkit.api.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a request's method and path against {@code /organizations/{slug}/members/{userId}}-style patterns:
 * 404 when no pattern matches the path, 405 (with {@code Allow}) when one matches but not for this method.
 */
public final class Router {

    /** A route's code. */
    @FunctionalInterface
    public interface Route {
        ApiResponse handle(ApiRequest request, Map<String, String> pathParams);
    }

    private record Entry(String method, String[] segments, Route route) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a route; patterns are literal segments and {@code {name}} parameters. */
    public Router add(String method, String pattern, Route route) {
        entries.add(new Entry(method, split(pattern), route));
        return this;
    }

    /** Runs the matching route. */
    public ApiResponse dispatch(ApiRequest request) {
        String[] path = split(request.path());
        Set<String> allowed = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Map<String, String> params = match(entry.segments(), path);
            if (params == null) {
                continue;
            }
            if (entry.method().equals(request.method())) {
                return entry.route().handle(request, params);
            }
            allowed.add(entry.method());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("No route for " + request.method() + " " + sanitize(request.path()));
        }
        throw new MethodNotAllowedException(request.method(), allowed);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), decode(path[i]));
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The path has a malformed %-escape");
        }
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    private static String sanitize(String path) {
        String shown = path.length() > 100 ? path.substring(0, 100) + "..." : path;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** 405 with the methods the path does allow. */
    public static final class MethodNotAllowedException extends ApiException {

        private static final long serialVersionUID = 1L;
        private final transient Set<String> allowed;

        MethodNotAllowedException(String method, Set<String> allowed) {
            super(405, "method_not_allowed", method + " is not allowed here; allowed: " + String.join(", ", allowed));
            this.allowed = Set.copyOf(allowed);
        }

        public Set<String> allowed() {
            return allowed;
        }
    }
}
