package dev.starterkit.db.export;

import dev.starterkit.db.env.EnvironmentConfigException;

/** What a dump contains: the schema only (the default of {@code bin/db export}), schema and data, or data only. */
public enum DumpKind {
    SCHEMA("schema", true, false),
    FULL("full", true, true),
    DATA("data", false, true);

    private final String id;
    private final boolean schema;
    private final boolean data;

    DumpKind(String id, boolean schema, boolean data) {
        this.id = id;
        this.schema = schema;
        this.data = data;
    }

    /** The name used in file names and object metadata. */
    public String id() {
        return id;
    }

    /** Whether the dump creates schemas, types, sequences, tables, constraints and indexes. */
    public boolean includesSchema() {
        return schema;
    }

    /** Whether the dump carries the rows of the tables (Flyway's history always travels with the schema). */
    public boolean includesData() {
        return data;
    }

    /** Parses a kind's name; the error names what was given and where it came from. */
    public static DumpKind parse(String value, String origin) {
        for (DumpKind kind : values()) {
            if (kind.id.equals(value)) {
                return kind;
            }
        }
        throw new EnvironmentConfigException(origin + " must be schema, full or data; got '" + value + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
