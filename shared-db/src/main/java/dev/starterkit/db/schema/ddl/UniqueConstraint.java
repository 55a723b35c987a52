package dev.starterkit.db.schema.ddl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named {@code UNIQUE} table constraint over one or more columns, named as in the database (snake_case). A
 * constraint rather than a unique index, so violations report this name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueConstraints.class)
public @interface UniqueConstraint {

    /** The constraint's name, e.g. {@code user_email_unique}. */
    String name();

    /** The column names, in key order. */
    String[] columns();
}
