package dev.starterkit.api;

import dev.starterkit.db.env.EnvironmentConfigException;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.env.Variable;
import java.time.Duration;
import java.util.Optional;

/**
 * The API's own settings, read once and validated; errors name the variable.
 *
 * @param stage the stage
 * @param bcryptCost bcrypt cost of new password hashes ({@code AUTH_BCRYPT_COST}, default 10)
 * @param sessionTtl how long a session lasts ({@code AUTH_SESSION_TTL_HOURS}, default 720 = 30 days)
 */
public record ApiConfig(Stage stage, int bcryptCost, Duration sessionTtl) {

    /** Reads the settings from the environment. */
    public static ApiConfig from(ResolvedEnvironment env) {
        int cost = integer(env, "AUTH_BCRYPT_COST", 10, 4, 31);
        int ttlHours = integer(env, "AUTH_SESSION_TTL_HOURS", 720, 1, 24 * 365);
        return new ApiConfig(env.stage(), cost, Duration.ofHours(ttlHours));
    }

    private static int integer(ResolvedEnvironment env, String name, int fallback, int min, int max) {
        Optional<Variable> variable = env.find(name);
        if (variable.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(variable.get().value().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new EnvironmentConfigException(variable.get() + " must be a whole number " + min + ".." + max, e);
        }
        throw new EnvironmentConfigException(variable.get() + " must be a whole number " + min + ".." + max);
    }
}
