package dev.starterkit.db.schema;

import io.micronaut.data.model.naming.NamingStrategies;
import io.micronaut.data.model.naming.NamingStrategy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micronaut Data's default naming ({@code emailVerified} -> {@code email_verified}), remembered per name: the
 * result mapper asks for the column of every property of every row it reads, and the default works it out anew
 * each time. The names are the default's, so the SQL generated at compile time (with the default) matches.
 */
public final class SnakeCaseNames implements NamingStrategy {

    private static final NamingStrategy DEFAULT = new NamingStrategies.UnderScoreSeparatedLowerCase();

    /** Property and entity names of this application's entities: a small, fixed set. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Override
    public String mappedName(String name) {
        String mapped = names.get(name);
        if (mapped == null) {
            mapped = DEFAULT.mappedName(name);
            names.putIfAbsent(name, mapped);
        }
        return mapped;
    }
}
