package dev.starterkit.db.schema.ddl;

/** A live database holds something the schema model cannot describe; the message names the object and why. */
public class SchemaCatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaCatalogException(String message) {
        super(message);
    }

    public SchemaCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
