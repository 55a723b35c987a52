package dev.starterkit.bench.export;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.ConnectionSettingsFactory;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.env.Variable;
import dev.starterkit.db.export.DumpKind;
import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpOptions;
import dev.starterkit.db.export.DumpResult;
import dev.starterkit.db.export.DumpSnapshot;
import dev.starterkit.db.export.ParallelGzipOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * The measured side of the benchmark, run in a JVM of its own so that its peak RSS is its alone:
 * {@code ExportToFile <postgres-url> <file> <schema|full|data> <passes>}. Two passes is what the export function
 * does (the first only counts and hashes); one is what {@code bin/db export} does.
 */
public final class ExportToFile {

    private ExportToFile() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionSettings settings = ConnectionSettingsFactory.fromUrl(new Variable("DATABASE_URL", args[0],
            "argument"), "export-bench", 30_000);
        DumpOptions options = DumpOptions.of(DumpKind.parse(args[2], "kind"));
        int passes = Integer.parseInt(args[3]);
        try (Connection connection = Connector.jdbc().connect(settings);
             DumpSnapshot snapshot = DumpSnapshot.open(connection)) {
            if (passes == 2) {
                snapshot.write(OutputStream.nullOutputStream(), options, DumpListener.none());
            }
            try (OutputStream file = Files.newOutputStream(Path.of(args[1]));
                 ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(file)) {
                DumpResult result = snapshot.write(gzip, options, DumpListener.none());
                gzip.finish();
                System.out.println("rows=" + result.totalRows() + " sqlBytes=" + result.bytes());
            }
        }
    }
}
