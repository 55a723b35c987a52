package dev.starterkit.db.schema.ddl;

import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL type of a property: {@code @MappedProperty(definition = ...)} when given, else the type Micronaut
 * Data binds the property as ({@link io.micronaut.data.model.DataType}), mapped the way this project writes it.
 */
final class SqlTypes {

    /** A definition must name a type only: constraints and defaults have annotations of their own. */
    private static final Pattern NOT_A_TYPE = Pattern.compile(
        "\\b(null|default|primary|references|unique|check|constraint|generated)\\b");

    private SqlTypes() {
    }

    static String of(RuntimePersistentProperty<?> property) {
        Optional<String> definition = property.getAnnotationMetadata()
            .stringValue(MappedProperty.class, "definition")
            .filter(d -> !d.isBlank());
        return definition.isPresent() ? checkedDefinition(property, definition.get().strip()) : mapped(property);
    }

    private static String checkedDefinition(RuntimePersistentProperty<?> property, String type) {
        if (NOT_A_TYPE.matcher(type.toLowerCase(Locale.ROOT)).find()) {
            throw new SchemaModelException("@MappedProperty(definition = \"" + type + "\") on "
                + property.getOwner().getName() + "." + property.getName() + " must be a SQL type only; use "
                + "@Nullable, @DefaultSql, @ForeignKey and @UniqueConstraint for the rest");
        }
        return type;
    }

    private static String mapped(RuntimePersistentProperty<?> property) {
        return switch (property.getDataType()) {
            case STRING -> "text";
            case BOOLEAN -> "boolean";
            case SHORT -> "smallint";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case BIGDECIMAL -> "numeric";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> LocalDateTime.class.equals(property.getType()) ? "timestamp without time zone"
                : "timestamp with time zone";
            case UUID -> "uuid";
            case JSON -> "jsonb";
            case BYTE_ARRAY -> "bytea";
            case STRING_ARRAY -> "text[]";
            default -> throw new SchemaModelException("No SQL type for " + property.getOwner().getName() + "."
                + property.getName() + " (" + property.getDataType() + "); declare one with "
                + "@MappedProperty(definition = ...)");
        };
    }
}
