package dev.starterkit.db.schema.ddl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column's {@code DEFAULT} expression, as SQL ({@code now()}, {@code false}, {@code 'pending'}). It applies to
 * rows inserted by plain SQL (seeds, migrations); the application still sets every value it inserts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DefaultSql {

    /** The SQL expression. */
    String value();
}
