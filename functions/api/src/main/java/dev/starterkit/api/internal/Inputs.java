package dev.starterkit.api.internal;

import dev.starterkit.api.http.ApiException;
import dev.starterkit.db.id.IdPrefix;
import dev.starterkit.db.id.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of single values: emails, passwords, slugs, image URLs, ids. */
public final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]{2,}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,46})[a-z0-9]");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,2040}");

    private Inputs() {
    }

    /** A normalized (trimmed, lower-case) email address. */
    public static String email(String value) {
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ApiException.validation("\"email\" must be an email address");
        }
        return email;
    }

    /** A password of 8 characters to 72 bytes (bcrypt's limit). */
    public static String password(String value) {
        if (value.length() < 8 || value.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw ApiException.validation("\"password\" must be 8 characters to 72 bytes");
        }
        return value;
    }

    /** An organization slug: 3-48 lower-case letters, digits and inner hyphens. */
    public static String slug(String value) {
        if (!SLUG.matcher(value).matches()) {
            throw ApiException.validation("\"slug\" must be 3-48 lower-case letters, digits or inner hyphens");
        }
        return value;
    }

    /** A slug from a path: malformed means the organization cannot exist. */
    public static String pathSlug(String value) {
        if (!SLUG.matcher(value).matches()) {
            throw ApiException.notFound("No such organization");
        }
        return value;
    }

    /** An http(s) URL for images and logos. */
    public static String url(String field, String value) {
        if (!URL.matcher(value).matches()) {
            throw ApiException.validation("\"" + field + "\" must be an http(s) URL");
        }
        return value;
    }

    /** An id from a path; a malformed one is a bad request. */
    public static String id(IdPrefix prefix, String value) {
        if (!Ids.isValid(prefix, value)) {
            throw ApiException.badRequest("Not a valid " + prefix.code() + "_ id");
        }
        return value;
    }
}
