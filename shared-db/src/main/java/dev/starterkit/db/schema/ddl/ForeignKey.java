package dev.starterkit.db.schema.ddl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the column a foreign key to the primary key of another entity's table. The column stays a plain id in
 * Java (no association is loaded); only the DDL carries the constraint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ForeignKey {

    /** The constraint's name, e.g. {@code session_user_id_user_id_fk}. */
    String name();

    /** The {@code @MappedEntity} whose primary key the column references. */
    Class<?> references();

    /** What deleting the referenced row does. */
    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    /** What updating the referenced key does. */
    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
