package dev.starterkit.db.schema.ddl;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION", 'a'),
    RESTRICT("RESTRICT", 'r'),
    CASCADE("CASCADE", 'c'),
    SET_NULL("SET NULL", 'n'),
    SET_DEFAULT("SET DEFAULT", 'd');

    private final String sql;
    private final char catalogCode;

    ReferentialAction(String sql, char catalogCode) {
        this.sql = sql;
        this.catalogCode = catalogCode;
    }

    /** The action as written in DDL, e.g. {@code ON DELETE CASCADE}. */
    public String sql() {
        return sql;
    }

    /** The action whose code {@code pg_constraint.confdeltype}/{@code confupdtype} holds. */
    public static ReferentialAction fromCatalogCode(char code) {
        for (ReferentialAction action : values()) {
            if (action.catalogCode == code) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown referential action code '" + code + "'");
    }
}
