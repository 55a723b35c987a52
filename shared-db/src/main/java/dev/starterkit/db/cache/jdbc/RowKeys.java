package dev.starterkit.db.cache.jdbc;

import dev.starterkit.db.cache.catalog.PrimaryKey;
import dev.starterkit.db.cache.sql.RowTarget;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The canonical text of a primary key bound to a parameter: the same row gives the same text whichever setter bound
 * it ({@code setInt(5)}, {@code setLong(5L)} and {@code setString("5")} of an integer key are all {@code 5}). A value
 * whose text PostgreSQL might read as another key ({@code "05"}, {@code " 5"}, an upper-case UUID, a number bound to
 * a text key) has none: the statement then counts as reaching every row.
 */
final class RowKeys {

    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]*");
    private static final Pattern UUID_TEXT =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Setters that send their value as given: text as text, a number as that number. */
    private static final Set<String> VALUE_SETTERS = Set.of("setString", "setNString", "setObject", "setInt",
        "setLong", "setShort", "setByte", "setBigDecimal");

    private RowKeys() {
    }

    /** The canonical key bound for {@code target} among {@code parameters} (by {@code "#" + index}), or null. */
    static String of(RowTarget target, Map<String, ParameterKey.Call> parameters) {
        ParameterKey.Call call = parameters.get("#" + target.parameter());
        if (call == null || !call.isParameter() || !VALUE_SETTERS.contains(call.method().getName())) {
            return null;
        }
        return canonical(call.args()[1], target.type());
    }

    /** The canonical keys of every parameter set of a batch, or null when one has none. */
    static Set<String> of(RowTarget target, Collection<Map<String, ParameterKey.Call>> parameterSets) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, ParameterKey.Call> parameters : parameterSets) {
            String key = of(target, parameters);
            if (key == null) {
                return null;
            }
            keys.add(key);
        }
        return keys;
    }

    static String canonical(Object value, PrimaryKey.Type type) {
        return switch (type) {
            case TEXT -> value instanceof String s ? s : null;
            case INTEGER -> integer(value);
            case UUID -> value instanceof UUID u ? u.toString()
                : value instanceof String s && UUID_TEXT.matcher(s).matches() ? s : null;
        };
    }

    private static String integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
            || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof java.math.BigDecimal d && d.scale() <= 0) {
            return d.toBigInteger().toString();
        }
        return value instanceof String s && INTEGER.matcher(s).matches() ? s : null;
    }
}
