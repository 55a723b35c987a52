package dev.starterkit.db.export.s3;

import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.env.ResolvedEnvironment;
import dev.starterkit.db.export.DumpListener;
import dev.starterkit.db.export.DumpSnapshot;
import dev.starterkit.db.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Run by {@link ExportMemoryIT} in a JVM whose heap is smaller than the dump: exports {@code DATABASE_URL} to
 * {@code EXPORT_BUCKET} on the S3 API of {@code AWS_ENDPOINT_URL_S3}, then prints the object's size.
 */
public final class ExportInSmallHeap {

    private ExportInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        ResolvedEnvironment env = EnvironmentLoader.load(Optional.empty(), System.getenv(), Path.of("target"));
        ExportConfig config = ExportConfig.fromEnvironment(env);
        try (Connection c = Connector.jdbc().connect(TestPostgres.settings(env.require("DATABASE_URL").value(),
            "small-heap")); DumpSnapshot snapshot = DumpSnapshot.open(c)) {
            S3ExportResult result = new S3DumpExporter(config.s3().client(), config.bucket(),
                MultipartUploadStream.MIN_PART_SIZE, Clock.systemUTC()).export(snapshot, args[0], Map.of(),
                Instant.now().plusSeconds(600), DumpListener.none());
            System.out.println("sqlBytes=" + result.dump().bytes() + " objectBytes=" + result.objectBytes()
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }
}
