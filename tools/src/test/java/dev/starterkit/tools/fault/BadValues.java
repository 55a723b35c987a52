package dev.starterkit.tools.fault;

import java.util.List;

/**
 * Values the API must refuse, by where they go. Each is wrong on its own: none normalizes (trimming, lower-casing,
 * %-decoding) into a value that would succeed, so a request carrying one can never change data.
 */
final class BadValues {

    /** SQL injection attempts; each has a space or no {@code @}, so none is a valid email, slug, URL or id. */
    static final List<String> SQL = List.of("' OR '1'='1", "' OR 1=1 --", "admin'--", "x'; DROP TABLE \"user\"; --",
        "1; SELECT pg_sleep(10)", "\" OR \"\"=\"", "') UNION SELECT token FROM session --", "%' AND 1=0 --",
        "1 OR 1=1", "'; TRUNCATE organization CASCADE; --");

    /** Not an email ({@code Inputs.email}): sign-up and invitations answer 422. */
    static final List<String> EMAILS = concat(SQL, List.of("not-an-email", "a@b", "@example.com", "bob@",
        "bob@@example.com", "bob example@example.com", "a@b.c", "a".repeat(65) + "@example.com",
        "a@" + "b".repeat(250) + ".com", "", "   ", "bob@example.com\u0000", "bob\n@example.com",
        "x\ud800@example.com"));

    /** Sign-in refuses these emails (422 for length or control characters, else 401: no such user). */
    static final List<String> SIGN_IN_EMAILS = concat(SQL, List.of("", "   ", "x".repeat(255), "nobody@example.com",
        "bob@example.co", "bob@example.com' --", "bob@example.com\u0000", "%", "*", "\ud800@example.com"));

    /** Bob's password is {@code password123}: none of these is it, even after trimming. */
    static final List<String> SIGN_IN_PASSWORDS = List.of("", "wrong-password", "' OR '1'='1", "password12",
        "password1234", "Password123", "x".repeat(201), "password123\u0000", "password\u0000123",
        "password123\udfff");

    /** Sign-up refuses these passwords (length, bytes, control characters): 422. */
    static final List<String> PASSWORDS = List.of("", "short", "1234567", "\u00e9".repeat(37), "a".repeat(73),
        "x".repeat(201), "password\u0000123", "       ", "password\ud800123");

    /** Not a name (blank, too long, control characters, half a surrogate pair): 422. */
    static final List<String> NAMES = List.of("", "    ", "a".repeat(101), "\u0000", "bad\u0007bell", "line\nbreak",
        "\u001b[2J", "tab\ttab\u0000", "\ud800", "x\udc00y", "\udbff\udbff");

    /** Not a slug: 422 in a body. */
    static final List<String> SLUGS = concat(SQL, List.of("Acme", "ab", "a", "-abc", "abc-", "a_b_c", "abc def",
        "../etc", "a".repeat(49), "\u00fcmlaut", "", "acme\u0000", "acme/../globex"));

    /** Not an http(s) URL: 422. */
    static final List<String> URLS = concat(SQL, List.of("javascript:alert(1)", "ftp://example.com/x.png",
        "http://", "not a url", "https://exa mple.com/x.png", "data:image/png;base64,AAAA", "",
        "http://" + "a".repeat(2041), "https://example.com/\u0000", "https://example.com/\ud800.png"));

    /** Not a role, or one an admin may not give (403). */
    static final List<String> ROLES = List.of("superuser", "OWNER", "Admin", "", " ", "member; DROP TABLE member",
        "owner", "root", "a".repeat(21), "member\u0000");

