package dev.starterkit.tools.schema;

import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code @MappedEntity} records that describe a schema, one file per table, plus an {@code IntrospectedEntities}
 * class listing them: what {@code bin/db introspect --write} writes. What the annotations cannot say (a composite
 * primary key, a foreign key to something other than a primary key) is left out and reported in {@link #notes()}.
 *
 * @param packageName the package of the records
 * @param files file name to Java source, in table order, {@code IntrospectedEntities.java} last
 * @param notes what was left out or differs, one line each
 */
public record EntitySources(String packageName, Map<String, String> files, List<String> notes) {

    /** The class that lists the records. */
    public static final String LIST_CLASS = "IntrospectedEntities";

    /** Simple names the records must not take: the Java types their sources use. */
    private static final Set<String> TAKEN = Set.of("String", "Object", "Integer", "Long", "Short", "Boolean",
        "Float", "Double", "Byte", "Character", "Class", "Record", "Override", "Deprecated", "Math", "System",
        "Thread", "Void", "Number", "Enum", "List", "BigDecimal", "LocalDate", "LocalTime", "LocalDateTime",
        "Instant", "UUID", "Id", "Index", "Nullable", "MappedEntity", "MappedProperty", "DefaultSql", "ForeignKey",
        "ReferentialAction", "UniqueConstraint", LIST_CLASS);

    public EntitySources {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        notes = List.copyOf(notes);
    }

    /** The records for every table of {@code schema} that an entity can describe. */
    public static EntitySources of(SchemaModel schema, String packageName) {
        Map<String, String> classNames = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (TableDef table : schema.tables()) {
            if (table.primaryKey().columns().size() != 1) {
                notes.add("table " + table.name() + " left out: its primary key has " + table.primaryKey().columns()
                    .size() + " columns; an entity has one @Id");
            } else {
                classNames.put(table.name(), className(table.name(), classNames.values()));
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (TableDef table : schema.tables()) {
            if (classNames.containsKey(table.name())) {
                EntityRecord record = new EntityRecord(table, schema, classNames, notes);
                files.put(classNames.get(table.name()) + ".java", record.source(packageName));
            }
        }
        files.put(LIST_CLASS + ".java", listClass(packageName, classNames.values()));
        return new EntitySources(packageName, files, notes);
    }

    /**
     * Writes the files under {@code root}, in the package's folders.
     *
     * @param overwrite whether existing files may be replaced; without it, an existing file stops the write first
     * @return the folder written to
     */
    public Path write(Path root, boolean overwrite) {
        Path dir = root.resolve(packageName.replace('.', '/'));
        for (String name : files.keySet()) {
            if (!overwrite && Files.exists(dir.resolve(name))) {
                throw new UncheckedIOException(new IOException(dir.resolve(name) + " exists; nothing was written "
                    + "(--force replaces it)"));
            }
        }
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the entities to " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static String className(String table, Collection<String> taken) {
        StringBuilder name = new StringBuilder();
        for (String word : table.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        String base = name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0)) ? "Table" + name : name
            .toString();
        String candidate = TAKEN.contains(base) ? base + "Entity" : base;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }

    private static String listClass(String packageName, Collection<String> classNames) {
        StringBuilder source = new StringBuilder("package " + packageName + ";\n\nimport java.util.List;\n\n");
        source.append("/** The entities bin/db introspect wrote, one per table. */\n");
        source.append("public final class " + LIST_CLASS + " {\n\n");
        source.append("    /** Every entity, in the order of the tables' names. */\n");
        source.append("    public static final List<Class<?>> ALL = List.of(");
        List<String> entries = classNames.stream().map(name -> "\n        " + name + ".class").toList();
        source.append(String.join(",", entries)).append(");\n\n");
        source.append("    private " + LIST_CLASS + "() {\n    }\n}\n");
        return source.toString();
    }
}
