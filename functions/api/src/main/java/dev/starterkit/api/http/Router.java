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

    /** A route: its method, its literal segments, and for each segment the parameter name or null. */
    private record Entry(String method, String[] segments, String[] params, Route route) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a route; patterns are literal segments and {@code {name}} parameters. */
    public Router add(String method, String pattern, Route route) {
        String[] segments = split(pattern);
        String[] params = new String[segments.length];
        for (int i = 0; i < segments.length; i++) {
            String p = segments[i];
            params[i] = p.startsWith("{") && p.endsWith("}") ? p.substring(1, p.length() - 1) : null;
        }
        entries.add(new Entry(method, segments, params, route));
        return this;
    }

    /** Runs the matching route. */
    public ApiResponse dispatch(ApiRequest request) {
        String[] path = split(request.path());
        Set<String> allowed = null;
        for (Entry entry : entries) {
            if (!matches(entry, path)) {
                continue;
            }
            if (entry.method().equals(request.method())) {
                return entry.route().handle(request, params(entry, path));
            }
            if (allowed == null) {
                allowed = new LinkedHashSet<>();
            }
            allowed.add(entry.method());
        }
        if (allowed == null) {
            throw ApiException.notFound("No route for " + request.method() + " " + sanitize(request.path()));
        }
        throw new MethodNotAllowedException(request.method(), allowed);
    }

    private static boolean matches(Entry entry, String[] path) {
        String[] segments = entry.segments();
        if (segments.length != path.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (entry.params()[i] == null && !segments[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> params(Entry entry, String[] path) {
        Map<String, String> params = new HashMap<>(4);
        for (int i = 0; i < path.length; i++) {
            if (entry.params()[i] != null) {
                params.put(entry.params()[i], decode(path[i]));
            }
        }
        return params;
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The path has a malformed %-escape");
        }
    }

    /** The non-empty segments between slashes: leading, trailing and repeated slashes count as one. */
    private static String[] split(String path) {
        List<String> segments = new ArrayList<>(6);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments.toArray(new String[0]);
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
