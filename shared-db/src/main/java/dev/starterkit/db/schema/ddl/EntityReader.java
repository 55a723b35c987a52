package dev.starterkit.db.schema.ddl;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.exceptions.IntrospectionException;
import io.micronaut.data.annotation.Index;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.model.runtime.RuntimeAssociation;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one {@code @MappedEntity} into a {@link TableDef} from its compile-time introspection: Micronaut Data's
 * naming, types and nullability, {@code @Index}, and this package's {@code @DefaultSql}, {@code @ForeignKey} and
 * {@code @UniqueConstraint}.
 */
final class EntityReader {

    private EntityReader() {
    }

    static TableDef read(Class<?> type) {
        RuntimePersistentEntity<?> entity = entity(type);
        RuntimePersistentProperty<?> id = entity.getIdentity();
        if (id == null) {
            throw new SchemaModelException(type.getName() + " needs exactly one @Id property");
        }
        String table = entity.getPersistedName();
        List<ColumnDef> columns = new ArrayList<>();
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        for (String name : entity.getPersistentPropertyNames()) {
            RuntimePersistentProperty<?> property = entity.getPropertyByName(name);
            if (property instanceof RuntimeAssociation<?>) {
                throw new SchemaModelException(type.getName() + "." + name + " is an association; map the "
                    + "foreign key column as a plain property with @ForeignKey");
            }
            columns.add(column(property, property == id));
            foreignKey(property).ifPresent(foreignKeys::add);
        }
        AnnotationMetadata metadata = entity.getAnnotationMetadata();
        try {
            return new TableDef(table, columns, new PrimaryKeyDef(table + "_pkey", List.of(id.getPersistedName())),
                uniques(metadata), foreignKeys, indexes(metadata));
        } catch (IllegalArgumentException | SchemaModelException e) {
            throw new SchemaModelException(type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static RuntimePersistentEntity<?> entity(Class<?> type) {
        try {
            BeanIntrospection<?> introspection = BeanIntrospection.getIntrospection(type);
            if (!introspection.hasAnnotation(MappedEntity.class)) {
                throw new SchemaModelException(type.getName() + " is not a @MappedEntity");
            }
            return new RuntimePersistentEntity<>(introspection);
        } catch (IntrospectionException e) {
            throw new SchemaModelException(type.getName() + " has no compile-time introspection", e);
        }
    }

    private static ColumnDef column(RuntimePersistentProperty<?> property, boolean isId) {
        String defaultSql = property.getAnnotationMetadata().stringValue(DefaultSql.class).orElse(null);
        return new ColumnDef(property.getPersistedName(), SqlTypes.of(property), !isId && property.isOptional(),
            defaultSql);
    }

    private static Optional<ForeignKeyDef> foreignKey(RuntimePersistentProperty<?> property) {
        AnnotationValue<ForeignKey> fk = property.getAnnotationMetadata().getAnnotation(ForeignKey.class);
        if (fk == null) {
            return Optional.empty();
        }
        String where = property.getOwner().getName() + "." + property.getName();
        Class<?> target = fk.classValue("references")
            .orElseThrow(() -> new SchemaModelException("@ForeignKey on " + where + " names no entity"));
        RuntimePersistentEntity<?> referenced = entity(target);
        if (referenced.getIdentity() == null) {
            throw new SchemaModelException("@ForeignKey on " + where + " references " + target.getName()
                + ", which has no single @Id");
        }
        return Optional.of(new ForeignKeyDef(
            name(fk),
            List.of(property.getPersistedName()),
            referenced.getPersistedName(),
            List.of(referenced.getIdentity().getPersistedName()),
            fk.enumValue("onDelete", ReferentialAction.class).orElse(ReferentialAction.NO_ACTION),
            fk.enumValue("onUpdate", ReferentialAction.class).orElse(ReferentialAction.NO_ACTION)));
    }

    private static List<UniqueDef> uniques(AnnotationMetadata metadata) {
        return metadata.getAnnotationValuesByType(UniqueConstraint.class).stream()
            .map(u -> new UniqueDef(name(u), List.of(u.stringValues("columns"))))
            .toList();
    }

    private static List<IndexDef> indexes(AnnotationMetadata metadata) {
        return metadata.getAnnotationValuesByType(Index.class).stream()
            .map(i -> new IndexDef(name(i), List.of(i.stringValues("columns")),
                i.booleanValue("unique").orElse(false), IndexDef.BTREE))
            .toList();
    }

    private static String name(AnnotationValue<?> annotation) {
        return annotation.stringValue("name").filter(n -> !n.isBlank())
            .orElseThrow(() -> new SchemaModelException("@" + annotation.getAnnotationName() + " needs a name"));
    }
}
