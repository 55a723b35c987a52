package dev.starterkit.db.export.internal;

import dev.starterkit.db.export.DumpKind;
import dev.starterkit.db.export.DumpOptions;
import dev.starterkit.db.export.ExportException;
import dev.starterkit.db.export.internal.Catalog.Column;
import dev.starterkit.db.export.internal.Catalog.EnumType;
import dev.starterkit.db.export.internal.Catalog.Extension;
import dev.starterkit.db.export.internal.Catalog.Sequence;
import dev.starterkit.db.export.internal.Catalog.Table;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which objects of a {@link Catalog} one dump writes. Flyway's history travels with the schema: a schema-only dump
 * carries its rows (so that later migrations apply on top of a restore) and a data-only dump leaves them out (its
 * target already has them).
 *
 * @param schemas schemas to create (unquoted names)
 * @param extensions extensions to create
 * @param enums enum types to create
 * @param sequences sequences to create (when the dump has the schema) and to set (when it has data)
 * @param schemaTables tables whose DDL is written
 * @param dataTables tables whose rows are written
 */
public record DumpPlan(List<String> schemas, List<Extension> extensions, List<EnumType> enums,
                       List<Sequence> sequences, List<Table> schemaTables, List<Table> dataTables) {

    /** The name of Flyway's history table. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** Chooses the objects of {@code catalog} that {@code options} ask for. */
    public static DumpPlan of(Catalog catalog, DumpOptions options) {
        DumpKind kind = options.kind();
        List<Table> tables = options.table().map(name -> List.of(find(catalog, name))).orElse(catalog.tables());
        List<Table> data = tables.stream()
            .filter(t -> kind == DumpKind.FULL || (kind == DumpKind.DATA) != isHistory(t))
            .toList();
        if (options.table().isEmpty()) {
            return new DumpPlan(catalog.schemas(), catalog.extensions(), catalog.enums(), catalog.sequences(),
                kind.includesSchema() ? tables : List.of(), data);
        }
        Table table = tables.get(0);
        Set<Long> types = table.columns().stream().map(Column::typeOid).collect(Collectors.toSet());
        return new DumpPlan(table.schema().equals("public") ? List.of() : List.of(table.schema()),
            catalog.extensions(), catalog.enums().stream().filter(e -> types.contains(e.oid())).toList(),
            catalog.sequences().stream().filter(s -> table.qualified().equals(s.ownerTable())).toList(),
            kind.includesSchema() ? tables : List.of(), kind.includesData() ? tables : List.of());
    }

    /**
     * Foreign keys among the data tables that point forward in the load order (the tables form a cycle), as
     * {@code ALTER TABLE} statements to drop before a data-only load and to add back after it.
     */
    public List<String[]> forwardReferences() {
        java.util.Map<Long, Integer> position = new java.util.HashMap<>();
        dataTables.forEach(t -> position.put(t.oid(), position.size()));
        List<String[]> statements = new java.util.ArrayList<>();
        for (Table table : dataTables) {
            table.constraints().stream()
                .filter(c -> c.type() == 'f' && position.getOrDefault(c.referenced(), -1) > position.get(table.oid()))
                .forEach(c -> statements.add(new String[] {
                    "ALTER TABLE ONLY " + table.qualified() + " DROP CONSTRAINT " + c.name() + ";\n",
                    "ALTER TABLE ONLY " + table.qualified() + " ADD CONSTRAINT " + c.name() + " " + c.definition()
                        + ";\n"}));
        }
        return statements;
    }

    private static boolean isHistory(Table table) {
        return table.name().equals(HISTORY_TABLE);
    }

    private static Table find(Catalog catalog, String name) {
        int dot = name.indexOf('.');
        String schema = dot < 0 ? "public" : name.substring(0, dot);
        String relation = dot < 0 ? name : name.substring(dot + 1);
        return catalog.tables().stream()
            .filter(t -> t.qualified().equals(name) || t.schema().equals(schema) && t.name().equals(relation))
            .findFirst()
            .orElseThrow(() -> new ExportException("No table '" + name + "' to dump; tables: " + catalog.tables()
                .stream().map(t -> t.schema() + "." + t.name()).collect(Collectors.joining(", "))));
    }
}
