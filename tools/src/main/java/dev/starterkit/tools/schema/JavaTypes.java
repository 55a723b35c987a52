package dev.starterkit.tools.schema;

import java.util.Locale;
import java.util.Map;

/**
 * The Java type of a column in an introspected entity. An exact type is one Micronaut Data binds as that SQL type
 * by itself; any other needs {@code @MappedProperty(definition = ...)} to keep the column's type.
 */
final class JavaTypes {

    /**
     * A Java type for a column.
     *
     * @param name the simple name, e.g. {@code Instant} or {@code boolean}
     * @param boxed the name to use when the column is nullable
     * @param importName the class to import, or null
     * @param exact whether Micronaut Data maps the Java type back to exactly the column's SQL type
     */
    record JavaType(String name, String boxed, String importName, boolean exact) {
    }

    private static final Map<String, JavaType> EXACT = Map.ofEntries(
        Map.entry("text", new JavaType("String", "String", null, true)),
        Map.entry("boolean", new JavaType("boolean", "Boolean", null, true)),
        Map.entry("smallint", new JavaType("short", "Short", null, true)),
        Map.entry("integer", new JavaType("int", "Integer", null, true)),
        Map.entry("bigint", new JavaType("long", "Long", null, true)),
        Map.entry("real", new JavaType("float", "Float", null, true)),
        Map.entry("double precision", new JavaType("double", "Double", null, true)),
        Map.entry("numeric", type("BigDecimal", "java.math.BigDecimal", true)),
        Map.entry("date", type("LocalDate", "java.time.LocalDate", true)),
        Map.entry("time without time zone", type("LocalTime", "java.time.LocalTime", true)),
        Map.entry("timestamp with time zone", type("Instant", "java.time.Instant", true)),
        Map.entry("timestamp without time zone", type("LocalDateTime", "java.time.LocalDateTime", true)),
        Map.entry("uuid", type("UUID", "java.util.UUID", true)),
        Map.entry("bytea", new JavaType("byte[]", "byte[]", null, true)),
        Map.entry("text[]", new JavaType("String[]", "String[]", null, true)));

    private JavaTypes() {
    }

    static JavaType of(String sqlType) {
        JavaType exact = EXACT.get(sqlType);
        if (exact != null) {
            return exact;
        }
        String lower = sqlType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("numeric(")) {
            return type("BigDecimal", "java.math.BigDecimal", false);
        }
        if (lower.startsWith("timestamp(")) {
            return lower.endsWith("with time zone") ? type("Instant", "java.time.Instant", false)
                : type("LocalDateTime", "java.time.LocalDateTime", false);
        }
        if (lower.startsWith("time(")) {
            return type("LocalTime", "java.time.LocalTime", false);
        }
        return new JavaType("String", "String", null, false);
    }

    private static JavaType type(String name, String importName, boolean exact) {
        return new JavaType(name, name, importName, exact);
    }
}
