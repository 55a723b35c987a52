package dev.starterkit.tools.db;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.export.DumpKind;
import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpNames;
import dev.starterkit.db.export.DumpOptions;
import dev.starterkit.db.export.DumpResult;
import dev.starterkit.db.export.DumpSnapshot;
import dev.starterkit.db.export.ParallelGzipOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code bin/db export [--schema-only | --data-only | --data] [--table NAME]}: a gzip SQL dump from one snapshot into
 * {@code backups/dump-<env>-<kind>[-<table>]-<timestamp>.sql.gz}, readable by its owner only. Schema only by default,
 * as the original script did; a progress line per table on a terminal.
 */
final class ExportCommand implements Subcommand {

    private final BooleanSupplier terminal;

    ExportCommand() {
        this(() -> System.console() != null);
    }

    ExportCommand(BooleanSupplier terminal) {
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "dump to backups/ as gzip SQL: [--schema-only (default) | --data-only | --data] [--table NAME]";
    }

    @Override
    public int run(CliContext context) throws Exception {
        DumpOptions options = options(context.args());
        Path backups = context.projectDir().resolve("backups");
        Files.createDirectories(backups);
        Instant now = Instant.now();
        Path file = backups.resolve(DumpNames.fileName(context.stage().id(), options.kind(), options.table(), now));
        Path partial = backups.resolve("." + file.getFileName() + ".partial");
        DumpListener progress = terminal.getAsBoolean()
            ? p -> context.out().printf("  %-40s %,12d rows %10s  (%d/%d)%n", p.table(), p.rows(),
                BackupFiles.size(p.bytes()), p.index(), p.tables())
            : DumpListener.none();
        DumpResult result;
        try (Connection connection = Connector.jdbc().connect(context.connectionSettings());
             DumpSnapshot snapshot = DumpSnapshot.open(connection);
             OutputStream out = BackupFiles.createPrivate(partial);
             ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out)) {
            result = snapshot.write(gzip, options, progress);
            gzip.finish();
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        context.out().printf("Wrote %s: %s dump, %d tables, %,d rows, %s of SQL (%s compressed), schema version %s%n",
            context.projectDir().relativize(file), options.kind(), result.tableRows().size(), result.totalRows(),
            BackupFiles.size(result.bytes()), BackupFiles.size(Files.size(file)),
            result.schemaVersion() == null ? "none" : result.schemaVersion());
        return 0;
    }

    private static DumpOptions options(CliArgs args) throws IOException {
        args.requireOnly(Set.of("schema-only", "data-only", "data", "table"));
        List<DumpKind> kinds = new java.util.ArrayList<>();
        if (args.options().containsKey("schema-only")) {
            kinds.add(DumpKind.SCHEMA);
        }
        if (args.options().containsKey("data-only")) {
            kinds.add(DumpKind.DATA);
        }
        if (args.options().containsKey("data")) {
            kinds.add(DumpKind.FULL);
        }
        if (kinds.size() > 1) {
            throw new CliUsageException("choose one of --schema-only, --data-only and --data");
        }
        Optional<String> table = Optional.ofNullable(args.options().get("table"));
        List<String> rest = args.arguments();
        if (table.isPresent() && table.get().isEmpty()) {
            if (rest.size() != 1) {
                throw new CliUsageException("--table needs a table name");
            }
            table = Optional.of(rest.get(0));
        } else if (!rest.isEmpty()) {
            throw new CliUsageException("'export' takes no argument '" + rest.get(0) + "'");
        }
        return new DumpOptions(kinds.isEmpty() ? DumpKind.SCHEMA : kinds.get(0), table);
    }
}
