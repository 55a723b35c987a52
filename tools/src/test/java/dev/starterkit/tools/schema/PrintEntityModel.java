package dev.starterkit.tools.schema;

import dev.starterkit.db.schema.ddl.SchemaModel;
import java.util.List;

/**
 * Prints the DDL of the model that a list of entities describes: {@code IntrospectCommandIT} runs it in a fresh
 * JVM, because Micronaut finds the introspections of compiled-at-test-time entities only on the class path it
 * starts with.
 */
public final class PrintEntityModel {

    private PrintEntityModel() {
    }

    /** {@code args[0]}: a class with a {@code public static List<Class<?>> ALL}. */
    public static void main(String[] args) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        List<Class<?>> all = (List<Class<?>>) Class.forName(args[0]).getField("ALL").get(null);
        System.out.print(SchemaModel.fromEntities(all).script());
    }
}
