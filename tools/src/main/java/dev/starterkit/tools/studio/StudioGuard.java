package dev.starterkit.tools.studio;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the studio: requests to the loopback host and port it listens on, from no page or its own
 * ({@code Origin}), carrying the run's random token (query parameter, then cookie, or {@value #HEADER} header).
 */
final class StudioGuard {

    /** The header API clients may send the token in. */
    static final String HEADER = "X-Studio-Token";
    private static final int TOKEN_BYTES = 32;

    private final String token;
    private final Set<String> hosts;
    private final Set<String> origins;
    private final String cookieName;

    StudioGuard(String token, int port) {
        this.token = token;
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
        // cookies are shared by every port of a host: one name per port keeps two studios apart
        this.cookieName = "studio_token_" + port;
    }

    /** A new token of 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String token() {
        return token;
    }

    /** The {@code Set-Cookie} value that lets the browser present the token from now on. */
    String cookie() {
        return cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** Refuses a request from another host or origin, or without the token. */
    void check(Headers headers, Optional<String> queryToken) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw StudioRequestException.forbidden("The studio answers only on its loopback address");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !origins.contains(origin)) {
            throw StudioRequestException.forbidden("Requests from other origins are refused");
        }
        String presented = queryToken.or(() -> Optional.ofNullable(headers.getFirst(HEADER)))
            .or(() -> cookieToken(headers.get("Cookie"))).orElse("");
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected)) {
            throw new StudioRequestException(401, "unauthorized",
                "Open the studio with the URL bin/db studio printed (it carries this run's token)");
        }
    }

    private Optional<String> cookieToken(List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return Optional.empty();
        }
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(cookieName + "=")) {
                    return Optional.of(trimmed.substring(cookieName.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
