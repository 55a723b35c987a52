package dev.starterkit.tools.db;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.UnpooledDataSource;
import dev.starterkit.db.env.Stage;
import dev.starterkit.db.export.DumpRestorer;
import dev.starterkit.db.export.RestoreResult;
import dev.starterkit.db.export.s3.S3Location;
import dev.starterkit.db.export.s3.S3Settings;
import dev.starterkit.db.migrate.Migrator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bin/db restore <file | s3://bucket/key> [--clean]}: loads a dump (ours or pg_dump's plain format, gzip or
 * not) over JDBC in one transaction, into an empty database; {@code --clean} drops what is there first. Refuses
 * {@code prod} without {@code --yes}.
 */
final class RestoreCommand implements Subcommand {

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "load a dump <file | s3://bucket/key> into an empty database (--clean drops what is there; "
            + "prod needs --yes)";
    }

    @Override
    public int run(CliContext context) throws Exception {
        context.args().requireOnly(Set.of("clean"));
        if (context.args().arguments().size() != 1) {
            throw new CliUsageException("'restore' needs one dump: a file or s3://bucket/key");
        }
        String source = context.args().arguments().get(0);
        boolean clean = context.args().options().containsKey("clean");
        if (context.stage() == Stage.PROD && !context.args().yes()) {
            throw new CliAbortedException("Restoring into prod (" + context.databaseDescription() + ") needs --yes;"
                + " nothing was changed.");
        }
        if (clean) {
            context.confirmDestructive("Drop every table, sequence, type and function in "
                + context.databaseDescription() + " before restoring?");
        }
        RestoreResult result;
        try (InputStream in = open(context, source);
             Connection connection = Connector.jdbc().connect(context.connectionSettings())) {
            result = new DumpRestorer(connection).restore(in, clean);
        }
        String version = new Migrator(new UnpooledDataSource(context.connectionSettings(), Connector.jdbc()))
            .info().currentVersion();
        context.out().printf("Restored %s into %s: %d statements, %d tables' data, %,d rows%s. Schema version: %s%n",
            source, context.databaseDescription(), result.statements(), result.copyBlocks(), result.rows(),
            result.droppedObjects() > 0 ? " (" + result.droppedObjects() + " objects dropped or emptied first)" : "",
            version == null ? "none (no Flyway history in the dump)" : version);
        return 0;
    }

    private static InputStream open(CliContext context, String source) throws java.io.IOException {
        if (S3Location.isS3(source)) {
            S3Client s3 = S3Settings.fromEnvironment(context.env()).client();
            return new ClosingStream(S3Location.parse(source).open(s3), s3);
        }
        Path file = Path.of(source).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new CliUsageException("no dump file " + file);
        }
        return Files.newInputStream(file);
    }

    /** The object's stream, closing its client with it. */
    private static final class ClosingStream extends java.io.FilterInputStream {
        private final S3Client client;

        ClosingStream(InputStream in, S3Client client) {
            super(in);
            this.client = client;
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                super.close();
            } finally {
                client.close();
            }
        }
    }
}
