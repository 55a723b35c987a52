package dev.starterkit.db.env;

/**
 * A configuration value and where it came from.
 *
 * @param name the variable name
 * @param value its value
 * @param source {@code "process environment"} or the env file it was read from
 */
public record Variable(String name, String value, String source) {

    @Override
    public String toString() {
        return name + " (from " + source + ")";
    }
}
