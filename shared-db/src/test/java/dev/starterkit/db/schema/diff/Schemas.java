package dev.starterkit.db.schema.diff;

import dev.starterkit.db.schema.ddl.ColumnDef;
import dev.starterkit.db.schema.ddl.ForeignKeyDef;
import dev.starterkit.db.schema.ddl.IndexDef;
import dev.starterkit.db.schema.ddl.PrimaryKeyDef;
import dev.starterkit.db.schema.ddl.ReferentialAction;
import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.db.schema.ddl.TableDef;
import dev.starterkit.db.schema.ddl.UniqueDef;
import java.util.ArrayList;
import java.util.List;

/** Small schemas for diff tests, built from records rather than entities so each case states exactly what it has. */
final class Schemas {

    private Schemas() {
    }

    static SchemaModel schema(TableDef... tables) {
        return new SchemaModel(List.of(tables));
    }

    static Table table(String name) {
        return new Table(name);
    }

    static ColumnDef text(String name) {
        return new ColumnDef(name, "text", false, null);
    }

    static ColumnDef nullableText(String name) {
        return new ColumnDef(name, "text", true, null);
    }

    static ForeignKeyDef fk(String name, String column, String table) {
        return new ForeignKeyDef(name, List.of(column), table, List.of("id"), ReferentialAction.CASCADE,
            ReferentialAction.NO_ACTION);
    }

    /** A table under construction: an {@code id text} primary key, then what the test adds. */
    static final class Table {
        private final String name;
        private final List<ColumnDef> columns = new ArrayList<>();
        private final List<UniqueDef> uniques = new ArrayList<>();
        private final List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        private final List<IndexDef> indexes = new ArrayList<>();

        private Table(String name) {
            this.name = name;
            columns.add(text("id"));
        }

        Table column(ColumnDef column) {
            columns.add(column);
            return this;
        }

        Table unique(String constraint, String... columnNames) {
            uniques.add(new UniqueDef(constraint, List.of(columnNames)));
            return this;
        }

        Table fk(ForeignKeyDef foreignKey) {
            foreignKeys.add(foreignKey);
            return this;
        }

        Table index(String index, String... columnNames) {
            indexes.add(new IndexDef(index, List.of(columnNames), false, IndexDef.BTREE));
            return this;
        }

        TableDef build() {
            return new TableDef(name, columns, new PrimaryKeyDef(name + "_pkey", List.of("id")), uniques,
                foreignKeys, indexes);
        }
    }
}
