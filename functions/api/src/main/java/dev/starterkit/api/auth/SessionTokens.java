package dev.starterkit.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session tokens: 256 random bits, base64url without padding, handed to the client once. The database stores
 * only their SHA-256 (hex), so a leaked table cannot be replayed.
 */
public final class SessionTokens {

    private static final int TOKEN_BYTES = 32;
    private static volatile SecureRandom random = new SecureRandom();

    private SessionTokens() {
    }

    /** A new token. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a token, as stored in {@code session.token}. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a string has the shape of a token, before any lookup. */
    public static boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
    }

    /** Replaces the random source after a SnapStart restore. */
    public static void reseed() {
        random = new SecureRandom();
    }
}
