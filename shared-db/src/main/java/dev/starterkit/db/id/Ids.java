package dev.starterkit.db.id;

import java.security.SecureRandom;

/**
 * Prefixed text ids ({@code usr_k3v9x0...}): a three-letter table prefix, an underscore and 16 random lowercase
 * alphanumerics (about 82 bits) drawn from a {@link SecureRandom}.
 */
public final class Ids {

    /** Length of the random part of every id. */
    public static final int RANDOM_LENGTH = 16;

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static volatile SecureRandom random = new SecureRandom();

    private Ids() {
    }

    /** A new id for the given table prefix. */
    public static String next(IdPrefix prefix) {
        SecureRandom source = random;
        char[] chars = new char[RANDOM_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[source.nextInt(ALPHABET.length)];
        }
        return prefix.code() + "_" + new String(chars);
    }

    /** Whether {@code id} has the shape of an id of {@code prefix}. */
    public static boolean isValid(IdPrefix prefix, String id) {
        if (id == null || id.length() != prefix.code().length() + 1 + RANDOM_LENGTH
            || !id.startsWith(prefix.code() + "_")) {
            return false;
        }
        for (int i = prefix.code().length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces the random source. Called after a SnapStart restore so that environments restored from the same
     * snapshot do not share random state.
     */
    public static void reseed() {
        random = new SecureRandom();
    }
}
