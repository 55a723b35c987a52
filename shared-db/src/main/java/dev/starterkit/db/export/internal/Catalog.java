package dev.starterkit.db.export.internal;

import java.util.List;
import java.util.Set;

/**
 * The objects of a database that a dump recreates, read from the system catalogs in one snapshot. Names are quoted
 * and schema-qualified as the server's {@code quote_ident} and {@code format_type} render them.
 *
 * @param schemas names of the user schemas other than {@code public}, unquoted
 * @param extensions installed extensions other than {@code plpgsql}
 * @param enums enum types
 * @param sequences sequences, serial and identity ones included
 * @param tables ordinary tables, in dependency order (referenced tables first)
 * @param unsupported objects a dump does not recreate (views, functions, triggers...), for a warning
 */
public record Catalog(List<String> schemas, List<Extension> extensions, List<EnumType> enums,
                      List<Sequence> sequences, List<Table> tables, List<String> unsupported) {

    /** An extension and the schema it lives in. */
    public record Extension(String name, String schema) {
    }

    /** An enum type and its labels as a list of SQL literals. */
    public record EnumType(long oid, String name, String labels) {
    }

    /** A sequence; {@code ownerTable} and {@code ownerColumn} are set for serial and identity columns. */
    public record Sequence(long oid, String name, String type, long start, long increment, long min, long max,
                           long cache, boolean cycle, String ownerTable, String ownerColumn, boolean identity) {
    }

    /**
     * A column; {@code typeOid} is the element type for arrays, {@code identity} is {@code a}, {@code d} or blank,
     * {@code generated} {@code s} or blank.
     */
    public record Column(String name, String type, long typeOid, boolean notNull, String defaultExpr, char identity,
                         char generated, String collation, String comment) {
    }

    /**
     * A constraint: {@code type} is {@code p}, {@code u}, {@code c}, {@code f} or {@code x}; {@code referenced} is the
     * table a foreign key references (0 for other types).
     */
    public record Constraint(String name, char type, String definition, long referenced) {

        /** Check constraints not marked NOT VALID go into CREATE TABLE; everything else after the data. */
        public boolean inline() {
            return type == 'c' && !definition.endsWith("NOT VALID");
        }
    }

    /** A table with what belongs to it. */
    public record Table(long oid, String schema, String name, String qualified, boolean unlogged, String comment,
                       List<Column> columns, List<Constraint> constraints, List<String> indexes,
                       Set<Long> references) {
    }
}
