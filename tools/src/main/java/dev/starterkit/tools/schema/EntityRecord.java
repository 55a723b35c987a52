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
    private static final String INDENT = "    ";
    private static final int LINE = 120;

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
            annotations.add(wrapped(use(DDL + "UniqueConstraint"), List.of("name = " + string(unique.name()),
                "columns = " + strings(unique.columns()))));
        }
        for (IndexDef index : table.indexes()) {
            if (!IndexDef.BTREE.equals(index.method())) {
                notes.add("index " + index.name() + " on " + table.name() + " uses " + index.method()
                    + "; @Index describes btree indexes");
            }
            List<String> arguments = new ArrayList<>(List.of("name = " + string(index.name()),
                "columns = " + strings(index.columns())));
            if (index.unique()) {
                arguments.add("unique = true");
            }
            annotations.add(wrapped(use("io.micronaut.data.annotation.Index"), arguments));
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
        return layout(annotations, javaType + " " + property);
    }

    /** The component on one line when it fits (with its comma), else its annotations above the declaration. */
    private static String layout(List<String> annotations, String declaration) {
        String oneLine = String.join(" ", annotations) + (annotations.isEmpty() ? "" : " ") + declaration;
        if (INDENT.length() + oneLine.length() < LINE && !oneLine.contains("\n")) {
            return oneLine;
        }
        String head = String.join(" ", annotations);
        if (INDENT.length() + head.length() > LINE || head.contains("\n")) {
            head = String.join("\n" + INDENT, annotations);
        }
        return head + "\n" + INDENT + declaration;
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
            List<String> arguments = new ArrayList<>(List.of("name = " + string(fk.name()),
                "references = " + target + ".class"));
            action("onDelete", fk.onDelete()).ifPresent(arguments::add);
            action("onUpdate", fk.onUpdate()).ifPresent(arguments::add);
            annotations.add(wrapped(use(DDL + "ForeignKey"), arguments));
        }
        return annotations.stream().findFirst();
    }

    private Optional<String> action(String attribute, ReferentialAction action) {
        if (action == ReferentialAction.NO_ACTION) {
            return Optional.empty();
        }
        imports.add(DDL + "ReferentialAction");
        return Optional.of(attribute + " = ReferentialAction." + action.name());
    }

    /** An annotation with its arguments, continued on further lines when one would pass 120 columns. */
    private static String wrapped(String annotation, List<String> arguments) {
        String line = annotation + "(" + String.join(", ", arguments) + ")";
        if (line.length() <= LINE - INDENT.length()) {
            return line;
        }
        StringBuilder text = new StringBuilder(annotation).append('(');
        int width = INDENT.length() + text.length();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i) + (i < arguments.size() - 1 ? ", " : ")");
            if (i > 0 && width + argument.length() > LINE) {
                text.setLength(text.length() - 1);
                text.append('\n').append(INDENT).append(INDENT);
                width = 2 * INDENT.length();
            }
            text.append(argument);
            width += argument.length();
        }
        return text.toString();
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
