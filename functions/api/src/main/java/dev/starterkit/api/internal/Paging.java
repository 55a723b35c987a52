package dev.starterkit.api.internal;

import dev.starterkit.api.http.ApiException;
import dev.starterkit.api.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursor paging: {@code limit} (1..100, default 20) and an opaque {@code cursor} that encodes the last id seen.
 *
 * @param limit page size
 * @param afterId the id to continue after ({@code ""} for the first page)
 */
public record Paging(int limit, String afterId) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Reads {@code limit} and {@code cursor} from the query string. */
    public static Paging from(ApiRequest request) {
        String limitText = request.query().get("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            if (!limitText.matches("\\d{1,3}") || Integer.parseInt(limitText) < 1
                || Integer.parseInt(limitText) > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
            limit = Integer.parseInt(limitText);
        }
        String cursor = request.query().get("cursor");
        return new Paging(limit, cursor == null || cursor.isEmpty() ? "" : decode(cursor));
    }

    /** The cursor that continues after {@code lastId}. */
    public static String cursorAfter(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (id.matches("[a-z]{3}_[0-9a-z]{16}")) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not valid");
        }
        throw ApiException.badRequest("cursor is not valid");
    }
}