    /**
     * Path segments, raw (already %-encoded where needed) that are no valid id and no existing slug: 400 for ids,
     * 404 for slugs. None contains a raw {@code /} or is empty, so the path keeps its shape.
     */
    static final List<String> PATH_SEGMENTS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e",
        "..%5C..%5Cwindows", "%252e%252e%252f", "%27%20OR%20%271%27%3D%271", "x%27%3B%20DROP%20TABLE%20member%3B--",
        "usr_%00", "%00", "USR_ALICE00000000000", "usr_short", "org_acme000000000000", "inv_zzzzzzzzzzzzzzzz",
        "usr_zzzzzzzzzzzzzzzz", "%E2%80%AE", "%F0%9F%92%A9", "%FF%FE", "%C0%AF", "%0d%0aSet-Cookie:%20x=1",
        "%0aX-Injected:%201", "*", "%25", "null", "undefined", "-1", "99999999999999999999999999999999",
        "a".repeat(3000), "ACME", "acme%20", "acme%09", "nonexistent-org", "acme+", "%7B%7Bslug%7D%7D",
        "%3Cscript%3E", "~root", "%2e");

    /** Values of {@code limit} outside 1..100 or not a number: 400. */
    static final List<String> LIMITS = List.of("-1", "0", "101", "1000", "1000000000000000000000000000000",
        "1e3", "abc", "", "%201", "1%20", "0x10", "%EF%BC%91", "1.5", "NaN", "-0", "1;DROP%20TABLE%20%22user%22",
        "%27%20OR%201%3D1", "2147483648", "5&limit=6", "%00");

    /** Values of {@code cursor} that encode no valid id (base64 of "usr_", "usr_ALICE...", "usr_alice"...): 400. */
    static final List<String> CURSORS = List.of("!!!", "garbage", "%27%20OR%201%3D1--", "AAAA", "____",
        "dXNyXw", "dXNyX0FMSUNFMDAwMDAwMDAwMDA", "dXNyX2FsaWNl", "dXNyXycgT1IgMT0xIC0t", "bm90LWFuLWlk", "%00",
        "x".repeat(5000), "a+b/c==", "%FF%FE%FD", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c3IifQ.", "%0d%0aX-Injected:%201");

    /** {@code Authorization} values that name no live session: 401. */
    static final List<String> FORGED_AUTH = List.of("Basic Ym9iQGV4YW1wbGUuY29tOnBhc3N3b3JkMTIz", "Bearer",
        "Bearer ", "Token abc", "Bearer null", "Bearer ' OR '1'='1", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
        "Bearer " + "A".repeat(10_000), "Bearer =+/=+/=+/=+/=+/=+/=+/=+/=+/=+/=+/=+/=", "Bearer\tBearer",
        "Bearer " + "z".repeat(42), "Bearer " + "z".repeat(44));

    /** Content types other than JSON: 415. */
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/json",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
        "application/json-patch+json", "application/x-json", "APPLICATION/XML", "json", "*/*", "text/html");

    /** Paths no route of the API serves: the API's own 404. */
    static final List<String> UNKNOWN_PATHS = List.of("/", "/admin", "/.env", "/api/users", "/auth",
        "/auth/unknown", "/auth/sign-up/extra", "/me/extra", "/users/usr_alice00000000000/extra", "/health/x",
        "/organizations/acme/secret", "/organizations/acme/members/usr_alice00000000000/x", "/invitations",
        "/invitations/inv_acmejack00000000", "/%2e%2e/%2e%2e/etc/passwd", "/users%2F..%2F..%2Fetc%2Fpasswd",
        "/wp-login.php", "/organizations/%2e%2e/%2e%2e", "/%00", "/index.html", "/" + "x".repeat(4000));

    /** Methods no route accepts on any path ({@code HEAD} answers without a body). */
    static final List<String> ODD_METHODS = List.of("PUT", "OPTIONS", "TRACE", "HEAD", "FOO", "PROPFIND");

    /** Injected lines and odd bytes for header values, sent raw (ISO-8859-1). */
    static final List<String> HEADER_INJECTIONS = List.of("x\r\nX-Injected: 1", "x\nX-Injected: 1",
        "x\rX-Injected: 1", "x\r\n X-Injected: 1", "x\r\nSet-Cookie: session=forged", "%0d%0aX-Injected:%201",
        "\u00c3\u0028", "\u00ff\u00fe", "x\u0000y", "x\r\nAuthorization: Bearer forged");

    private BadValues() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
