package dev.starterkit.tools.db;

import dev.starterkit.db.schema.ddl.SchemaModel;
import dev.starterkit.tools.schema.EntitySources;
import dev.starterkit.tools.schema.SchemaPrinter;
import dev.starterkit.tools.schema.SchemaSources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * {@code bin/db introspect [--write[=DIR]] [--package P] [--force]}: prints the live database's schema in the
 * model's terms and, with {@code --write}, the {@code @MappedEntity} records that would describe it. They go to
 * {@code .local/introspect} unless a folder is given, and never replace a file unless {@code --force}.
 */
final class IntrospectCommand implements Subcommand {

    /** The package of written records unless {@code --package} names another. */
    static final String DEFAULT_PACKAGE = "dev.starterkit.db.schema.introspected";

    @Override
    public String name() {
        return "introspect";
    }

    @Override
    public String summary() {
        return "print the database's schema in the model's terms; --write[=DIR] writes entity records for it";
    }

    @Override
    public int run(CliContext context) {
        context.args().requireOnly(Set.of("write", "package", "force"));
        if (!context.args().argumentsBesides(Set.of("package")).isEmpty()) {
            throw new CliUsageException("'introspect' takes no arguments; a folder is given as --write=DIR");
        }
        PrintStream out = context.out();
        SchemaModel schema = SchemaSources.live(context.connectionSettings());
        out.printf("Schema of %s: %d tables%n", context.databaseDescription(), schema.tables().size());
        SchemaPrinter.print(schema, out);
        String write = context.args().options().get("write");
        if (write == null) {
            return 0;
        }
        String packageName = context.args().values("package").stream().reduce((a, b) -> b).orElse(DEFAULT_PACKAGE);
        if (!SourceVersion.isName(packageName)) {
            throw new CliUsageException("--package needs a Java package name; got '" + packageName + "'");
        }
        Path root = write.isEmpty() ? context.projectDir().resolve(".local").resolve("introspect")
            : Path.of(write).toAbsolutePath();
        EntitySources sources = EntitySources.of(schema, packageName);
        Path dir = sources.write(root, context.args().options().containsKey("force"));
        out.printf("%nWrote %d entity records and %s.java to %s%n", sources.files().size() - 1,
            EntitySources.LIST_CLASS, dir);
        sources.notes().forEach(note -> out.println("  note: " + note));
        return 0;
    }
}
