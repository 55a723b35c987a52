package dev.starterkit.tools.schema;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import dev.starterkit.tools.schema.JavaTypes.JavaType;
import io.micronaut.data.model.naming.NamingStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/** The Java source of one table's {@code @MappedEntity} record, built annotation by annotation. */
final class EntityRecord {

    private static final NamingStrategies.UnderScoreSeparatedLowerCase NAMING =
        new NamingStrategies.UnderScoreSeparatedLowerCase();
    /** Component names whose accessors would clash with {@link Object}'s methods. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "clone",
        "finalize", "notify", "notifyAll", "wait");
    private static final String DDL = "dev.starterkit.db.schema.ddl.";

    private final TableDef table;
    private final SchemaModel schema;
    private final Map<String, String> classNames;
    private final List<String> notes;
    private final Set<String> imports = new TreeSet<>();

    EntityRecord(TableDef table, SchemaModel schema, Map<String, String> classNames, List<String> notes) {
        this.table = table;
        this.schema = schema;
        this.classNames = classNames;
        this.notes = notes;
    }

    String source(String packageName) {
        String className = classNames.get(table.name());
        List<String> typeAnnotations = typeAnnotations();
        List<String> components = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            components.add(component(column));
        }
        StringBuilder source = new StringBuilder("package ").append(packageName).append(";\n\n");
        imports.forEach(name -> source.append("import ").append(name).append(";\n"));
        source.append("\n/** The {@code ").append(table.name()).append("} table, as bin/db introspect read it. */\n");
        typeAnnotations.forEach(annotation -> source.append(annotation).append('\n'));
        source.append("public record ").append(className).append("(\n    ")
            .append(String.join(",\n    ", components)).append(") {\n}\n");
        return source.toString();
    }

    private List<String> typeAnnotations() {
        List<String> annotations = new ArrayList<>();
        annotations.add(use("io.micronaut.data.annotation.MappedEntity") + "(" + string(table.name()) + ")");
        if (!table.primaryKey().name().equals(table.name() + "_pkey")) {
            notes.add("table " + table.name() + ": its primary key is named " + table.primaryKey().name()
                + "; entities name it " + table.name() + "_pkey");
        }
        for (UniqueDef unique : table.uniques()) {
            annotations.add(use(DDL + "UniqueConstraint") + "(name = " + string(unique.name()) + ", columns = "
                + strings(unique.columns()) + ")");
        }
        for (IndexDef index : table.indexes()) {
            if (!IndexDef.BTREE.equals(index.method())) {
                notes.add("index " + index.name() + " on " + table.name() + " uses " + index.method()
                    + "; @Index describes btree indexes");
            }
            annotations.add(use("io.micronaut.data.annotation.Index") + "(name = " + string(index.name())
                + ", columns = " + strings(index.columns()) + (index.unique() ? ", unique = true" : "") + ")");
        }
        return annotations;
    }

    private String component(ColumnDef column) {
        List<String> annotations = new ArrayList<>();
        boolean id = table.primaryKey().columns().contains(column.name());
        if (id) {
            annotations.add(use("io.micronaut.data.annotation.Id"));
        }
        JavaType type = JavaTypes.of(column.sqlType());
        String property = propertyName(column.name());
        boolean renamed = !NAMING.mappedName(property).equals(column.name());
        if (renamed || !type.exact()) {
            annotations.add(use("io.micronaut.data.annotation.MappedProperty") + "("
                + (renamed ? "value = " + string(column.name()) : "")
                + (renamed && !type.exact() ? ", " : "")
                + (type.exact() ? "" : "definition = " + string(column.sqlType())) + ")");
        }
        if (column.nullable() && !id) {
            annotations.add(use("io.micronaut.core.annotation.Nullable"));
        }
        if (column.defaultSql() != null) {
            annotations.add(use(DDL + "DefaultSql") + "(" + string(column.defaultSql()) + ")");
        }
        foreignKey(column).ifPresent(annotations::add);
        if (type.importName() != null) {
            imports.add(type.importName());
        }
        String javaType = column.nullable() && !id ? type.boxed() : type.name();
        String head = String.join(" ", annotations);
        return (head.length() > 60 ? head + "\n    " : head.isEmpty() ? "" : head + " ") + javaType + " " + property;
    }

    private Optional<String> foreignKey(ColumnDef column) {
        List<String> annotations = new ArrayList<>();
        for (ForeignKeyDef fk : table.foreignKeys()) {
            if (!fk.columns().contains(column.name())) {
                continue;
            }
            String target = classNames.get(fk.referencedTable());
            boolean toPrimaryKey = schema.table(fk.referencedTable())
                .map(t -> t.primaryKey().columns().equals(fk.referencedColumns())).orElse(false);
            if (fk.columns().size() != 1 || target == null || !toPrimaryKey || !annotations.isEmpty()) {
                notes.add("foreign key " + fk.name() + " on " + table.name() + " left out: a column has at most one "
                    + "@ForeignKey, to the single-column primary key of another entity");
                continue;
            }
            annotations.add(use(DDL + "ForeignKey") + "(name = " + string(fk.name()) + ", references = " + target
                + ".class" + action("onDelete", fk.onDelete()) + action("onUpdate", fk.onUpdate()) + ")");
        }
        return annotations.stream().findFirst();
    }

    private String action(String attribute, ReferentialAction action) {
        if (action == ReferentialAction.NO_ACTION) {
            return "";
        }
        return ", " + attribute + " = " + use(DDL + "ReferentialAction") + "." + action.name();
    }

    private String use(String className) {
        imports.add(className);
        return "@" + className.substring(className.lastIndexOf('.') + 1);
    }

    private static String propertyName(String column) {
        StringBuilder name = new StringBuilder();
        for (String word : column.split("_")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        String candidate = name.toString();
        if (candidate.isEmpty()) {
            return "column" + Integer.toUnsignedString(column.hashCode());
        }
        if (!SourceVersion.isName(candidate) || OBJECT_METHODS.contains(candidate)) {
            candidate = "column" + Character.toUpperCase(candidate.charAt(0)) + candidate.substring(1);
        }
        return SourceVersion.isName(candidate) ? candidate : "column" + Integer.toUnsignedString(column.hashCode());
    }

    private static String string(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String strings(List<String> values) {
        return values.size() == 1 ? string(values.get(0))
            : "{" + String.join(", ", values.stream().map(EntityRecord::string).toList()) + "}";
    }
}
