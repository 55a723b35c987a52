package dev.starterkit.db.env;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A deployment stage: which database, which env files, which seeds. */
public enum Stage {
    DEV("dev"),
    TEST("test"),
    STAGING("staging"),
    PROD("prod");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    /** The stage's name as written in flags, files and stack names. */
    public String id() {
        return id;
    }

    /** Whether changes to this stage's database must be confirmed. */
    public boolean isProtected() {
        return this == PROD;
    }

    /**
     * Parses a stage name.
     *
     * @param value the name
     * @param origin what the value came from, for the error message (for example {@code "--env"})
     */
    public static Stage parse(String value, String origin) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Stage stage : values()) {
            if (stage.id.equals(normalized)) {
                return stage;
            }
        }
        String allowed = Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "));
        throw new EnvironmentConfigException(
            origin + " must be one of " + allowed + "; got '" + value + "'");
    }

    /** Maps a {@code NODE_ENV} value the way the original tooling did; other values mean no opinion. */
    static Stage fromNodeEnv(String nodeEnv) {
        return switch (nodeEnv.trim().toLowerCase(Locale.ROOT)) {
            case "production" -> PROD;
            case "staging" -> STAGING;
            case "test" -> TEST;
            case "development" -> DEV;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
