package dev.starterkit.api.auth;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Hashes passwords as bcrypt modular-crypt strings ({@code $2a$<cost>$<salt+hash>}) and checks them. The cost is
 * configurable ({@code AUTH_BCRYPT_COST}, 4..31); a stored hash keeps the cost it was made with.
 */
public final class PasswordHasher {

    /** bcrypt ignores bytes past 72; longer passwords are refused rather than silently truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    /** Made on first need: hashing at start-up would slow every cold start by a full bcrypt round. */
    private String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, got " + cost);
        }
        this.cost = cost;
    }

    /** A new hash of {@code password} with a random salt. */
    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    /** Whether {@code password} matches {@code hash}; a null or malformed hash never matches. */
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$2")) {
            burn(password);
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time a real check takes, so that an unknown email answers as slowly as a wrong password. */
    public void burn(String password) {
        if (dummyHash == null) {
            dummyHash = BCrypt.hashpw("not-a-password", BCrypt.gensalt(cost));
        }
        BCrypt.checkpw(password, dummyHash);
    }
}
